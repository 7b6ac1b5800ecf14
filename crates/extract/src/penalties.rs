//! Penalties: prison ranges the law prescribes (in years; months as fractions; life), and
//! the report's judgment of them (sufficiently_stringent, not_sufficiently_stringent,
//! commensurate, not_commensurate).
//!
//! Every range in a prescribing sentence becomes a `Penalty` fact. The main penalty (per
//! SCHEMA.md: the first sentence of the prosecution part that prescribes imprisonment,
//! smallest minimum and largest maximum) is the fact with scope "main" and confidence 1.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, PenaltyMax, SectionKind};

use crate::context::{Ctx, Sent};
use crate::gate::Gate;
use crate::numbers::word_value;

pub const NAME: &str = "penalties";
pub const VERSION: u32 = 3;

const NUM: &str = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?|forty(?:-[a-z]+)?|fifty|sixty|seventy|eighty|ninety|a|an)";
const UNIT: &str = r"(?:years?|months?)";

/// "five to 30 years", "from six months to three years", "between 10 and 15 years", "eight years to life".
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?P<a>{NUM})(?:\s+(?P<ua>{UNIT}))?'?\s*(?:to|and|-+)\s*(?:(?P<b>{NUM})\s+(?P<ub>{UNIT})|(?P<life>life))\b"
    ))
    .unwrap()
});
/// "up to 10 years", "a maximum of 15 years".
static UP_TO: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?:up\s+to|a\s+maximum\s+of|maximum\s+of|not\s+more\s+than|not\s+exceeding|no\s+more\s+than|as\s+much\s+as)\s+(?P<b>{NUM})\s+(?P<ub>{UNIT})"
    ))
    .unwrap()
});
/// "a minimum of eight years", "at least five years", "a minimum penalty of four years".
static AT_LEAST: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(&format!(
        r"(?i)\b(?:a\s+minimum\s+of|minimum\s+of|at\s+least|no\s+less\s+than|not\s+less\s+than|minimum\s+(?:sentences?|penalt(?:y|ies)|punishments?|terms?)\s+of)\s+(?P<a>{NUM})\s+(?P<ua>{UNIT})"
    ))
    .unwrap()
});
/// "life imprisonment", "imprisonment for life", "up to life".
static LIFE: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\blife\s+(?:imprisonment|sentences?|in\s+prison)|\bimprisonment\s+for\s+life|\bup\s+to\s+life").unwrap());
/// "10 years' imprisonment" (a fixed term).
static FIXED: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(&format!(r"(?i)\b(?P<a>{NUM})\s+(?P<ua>{UNIT})'?\s+(?:of\s+)?imprisonment")).unwrap());

static PRESCRIBES: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bprescrib|\bpenalt|\bpunish|\bprovid(?:e|es|ed|ing)\s+for|\bcarr(?:y|ies|ied)\s+(?:a\s+)?(?:maximum\s+)?(?:sentence|penalt)").unwrap()
});
static ACTUAL_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\bsentenced\b|\breceived\s+(?:a\s+)?sentences?|\bsentences\s+rang|\breported\s+sentences|\bimposed\b|\bserved\b|\bsuspended\b").unwrap()
});
static JUDGMENT: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?P<neg>\bnot\s+(?:\w+\s+)?)?(?:(?P<s>sufficiently\s+stringent)|(?P<c>commensurate))").unwrap()
});

/// Every match of [`JUDGMENT`] holds one of these words; its own prefilter stops at every
/// "not".
static JUDGMENT_GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["stringent", "commensurate"]));

/// Whether [`JUDGMENT`] matches `text` although its gate stays shut: never, when the gate is
/// right (checked over the whole corpus by a test).
#[doc(hidden)]
pub fn gate_misses(text: &str) -> bool {
    !JUDGMENT_GATE.admits(text) && JUDGMENT.is_match(text)
}

fn years(n: &str, unit: Option<&str>) -> Option<f64> {
    let v: f64 = match n.parse::<f64>() {
        Ok(v) => v,
        Err(_) if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") => 1.0,
        Err(_) => word_value(n)? as f64,
    };
    let months = unit.is_some_and(|u| u.to_ascii_lowercase().starts_with("month"));
    Some(if months { (v / 12.0 * 1000.0).round() / 1000.0 } else { v })
}

