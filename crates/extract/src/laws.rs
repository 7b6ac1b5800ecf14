//! Laws: the statutes and articles the narrative says criminalize trafficking or prescribe
//! its penalties ("Article 201 of the federal penal code", "the 2012 anti-trafficking law",
//! "Trafficking in Persons Act No. 2 of 2014"). One fact per statute per sentence; the
//! value is the statute as written (whitespace normalised).

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::Ctx;

pub const NAME: &str = "laws";
pub const VERSION: u32 = 1;

/// Sentences about what a law does.
static LAW_CUE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bcriminaliz|\bprohibit|\bprescrib|\bpenalt|\bpunish|\bdefin(?:es|ed)\s+trafficking|\bamend").unwrap()
});

static STATUTE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(concat!(
        r"\b(?:Articles?|Sections?|articles?|sections?)\s+\d[\w.\-]*(?:(?:,\s*|\s+and\s+|\s+or\s+|\s+through\s+)\d[\w.\-]*)*",
        r"(?:\s+(?:of|in)\s+(?:the\s+|its\s+|[A-Z][\w]+'s\s+)?(?:[A-Za-z\-]+\s+){0,4}?(?:[Cc]ode|Act|[Ll]aw|[Cc]onstitution|[Oo]rdinance|[Dd]ecree|[Pp]roclamation)\b(?:\s+(?:No\.\s*)?\d[\w/\-]*)?)?",
        r"|\b(?:the\s+)?(?:\d{4}\s+)?(?:[A-Z][\w\-']*\s+(?:(?:in|of|and|on|against|for|the|to)\s+){0,2}){1,8}(?:Act|Law|Code|Proclamation|Decree|Ordinance)\b(?:\s+(?:No\.\s*)?\d[\w/\-.]*\d)?(?:\s+of\s+\d{4})?",
        r"|\b(?:[Ii]ts|[Tt]he|[Aa])\s+\d{4}\s+(?:[a-z\-]+\s+){0,3}(?:law|act|code)\b",
        r"|\b(?:Law|Act|Decree)\s+(?:No\.\s*)?\d[\w/\-.]*\d"
    ))
    .unwrap()
});

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    for s in cx.sentences() {
        if s.in_any(&[SectionKind::TraffickingProfile, SectionKind::Recommendations]) || !LAW_CUE.is_match(s.text) {
            continue;
        }
        let mut seen: Vec<String> = Vec::new();
        for m in STATUTE.find_iter(s.text) {
            let v = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            let v = v.trim_start_matches("the ").trim_start_matches("The ").trim_end_matches(['.', ',']).to_string();
            if v.len() < 5 || seen.contains(&v) {
                continue;
            }
            seen.push(v.clone());
            out.push(cx.fact(FactKind::Law, FactValue::Text(v), s.clause(m.start(), m.end()), NAME, VERSION));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::Prosecution;

    fn laws(text: &str) -> Vec<String> {
        values(&run_kind(run, "Mexico", Prosecution, text, FactKind::Law))
    }

    #[test]
    fn articles_and_acts() {
        // -> "Article 201 of Mexico's federal penal code"
        assert_eq!(
            laws("Article 201 of Mexico's federal penal code criminalizes the corruption of minors, prescribing penalties of up to 10 years' imprisonment."),
            ["Article 201 of Mexico's federal penal code"]
        );
        // -> "Article 365"
        assert_eq!(laws("Article 365 criminalizes labor exploitation or servitude, prescribing a penalty of up to one year of imprisonment."), ["Article 365"]);
        // -> "2012 anti-trafficking law"
        assert_eq!(laws("The 2012 anti-trafficking law criminalized sex and labor trafficking."), ["2012 anti-trafficking law"]);
        // -> "Trafficking Victims Protection Act"
        assert_eq!(laws("The Trafficking Victims Protection Act criminalizes sex trafficking."), ["Trafficking Victims Protection Act"]);
    }
}
