//! Annotated-prose fixtures for counts: a sentence, and under it the expected facts
//! written as "kind value period qualifier".

use super::run;
use crate::testutil::doc;
use tierwatch_model::{Period, SectionKind};

fn counts(text: &str) -> Vec<String> {
    counts_in(None, text)
}

/// [`counts`] of a fixture read as a chapter of `report_year`'s report.
fn counts_in(report_year: Option<u16>, text: &str) -> Vec<String> {
    let (mut d, seg) = doc("Mexico", SectionKind::Prosecution, text);
    d.metadata.report_year = report_year.and_then(tierwatch_model::ReportYear::new);
    let cx = crate::Ctx::new(&d, &seg);
    let mut out = Vec::new();
    run(&cx, &mut out);
    out.iter()
        .map(|f| {
            assert_eq!(f.provenance.quote, &text[f.provenance.range.start..f.provenance.range.end]);
            let p = match f.period {
                Period::Year(y) => y.to_string(),
                Period::ReportingPeriod => "rp".into(),
                Period::PreviousPeriod => "pp".into(),
                Period::Unknown => "?".into(),
            };
            let q = serde_json::to_value(f.qualifier).unwrap();
            format!("{} {} {} {}", f.kind.code(), f.value.render(), p, q.as_str().unwrap())
        })
        .collect()
}

#[test]
fn breakdowns_and_comparisons() {
    assert_eq!(
        counts("Authorities initiated 127 federal and 298 state investigations in 2017, compared to 188 federal and 288 state investigations in 2016 and 250 federal and 415 state investigations for trafficking in 2015."),
        [
            "investigations 127 2017 exact",
            "investigations 298 2017 exact",
            "investigations 188 2016 exact",
            "investigations 288 2016 exact",
            "investigations 250 2015 exact",
            "investigations 415 2015 exact",
        ]
    );
    assert_eq!(
        counts("Authorities initiated prosecutions against 609 individuals in federal and state cases in 2017, compared to 479 in 2016 and 578 in 2015."),
        ["prosecutions 609 2017 exact", "prosecutions 479 2016 exact", "prosecutions 578 2015 exact"]
    );
}

#[test]
fn parenthesised_comparisons() {
    assert_eq!(
        counts("The government investigated six cases (16 in 2016). Of these, two cases were sex trafficking and four were forced labor."),
        ["investigations 6 2017 exact", "investigations 16 2016 exact"]
    );
    assert_eq!(
        counts("The State Prosecutor's Office investigated three suspects (one in 2016) and indicted three defendants (none in 2016)."),
        [
            "investigations 3 2017 exact",
            "investigations 1 2016 exact",
            "prosecutions 3 2017 exact",
            "prosecutions 0 2016 exact",
        ]
    );
}

#[test]
fn comparisons_told_as_likeness() {
    // "on par with", "similar to", "the same as" compare as "compared to" does
    assert_eq!(
        counts("It convicted seven traffickers during 2017, on par with nine it convicted in 2016, and sentences ranged from three years plus a fine to life in prison."),
        ["convictions 7 2017 exact", "convictions 9 2016 exact"]
    );
    assert_eq!(
        counts("Authorities prosecuted 12 defendants in 2017, the same as 12 defendants in 2016."),
        ["prosecutions 12 2017 exact", "prosecutions 12 2016 exact"]
    );
}

/// A clause after a semicolon that counts with a verb of its own is no part of the comparison
/// before it, whatever the verb's form (Republic of Korea 2018); a gerund in the list of the
/// counts compared stays in it.
#[test]
fn a_clause_after_a_semicolon_counts_on_its_own() {
    assert_eq!(
        counts("The government identified 77 foreign sex trafficking victims, compared with 82 in 2016; statistics for labor trafficking victims were unavailable; however the government reported identifying three labor trafficking victims in 2017."),
        ["victims_identified 77 2017 exact", "victims_identified 82 2016 exact", "victims_identified 3 2017 exact"]
    );
    assert_eq!(
        counts("The government reported investigating 90 alleged traffickers, prosecuting 53, and convicting 20, compared with investigating 98, prosecuting 60, and convicting 30 in 2016."),
        [
            "investigations 90 2017 exact",
            "prosecutions 53 2017 exact",
            "convictions 20 2017 exact",
            "investigations 98 2016 exact",
            "prosecutions 60 2016 exact",
            "convictions 30 2016 exact"
        ]
    );
}

#[test]
fn totals_not_parts() {
    assert_eq!(
        counts("The government reported identifying 667 trafficking victims in 2017Š429 for sex trafficking, 103 for forced labor or services, and 115 unspecifiedŠcompared to 740 victims in 2016 and 1,814 in 2015."),
        ["victims_identified 667 2017 exact", "victims_identified 740 2016 exact", "victims_identified 1814 2015 exact"]
    );
    assert_eq!(
        counts("The Ministry identified and provided support to 196 forced labor victims abroad, including 180 in the United States and 16 in other countries, compared to 20 in 2016."),
        ["victims_identified 196 2017 exact", "victims_identified 20 2016 exact"]
    );
}

