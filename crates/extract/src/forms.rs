//! Forms of trafficking the narrative says occur in the country or to its nationals.
//!
//! Values use the gold vocabulary (sex_trafficking, forced_labor, domestic_servitude,
//! forced_begging, debt_bondage, child_soldiers, forced_criminality, forced_marriage,
//! child_sex_tourism) plus extra values for other forms the text names (organ_removal).
//! Read from the trafficking profile (or, without one, from sentences outside the
//! government-action sections) and from the clauses of prosecution and protection
//! sentences that report a case, its victims or offenders; never from law, recommendation,
//! training or demand-reduction sentences.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::{Ctx, Sent};
use crate::gate::GateSet;

pub const NAME: &str = "forms";
pub const VERSION: u32 = 8;

/// The gold vocabulary of forms.
pub const VOCABULARY: [&str; 9] = [
    "sex_trafficking",
    "forced_labor",
    "domestic_servitude",
    "forced_begging",
    "debt_bondage",
    "child_soldiers",
    "forced_criminality",
    "forced_marriage",
    "child_sex_tourism",
];

/// (form, pattern, needs an exploitation cue in the same sentence)
static PATTERNS: LazyLock<Vec<(&'static str, Regex, bool)>> = LazyLock::new(|| {
    let p = |form, re: &str, cue| (form, tierwatch_model::pattern::regex(&format!("(?i){re}")).unwrap(), cue);
    vec![
        p("sex_trafficking", r"\bsex(?:ual)?\s+trafficking|\bcommercial\s+sex(?:ual\s+exploitation)?\b|\bforced\s+prostitution|\bsexual(?:ly)?\s+exploit|\bsexual\s+servitude|\bexploited\s+in\s+prostitution|\bchild\s+prostitution|\bsex\s+slavery", false),
        p("forced_labor", r"\bforced\s+labou?r|\blabou?r\s+trafficking|\binvoluntary\s+servitude|\bforced\s+to\s+work\b|\blabou?r\s+exploitation", false),
        p("domestic_servitude", r"\bdomestic\s+(?:servitude|slavery)|\bforced\s+domestic\s+(?:work|labou?r|service)|\b(?:forced|forcing|trafficked|exploited|subjected|held|coerced|compelled)\b[^.;]{0,100}\b(?:in|into|as)\s+(?:forced\s+)?domestic\s+(?:work|service|labou?r|servants?|workers?|helpers?)|\bforced\s+labou?r\b[^.;]{0,100}\bdomestic\s+(?:work|service|labou?r)\b", false),
        p("domestic_servitude", r"\bdomestic\s+(?:work|service|labou?r|servants?|workers?|helpers?)\b", true),
        p("forced_begging", r"\bforced\s+(?:to\s+)?beg(?:ging)?\b|\bbegging\b|\bto\s+beg\b|\bbeggars?\b|\b(?:forced|compelled|coerced|made)\s+to\s+[^.;]{0,60},\s+(?:or\s+)?beg\b", true),
        p("debt_bondage", r"\bdebt\s+bondage|\bbonded\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?labou?r|\bdebt-based\s+coercion|\bdebt\s+(?:manipulation|servitude|slavery)|\bindebted(?:ness)?\b|\b(?:coerc|forc|manipulat|exploit|trap|bond|hold|held|repay)\w*\b[^.;]{0,60}\bdebts?\b|\bdebts?\b[^.;]{0,60}\b(?:coerc|forc|manipulat|exploit|trap|bondage)", false),
        p("child_soldiers", r"\bchild\s+soldier|\bchild\s+combatants?\b|\b(?:recruit|use|used|using|conscript)\w*\b[^.;]{0,80}\b(?:children|child|minors|boys|girls)\b[^.;]{0,80}\b(?:armed|militias?|combat\w*|fight|fighters)\b|\b(?:children|child|minors|boys)\b[^.;]{0,60}\b(?:recruit\w*|used|use|conscript\w*)\b[^.;]{0,60}\b(?:armed\s+(?:groups?|forces)|militias?|combat|fighters|soldiers)\b|\b(?:armed|militant|terrorist|insurgent|rebel)\w*\s+(?:groups?|forces|organizations?|militias?)\b[^.;]{0,80}\b(?:forc|recruit|us|abduct|kidnap)\w*\b[^.;]{0,40}\b(?:children|boys|girls|minors)\b[^.;]{0,60}\b(?:fight\w*|combat\w*|soldiers?|spy|spies|guards?|suicide|bomb\w*)", false),
        p("forced_criminality", r"\bforced\s+criminality|\b(?:forc|coerc|compel)\w*\s+(?:(?:in)?to\s+)?(?:commit\w*|engag\w*\s+in|participat\w*\s+in)\s+(?:petty\s+|other\s+|minor\s+)?(?:crimes?|criminal|illicit|illegal)|\b(?:cannabis|marijuana|poppy|coca)\s+(?:cultivation|farms?|factories|grow\w*)|\bcultivation\s+of\s+(?:cannabis|marijuana|drugs|poppy)|\bcouriers?\s+(?:of|for)\s+drugs|\b(?:forc|coerc|compel|exploit)\w*\b[^.;]{0,160}\b(?:drug\s+(?:trafficking|smuggling|production|sales|trade|dealing|cultivation)|(?:sell|selling|transport|transporting|smuggle|smuggling|carry)\w*\s+(?:drugs|narcotics)|theft|steal|stealing|pickpocket\w*|shoplift\w*|burglar\w*|robber\w*|criminal\s+activit\w+|illicit\s+activit\w+|illegal\s+activit\w+|drug\s+couriers?|(?:sale|selling|distribution|distributing|transport\w*|production|producing)\s+(?:and\s+\w+\s+)?of\s+(?:illegal\s+|illicit\s+)?(?:drugs|narcotics|marijuana|cannabis|cocaine|heroin|opium))|\bdrug\s+(?:couriers?|mules?)\b|\bpickpocket\w*|\bcoerced\s+criminal|\bcriminal\s+(?:behavior|activit\w+)|\billicit\s+(?:crops|activit\w+)|\b(?:transport|sell|smuggl|carry|deliver)\w*\s+(?:or\s+\w+\s+)?(?:drugs|narcotics)|\b(?:forc|coerc|compel)\w*\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:conduct|commit|perpetrate|run|carry\s+out|participate\s+in|engage\s+in|work\s+in|work\s+for)\s+(?:[\w\-]+\s+){0,3}?(?:scams?|fraud)\b", true),
        p("forced_marriage", r"\bforced\s+marriages?|\bforced\s+(?:in)?to\s+marry|\bchild\s+marriages?|\bearly\s+marriages?|\bforced\s+into\s+marriage|\bsold\s+(?:as|into)\s+(?:brides|wives|marriage)|\bbride\s+(?:price|selling|trafficking|kidnapping|abduction)|\b(?:sell|sold|selling)\b[^.;]{0,40}\bfor\s+marriage", false),
        p("child_sex_tourism", r"\bchild\s+sex\s+touris|\bsex\s+touris\w+\b[^.;]{0,80}\b(?:child|children|minors)\b|\b(?:child|children|minors)\b[^.;]{0,80}\bsex\s+touris", false),
        // children exploited in sex trafficking by tourists or where tourists come, told in
        // one clause in any order ("Tourists ... purchase sex from child trafficking victims",
        // "children are exploited in sex trafficking in areas with tourism"; not "forced labor
        // in the tourism sector")
        p("child_sex_tourism", r"\b(?:tourists?|tourism\s+(?:areas?|destinations?|hubs?|zones?|centers?|regions?)|(?:areas?|places?|regions?|zones?)\s+with\s+tourism|sex\s+tourism)\b[^.;]{0,200}\b(?:child|children|minors|girls|boys)\b[^.;]{0,80}\b(?:sex|sexual|prostitution)|\b(?:tourists?|tourism\s+(?:areas?|destinations?|hubs?|zones?|centers?|regions?)|(?:areas?|places?|regions?|zones?)\s+with\s+tourism|sex\s+tourism)\b[^.;]{0,100}\b(?:sex|sexual|prostitution)\b[^.;]{0,80}\b(?:child|children|minors|girls|boys)\b|\b(?:child|children|minors|girls|boys)\b[^.;]{0,150}\b(?:sex|sexual|prostitution)\b[^.;]{0,120}\b(?:tourists?|tourism\s+(?:areas?|destinations?|hubs?|zones?|centers?|regions?)|(?:areas?|places?|regions?|zones?)\s+with\s+tourism|sex\s+tourism)\b|\b(?:sex|sexual|prostitution)\b[^.;]{0,100}\b(?:child|children|minors|girls|boys)\b[^.;]{0,120}\b(?:tourists?|tourism\s+(?:areas?|destinations?|hubs?|zones?|centers?|regions?)|(?:areas?|places?|regions?|zones?)\s+with\s+tourism|sex\s+tourism)\b", false),
        p("organ_removal", r"\borgan\s+(?:removal|harvesting|trafficking)|\bremoval\s+of\s+(?:their\s+)?organs", false),
    ]
});

