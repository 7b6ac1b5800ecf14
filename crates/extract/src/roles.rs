//! Roles: whether the country is a source, transit and/or destination of trafficking.
//!
//! First from the sentence that names the role ("X is a source, transit, and, to a lesser
//! extent, destination country"); if the document has none, inferred as SCHEMA.md says:
//! foreign victims exploited in the country -> destination; its nationals exploited
//! abroad -> source; victims passing through it -> transit.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, SectionKind};

use crate::context::{Ctx, Sent};
use crate::gate::Gate;

pub const NAME: &str = "roles";
pub const VERSION: u32 = 2;

const FILL: &str = r"(?:a|an|the|and|or|to|much|lesser|greater|extent|limited|growing|increasingly|increasing|primarily|mainly|largely|also|minor|significant|major|some|lesser-extent|key|regional|popular|possible|potential|emerging|occasional|small|smaller|very|in|isolated|cases|certain|likely)";

/// "is a source, transit, and, to a lesser extent, destination country".
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?:is|remains|remained|was|as|are|become|becoming|serves\s+as)\s+(?:(?:[a-z]+ly|also|both|still)\s+)*(?P<list>(?:{FILL}[\s,]+)*(?:source|transit|destination)\b(?:[\s,Š—–\-]+(?:{FILL}\b[\s,Š—–\-]*)*(?:source|transit|destination)\b)*)[\s,]+(?:country|countries|point|territory|hub|nation|location|area|island|islands|region|for|of)\b"
    ))
    .unwrap()
});

/// "is a country of origin, transit, and destination for ...".
static COUNTRY_OF: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?:is|remains|remained|was)\s+(?:(?:[a-z]+ly|also|both|still)\s+)*an?\s+(?:[a-z]+\s+)?(?:country|countries|territory|point)\s+of\s+(?P<list>(?:{FILL}[\s,]+)*(?:origin|source|transit|destination)\b(?:[\s,]+(?:{FILL}\b[\s,]*)*(?:origin|source|transit|destination)\b)*)"
    ))
    .unwrap()
});

/// "... a source country for children ... and a destination for West African boys": a second
/// role joined to the first in the same sentence.
static CONJOINED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:and|as\s+well\s+as)\b[,\sŠ—–]*(?:[^,.;Š—–]{0,40}[,Š—–]\s*)?(?:(?:is|also|increasingly|to\s+a\s+(?:much\s+)?(?:lesser|greater|limited)\s+extent,?)\s+)*an?\s+(?:[a-z]+\s+){0,2}?(?P<list>(?:source|transit|destination)(?:\s+(?:and|or)\s+(?:source|transit|destination))?)\s+(?:(?:country|point|hub|location|territory)\s+)?(?:for|of)\b").unwrap()
});

/// What follows "a destination for" / "a source of" when it is not about victims: demand
/// ("a destination for child sex tourists", "for Indonesians traveling to engage in child
/// sex tourism") or money ("as a source of familial income").
static NOT_VICTIMS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:[\w\-]+\s+){0,4}?(?:(?:sex\s+)?tourists?|travel(?:l?ing|l?ers?)|income|revenue|funds|money|livelihood|financing)\b").unwrap()
});

static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(source|transit|destination|origin)\b").unwrap());

static FOREIGN_VICTIMS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:domestic\s+and\s+)?foreign\s+(?:victims|nationals|women|men|children|workers|migrants)\b").unwrap()
});
/// The opening of a 2019+ trafficking profile (../shared/docs/report-formats.md, roles).
static NEW_STYLE_OPENER: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\bhuman\s+traffickers\s+exploit\b").unwrap());
static ABROAD: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:abroad|overseas|in\s+other\s+countries|in\s+foreign\s+countries)\b").unwrap());
static PASSING: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:transit(?:ing|ed)?\s+(?:through|via)|pass(?:ing|ed)?\s+through|en\s+route\s+to|on\s+their\s+way\s+to)\b").unwrap()
});
static EXPLOIT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:exploit|subject|forc|traffick|victim|coerc)").unwrap()
});