#[test]
fn words_qualifiers_and_old_style_years() {
    let (d, mut seg) = doc("Mexico", SectionKind::Prosecution, "Last year, federal authorities initiated at least 13 trafficking investigations and secured one conviction and sentence in a major case.");
    let mut d = d;
    d.metadata.report_year = tierwatch_model::ReportYear::new(2007);
    seg.sections.clear();
    let cx = crate::Ctx::new(&d, &seg);
    let mut out = Vec::new();
    run(&cx, &mut out);
    let v: Vec<String> = out.iter().map(|f| format!("{} {} {:?} {:?}", f.kind.code(), f.value.render(), f.period, f.qualifier)).collect();
    assert_eq!(v, ["investigations 13 Year(2006) AtLeast", "convictions 1 Year(2006) Exact"]);
    assert_eq!(
        counts("the government's efforts to investigate trafficking crimes increased from eight cases in 2005 to at least 13 cases in 2006."),
        ["investigations 8 2005 exact", "investigations 13 2006 at_least"]
    );
    assert_eq!(counts("Twenty-three defendants were convicted in 2017."), ["convictions 23 2017 exact"]);
}

#[test]
fn explicit_zeros() {
    assert_eq!(counts("The government did not convict any traffickers for the second consecutive year."), ["convictions 0 ? exact"]);
    assert_eq!(
        counts("However, the government did not report prosecuting or convicting traffickers, and did not report identifying or assisting any trafficking victims."),
        ["prosecutions 0 ? exact", "convictions 0 ? exact", "victims_identified 0 ? exact"]
    );
    assert_eq!(counts("The government did not investigate, prosecute, or convict any child sex tourists."), ["investigations 0 ? exact", "prosecutions 0 ? exact", "convictions 0 ? exact"]);
    assert_eq!(counts("The government identified no trafficking victims during the reporting period."), ["victims_identified 0 rp exact"]);
    // the previous period named right after the zero's object ("any victims the previous year")
    assert_eq!(
        counts("It identified 31 adult trafficking victims during the reporting period; it did not report identifying any victims the previous year."),
        ["victims_identified 31 rp exact", "victims_identified 0 pp exact"]
    );
}

#[test]
fn not_counts() {
    // complicity-only, unknown numbers, money, sentences, officials trained
    assert!(counts("The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking offenses.").is_empty());
    assert!(counts("The government did not report the number of investigations or prosecutions.").is_empty());
    assert!(counts("The government provided no data on prosecutions or convictions of child sex tourists.").is_empty());
    assert!(counts("Authorities gave no information about investigations in 2017.").is_empty());
    assert!(counts("In 2017, the government dedicated 6.7 million pesos for investigations and prosecutions.").is_empty());
    assert!(counts("The government reported sentences ranging from two years to 99 years imprisonment.").is_empty());
    assert!(counts("The government trained 300 officials on victim identification and investigated 12 officials.").is_empty());
}

#[test]
fn passive_statements() {
    assert_eq!(counts("An additional 12 defendants faced charges under article 12.3."), ["prosecutions 12 ? exact"]);
    assert_eq!(counts("One additional alleged sex trafficking suspect remained under investigation."), ["investigations 1 ? exact"]);
    assert_eq!(counts("In 2016, 48 were convicted for trafficking, compared with 71 in 2015."), ["convictions 48 2016 exact", "convictions 71 2015 exact"]);
}

#[test]
fn noun_phrases_end_at_verbs() {
    assert_eq!(counts("This was an increase from 77 investigations and seven case prosecutions in 2015."), ["investigations 77 2015 exact", "prosecutions 7 2015 exact"]);
    assert!(counts("A senior police official noted at least one state did not report conviction data.").is_empty());
}