/// For each of [`PATTERNS`], in order, words at least one of which every match of that
/// pattern contains (a word of each alternative): a sentence with none of them is not run
/// through the pattern. Most profile sentences open two or three of the twelve gates.
static GATES: LazyLock<GateSet> = LazyLock::new(|| {
    GateSet::new(&[
        &["sex", "prostitution"],
        &["labo", "servitude", "work"],
        &["domestic"],
        &["domestic"],
        &["beg"],
        &["debt", "bond"],
        &["child", "minor", "boy", "girl"],
        &[
            "crim", "illicit", "illegal", "cannabis", "marijuana", "poppy", "coca", "heroin", "opium", "cultivation", "courier", "drug", "narcotic", "theft", "steal",
            "pickpocket", "shoplift", "burglar", "robber", "scam", "fraud",
        ],
        &["marr", "bride", "wives"],
        &["touris"],
        &["touris"],
        &["organ"],
    ])
});

/// A form repeated under one value (e.g. two patterns for domestic servitude) counts once per sentence.
static EXPLOITATION_CUE: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:forc|exploit|subject|traffick|vulnerab|coerc|compel|victim|recruit)").unwrap());

/// Law, recommendation and demand-reduction sentences do not state that a form occurs.
static NOT_OCCURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:criminaliz\w*|prescrib\w*|penal\s+code|recommend\w*|amend\w*|legislation|reduc\w*\s+(?:the\s+)?demand)").unwrap()
});
/// Nor do training, awareness and demand-reduction sentences — outside a trafficking
/// profile, which uses the words of what happens ("rebels included child soldiers ...,
/// some of whom were trained in Rwanda"; "where there is a high demand for commercial sex").
static PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:train(?:ed|ing|s)?\b|awareness|demand\s+for\s+commercial\s+sex)").unwrap()
});

