//! `history`: a country's tier timeline with the source of every value, its consecutive
//! watch-list runs, waiver years and automatic downgrades.

use crate::tiers::{country_tier_history, law_history, stated_events};
use crate::AppError;
use serde::Serialize;
use tierwatch_law::history::{previous_downgrade, waiver_years, watch_list_run};
use tierwatch_law::Law;
use tierwatch_model::{ReportYear, Tier};
use tierwatch_store::Store;

#[derive(Debug, Clone, Serialize)]
pub struct SourceValue {
    pub source: String,
    pub tier: Option<Tier>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineYear {
    pub report_year: u16,
    /// The value used (best-ranked source with a known tier).
    pub tier: Option<Tier>,
    pub tier_source: Option<String>,
    pub sources: Vec<SourceValue>,
    pub conflict: bool,
    /// Consecutive watch-list years up to and including this one (all years), if on it.
    pub watch_list_run: Option<u32>,
    /// Of those, the years that count toward the automatic downgrade (from 2009).
    pub counted_run: Option<u32>,
    /// A waiver year: stated in a narrative, or implied because the country stayed on the
    /// watch list when the downgrade would otherwise have applied.
    pub waiver: Option<String>,
    /// An automatic downgrade: stated in a narrative, or a Tier 3 placement right after a
    /// counted run long enough to trigger it.
    pub auto_downgrade: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub country: String,
    pub iso3: String,
    pub years: Vec<TimelineYear>,
    /// Runs of consecutive watch-list years: (first, last, length).
    pub watch_list_runs: Vec<(u16, u16, u32)>,
}

pub fn timeline(store: &Store, law: &Law, name: &str) -> Result<Timeline, AppError> {
    let c = crate::lookup::country(name)?;
    let history = country_tier_history(store, &c.iso3)?;
    let events = stated_events(store, &c.iso3)?;
    let hist = law_history(&history, &c.iso3, &events);
    let implied_waivers = waiver_years(&hist, law);
    let mut years = Vec::new();
    for p in history.timeline(&c.iso3) {
        let y = p.report_year;
        let eff = p.effective();
        let on_list = hist.tiers.get(&y) == Some(&Tier::Tier2WatchList);
        let run = law.edition(y).filter(|_| on_list).map(|ed| watch_list_run(&hist, y, ed));
        let waiver = if events.waivers.contains_key(&y) {
            Some("stated in the narrative".to_string())
        } else if implied_waivers.contains(&y) {
            Some("implied: stayed on the watch list when the downgrade would have applied".to_string())
        } else {
            None
        };
        let auto_downgrade = if events.auto_downgrades.contains_key(&y) {
            Some("stated in the narrative".to_string())
        } else if previous_downgrade(&hist, ReportYear(y.get() + 1), law) == Some(y) {
            Some("implied: Tier 3 after a counted watch-list run that triggers the downgrade".to_string())
        } else {
            None
        };
        years.push(TimelineYear {
            report_year: y.get(),
            tier: eff.and_then(|v| v.tier),
            tier_source: eff.map(|v| v.source.clone()),
            sources: p.values.iter().map(|v| SourceValue { source: v.source.clone(), tier: v.tier, note: v.note.clone() }).collect(),
            conflict: p.conflict,
            watch_list_run: run.as_ref().map(|r| r.len()),
            counted_run: run.as_ref().map(|r| r.counted_len()),
            waiver,
            auto_downgrade,
        });
    }
    let mut runs: Vec<(u16, u16, u32)> = Vec::new();
    for y in &years {
        if y.tier != Some(Tier::Tier2WatchList) {
            continue;
        }
        match runs.last_mut() {
            Some(last) if last.1 + 1 == y.report_year => {
                last.1 = y.report_year;
                last.2 += 1;
            }
            _ => runs.push((y.report_year, y.report_year, 1)),
        }
    }
    Ok(Timeline { country: c.name.clone(), iso3: c.iso3.clone(), years, watch_list_runs: runs })
}