#[test]
fn zeros_written_many_ways() {
    // "has not reported investigating", "has never reported convicting"
    assert_eq!(
        counts("The government has not reported investigating a trafficker since 2014 and has never reported convicting a trafficker."),
        ["investigations 0 ? exact", "convictions 0 ? exact"]
    );
    // "did not identify or refer any victims"
    assert_eq!(counts("Since 2014, it did not identify or refer any trafficking victims to protective services."), ["victims_identified 0 ? exact"]);
    // complicity in a later clause does not make the zero a complicity count
    assert_eq!(
        counts("To date, the government has failed to convict a trafficker and a ruling is still pending on penalties for complicit police officers in a 2015 case."),
        ["convictions 0 ? exact"]
    );
    // both forms named: all trafficking, a zero of the kind
    assert_eq!(counts("The government did not report any convictions in 2017 for sex trafficking or forced labor."), ["convictions 0 2017 exact"]);
    // one form only: a part of the kind's figures, left out with its comparison
    assert!(counts("The government did not report prosecuting any alleged sex traffickers, compared with prosecutions of 15 defendants during the previous year.").is_empty());
    // complicity named before the negation: the zeros are about those officials
    assert!(counts("Authorities investigated officials potentially complicit in trafficking offenses but did not report prosecutions or convictions.").is_empty());
    // a clause after "nor" that turns to complicit officials leaves the zeros before it standing
    assert_eq!(
        counts("The government did not report prosecuting or convicting any traffickers, nor did it prosecute officials complicit in trafficking crimes."),
        ["prosecutions 0 ? exact", "convictions 0 ? exact"]
    );
    // "traffickers, including complicit officials" widens the object; it is not restricted to them
    assert_eq!(
        counts("Authorities did not convict any traffickers, including those officials complicit in the crime."),
        ["convictions 0 ? exact"]
    );
    // officials are never the victims identified: complicity before the negation leaves that zero
    assert_eq!(
        counts("The government investigated officials complicit in trafficking, nor did it identify any trafficking victims."),
        ["victims_identified 0 ? exact"]
    );
    // a nationality after "any", and citizens or employers as the object
    assert_eq!(
        counts("The government did not report investigating or prosecuting any Chinese citizens for child sex tourism."),
        ["investigations 0 ? exact", "prosecutions 0 ? exact"]
    );
    assert_eq!(counts("Police did not investigate any employers who withheld passports."), ["investigations 0 ? exact"]);
    // a zero about child soldiering offenses is about one form, whoever it includes
    assert!(counts("The government did not report any prosecutions for child soldiering offenses, including of soldiers who committed them.").is_empty());
    // but complicity within the negated object is still complicity
    assert!(counts("The government did not convict any officials complicit in trafficking, nor did it take punitive measures against them.").is_empty());
}

#[test]
fn units_breakdowns_and_other_offences() {
    // what cases led to is their kind: "12 cases that led to criminal prosecutions"
    assert_eq!(counts("Police reported 12 cases that led to criminal prosecutions in 2017."), ["prosecutions 12 2017 exact"]);
    // a partitive's noun heads the number: "Thirty-three of these cases resulted in convictions"
    assert_eq!(
        counts("Thirty-three of these cases resulted in convictions (13 in 2016)."),
        ["convictions 33 2017 exact", "convictions 13 2016 exact"]
    );
    // other partitives are parts of the total told before
    assert!(counts("Three of the identified victims were minors (eight in 2016).").is_empty());
    // people are prosecuted, cases are opened: "opened 42 lawsuits" counts no investigations
    assert!(counts("Labor inspectors opened 42 lawsuits and issued 116 administrative citations.").is_empty());
    assert_eq!(counts("Police opened 164 cases."), ["investigations 164 ? exact"]);
    // "N defendants in M cases" is one count; "N cases involving M suspects" two
    assert_eq!(counts("The government secured convictions of 13 defendants in seven cases in 2016."), ["convictions 13 2016 exact"]);
    assert_eq!(
        counts("In 2020, authorities initiated prosecution of 39 cases involving 31 suspects."),
        ["prosecutions 39 2020 exact", "prosecutions 31 2020 exact"]
    );
    // parts after a dash pair and inside brackets, the comparison of the total kept
    assert_eq!(
        counts("The government identified 482 victims of trafficking—45 adult females, 111 boys, and 326 girls—compared with 383 victims identified in 2020."),
        ["victims_identified 482 2021 exact", "victims_identified 383 2020 exact"]
    );
    // a comparison of a part is a part
    assert_eq!(
        counts("The government identified 455 victims in 2017 (824 in 2016), including 336 sex trafficking victims (335 in 2016) and 119 labor trafficking victims (489 in 2016)."),
        ["victims_identified 455 2017 exact", "victims_identified 824 2016 exact"]
    );
    // participles carry the kind inside a comparison
    assert_eq!(
        counts("In 2020, authorities convicted 12 traffickers, compared with nine traffickers prosecuted and 12 convicted in 2019."),
        ["convictions 12 2020 exact", "prosecutions 9 2019 exact", "convictions 12 2019 exact"]
    );
    // counts for another offence
    assert!(counts("Police investigated 42 individuals for pimping.").is_empty());
    assert_eq!(counts("There were 17 upheld convictions for forced prostitution in 2017."), ["convictions 17 2017 exact"]);
}

#[test]
fn counts_of_one_form_after_a_total_are_parts() {
    // the total, its dated bracket comparison, then parts by form and their comparisons
    assert_eq!(
        counts("Police investigated 21 cases with 147 suspects (25 cases with 97 suspects in 2016), 20 cases of sex trafficking and one case of forced labor (18 sex trafficking cases and seven forced labor cases in 2016)."),
        ["investigations 21 2017 exact", "investigations 147 2017 exact", "investigations 25 2016 exact", "investigations 97 2016 exact"]
    );
    // after a comparison cue, counts by form are the earlier period's figures
    assert_eq!(
        counts("The government reported investigating nine cases, as compared to only one sex trafficking case and one forced labor case investigated during the previous reporting period."),
        ["investigations 9 rp exact", "investigations 1 pp exact", "investigations 1 pp exact"]
    );
    // a count of child labor cases is another offence
    assert!(counts("In 2017, it opened 420 child labor cases.").is_empty());
}

