//! Official complicity: one bool fact per sentence that speaks of government officials'
//! complicity in trafficking (allegations, concerns, investigations, prosecutions,
//! convictions of officials, corruption facilitating trafficking) -> true; sentences
//! that say there were no such reports or no action against complicit officials -> false.
//! Recommendations are not reports and are skipped.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::Ctx;
use crate::gate::GateSet;

pub const NAME: &str = "complicity";
pub const VERSION: u32 = 7;

static COMPLICITY: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:police\s+officers?|police(?:men|man)?|government\s+officials?|officials?|soldiers?|judges?|prosecutors?|border\s+guards?)\s+(?:who|that)\b[^.;]{0,100}\b(?:was|were)\s+(?:\w+\s+)?(?:convicted|prosecuted|arrested|charged|indicted|investigated|sentenced|dismissed)\b|\bcomplicit|\bcomplicity\b|\b(?:officials?|officers?|police|guards?|personnel|authorities|employees|diplomats?|soldiers)\b[^.;]{0,80}\b(?:allegedly|reportedly)\s+(?:(?:were|was|have|had\s+been|been|continued?\s+to|also|often|sometimes|directly)\s+){0,2}(?:facilitat|accept|bribe|profit|involved|participat|collud|protect|extort|own|exploit|traffick|complicit|sold|sell|forg|contribut|tip|warn|abus|us(?:ed|ing)\s+(?:their|his|her)\s+position)|\bcorrupt(?:ion|ed)?\b[^.;]{0,100}\b(?:traffick|officials?|police|officers|judges|prosecutors|law\s+enforcement|immigration|border)|\b(?:officials?|police|officers|judges|law\s+enforcement|immigration|border)\b[^.;]{0,60}\bcorrupt(?:ion|ed)?\b|\bbrib(?:es?|ing)\b|\bbribery\s+of\s+(?:\w+\s+){0,4}?(?:judges?|officials?|police|officers?|prosecutors?|guards?)\b").unwrap()
});
/// An action taken against an official ("authorities convicted a retired colonel", "arrested
/// two police officers", "investigated two cases involving six individuals, including one
/// police officer"): the word of the action, and the official within the clause after it.
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:allegations?|convicted|prosecuted|investigated|arrested|charged|indicted|dismissed|suspended)\b").unwrap()
});
static OFFICIAL_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:police\s+(?:officers?|officials?|major|chief|commander|cadets?)|(?:government|public|local|border|immigration|customs|military|police|senior|consular)\s+(?:officials?|officers?|employees?)|colonel|soldiers?|judges?|mayors?)\b").unwrap()
});
/// Between the action and the official, someone else the action is about ("convicted most
/// traffickers under the 2015 law, although some judges ...", "convicted three individuals
/// for ... deceiving public officials") — unless the official is one of them ("62 offenders,
/// including 11 government officials").
static OTHER_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:traffickers?|individuals?|defendants?|suspects?|persons?|people|offenders?|perpetrators?|victims?)\b").unwrap()
});
static ONE_OF_THEM: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:including|among\s+(?:them|whom))\b").unwrap());

/// How far after the action word the official may start, in bytes.
const OFFICIAL_REACH: usize = 120;

/// Whether `text` tells of an action against an official ([`ACTION`], [`OFFICIAL_NOUN`]).
fn action_against_official(text: &str) -> bool {
    ACTION.find_iter(text).any(|a| {
        let rest = &text[a.end()..];
        let clause = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
        let Some(o) = OFFICIAL_NOUN.find_iter(clause).find(|o| o.start() <= OFFICIAL_REACH) else { return false };
        let gap = &clause[..o.start()];
        // "a former child soldier" is no official
        if gap.trim_end().to_ascii_lowercase().ends_with("child") && o.as_str().to_ascii_lowercase().starts_with("soldier") {
            return false;
        }
        match OTHER_OBJECT.find_iter(gap).last() {
            Some(other) => ONE_OF_THEM.is_match(&gap[other.end()..]),
            None => true,
        }
    })
}

/// The country's diplomats in trafficking: "sued her former employer, a Malawian diplomat, for
/// human trafficking", "two Liberian diplomats in the United Kingdom engaged in human
/// trafficking", "a diplomat suspected of attempted smuggling, trafficking, or both".
static DIPLOMAT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bdiplomats?\b[^.;]{0,60}?\b(?:for|of)\s+(?:human\s+|labor\s+|sex\s+)?trafficking\b|\bdiplomats?\b[^.;]{0,40}?\b(?:engaged|involved|suspected|accused|alleged(?:ly)?)\b[^.;]{0,40}?\btraffick").unwrap()
});