/// A sentence about law enforcement states a form only through a case it reports
/// ("Men from the United States have been investigated as child sex tourists in Panama"):
/// such sentences go through [`case_clauses`].
static ENFORCEMENT: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:convicted|prosecut\w*|investigat\w*)").unwrap());

/// Sentences that describe the trafficking situation.
pub(crate) fn profile_sentences<'a>(cx: &Ctx, sents: &'a [Sent<'a>]) -> Vec<&'a Sent<'a>> {
    const GOV: [SectionKind; 5] = [
        SectionKind::Recommendations,
        SectionKind::Prosecution,
        SectionKind::Protection,
        SectionKind::Prevention,
        SectionKind::GovernmentEfforts,
    ];
    if cx.has_section(SectionKind::TraffickingProfile) {
        sents.iter().filter(|s| s.section == Some(SectionKind::TraffickingProfile)).collect()
    } else {
        sents.iter().filter(|s| !s.in_any(&GOV)).collect()
    }
}

/// Outside the profile, a form occurs where a prosecution or protection sentence reports a
/// case of it, its victims or its offenders ("identified 27 victims; 18 of sex trafficking,
/// ... (eight of forced criminality in 2016)", "investigated four suspects for forced
/// marriage", "housed 15 men who had been forced to beg").
static CASE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:victims?|cases?|suspects?|traffickers?|defendants?|perpetrators?|offenders?|convict\w*|prosecut\w*|investigat\w*|identif\w*|subject(?:ed|ing)|forc(?:ed|ing)|exploit(?:ed|ing)|rescued|removed|separat\w*|housed|sheltered)\b").unwrap()
});
/// Laws, procedures, training, negated or hypothetical cases: a clause about these reports
/// no case ("did not identify any victims of forced labor", "procedures to identify victims
/// of forced begging", "Article 186 criminalized sex and labor trafficking").
static NOT_A_CASE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:criminaliz\w*|prescrib\w*|law|laws|act|code|article|train(?:ed|ing|s)?|recommend\w*|procedures?|guidelines?|protocols?|manuals?|indicators|hotline|screen\w*|did\s+not|does\s+not|do\s+not|not\s+(?:identify|investigate|prosecute|convict|report)|no\s+(?:victims|cases|investigations|prosecutions|convictions)|never|failed|lack\w*|visas?|status|eligib\w*|relief|qualifying|potential\s+to|could|would|should|may\s+(?:have|be|not)|might|risk|vulnerab\w*|demand|awareness|campaigns?)\b").unwrap()
});
/// Where one clause of a sentence ends and the next begins ("…did not penalize victims,
/// although children forced to beg were often threatened by police").
static CLAUSE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i);\s*|,\s+(?:although|but|though|while|whereas|however)\b").unwrap());