#[test]
fn parts_after_long_openers_exceptions_and_restated_years() {
    // "Of the N ..., " opens a breakdown however long its noun phrase
    assert!(counts("Of the 131 confirmed and potential victims the government identified in 2017, 127 victims, including 26 children, were sexually exploited.").is_empty());
    // "except one ..." is an exception inside the count, not a count
    assert_eq!(
        counts("In 2017, the government prosecuted six individuals, all for child sex trafficking; of the prosecuted individuals, all were Mauritians, except one French individual."),
        ["prosecutions 6 2017 exact"]
    );
    // a bracket that restates the year of the count before it breaks that count down
    assert_eq!(
        counts("The government reported 57 prosecutions (55 under article 149 and two under article 149a), compared with 147 prosecutions in 2016 (135 under the old penal code, three under article 149, and three under article 149a in 2016)."),
        ["prosecutions 57 2017 exact", "prosecutions 147 2016 exact"]
    );
}

#[test]
fn funding_starts_a_new_action() {
    assert!(counts("The government made efforts by identifying and referring victims to services, and funding temporary shelter for 16 trafficking victims exploited abroad.").is_empty());
}

#[test]
fn a_verb_object_with_modifiers_counts_when_it_is_about_trafficking() {
    assert_eq!(
        counts("Law enforcement investigated 346 trafficking offenses in 2017, compared with 112 in 2016."),
        ["investigations 346 2017 exact", "investigations 112 2016 exact"]
    );
    assert_eq!(
        counts("The government reported investigating five recruitment agents for suspected human trafficking in 2017, compared to three in 2016."),
        ["investigations 5 2017 exact", "investigations 3 2016 exact"]
    );
    // objects of another kind, or counted for another offence
    assert!(counts("The agency opened five new schools in communities of former slaves.").is_empty());
    assert!(counts("A second judge convicted eight bar owners for pandering of minors.").is_empty());
}

#[test]
fn negated_triggers_habits_openers_and_immigration_offences() {
    // "but not yet convicting" counts nothing; the trigger before it governs the number
    assert_eq!(
        counts("The government reported prosecuting, but not yet convicting, one suspected trafficker under the 2011 anti-trafficking law."),
        ["prosecutions 1 ? exact"]
    );
    assert!(counts("Officials screened for, but did not identify, trafficking indicators among 50 women arrested during raids.").is_empty());
    // "In one prosecution ..." sets the scene for one case
    assert_eq!(
        counts("In one prosecution completed in 2017, the government convicted 62 offenders."),
        ["convictions 62 2017 exact"]
    );
    // a habit is not a zero
    assert!(counts("The government often did not investigate for trafficking indicators such as passport retention.").is_empty());
    // convictions for immigration violations are another offence
    assert!(counts("The GIS convicted three individuals for immigration violations such as possessing false documents.").is_empty());
}

#[test]
fn lists_after_included_whole_sentence_comparisons_and_uncertain_restatements() {
    // "this included N ..., N ..., and N ..." lists parts of the total before it
    assert_eq!(
        counts("The court concluded 1,146 trafficking cases, culminating in 1,556 convictions (1,756 in 2016); this included 1,097 convictions for the trafficking of women and children, 420 convictions for forced prostitution, and 39 convictions for forced labor."),
        ["convictions 1556 2017 exact", "convictions 1756 2016 exact"]
    );
    // ... but "cases that may have included trafficking" opens no list
    assert_eq!(
        counts("In 2017, the unit investigated 30 suspected child traffickers, compared with 48 child abuse cases that may have included trafficking, involving 66 suspects in 2016.").iter().filter(|c| c.contains(" 66 ")).count(),
        1
    );
    // a breakdown inside a sentence that is all comparison is still a breakdown
    assert_eq!(
        counts("This was compared with five investigations and six prosecutions (two sex trafficking and four labor trafficking) during the previous reporting period."),
        ["investigations 5 pp exact", "prosecutions 6 pp exact"]
    );
    // "unclear how many of the seven convictions" restates a figure; after ", but" it counts again
    assert!(counts("It was unclear how many of the seven convictions were for forced labor or sex trafficking.").is_empty());
    assert_eq!(
        counts("It was unclear how many calls constituted indicators of trafficking, but officials identified one trafficking victim as a result of the hotline."),
        ["victims_identified 1 ? exact"]
    );
    // complaints of overcharging are another offence
    assert!(counts("LAB investigated 13 complaints of overcharging by employment agencies.").is_empty());
}

#[test]
fn the_set_a_count_is_taken_from_and_verbs_inside_a_noun_phrase() {
    assert_eq!(
        counts("Authorities convicted seven of the eight suspects under articles 317 through 320 in 2017."),
        ["convictions 7 2017 exact"]
    );
    // "one listening center recorded many cases": the verb ends the number's noun phrase
    assert_eq!(
        counts("The government did not report convicting any traffickers despite reports that one listening center recorded many cases that may have amounted to trafficking."),
        ["convictions 0 ? exact"]
    );
}

