//! Figures of earlier years told beside one the government did not report: "did not report
//! the number of investigations initiated into possible trafficking cases (1,004 in 2016)",
//! "did not report the number of Slovak victims identified (11 in 2016, none in 2015, and 151
//! in 2014)". Each bracketed figure counts what the clause names, for its own year. Nothing
//! is recorded for the unreported period itself: not reported is not zero.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactKind, FactValue, Period};

use super::words;
use crate::context::{Ctx, Sent};

/// "did not report the number of <what> (<earlier figures>)".
static UNREPORTED: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:did|does|could)\s+not\s+(?:report|provide|disclose|release|share)\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:number|numbers|data|statistics|figures)\s+(?:of|on)\s+(?P<what>[^.;()]{3,160}?)\s*\((?P<cmp>[^()]{4,160})\)").unwrap()
});

/// One earlier figure: "1,004 in 2016", "none in 2015", "12 in FY 2016" (a qualifier before
/// it, "at least", is read as for any count).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?P<n>[0-9][0-9,]*|[a-z]+(?:-[a-z]+)?)\s+in\s+(?:FY\s*)?(?P<y>(?:19|20)\d\d)\b").unwrap()
});

/// What the clause counts: its first kind noun ("investigations", "convictions"), the
/// participle after a head ("traffickers convicted"), or victims when it says identified.
fn kind_of(what: &str) -> Option<FactKind> {
    let identified = what.to_ascii_lowercase().contains("identif");
    for w in what.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()) {
        let lw = w.to_ascii_lowercase();
        if let Some(k) = words::kind_noun(&lw) {
            return Some(k);
        }
        if lw.starts_with("victim") {
            return identified.then_some(FactKind::VictimsIdentified);
        }
        if let Some(k) = words::trigger(&lw).filter(|k| *k != FactKind::VictimsIdentified) {
            return Some(k);
        }
    }
    None
}

fn value(n: &str) -> Option<i64> {
    if n.starts_with(|c: char| c.is_ascii_digit()) {
        n.replace(',', "").parse().ok()
    } else {
        crate::numbers::word_value(n).or_else(|| n.eq_ignore_ascii_case("zero").then_some(0))
    }
}

/// The earlier figures of one sentence, unless the sentence already gave the same count.
pub(super) fn run(cx: &Ctx, s: &Sent, out: &mut Vec<Fact>, first_of_sentence: usize) {
    // the earlier figures stand in brackets: a sentence without one cannot match
    if !s.text.contains('(') {
        return;
    }
    for c in UNREPORTED.captures_iter(s.text) {
        let Some(kind) = kind_of(&c["what"]) else { continue };
        let cmp = &c["cmp"];
        for item in ITEM.captures_iter(cmp) {
            let n = item.name("n").unwrap();
            let Some(v) = value(n.as_str()) else { continue };
            let Ok(year) = item["y"].parse::<u16>() else { continue };
            let seen = out[first_of_sentence..].iter().any(|f| f.kind == kind && f.value == FactValue::Int(v));
            if seen {
                continue;
            }
            let mut f = cx.fact(kind, FactValue::Int(v), s.all(), super::NAME, super::VERSION);
            f.period = Period::Year(year);
            f.qualifier = super::qualifier(&cmp[..n.start()]);
            f.confidence = 0.75;
            out.push(f);
        }
    }
}
