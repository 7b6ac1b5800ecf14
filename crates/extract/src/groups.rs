//! Vulnerable groups: the populations the profile calls vulnerable or at risk
//! ("Migrant workers from Nepal are particularly vulnerable to forced labor").
//! The value is the group's noun phrase as written (normalised spacing).

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue};

use crate::context::Ctx;
use crate::gate::Gate;

pub const NAME: &str = "groups";
pub const VERSION: u32 = 1;

/// "<group> are (particularly|especially|highly) vulnerable to|at risk of".
static SUBJECT_VULNERABLE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?P<g>[A-Za-z][A-Za-z '\-]{2,120}?)\s+(?:are|were|is|was|remain|remained|continue\s+to\s+be)\s+(?:(?:particularly|especially|highly|most|more|also|increasingly|extremely|very)\s+)*(?:vulnerable|at\s+(?:high\s+)?risk)\b").unwrap()
});

/// "vulnerable groups, such as <groups>" / "populations vulnerable to trafficking, including <groups>".
static INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bvulnerable\s+(?:groups|populations)(?:[^,;.]{0,40})?,?\s+(?:such\s+as|including)\s+(?P<g>[^;.]{3,200})").unwrap()
});

/// Every match of either pattern contains one of these words.
static GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["vulnerable", "risk"]));

const LEADING: [&str; 8] = ["however, ", "in addition, ", "additionally, ", "moreover, ", "also, ", "and ", "many ", "some "];

fn clean(g: &str) -> String {
    let mut g = g.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let lower = g.to_ascii_lowercase();
        match LEADING.iter().find(|p| lower.starts_with(*p)) {
            Some(p) => g = g[p.len()..].to_string(),
            None => break,
        }
    }
    g.trim_matches(|c: char| c == ',' || c.is_whitespace()).to_string()
}

/// Whether a pattern matches `text` although the gate stays shut: never, when the gate is
/// right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> bool {
    !GATE.admits(text) && (SUBJECT_VULNERABLE.is_match(text) || INCLUDING.is_match(text))
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let sents = cx.sentences();
    for s in crate::forms::profile_sentences(cx, &sents) {
        if !GATE.admits(s.text) {
            continue;
        }
        for re in [&*SUBJECT_VULNERABLE, &*INCLUDING] {
            for c in re.captures_iter(s.text) {
                let g = clean(&c["g"]);
                let words = g.split_whitespace().count();
                if words == 0 || words > 20 || matches!(g.to_ascii_lowercase().as_str(), "they" | "who" | "which" | "these" | "it") {
                    continue;
                }
                let m = c.get(0).unwrap();
                out.push(cx.fact(FactKind::VulnerableGroup, FactValue::Text(g), s.clause(m.start(), m.end()), NAME, VERSION));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::TraffickingProfile;

    #[test]
    fn group_before_vulnerable() {
        let t = "Migrant workers from Nepal are particularly vulnerable to forced labor.";
        // -> "Migrant workers from Nepal"
        assert_eq!(values(&run_kind(run, "India", TraffickingProfile, t, FactKind::VulnerableGroup)), ["Migrant workers from Nepal"]);
    }

    #[test]
    fn groups_after_such_as() {
        let t = "The government lacked procedures to identify vulnerable groups, such as domestic workers and women in prostitution.";
        assert_eq!(
            values(&run_kind(run, "India", TraffickingProfile, t, FactKind::VulnerableGroup)),
            ["domestic workers and women in prostitution"]
        );
    }
}