/// Every match of [`ROLE`] and [`COUNTRY_OF`] names a role with one of these words; a
/// sentence without any is skipped in one pass (the patterns' own prefilter is the verbs
/// they start with, "is", "as", "was", which nearly every sentence holds).
static GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["source", "transit", "destination", "origin"]));

/// Whether [`ROLE`] or [`COUNTRY_OF`] matches `text` although the gate stays shut: never,
/// when the gate is right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> bool {
    !GATE.admits(text) && (ROLE.is_match(text) || COUNTRY_OF.is_match(text))
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let sents = cx.sentences();
    let mut found = false;
    for s in sents.iter().filter(|s| !s.in_any(&[SectionKind::Recommendations, SectionKind::Prevention])) {
        // without a role word nothing below can match (CONJOINED runs after a match only)
        if !GATE.admits(s.text) {
            continue;
        }
        let mut last_end = None;
        for c in ROLE.captures_iter(s.text).chain(COUNTRY_OF.captures_iter(s.text)) {
            if NOT_VICTIMS.is_match(&s.text[c.get(0).unwrap().end()..]) {
                continue;
            }
            last_end = last_end.max(Some(c.get(0).unwrap().end()));
            let list = c.name("list").unwrap();
            let range = s.clause(c.get(0).unwrap().start(), c.get(0).unwrap().end());
            for w in ROLE_WORD.find_iter(list.as_str()) {
                let before = &s.text[..list.start() + w.start()];
                let lesser = before.to_ascii_lowercase().contains("lesser extent");
                let role = match w.as_str().to_ascii_lowercase().as_str() {
                    "origin" => "source".to_string(),
                    other => other.to_string(),
                };
                let mut f = cx.fact(FactKind::Role, FactValue::Text(role), range, NAME, VERSION);
                if lesser {
                    f.scope = Some("lesser_extent".into());
                }
                out.push(f);
                found = true;
            }
        }
        if let Some(end) = last_end {
            for c in CONJOINED.captures_iter(&s.text[end..]) {
                let m = c.get(0).unwrap();
                let range = s.clause(end + m.start(), end + m.end());
                for w in ROLE_WORD.find_iter(&c["list"]) {
                    out.push(cx.fact(FactKind::Role, FactValue::Text(w.as_str().to_ascii_lowercase()), range, NAME, VERSION));
                }
            }
        }
    }
    // the profiles of 2019 on name no roles in words ("human traffickers exploit domestic and
    // foreign victims in X, and traffickers exploit victims from X abroad"): that sentence is
    // their statement of the roles, read even beside a passing "uses X as a transit point"
    // (then from that sentence alone)
    if !found {
        infer(cx, &sents, out);
    } else {
        let openers: Vec<Sent> = sents.iter().filter(|s| NEW_STYLE_OPENER.is_match(s.text)).cloned().collect();
        infer(cx, &openers, out);
    }
}