#[test]
fn a_repeated_figure_takes_the_period_of_the_one_it_repeats() {
    assert_eq!(
        counts("The government identified 399 victims in 2017, compared with 240 in 2016. Of the 399 victims identified, 305 were victims of forced labor."),
        ["victims_identified 399 2017 exact", "victims_identified 240 2016 exact", "victims_identified 399 2017 exact"]
    );
    // small figures are as likely new counts: they keep no period
    assert_eq!(
        counts("Courts convicted five traffickers (one in 2016). The government convicted one sex trafficker and, in one case, four labor traffickers."),
        ["convictions 5 2017 exact", "convictions 1 2016 exact", "convictions 1 ? exact", "convictions 4 ? exact"]
    );
}

#[test]
fn a_figure_a_sentence_takes_up_takes_the_period_of_the_one_before() {
    // "Of the N ..." takes up the figure the sentence before counts first, when no smaller
    assert_eq!(
        counts("Courts convicted 33 traffickers, including four for attempted trafficking, during the reporting period. Of the 29 convictions for human trafficking, sentences ranged from six months to 21 years imprisonment."),
        ["convictions 33 rp exact", "convictions 29 rp exact"]
    );
    assert_eq!(
        counts("Courts convicted 37 traffickers in 26 cases (11 traffickers in eight cases in 2016). Of the 33 convictions for which the government provided sentencing data, 31 received prison sentences."),
        ["convictions 37 2017 exact", "convictions 11 2016 exact", "convictions 33 2017 exact"]
    );
    // not from a compared figure, not a part larger than the whole, not without "Of the"
    assert_eq!(
        counts("The government identified 121 victims, a decrease from 168 identified during the previous reporting period. Of the 150 victims identified, 86 were adults."),
        ["victims_identified 121 rp exact", "victims_identified 168 pp exact", "victims_identified 150 ? exact"]
    );
    assert_eq!(
        counts("Courts convicted 37 traffickers in 2017. Judges later convicted 33 traffickers for other crimes."),
        ["convictions 37 2017 exact", "convictions 33 ? exact"]
    );
}

#[test]
fn earlier_figures_beside_an_unreported_one() {
    // the bracket counts what the clause names, each figure for its year; the unreported
    // year itself gives nothing (unknown is not zero)
    assert_eq!(
        counts("The government did not report the number of victims identified (11 in 2016, none in 2015, and 151 in 2014)."),
        ["victims_identified 11 2016 exact", "victims_identified 0 2015 exact", "victims_identified 151 2014 exact"]
    );
    assert_eq!(counts("Police did not report the number of investigations initiated (at least 40 in 2016)."), ["investigations 40 2016 at_least"]);
    // victims who are not said to be identified are not counted
    assert!(counts("The government did not report the number of victims that assisted in investigations (12 in 2016).").is_empty());
    // without a year, the bracket is no figure of an earlier year
    assert!(counts("Authorities did not provide data on investigations (see above).").is_empty());
}

#[test]
fn a_definite_object_is_no_count_of_none() {
    // the suspects or traffickers of a case told before: not "none were prosecuted"
    assert!(counts("However, the Public Prosecutor's Office did not prosecute the suspects.").is_empty());
    assert!(counts("While they removed the children, they did not investigate the alleged traffickers.").is_empty());
    assert!(counts("Police arrested two men but did not charge them.").iter().all(|c| !c.ends_with("0 ? exact")));
    // "any" makes it a count
    assert_eq!(counts("The government did not prosecute any suspects."), ["prosecutions 0 ? exact"]);
    assert_eq!(
        counts("The government did not investigate, prosecute, or convict any traffickers."),
        ["investigations 0 ? exact", "prosecutions 0 ? exact", "convictions 0 ? exact"]
    );
}

#[test]
fn the_bracket_after_a_part_with_its_own_verb_compares_the_part() {
    assert_eq!(
        counts("In 2017, authorities identified 228 victims (197 in 2016), 120 of whom were victims of forced prostitution (107 in 2016)."),
        ["victims_identified 228 2017 exact", "victims_identified 197 2016 exact"]
    );
    // a count's own bracket still compares it
    assert_eq!(
        counts("Courts prosecuted 26 individuals (43 in 2016), leading to 23 convictions (37 in 2016)."),
        ["prosecutions 26 2017 exact", "prosecutions 43 2016 exact", "convictions 23 2017 exact", "convictions 37 2016 exact"]
    );
}

#[test]
fn participles_and_what_a_number_is_identified_as() {
    // "reported" before the head noun modifies it; after the number alone it is a verb
    assert_eq!(
        counts("Police investigated 448 reported trafficking cases (562 in 2016)."),
        ["investigations 448 2017 exact", "investigations 562 2016 exact"]
    );
    // (an article after it makes it the verb: the case noun further on is its object)
    assert!(counts("Police investigated 263 reported the trafficking cases.").is_empty());
    // the number counts what it is identified as
    assert_eq!(
        counts("The agency identified 215 females as potential trafficking victims compared with 42 in 2016."),
        ["victims_identified 215 2017 exact", "victims_identified 42 2016 exact"]
    );
    assert!(counts("Authorities identified 20 foreigners as suspects.").is_empty());
}

