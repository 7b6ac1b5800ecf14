//! Counts that tell again figures told before take those figures' periods: a count repeated
//! with no period of its own ("Of the 399 victims identified, ..."), and a count a sentence
//! opens on that takes up the figure of the sentence before ("Of the 29 convictions for human
//! trafficking, ..."). Both run over a document's counts after every sentence is read.

use std::sync::LazyLock;

use regex::Regex;
use tierwatch_model::{Fact, FactValue, Period};

use crate::numbers;

/// A sentence that opens on a figure already told: "Of the 29 convictions for human
/// trafficking, sentences ranged ...", "Among the 44 investigations, ...".
static TAKES_UP: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^\s*(?:of|among)\s+(?:the|these|those|all)\s+(?:total\s+)?$").unwrap()
});

/// "Courts convicted 33 traffickers, including four for attempted trafficking, during the
/// reporting period. Of the 29 convictions for human trafficking, ...": a count with no period
/// of its own that a sentence opens on ("Of the N ...", "Among the N ...") takes up figures told
/// just before, so it takes the period of the figure the nearest earlier sentence of the same
/// section counts first for its kind (its own figure, not the ones it is compared with), when it
/// is no smaller (a part is not larger than its whole) and is of the reporting period or a
/// year. An earlier sentence without a period for it leaves the count without one.
pub(super) fn taken_up_figures_take_their_period(facts: &mut [Fact]) {
    for i in 0..facts.len() {
        let FactValue::Int(value) = facts[i].value else { continue };
        if facts[i].period != Period::Unknown || !opens_on(&facts[i].provenance.quote, value) {
            continue;
        }
        let (kind, section, start) = (facts[i].kind, facts[i].provenance.section, facts[i].provenance.range.start);
        let same = |f: &Fact| f.kind == kind && f.provenance.section == section;
        let Some(before) = facts[..i].iter().filter(|f| same(f) && f.provenance.range.end <= start).map(|f| f.provenance.range).max_by_key(|r| r.start) else {
            continue;
        };
        let main = facts[..i]
            .iter()
            .filter(|f| same(f) && f.provenance.range == before)
            .filter_map(|f| match f.value {
                FactValue::Int(v) => first_position(&f.provenance.quote, v).map(|at| (at, v, f.period)),
                _ => None,
            })
            .min_by_key(|&(at, _, _)| at);
        if let Some((_, whole, period @ (Period::Year(_) | Period::ReportingPeriod))) = main {
            if value <= whole {
                facts[i].period = period;
            }
        }
    }
}

/// Whether `sentence` opens on the number `value` taken up ("Of the 29 ...").
fn opens_on(sentence: &str, value: i64) -> bool {
    numbers::numbers(sentence).first().is_some_and(|n| n.value == value && TAKES_UP.is_match(&sentence[..n.start]))
}

/// Where `value` is first written in `sentence`, if it is.
fn first_position(sentence: &str, value: i64) -> Option<usize> {
    numbers::numbers(sentence).into_iter().find(|n| n.value == value && !numbers::is_year(n)).map(|n| n.start)
}

/// "The government identified 399 victims in 2017 ... Of the 399 victims identified, 305 ...":
/// a count with no period of its own that repeats one told earlier in the same section (same kind, same
/// value) takes that one's period (SCHEMA.md: "a repeated mention takes the period of the
/// figure it repeats"). Only figures of 10 or more: a small number that matches an earlier
/// one ("convicted one sex trafficker" after "(one in 2016)") is as likely a new count.
pub(super) fn repeated_mentions_take_their_period(facts: &mut [Fact]) {
    for i in 0..facts.len() {
        if facts[i].period != Period::Unknown || !matches!(facts[i].value, FactValue::Int(v) if v >= 10) {
            continue;
        }
        let earlier = (0..i).rev().find(|&j| {
            facts[j].kind == facts[i].kind
                && facts[j].value == facts[i].value
                && facts[j].period != Period::Unknown
                && facts[j].provenance.section == facts[i].provenance.section
                && facts[j].provenance.range.end <= facts[i].provenance.range.start
        });
        if let Some(j) = earlier {
            facts[i].period = facts[j].period;
        }
    }
}