/// Whether `text` tells of the country's own diplomats in trafficking ([`DIPLOMAT`]); foreign
/// diplomats posted in the country are not its officials.
fn own_diplomat_in_trafficking(text: &str) -> bool {
    DIPLOMAT.find_iter(text).any(|m| !text[..m.start()].trim_end().to_ascii_lowercase().ends_with("foreign"))
}

/// Whether `text` reports complicity: [`COMPLICITY`], an action against an official, or the
/// country's diplomats in trafficking.
fn reports(text: &str) -> bool {
    COMPLICITY.is_match(text) || action_against_official(text) || own_diplomat_in_trafficking(text)
}

/// What every match of [`COMPLICITY`] contains: a word of the first list, or (the
/// alternatives about action against officials) a word of the second and one of the third.
/// "convicted", "investigated" and "charged" are in most prosecution sentences; without an
/// official named beside them the pattern cannot match.
static GATES: LazyLock<GateSet> = LazyLock::new(|| {
    GateSet::new(&[
        &["complicit", "allegedly", "reportedly", "corrupt", "brib", "diplomat"],
        &["allegation", "convicted", "prosecuted", "investigated", "arrested", "charged", "indicted", "dismissed", "suspended", "sentenced"],
        &["police", "official", "officer", "employee", "colonel", "soldier", "judge", "mayor", "prosecutor", "guard"],
    ])
});

/// Whether `text` may match [`COMPLICITY`] (see [`GATES`]).
fn admits(text: &str) -> bool {
    let open = GATES.admitted(text);
    open & 1 != 0 || open & 0b110 == 0b110
}
/// No such reports, or no action reported against complicit officials.
static NONE_REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bno\s+(?:new\s+)?reports?\s+of|\bthere\s+were\s+no\s+(?:reports|allegations|investigations|cases)|\bdid\s+not\s+report\s+(?:any\s+)?(?:new\s+)?(?:investigations|prosecutions|convictions|cases)|\bno\s+(?:investigations|prosecutions|convictions|allegations)\b|\bnor\s+were\s+there").unwrap()
});
/// A prosecution, conviction or sentence of officials, told as done.
static ACTION_AGAINST_OFFICIALS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:prosecut\w*|convict\w*|indict\w*|charged|sentenced)\b[^.;]{0,60}?\b(?:officials?|officers?|police(?:men)?|soldiers?|judges?|prosecutors?|guards?|employees)\b|\b(?:officials?|officers?|policemen|soldiers|judges|guards)\b[^.;]{0,40}?\b(?:were|was|had\s+been)\s+(?:\w+\s+)?(?:prosecuted|convicted|sentenced|indicted|charged)\b").unwrap()
});

/// Who the complicity of the report is about: officials and the state's agents.
static OFFICIALDOM: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bofficials?\b|\bofficers?\b|\bpolice|\bgovernment\s+(?:employees?|personnel|workers|agents?)|\bpublic\s+(?:servants?|employees?)|\bcivil\s+servants?|\bjudges?\b|\bjudicia|\bprosecutors?\b|\bguards?\b|\bauthorities\b|\bpersonnel\b|\bsoldiers?\b|\bmilitary\b|\bdiplomat|\bpoliticians?\b|\blaw\s+enforcement\b|\bimmigration\b|\bborder\b|\bcustoms\b|\bstate\s+(?:employees?|agents?|actors?)|\bgovernment\s+complicity|\bofficial\s+complicity|\bcomplicity\s+(?:of|by|among)\s+(?:the\s+)?(?:government|state)|\bmayors?\b|\bministers?\b|\bemployees\b").unwrap()
});
static EXCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\banti-corruption|\bcan\s+(?:further\s+)?(?:advance|improve)|\bshould\b|\btrain(?:ed|ing)\b").unwrap()
});

/// Where a sentence turns: ";", "however", "but" (with or without its comma), and the end
/// of an opening "Despite serious concerns of official complicity, ..." clause.
static TURN: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i);|,?\s+however,?\s+|,?\s+but\s+|^\s*(?:despite|although|though|while)\b[^,;]{0,160},").unwrap());

/// The clauses of a sentence, split where it turns.
fn clauses(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in TURN.find_iter(t) {
        // an opening "Despite ...," clause ends at its comma, which the match includes
        let end = if m.start() == 0 && !m.as_str().starts_with(';') { m.end() } else { m.start() };
        out.push(&t[at..end]);
        at = m.end();
    }
    out.push(&t[at..]);
    out
}

/// Whether [`COMPLICITY`] matches `text` although the gate stays shut: never, when the gate
/// is right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> bool {
    !admits(text) && reports(text)
}