#[test]
fn a_clause_after_officials_is_not_about_them() {
    // the elliptical comparison after the semicolon compares the prosecutions
    assert_eq!(
        counts("The government investigated two cases, including one police officer; initiated two new prosecutions (three in 2016)."),
        ["investigations 2 2017 exact", "prosecutions 2 2017 exact", "prosecutions 3 2016 exact"]
    );
    // within the clause, the numbers after officials are still about them
    assert!(counts("Authorities reported investigations of 20 officials, prosecuted eight, and convicted five.").is_empty());
}

#[test]
fn uncertainty_ends_at_although() {
    assert_eq!(
        counts("It was not clear how many foreign victims were identified, although the ministry reported identifying 59 possible foreign victims."),
        ["victims_identified 59 ? exact"]
    );
    assert!(counts("It was unclear how many of the 12 victims were identified by police.").is_empty());
}

#[test]
fn a_comparison_ends_where_a_clause_counts_again() {
    // a verb of its own after the comparison: a count of the current period (South Africa 2018)
    assert_eq!(
        counts("The government initiated prosecutions of 23 cases compared to six cases in the previous year, and it obtained convictions of eight traffickers, compared to 11 traffickers convicted in 2016."),
        ["prosecutions 23 2017 exact", "prosecutions 6 pp exact", "convictions 8 2017 exact", "convictions 11 2016 exact"]
    );
    // the lead's comparison year is not the clause's year
    assert_eq!(
        counts("The government sent 85 cases to court in 2017, compared to 33 in 2016, and convicted 58 traffickers, compared to 56 in 2016."),
        ["convictions 58 2017 exact", "convictions 56 2016 exact"]
    );
    // a list of compared figures stays a comparison (Malawi 2018)
    assert_eq!(
        counts("In total, this is compared with 30 arrests and prosecutions, and 18 convicted during the previous reporting period."),
        ["prosecutions 30 pp exact", "convictions 18 pp exact"]
    );
}

#[test]
fn a_sentence_opening_on_the_period_before() {
    // (Qatar 2018)
    assert_eq!(
        counts("During the previous reporting period, it achieved 28 trafficking-related convictions, including facilitating prostitution."),
        ["convictions 28 pp exact"]
    );
    // "Similar to the previous year" compares; it does not date
    assert_eq!(
        counts("Similar to the previous year, the government initiated two trafficking investigations during the reporting period."),
        ["investigations 2 rp exact"]
    );
    // a zero after "an increase from" is the earlier period's
    assert_eq!(
        counts("The government investigated 22 cases of child trafficking but did not prosecute or convict any suspects for trafficking offenses, an increase from no investigations, prosecutions, or convictions the previous reporting period."),
        ["investigations 22 rp exact", "investigations 0 pp exact", "prosecutions 0 rp exact", "convictions 0 rp exact"]
    );
}

#[test]
fn a_verb_of_another_action_ends_the_count() {
    // "required", "ordered", "granted", "awarded" start an action of their own, as
    // "referred" and "sentenced" do: the number after them is not counted by the trigger before
    assert!(counts("The court sentenced both convicted traffickers to three years imprisonment and required one trafficker to pay restitution to one victim.").is_empty());
    assert!(counts("In total, the courts convicted the traffickers and ordered two of them to pay restitution.").is_empty());
}

#[test]
fn the_nearer_period_phrase_governs() {
    // the count's own period comes first; the previous period is what it is compared with
    assert_eq!(
        counts("Courts convicted 33 traffickers during the reporting period, the same number as in the previous reporting period."),
        ["convictions 33 rp exact"]
    );
    assert_eq!(counts("Courts convicted 33 traffickers in the previous reporting period."), ["convictions 33 pp exact"]);
}

#[test]
fn a_comparison_with_the_period_before_dates_the_count_now() {
    // what the count is compared with is no count of its own ("no investigations")
    assert_eq!(
        counts("The government investigated 22 cases of child trafficking, an increase from no investigations the previous reporting period."),
        ["investigations 22 rp exact", "investigations 0 pp exact"]
    );
}

#[test]
fn a_bracket_after_parts_with_their_own_verb_compares_those_parts() {
    // the clauses after the semicolon break the total down, each part with its verb; the
    // brackets give last year's parts, not counts of their own
    assert_eq!(
        counts("The government identified 38 victims (46 in 2016); 35 victims were subjected to sex trafficking and three to forced begging (26 to sex trafficking and nine to forced labor in 2016); 24 were adults and 14 were children (30 adults and 16 children in 2016)."),
        ["victims_identified 38 2017 exact", "victims_identified 46 2016 exact"]
    );
    // a bracket after a count of its clause still compares that count
    assert_eq!(
        counts("The police investigated 12 suspects (nine in 2016); prosecutors indicted five defendants (four in 2016)."),
        [
            "investigations 12 2017 exact",
            "investigations 9 2016 exact",
            "prosecutions 5 2017 exact",
            "prosecutions 4 2016 exact",
        ]
    );
}