/// Every prison range stated in a sentence: (min, max, start, end).
fn ranges(t: &str) -> Vec<(Option<f64>, Option<PenaltyMax>, usize, usize)> {
    let mut out: Vec<(Option<f64>, Option<PenaltyMax>, usize, usize)> = Vec::new();
    let overlaps = |out: &Vec<(Option<f64>, Option<PenaltyMax>, usize, usize)>, a: usize, b: usize| {
        out.iter().any(|r| r.2 < b && a < r.3)
    };
    for c in RANGE.captures_iter(t) {
        let m = c.get(0).unwrap();
        let ub = c.name("ub").map(|x| x.as_str());
        let ua = c.name("ua").map(|x| x.as_str()).or(ub);
        let (Some(min), max) = (years(&c["a"], ua), c.name("b").and_then(|b| years(b.as_str(), ub))) else { continue };
        if c["a"].eq_ignore_ascii_case("a") || c["a"].eq_ignore_ascii_case("an") {
            continue;
        }
        let max = if c.name("life").is_some() { Some(PenaltyMax::Life) } else { max.map(PenaltyMax::Years) };
        if max.is_none() || ua.is_none() && c.name("life").is_some() {
            continue;
        }
        out.push((Some(min), max, m.start(), m.end()));
    }
    for c in UP_TO.captures_iter(t) {
        let m = c.get(0).unwrap();
        if overlaps(&out, m.start(), m.end()) {
            continue;
        }
        if let Some(max) = years(&c["b"], Some(&c["ub"])) {
            out.push((None, Some(PenaltyMax::Years(max)), m.start(), m.end()));
        }
    }
    for c in AT_LEAST.captures_iter(t) {
        let m = c.get(0).unwrap();
        if overlaps(&out, m.start(), m.end()) {
            continue;
        }
        if let Some(min) = years(&c["a"], Some(&c["ua"])) {
            out.push((Some(min), None, m.start(), m.end()));
        }
    }
    for m in LIFE.find_iter(t) {
        if !overlaps(&out, m.start(), m.end()) {
            out.push((None, Some(PenaltyMax::Life), m.start(), m.end()));
        }
    }
    for c in FIXED.captures_iter(t) {
        let m = c.get(0).unwrap();
        if overlaps(&out, m.start(), m.end()) {
            continue;
        }
        if let Some(y) = years(&c["a"], Some(&c["ua"])) {
            // "up to 15 years ... for adults and 20 years for children": a parallel upper bound;
            // "minimum sentences of one year imprisonment for adult trafficking and six years
            // imprisonment for child trafficking": a parallel lower bound
            let (min, max) = if UP_TO.find(&t[..m.start()]).is_some() {
                (None, Some(PenaltyMax::Years(y)))
            } else if AT_LEAST.find(&t[..m.start()]).is_some() {
                (Some(y), None)
            } else {
                (Some(y), Some(PenaltyMax::Years(y)))
            };
            out.push((min, max, m.start(), m.end()));
        }
    }
    out.sort_by_key(|r| r.2);
    out
}

/// Smallest minimum (None if only upper bounds) and largest maximum of a sentence.
fn combine(rs: &[(Option<f64>, Option<PenaltyMax>, usize, usize)]) -> (Option<f64>, Option<PenaltyMax>) {
    let min = rs.iter().filter_map(|r| r.0).reduce(f64::min);
    let max = rs.iter().filter_map(|r| r.1).reduce(|a, b| match (a, b) {
        (PenaltyMax::Life, _) | (_, PenaltyMax::Life) => PenaltyMax::Life,
        (PenaltyMax::Years(x), PenaltyMax::Years(y)) => PenaltyMax::Years(x.max(y)),
    });
    (min, max)
}

fn prescribing(s: &Sent) -> bool {
    PRESCRIBES.is_match(s.text) && !ACTUAL_SENTENCE.is_match(s.text)
}