/// "Corruption" in a name — "the State Program on Countering Crime and Corruption", "the
/// Corrupt Practices Investigation Bureau" — names a programme or an agency; it reports no
/// corruption. Case-sensitive: a name is title-cased mid-sentence.
static NAMED_CORRUPTION: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"\b[A-Z][a-z]+(?:\s+(?:and|of|on|for|the|Against))*\s+Corrupt(?:ion|ed)?\b|\bCorrupt(?:ion)?\s+(?:Prevention|Practices|Eradication|Perceptions?|Commission|Bureau|Agency|Court|Act|Law)\b").unwrap()
});

/// `text` with the names of [`NAMED_CORRUPTION`] blanked out (same length, so byte offsets
/// hold); borrowed when it has none.
fn without_named_corruption(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("Corrupt") {
        return text.into();
    }
    let mut masked = text.to_string();
    for m in NAMED_CORRUPTION.find_iter(text) {
        masked.replace_range(m.range(), &" ".repeat(m.len()));
    }
    masked.into()
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    for s in cx.sentences() {
        if s.in_any(&[SectionKind::Recommendations]) || !admits(s.text) {
            continue;
        }
        let text = without_named_corruption(s.text);
        let text = text.as_ref();
        // training, advice and anti-corruption programmes report nothing, but only in their
        // own clause: "provided anti-trafficking training for its diplomatic personnel;
        // however, there were allegations that two diplomats ... engaged in human trafficking"
        let kept: Vec<&str> = clauses(text).into_iter().filter(|c| !EXCLUDE.is_match(c)).collect();
        if !kept.iter().any(|c| reports(c)) {
            continue;
        }
        let m = kept.iter().find_map(|c| COMPLICITY.find(c));
        // "dissuade employers from being complicit": complicity of someone who is not an
        // official is not official complicity
        if m.is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with("complicit")) && !OFFICIALDOM.is_match(text) {
            continue;
        }
        // "did not report any prosecutions of complicit officials; however, official
        // complicity and corruption were significant concerns": judged clause by clause,
        // any clause that reports complicity makes the sentence report it
        let v = kept.iter().any(|c| reports(c) && !NONE_REPORTED.is_match(c));
        let mut f = cx.fact(FactKind::OfficialComplicity, FactValue::Bool(v), s.all(), NAME, VERSION);
        // "initiated prosecution of seven, and convicted 12 officials complicit in
        // trafficking crimes": the report tells of action against complicit officials
        let acted = v && kept.iter().any(|c| ACTION_AGAINST_OFFICIALS.is_match(c) && !NONE_REPORTED.is_match(c));
        f.scope = Some(if acted { "officials_prosecuted" } else { "officials" }.into());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::{Intro, Prosecution};

    fn complicity(text: &str) -> Vec<String> {
        values(&run_kind(run, "Mexico", Prosecution, text, FactKind::OfficialComplicity))
    }

    #[test]
    fn the_gate_opens_for_each_kind_of_match() {
        for t in [
            "Officials allegedly accepted bribes.",
            "Police were accused of bribing witnesses.",
            "The court convicted two police officers for trafficking.",
            "Officials who were later dismissed had facilitated the crime.",
        ] {
            assert!(admits(t) && reports(t) && !gate_misses(t), "{t}");
        }
        // an action without an official, and an official without an action
        assert!(!admits("The government convicted 12 traffickers."));
        assert!(!admits("Police officers received training."));
    }

    #[test]
    fn allegations_and_concerns() {
        // -> true
        assert_eq!(complicity("Corruption among public officials, especially local law enforcement and immigration personnel, also continues to be a serious concern; some officials reportedly accept or extort bribes."), ["true"]);
        assert_eq!(values(&run_kind(run, "Mexico", Intro, "Corruption and complicity remained significant concerns, inhibiting law enforcement action.", FactKind::OfficialComplicity)), ["true"]);
    }

    #[test]
    fn what_officials_reportedly_did_must_be_complicity() {
        // the act right after "reportedly" is what makes it complicity
        assert_eq!(complicity("In some instances, border officials reportedly accepted bribes from traffickers."), ["true"]);
        assert_eq!(complicity("Some local officials reportedly contributed to trafficking vulnerabilities by accepting payments."), ["true"]);
        assert!(complicity("Some officials reportedly used a manual to proactively identify human trafficking victims.").is_empty());
        assert!(complicity("Many law enforcement officials reportedly had limited understanding of trafficking and how to protect victims.").is_empty());
        // bribery of a judge is corruption facilitating trafficking; a law against bribing witnesses is not
        assert_eq!(complicity("Alleged traffickers reportedly influenced some trafficking cases through bribery of the victim or judge."), ["true"]);
        assert!(complicity("Japan passed a law containing a provision that criminalized bribery of witnesses.").is_empty());
    }

    #[test]
    fn action_against_officials() {
        // -> true
        assert_eq!(complicity("Following allegations of a trafficking ring involving police cadets, authorities convicted a retired colonel and a retired police major on charges of inciting prostitution."), ["true"]);
    }

    #[test]
    fn an_action_about_someone_else_is_not_against_officials() {
        // the judges convict; the individuals deceived officials; a child soldier is no official
        assert!(complicity("Judges convicted most traffickers under the 2015 anti-trafficking law, although some judges also convicted traffickers under the 2003 anti-trafficking law.").is_empty());
        assert!(complicity("The agency convicted three individuals for immigration violations such as possessing false documents and deceiving public officials.").is_empty());
        assert!(complicity("Authorities convicted a former child soldier on defamation charges.").is_empty());
        // the official among those the action is about
        assert_eq!(complicity("The government investigated two potential trafficking cases involving six individuals, including one national police officer."), ["true"]);
        assert_eq!(complicity("In one prosecution, the government convicted 62 offenders, including 11 government officials, involved in the trafficking of migrants."), ["true"]);
        assert_eq!(complicity("In February 2017, authorities arrested two police officers and one municipal official for trafficking crimes."), ["true"]);
    }

    #[test]
    fn nothing_reported() {
        // -> false
        assert_eq!(complicity("The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking offenses."), ["false"]);
        assert_eq!(complicity("There were no reports of officials complicit in trafficking."), ["false"]);
        // a clause that reports an investigation of complicit officials is not undone by
        // one that reports no prosecutions ("... but did not report prosecutions")
        assert_eq!(complicity("Police cooperated to investigate government employees potentially complicit in trafficking but did not report prosecutions or convictions."), ["true"]);
        // "any" is optional
        assert_eq!(complicity("The government did not report investigations, prosecutions, or convictions of government officials for complicity in trafficking."), ["false"]);
    }

    #[test]
    fn a_concern_in_one_clause_outweighs_no_prosecutions_in_another() {
        assert_eq!(complicity("The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking offenses; however, official complicity and corruption were significant concerns."), ["true"]);
        assert_eq!(complicity("Despite serious concerns of official complicity and corruption in slavery cases, the government did not report any prosecutions or convictions of government officials complicit in human trafficking offenses."), ["true"]);
    }

    #[test]
    fn an_official_who_exploited_and_was_convicted() {
        assert_eq!(complicity("A police officer who engaged in commercial sex acts with a child was convicted under the act and sentenced to a fine."), ["true"]);
    }

    #[test]
    fn action_against_complicit_officials_is_marked() {
        let facts = run_kind(run, "Thailand", Prosecution, "In 2017, the government initiated investigations of 26 officials, initiated prosecution of seven, and convicted 12 officials complicit in trafficking crimes.", FactKind::OfficialComplicity);
        assert_eq!(facts[0].scope.as_deref(), Some("officials_prosecuted"));
        let facts = run_kind(run, "Mexico", Prosecution, "The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking offenses.", FactKind::OfficialComplicity);
        assert_eq!(facts[0].scope.as_deref(), Some("officials"));
    }

    #[test]
    fn complicity_of_others_is_not_official_complicity() {
        assert!(complicity("These events aimed to dissuade employers from engaging or being complicit in labor trafficking crimes.").is_empty());
        assert_eq!(complicity("Government complicity in trafficking remained a concern."), ["true"]);
    }

    #[test]
    fn the_countrys_diplomats_in_trafficking() {
        assert_eq!(complicity("A court awarded damages to a domestic worker who sued her former employer, a Mexican diplomat, for human trafficking."), ["true"]);
        assert_eq!(complicity("There were allegations that two Mexican diplomats posted abroad engaged in human trafficking."), ["true"]);
        // foreign diplomats posted in the country are not its officials; training is no report
        assert!(complicity("Some foreign diplomats accused of trafficking domestic workers left the country.").is_empty());
        assert!(complicity("The government provided anti-trafficking training for its diplomats.").is_empty());
        // ... but only in its own clause
        assert_eq!(complicity("The government provided anti-trafficking training for its diplomatic personnel; however, there were allegations that two Mexican diplomats engaged in human trafficking."), ["true"]);
    }

    #[test]
    fn corruption_in_a_name_reports_none() {
        // (Belarus 2018)
        assert!(complicity("The government adopted the 2017-2019 State Program on Countering Crime and Corruption, which included anti-trafficking activities, in May 2017.").is_empty());
        assert!(complicity("The Corrupt Practices Investigation Bureau published its annual report, which covered trafficking cases.").is_empty());
        // the name does not hide what the sentence reports besides it
        assert_eq!(complicity("The Corrupt Practices Investigation Bureau investigated two police officers for accepting bribes from traffickers."), ["true"]);
        assert_eq!(complicity("Corruption and bribery in the judicial system hinder anti-trafficking measures."), ["true"]);
    }

    #[test]
    fn recommendations_are_not_reports() {
        assert!(complicity("Mexico can advance its efforts by confronting trafficking complicity by public officials.").is_empty());
    }
}