#[test]
fn a_breakdown_in_brackets_does_not_hide_the_year_after_it() {
    assert_eq!(
        counts("The ministry reported identifying 41 victims (nine sex trafficking victims and 32 labor trafficking victims), compared to 30 victims (18 sex trafficking and 12 labor trafficking victims) in 2016."),
        ["victims_identified 41 2017 exact", "victims_identified 30 2016 exact"]
    );
    // a dated bracket is the comparison itself and dates nothing after it
    assert_eq!(
        counts("Police investigated 14 cases (12 in 2016) during the reporting period."),
        ["investigations 14 2017 exact", "investigations 12 2016 exact"]
    );
}

#[test]
fn a_month_and_year_opening_the_clause_dates_its_counts() {
    assert_eq!(counts("In March 2017, border police identified 14 trafficking victims at the airport."), ["victims_identified 14 2017 exact"]);
    // after the count, a dated event is another one
    assert_eq!(
        counts("The court convicted one trafficker for forced labor, in a case that began in July 2013."),
        ["convictions 1 ? exact"]
    );
}

#[test]
fn coordinated_compared_numbers_share_the_period_after_the_last() {
    assert_eq!(
        counts("Police identified 90 victims of sex trafficking and 41 victims of forced labor, up from 62 and 30 in 2016, respectively."),
        [
            "victims_identified 90 2017 exact",
            "victims_identified 41 2017 exact",
            "victims_identified 62 2016 exact",
            "victims_identified 30 2016 exact",
        ]
    );
}

#[test]
fn part_of_a_year_dates_a_count_by_that_year() {
    assert_eq!(
        counts("Police identified 64 victims in the first nine months of 2017, compared with 50 victims in the first half of 2016."),
        ["victims_identified 64 2017 exact", "victims_identified 50 2016 exact"]
    );
}

#[test]
fn the_year_a_sentence_opens_on_dates_its_later_clauses() {
    assert_eq!(
        counts("In 2017, the hotline received 4,100 calls; 35 potential victims were identified through it."),
        ["victims_identified 35 2017 exact"]
    );
    // not a comparison after the semicolon: it tells of the period before
    assert_eq!(
        counts("In 2017, police identified 40 victims; this compares to 28 victims identified the previous year."),
        ["victims_identified 40 2017 exact", "victims_identified 28 pp exact"]
    );
}

#[test]
fn the_previous_period_without_reporting_is_the_period_before() {
    assert_eq!(
        counts("During the reporting period, courts convicted 12 traffickers, compared with nine convictions in the previous period."),
        ["convictions 12 rp exact", "convictions 9 pp exact"]
    );
}

#[test]
fn a_comparison_with_its_own_breakdown_is_still_a_comparison() {
    assert_eq!(
        counts("Authorities initiated 52 investigations (40 sex trafficking cases and 12 labor trafficking cases), compared with 47 (39 sex trafficking cases and eight labor trafficking cases) in 2016."),
        ["investigations 52 2017 exact", "investigations 47 2016 exact"]
    );
}

#[test]
fn a_list_shares_the_year_stated_after_its_last_item() {
    // a year after the last item of a list of different counts dates the whole list; it is
    // no comparison ("47 investigations, and 18 in 2016" would be one)
    assert_eq!(
        counts("The government reported 47 trafficking investigations, 29 prosecutions, and 18 convictions in 2010."),
        [
            "investigations 47 2010 exact",
            "prosecutions 29 2010 exact",
            "convictions 18 2010 exact",
        ]
    );
    assert_eq!(
        counts("Police investigated 12 cases, and 30 suspects in 2017."),
        ["investigations 12 2017 exact", "investigations 30 2017 exact"]
    );
    // and its last item is a count of the period, not a compared figure
    let t = "The government reported 47 trafficking investigations, 29 prosecutions, and 18 convictions in 2010.";
    let (d, seg) = doc("Mexico", SectionKind::Prosecution, t);
    let mut out = Vec::new();
    run(&crate::Ctx::new(&d, &seg), &mut out);
    assert!(out.iter().all(|f| f.confidence == 0.85), "{:?}", out.iter().map(|f| f.confidence).collect::<Vec<_>>());
    // the same count told again with its own year after a comma is the compared one
    assert_eq!(
        counts("Police investigated 30 cases, and 12 cases in 2016."),
        ["investigations 30 2017 exact", "investigations 12 2016 exact"]
    );
}