/// A sentence that opens on a concession ("Although the law mandates prosecution …, many
/// workers assume large debts …"): the concession ends at its first comma.
static OPENING_CONCESSION: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)^\s*(?:although|though|while|whereas)\b[^,;]*,").unwrap());

/// The clauses of `text`: an opening concession, then the parts between [`CLAUSE_BREAK`]s.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    let (head, rest) = match OPENING_CONCESSION.find(text) {
        Some(m) => text.split_at(m.end()),
        None => ("", text),
    };
    std::iter::once(head).filter(|h| !h.is_empty()).chain(CLAUSE_BREAK.split(rest))
}

/// The clauses of `text` that report a case.
fn case_clauses(text: &str) -> impl Iterator<Item = &str> {
    clauses(text).filter(|c| CASE.is_match(c) && !NOT_A_CASE.is_match(c))
}

/// The forms whose pattern matches `text` although its gate stays shut: always empty when
/// the gates are right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> Vec<&'static str> {
    let open = GATES.admitted(text);
    PATTERNS.iter().enumerate().filter(|(i, (_, re, _))| open & (1 << i) == 0 && re.is_match(text)).map(|(_, (form, _, _))| *form).collect()
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    const CASES: [SectionKind; 2] = [SectionKind::Prosecution, SectionKind::Protection];
    let sents = cx.sentences();
    let profile = profile_sentences(cx, &sents);
    // never a profile sentence: those are the profile section's, or outside every
    // government section
    let cases = sents.iter().filter(|s| s.in_any(&CASES));
    let profile_len = profile.len();
    for (i, s) in profile.iter().copied().chain(cases).enumerate() {
        // the gates first: one cheap pass before the exclusion patterns
        let open = GATES.admitted(s.text);
        if open == 0 {
            continue;
        }
        if NOT_OCCURRENCE.is_match(s.text) || (s.section != Some(SectionKind::TraffickingProfile) && PROGRAMME.is_match(s.text)) {
            continue;
        }
        // A profile sentence states forms throughout, but for its clauses about law
        // enforcement, which state a form only where they report a case; a government
        // section's sentence states forms only in the clauses that report a case.
        let clauses: Vec<&str> = if i >= profile_len {
            case_clauses(s.text).collect()
        } else if !ENFORCEMENT.is_match(s.text) {
            vec![s.text]
        } else {
            clauses(s.text).filter(|c| !ENFORCEMENT.is_match(c) || (CASE.is_match(c) && !NOT_A_CASE.is_match(c))).collect()
        };
        if clauses.is_empty() {
            continue;
        }
        let cue = EXPLOITATION_CUE.is_match(s.text);
        for (i, (form, re, needs_cue)) in PATTERNS.iter().enumerate() {
            if open & (1 << i) == 0 || (*needs_cue && !cue) {
                continue;
            }
            if clauses.iter().any(|c| re.is_match(c)) && !out.iter().any(|f: &Fact| f.kind == FactKind::Form && f.provenance.range == s.range && f.value.as_text() == Some(form)) {
                let mut f = cx.fact(FactKind::Form, FactValue::Text(form.to_string()), s.all(), NAME, VERSION);
                if !VOCABULARY.contains(form) {
                    f.scope = Some("extra".into());
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};

    #[test]
    fn forms_of_the_victims_the_government_identified() {
        let f = |t: &str| values(&run_kind(run, "Cyprus", SectionKind::Protection, t, FactKind::Form));
        assert_eq!(
            f("The government identified 27 victims (21 in 2016); 18 victims of sex trafficking and nine of forced labor (10 of sex trafficking and eight of forced criminality in 2016)."),
            ["sex_trafficking", "forced_labor", "forced_criminality"]
        );
        // procedures, laws and failures to identify state no occurrence
        assert!(f("The government did not identify any victims of forced labor in 2017.").is_empty());
        assert!(f("Authorities used procedures to identify victims of forced begging among 40 children.").is_empty());
        // the month is no hedge
        assert_eq!(f("In May 2017, police identified 12 victims of forced labor."), ["forced_labor"]);
    }

    #[test]
    fn forms_of_the_cases_government_sections_report() {
        let f = |section, t: &str| values(&run_kind(run, "Cuba", section, t, FactKind::Form));
        // a case, its victims or its offenders (Cuba, UAE, Cyprus, Venezuela 2018)
        assert_eq!(f(Prosecution, "One notable case involved a trafficker convicted in 2016 for forcing a boy to beg tourists for money in the streets."), ["forced_begging"]);
        assert_eq!(f(Protection, "A shelter solely for male victims housed 15 men who had been forced to beg during the reporting period."), ["forced_begging"]);
        assert_eq!(f(Prosecution, "The government also investigated four suspects for forced marriage (113 in 2016)."), ["forced_marriage"]);
        // the clause after "although" reports what the negated one does not
        assert_eq!(
            f(Protection, "Authorities did not penalize victims for unlawful acts, although children forced to beg were often threatened and physically abused by police."),
            ["forced_begging"]
        );
        // laws, visas, procedures and negated cases report none
        assert!(f(Prosecution, "Article 186 criminalized sex and labor trafficking in cases where the victim was exploited abroad.").is_empty());
        assert!(f(Protection, "The U visa is available to victims of certain qualifying crimes who are helpful in the investigation of the qualifying criminal activity.").is_empty());
        assert!(f(Prosecution, "The government did not investigate or prosecute any cases of forced begging.").is_empty());
        // a trafficking profile may say who was investigated (Panama 2018)
        assert_eq!(forms("Men from the United States have been investigated as child sex tourists in Panama."), ["child_sex_tourism"]);
        assert!(forms("The government did not prosecute any child sex tourists.").is_empty());
    }
    use tierwatch_model::SectionKind::{Prosecution, Protection, TraffickingProfile};

    fn forms(text: &str) -> Vec<String> {
        values(&run_kind(run, "Mexico", TraffickingProfile, text, FactKind::Form))
    }

    #[test]
    fn profile_sentences_name_forms() {
        // -> sex_trafficking, forced_labor
        assert_eq!(forms("Mexico is a source country for persons trafficked for the purposes of commercial sexual exploitation and forced labor."), ["sex_trafficking", "forced_labor"]);
        // -> forced_labor, domestic_servitude
        assert_eq!(forms("Traffickers subject women to forced labor in agriculture, cleaning, and domestic service."), ["forced_labor", "domestic_servitude"]);
        // -> forced_begging, forced_criminality
        assert_eq!(forms("Criminal groups force Roma children to beg and to pickpocket."), ["forced_begging", "forced_criminality"]);
        // a list after "forced to": "forced to sell goods on the street, beg, or commit petty theft"
        assert_eq!(forms("Romani children are forced to sell goods on the street, beg, or commit petty theft."), ["forced_begging", "forced_criminality"]);
        // -> debt_bondage
        assert_eq!(forms("Some migrants are subjected to debt bondage."), ["debt_bondage"]);
        // -> forced_marriage: a bride taken by force is a forced marriage
        assert_eq!(forms("Traffickers exploit the practice of bride kidnapping in rural areas."), ["forced_marriage"]);
        // -> child_sex_tourism (and sex tourism implies commercial sex? no)
        assert_eq!(forms("Sex tourism, including child sex tourism, appears to be growing."), ["child_sex_tourism"]);
        // children in commercial sex with tourists, in either order: sex tourism involving children
        assert_eq!(forms("Tourists from abroad purchase sex from girls in the capital."), ["child_sex_tourism"]);
        assert_eq!(forms("Boys are exploited in commercial sex in areas with tourism."), ["sex_trafficking", "child_sex_tourism"]);
        // not tourism as a sector of forced labor, nor adults on tourist visas
        assert_eq!(forms("Women and children are subjected to sex trafficking and forced labor in the tourism sector."), ["sex_trafficking", "forced_labor"]);
        assert_eq!(forms("Some women arrive on tourist visas and are later exploited in prostitution."), ["sex_trafficking"]);
        // -> child_soldiers
        assert_eq!(forms("Armed groups continued to recruit and use children as soldiers in combat."), ["child_soldiers"]);
        // -> domestic_servitude (labor trafficking found in domestic service)
        assert_eq!(forms("Colombian labor trafficking victims are found in mining, agriculture, and domestic service."), ["forced_labor", "domestic_servitude"]);
        // -> forced_criminality
        assert_eq!(forms("Authorities have identified adults using children to transport or sell drugs; some of these children may be trafficking victims."), ["forced_criminality"]);
        // the drug trade named by its noun, and scams a victim is made to run (China and the
        // Kyrgyz Republic 2018; the scam compounds of later reports)
        assert_eq!(forms("Kyrgyz children also are subjected to forced labor in the selling and distribution of drugs within the country."), ["forced_labor", "forced_criminality"]);
        assert_eq!(forms("Some are held in conditions indicative of forced labor, and compelled to conduct telephone scams."), ["forced_labor", "forced_criminality"]);
        assert_eq!(forms("Traffickers force victims to work in online scam operations."), ["forced_criminality"]);
        // fraud as the traffickers' means is no crime the victims are made to commit
        assert!(!forms("Traffickers use force, fraud, or coercion to compel victims into commercial sex.").contains(&"forced_criminality".to_string()));
        // cannabis cultivation and drug couriers are the report's examples of forced criminality
        assert_eq!(forms("Vietnamese youth are vulnerable to trafficking by gangs in the illegal cultivation of cannabis."), ["forced_criminality"]);
        assert!(forms("Gangs recruit children as couriers of drugs.").contains(&"forced_criminality".to_string()));
        // -> forced_marriage
        assert_eq!(forms("Some girls are sold for marriage and subjected to forced labor."), ["forced_labor", "forced_marriage"]);
        // the same forms in other word orders (Pakistan, Timor-Leste, St. Vincent 2018)
        assert_eq!(forms("These armed groups force children to spy and fight in Pakistan and Afghanistan."), ["child_soldiers"]);
        assert!(forms("Armed groups abducted children from their villages.").is_empty());
        assert_eq!(forms("Family members place children in bonded household and agricultural labor."), ["debt_bondage"]);
        assert_eq!(forms("Drug traffickers subject workers to forced labor in the production of marijuana."), ["forced_labor", "forced_criminality"]);
        // crimes the victims are made to commit, whatever the verb of coercion (Malawi and
        // Lesotho 2018; "forced to commit crimes" in Estonia and France)
        assert_eq!(forms("In past years, some were coerced to commit crimes."), ["forced_criminality"]);
        assert_eq!(forms("Basotho are also coerced into committing crimes in South Africa."), ["forced_criminality"]);
        assert_eq!(forms("Children are compelled to commit petty crimes."), ["forced_criminality"]);
    }

    /// A concession opening a sentence is a clause of its own: the law or the failure it
    /// concedes does not hide what the rest of the sentence says occurs (Singapore, Cabo
    /// Verde and South Africa 2018).
    #[test]
    fn an_opening_concession_is_its_own_clause() {
        assert_eq!(
            forms("Although the law limits agency fees and mandates prosecution for those who exceed them, many workers assume large debts, making them vulnerable to forced labor, including debt bondage."),
            ["forced_labor", "debt_bondage"]
        );
        let protection = |t: &str| values(&run_kind(run, "Mexico", Protection, t, FactKind::Form));
        assert_eq!(
            protection("Although it did not provide statistics on the number of victims identified, the government identified at least five sex trafficking victims in 2017."),
            ["sex_trafficking"]
        );
        // the concession alone still reports no case
        assert!(protection("Although it did not identify any victims of forced labor, the government opened a shelter.").is_empty());
    }

    #[test]
    fn one_gate_per_pattern() {
        assert_eq!(GATES.len(), PATTERNS.len());
        assert_eq!(GATES.admitted("The government convicted 10 traffickers."), 0);
        assert!(gate_misses("Girls are forced into marriage and domestic servitude.").is_empty());
    }

    #[test]
    fn law_and_government_sentences_do_not_count() {
        assert!(forms("The law criminalized sex trafficking and labor trafficking.").is_empty());
        // a profile's "trained" is what happened to the victims; a government section's is training
        assert_eq!(forms("The rebels reportedly included child soldiers, some of whom were trained abroad."), ["child_soldiers"]);
        let v = values(&run_kind(run, "Mexico", Prosecution, "The government trained 40 officials to identify victims of forced begging.", FactKind::Form));
        assert!(v.is_empty());
        let v = values(&run_kind(run, "Mexico", Prosecution, "Criminal groups force children to beg.", FactKind::Form));
        assert!(v.is_empty());
        assert!(forms("The authorities made no efforts to reduce demand for commercial sex acts or forced labor.").is_empty());
    }
}