/// Roles implied by the newer profile phrasing, when no sentence names them.
fn infer(cx: &Ctx, sents: &[Sent], out: &mut Vec<Fact>) {
    let profile = cx.has_section(SectionKind::TraffickingProfile);
    let name = cx.country_name();
    for s in sents {
        if profile && s.section != Some(SectionKind::TraffickingProfile) {
            continue;
        }
        if !EXPLOIT.is_match(s.text) {
            continue;
        }
        let mut push = |role: &str, conf: f32| {
            let mut f = cx.fact(FactKind::Role, FactValue::Text(role.into()), s.all(), NAME, VERSION);
            f.confidence = conf;
            out.push(f);
        };
        if FOREIGN_VICTIMS.is_match(s.text) {
            push("destination", 0.6);
        }
        let mentions_self = name.is_some_and(|n| s.text.contains(n) || crate::flows::mentions_demonym(s.text, n));
        if ABROAD.is_match(s.text) && mentions_self {
            push("source", 0.6);
        }
        if PASSING.is_match(s.text) && mentions_self {
            push("transit", 0.6);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::TraffickingProfile;

    fn roles(country: &str, text: &str) -> Vec<String> {
        let mut v = values(&run_kind(run, country, TraffickingProfile, text, FactKind::Role));
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn the_gate_opens_for_every_role_word_and_shuts_on_others() {
        for t in ["It is a country of ORIGIN for men.", "Mexico is a large source, transit, and destination country for men."] {
            assert!(GATE.admits(t) && !gate_misses(t), "{t}");
        }
        assert!(!GATE.admits("Mexico is a country where men are exploited."));
        assert!(!gate_misses("Mexico is a country where men are exploited."));
    }

    #[test]
    fn named_roles() {
        // Mexico is a source, transit, and destination country ... -> all three
        assert_eq!(
            roles("Mexico", "Mexico is a source, transit, and destination country for persons trafficked for the purposes of commercial sexual exploitation and forced labor."),
            ["destination", "source", "transit"]
        );
        // "to a lesser extent" still counts
        assert_eq!(
            roles("Peru", "Peru is a source, transit and, to a lesser extent, destination country for men, women, and children."),
            ["destination", "source", "transit"]
        );
        // a destination for ... / a source of ...
        assert_eq!(
            roles("Taiwan", "As reported in the last five years, Taiwan is a destination for men and women subjected to forced labor. To a lesser extent, Taiwan is a source of men and women subjected to forced labor."),
            ["destination", "source"]
        );
    }

    #[test]
    fn a_second_role_joined_in_the_same_sentence() {
        assert_eq!(
            roles("Guinea-Bissau", "Guinea-Bissau is a source country for children subjected to forced labor and sex trafficking and a destination for West African boys exploited in forced labor."),
            ["destination", "source"]
        );
        assert_eq!(roles("Chile", "Chile is a source country for men and women and an increasingly important transit point for others."), ["source", "transit"]);
        assert_eq!(
            roles("Philippines", "The Philippines is a source country and, to a lesser extent, a destination and transit country for men, women, and children."),
            ["destination", "source", "transit"]
        );
        assert_eq!(
            roles("Algeria", "Algeria is a transit and destination country for migrantsŠmen, women, and childrenŠand, in very isolated cases, a source country for adults."),
            ["destination", "source", "transit"]
        );
    }

    #[test]
    fn role_lists_with_dashes_and_hedges() {
        assert_eq!(
            roles("Guinea", "Guinea is a source, transit, andŠto a lesser extentŠdestination country for men, women, and children."),
            ["destination", "source", "transit"]
        );
        assert_eq!(roles("Tunisia", "Tunisia is a source, destination, and possible transit country for men."), ["destination", "source", "transit"]);
    }

    #[test]
    fn demand_and_money_are_not_roles() {
        // sex tourists travel to the country; they are not its victims
        assert_eq!(
            roles("Nicaragua", "Nicaragua is principally a source and transit country for men, women, and children. Nicaragua is a destination for child sex tourists from the United States."),
            ["source", "transit"]
        );
        assert!(roles("Djibouti", "Parents sometimes compel their children to beg on the streets as a source of familial income.").is_empty());
    }

    #[test]
    fn country_of_origin() {
        // -> origin is the source role
        assert_eq!(
            roles("Benin", "Benin is a country of origin, transit, and destination for women and children subjected to trafficking in persons."),
            ["destination", "source", "transit"]
        );
    }

    #[test]
    fn inferred_roles() {
        // newer phrasing -> destination and source
        assert_eq!(
            roles("Iceland", "As reported over the past five years, human traffickers exploit domestic and foreign victims in Iceland, and traffickers exploit victims from Iceland abroad."),
            ["destination", "source"]
        );
        // a passing role word beside the newer opener does not hide what the opener says
        assert_eq!(
            roles("Qatar", "As reported over the past five years, human traffickers exploit foreign victims in Qatar. Traffickers also use Qatar as a transit point to exploit victims in other countries."),
            ["destination", "transit"]
        );
    }
}