#[test]
fn a_later_clause_on_the_year_before_dates_the_counts_before_it() {
    // the clause "in 2016, ..." sets its year against the undated counts before it, like a
    // comparison; an adverb does not break "and"
    assert_eq!(
        counts_in(Some(2018), "It convicted and sentenced seven sex traffickers to prison terms; in 2016, the government convicted and similarly sentenced three traffickers."),
        ["convictions 7 2017 exact", "convictions 3 2016 exact"]
    );
    // a clause on another kind dates nothing
    assert_eq!(
        counts_in(Some(2018), "It prosecuted 12 defendants; in 2016, the government identified nine victims."),
        ["prosecutions 12 ? exact", "victims_identified 9 2016 exact"]
    );
    // a year that is not the one before the reporting year sets nothing against them
    assert_eq!(
        counts_in(Some(2018), "It convicted seven traffickers; in 2014, the government convicted three traffickers."),
        ["convictions 7 ? exact", "convictions 3 2014 exact"]
    );
}

#[test]
fn the_previous_period_named_before_a_compared_figure() {
    // "a significant decrease from": an adjective between the article and the cue; the
    // figure after "the previous reporting period, when" is that period's
    assert_eq!(
        counts("The government reported identifying 35 child victims, a significant decrease from the previous reporting period, when police identified more than 649 victims."),
        ["victims_identified 35 rp exact", "victims_identified 649 pp more_than"]
    );
    assert_eq!(
        counts("This was an increase compared to the previous reporting period when the ministry identified 134 victims."),
        ["victims_identified 134 pp exact"]
    );
    // a comparison inside a dashed aside ends with the aside: the count after it is the
    // current one, set against the previous period
    assert_eq!(
        counts("With data from 33 departments—a significant increase from the previous reporting period, when eight departments reported data—the government reported 59 case investigations."),
        ["investigations 59 rp exact"]
    );
    // ... not when the comparison goes on past the dash
    assert_eq!(
        counts("In 2017, the unit—a specialized police unit—investigated 30 suspected traffickers—compared with 48 abuse cases that may have included trafficking—involving 66 suspects in 2016."),
        ["investigations 30 2017 exact", "investigations 48 2016 exact", "investigations 66 2016 exact"]
    );
}

#[test]
fn several_earlier_periods_name_none() {
    assert_eq!(counts("The government also continued 15 investigations from previous reporting periods."), ["investigations 15 ? exact"]);
    assert_eq!(counts("It continued the prosecutions of 26 suspected traffickers initiated in prior years."), ["prosecutions 26 ? exact"]);
    // one earlier period, or a number of them, is named
    assert_eq!(counts("It continued 15 investigations from the previous reporting period."), ["investigations 15 pp exact"]);
    assert_eq!(counts("At least 11 investigations remained ongoing from the previous reporting periods."), ["investigations 11 pp at_least"]);
    assert_eq!(counts("It convicted no traffickers, compared with 12 convictions in the previous two years."), ["convictions 12 pp exact"]);
}

#[test]
fn figures_of_one_comparison_share_its_year_past_a_breakdown() {
    assert_eq!(
        counts("The government prosecuted 10 suspected traffickers and convicted four persons, compared to 13 prosecutions (10 sex trafficking and three labor trafficking suspects) and three convictions in 2016."),
        ["prosecutions 10 2017 exact", "convictions 4 2017 exact", "prosecutions 13 2016 exact", "convictions 3 2016 exact"]
    );
    // "this compares to" after a semicolon is a comparison too
    assert_eq!(
        counts("In 2017, the government convicted six traffickers; this compares to zero convictions under the act and seven convictions under other statutes in 2016."),
        ["convictions 6 2017 exact", "convictions 0 2016 exact", "convictions 7 2016 exact"]
    );
}

#[test]
fn a_zero_is_not_dated_by_a_comparison_it_stands_beside() {
    // the bracket's year is the compared figure's, not the next clause's zero's (which the
    // sentence's "during the reporting period" dates, as before)
    assert_eq!(
        counts("There were no prosecutions during the reporting period (none in 2016), and the government has never convicted a trafficker."),
        ["prosecutions 0 rp exact", "convictions 0 rp exact"]
    );
    // a compared zero takes its own words' period, not the year the sentence opens on
    assert_eq!(
        counts("In 2017, the government convicted two traffickers, compared with no convictions since 2014."),
        ["convictions 2 2017 exact", "convictions 0 ? exact"]
    );
}

#[test]
fn a_comparison_with_a_list_of_years_is_with_the_latest() {
    assert_eq!(
        counts("The government investigated seven suspected cases of trafficking; this compared with three cases each year in 2014, 2015, and 2016."),
        ["investigations 7 2017 exact", "investigations 3 2016 exact"]
    );
}

#[test]
fn victims_identified_after_their_breakdown() {
    assert_eq!(
        counts("This was similar to 1,128 potential trafficking victims (529 people in prostitution, 165 child labor victims, and 434 forced labor victims) identified in the previous reporting period."),
        ["victims_identified 1128 pp exact"]
    );
    // a dated bracket is a comparison, and no breakdown to step over
    assert!(counts("They assisted 40 victims (12 in 2016) identified by NGOs.").is_empty());
}