pub fn run(cx: &Ctx, out: &mut Vec<Fact>) {
    let sents = cx.sentences();
    let law_part = [SectionKind::Prosecution, SectionKind::GovernmentEfforts];
    let sectioned = law_part.iter().any(|k| cx.has_section(*k));
    let mut main_done = false;
    for s in &sents {
        if s.in_any(&[SectionKind::TraffickingProfile, SectionKind::Recommendations]) {
            continue;
        }
        for c in JUDGMENT_GATE.admits(s.text).then(|| JUDGMENT.captures_iter(s.text)).into_iter().flatten() {
            let m = c.get(0).unwrap();
            let neg = c.name("neg").is_some();
            let v = match (c.name("s").is_some(), neg) {
                (true, false) => "sufficiently_stringent",
                (true, true) => "not_sufficiently_stringent",
                (false, false) => "commensurate",
                (false, true) => "not_commensurate",
            };
            out.push(cx.fact(FactKind::PenaltyJudgment, FactValue::Text(v.into()), s.clause(m.start(), m.end()), NAME, VERSION));
        }
        if !prescribing(s) {
            continue;
        }
        let rs = ranges(s.text);
        if rs.is_empty() {
            continue;
        }
        let is_main = !main_done && (!sectioned || s.in_any(&law_part));
        for r in &rs {
            let mut f = cx.fact(FactKind::Penalty, FactValue::Penalty { min: r.0, max: r.1 }, s.clause(r.2, r.3), NAME, VERSION);
            f.unit = Some("years".into());
            if is_main && rs.len() == 1 {
                f.scope = Some("main".into());
                f.confidence = 1.0;
            }
            out.push(f);
        }
        if is_main {
            main_done = true;
            if rs.len() > 1 {
                let (min, max) = combine(&rs);
                let mut f = cx.fact(FactKind::Penalty, FactValue::Penalty { min, max }, s.all(), NAME, VERSION);
                f.unit = Some("years".into());
                f.scope = Some("main".into());
                f.confidence = 1.0;
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{run_kind, values};
    use tierwatch_model::SectionKind::Prosecution;

    fn penalties(text: &str) -> Vec<Fact> {
        run_kind(run, "Mexico", Prosecution, text, FactKind::Penalty)
    }

    fn main(text: &str) -> Vec<String> {
        values(&penalties(text).into_iter().filter(|f| f.scope.as_deref() == Some("main")).collect::<Vec<_>>())
    }

    #[test]
    fn ranges_in_years() {
        // -> 5-30 years (main)
        assert_eq!(main("The 2012 anti-trafficking law criminalized sex and labor trafficking, prescribing penalties ranging from five to 30 years imprisonment; these penalties were sufficiently stringent."), ["5-30 years"]);
        // -> ?-10 years
        assert_eq!(main("Article 418 prescribed penalties of up to 10 years imprisonment."), ["?-10 years"]);
        // -> 8-? years
        assert_eq!(main("The law prescribed penalties of a minimum of eight years imprisonment for the trafficking of adults."), ["8-? years"]);
        // a minimum named as the penalty: no upper bound is given
        assert_eq!(main("The law criminalized sex trafficking and prescribed a minimum penalty of five years imprisonment."), ["5-? years"]);
        assert_eq!(main("Article 3 prescribed a minimum punishment of seven years imprisonment and a fine."), ["7-? years"]);
        // a term coordinated with a minimum is another minimum
        assert_eq!(main("The act prescribed minimum sentences of one year imprisonment for adult trafficking and six years imprisonment for child trafficking but did not include maximum sentences."), ["1-? years"]);
        assert_eq!(main("The act prescribed a minimum penalty of five years imprisonment; the minimum penalty increased to seven years imprisonment if the case involved a child."), ["5-? years"]);
        // months as fractions
        assert_eq!(main("The law prescribed penalties of six months to three years imprisonment."), ["0.5-3 years"]);
    }

    #[test]
    fn several_ranges_take_the_widest_and_only_the_first_sentence_is_main() {
        let t = "Article 13.1 prescribed penalties of two to eight years imprisonment for adult trafficking and five to 12 years imprisonment for child trafficking. Article 365 criminalizes labor exploitation, prescribing a penalty of up to one year of imprisonment.";
        assert_eq!(main(t), ["2-12 years"]);
        let all = values(&penalties(t));
        assert!(all.contains(&"?-1 years".to_string()), "{all:?}");
        // up to N for adults, up to M for children -> min null
        assert_eq!(main("The law prescribed penalties of up to 15 years imprisonment for adults and up to 30 years for children."), ["?-30 years"]);
        assert_eq!(main("The law prescribed penalties of up to 15 years imprisonment for adult victims and 20 years imprisonment for offenses involving children."), ["?-20 years"]);
        // life
        assert_eq!(main("Section 154 prescribed punishment ranging from three to five years and life imprisonment for child trafficking."), ["3-life years"]);
    }

    #[test]
    fn actual_sentences_are_not_prescribed_penalties() {
        assert!(penalties("Courts sentenced the traffickers to five to seven years imprisonment.").is_empty());
    }

    #[test]
    fn judgments() {
        let t = "Article 365 prescribes a penalty of up to one year of imprisonment, which is not sufficiently stringent to deter acts of forced labor.";
        assert_eq!(values(&run_kind(run, "Mexico", Prosecution, t, FactKind::PenaltyJudgment)), ["not_sufficiently_stringent"]);
        let t = "These penalties were sufficiently stringent and, with respect to sex trafficking, commensurate with those prescribed for other serious crimes, such as rape.";
        assert_eq!(values(&run_kind(run, "Mexico", Prosecution, t, FactKind::PenaltyJudgment)), ["sufficiently_stringent", "commensurate"]);
    }
}
