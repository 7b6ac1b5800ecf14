//! Tier-history helpers: consecutive watch-list runs (respecting the counting start, the counting
//! base and the special-case parameter), waiver years implied by history, earlier downgrades for
//! rule (F), and stays longer than an edition allows. Pure functions of history and law.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use tierwatch_model::{ReportYear, Tier};

use crate::edition::{CountingBase, Edition, SpecialCaseCounting};
use crate::input::History;
use crate::load::{Law, FIRST_YEAR};

/// A consecutive watch-list run ending at a given year (inclusive), walking back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WatchListRun {
    /// Every year of the run, ascending, including years before the counting start.
    pub years: Vec<ReportYear>,
    /// The run years that count toward the automatic downgrade (from the counting start on).
    pub counted: Vec<ReportYear>,
    /// Special-case years passed over under the `skip` setting.
    pub skipped: Vec<ReportYear>,
    /// The year with no known tier that ended the run, if that is what ended it.
    pub gap: Option<ReportYear>,
}

impl WatchListRun {
    pub fn len(&self) -> u32 {
        self.years.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    pub fn counted_len(&self) -> u32 {
        self.counted.len() as u32
    }
}

/// Whether `year` is a run year under the counting base: a Tier 2 Watch List year, or (base
/// `swl`) any special-watch-list year, including upgrades to Tier 1 from Tier 2 and from Tier 3.
fn is_run_year(history: &History, year: u16, base: CountingBase) -> bool {
    let tier = history.tier(year);
    match (tier, base) {
        (Some(Tier::Tier2WatchList), _) => true,
        (Some(t), CountingBase::Swl) => {
            let prev = history.tier(year.wrapping_sub(1));
            matches!(
                (t, prev),
                (Tier::Tier1, Some(Tier::Tier2 | Tier::Tier2WatchList))
                    | (Tier::Tier2, Some(Tier::Tier3))
            )
        }
        _ => false,
    }
}

/// The consecutive watch-list run ending at `end` (inclusive), counted under `edition`'s
/// counting start, counting base and special-case setting.
pub fn watch_list_run(history: &History, end: ReportYear, edition: &Edition) -> WatchListRun {
    let d = &edition.downgrade;
    let base = d.counting_base.value;
    let mut run = WatchListRun::default();
    let mut y = end.get();
    while y >= FIRST_YEAR {
        match history.tier(y) {
            None => {
                run.gap = Some(ReportYear(y));
                break;
            }
            Some(Tier::SpecialCase) => match d.special_case_years.value {
                SpecialCaseCounting::Break => break,
                SpecialCaseCounting::Continue => run.years.push(ReportYear(y)),
                SpecialCaseCounting::Skip => run.skipped.push(ReportYear(y)),
            },
            Some(_) if is_run_year(history, y, base) => run.years.push(ReportYear(y)),
            Some(_) => break,
        }
        y -= 1;
    }
    run.years.reverse();
    run.skipped.reverse();
    let start = d.counting_first_report_year.value;
    run.counted = run
        .years
        .iter()
        .copied()
        .filter(|y| y.get() >= start)
        .collect();
    run
}

/// Waiver years: the known ones plus every watch-list year in which, under that year's edition,
/// the automatic downgrade would already have applied (the country stayed, so a waiver was used).
pub fn waiver_years(history: &History, law: &Law) -> BTreeSet<ReportYear> {
    let mut out = history.waiver_years.clone();
    for (&y, &t) in &history.tiers {
        if t != Tier::Tier2WatchList || y.get() <= FIRST_YEAR {
            continue;
        }
        let Some(ed) = law.edition(y) else { continue };
        if !ed.downgrade.in_force.value {
            continue;
        }
        if watch_list_run(history, y.previous(), ed).counted_len()
            >= ed.downgrade.consecutive_years.value
        {
            out.insert(y);
        }
    }
    out
}

/// The most recent year before `before` in which the country was placed on Tier 3 right after
/// a counted watch-list run long enough to trigger the downgrade (or a known auto-downgrade):
/// the condition of rule (F).
pub fn previous_downgrade(history: &History, before: ReportYear, law: &Law) -> Option<ReportYear> {
    history
        .tiers
        .range(..before)
        .rev()
        .filter(|(_, t)| **t == Tier::Tier3)
        .map(|(y, _)| *y)
        .find(|y| {
            history.auto_downgrades.contains(y)
                || (y.get() > FIRST_YEAR
                    && law.edition(*y).is_some_and(|ed| {
                        ed.downgrade.in_force.value
                            && watch_list_run(history, y.previous(), ed).counted_len()
                                >= ed.downgrade.consecutive_years.value
                    }))
        })
}

/// A watch-list stay longer than the edition of its last year allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StayExcess {
    pub report_year: ReportYear,
    /// Counted consecutive watch-list years ending at `report_year`.
    pub counted_years: u32,
    /// The most the edition allows (downgrade trigger + waiver years, or the rule (F) limit).
    pub allowed: u32,
    /// Whether the limit is the rule (F) limit.
    pub rule_f: bool,
}

/// Whether the stay on the watch list that includes `year` is longer than the edition of `year`
/// allows (None if `year` is not a watch-list year or the stay is within the limit).
pub fn stay_exceeds_limit(history: &History, year: ReportYear, law: &Law) -> Option<StayExcess> {
    if history.tiers.get(&year) != Some(&Tier::Tier2WatchList) {
        return None;
    }
    let ed = law.edition(year)?;
    let run = watch_list_run(history, year, ed);
    let f = &ed.previously_downgraded;
    if f.in_force.value {
        if let Some(d) = previous_downgrade(history, year, law) {
            let since: u32 = run.counted.iter().filter(|y| **y > d).count() as u32;
            if since > f.max_consecutive_years.value {
                return Some(StayExcess {
                    report_year: year,
                    counted_years: since,
                    allowed: f.max_consecutive_years.value,
                    rule_f: true,
                });
            }
        }
    }
    let allowed = ed.max_counted_stay()?;
    (run.counted_len() > allowed).then_some(StayExcess {
        report_year: year,
        counted_years: run.counted_len(),
        allowed,
        rule_f: false,
    })
}

/// Waiver years already used within the counted run ending at `end`, as they count against the
/// limit of `edition` (the `transition` parameter decides whether years waived under an earlier,
/// longer limit count).
pub fn waivers_used(
    history: &History,
    end: ReportYear,
    edition: &Edition,
    law: &Law,
) -> Vec<ReportYear> {
    let run = watch_list_run(history, end, edition);
    let waived = waiver_years(history, law);
    run.counted
        .into_iter()
        .filter(|y| waived.contains(y))
        .filter(|y| match edition.waiver.transition.value {
            crate::edition::WaiverTransition::CarryOver => true,
            crate::edition::WaiverTransition::Reset => law
                .edition(*y)
                .is_some_and(|e| e.waiver.max_years.value == edition.waiver.max_years.value),
        })
        .collect()
}
