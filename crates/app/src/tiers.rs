//! Tier history as the use cases need it: the committed table (data/tiers.csv) plus the
//! placements, waivers and automatic downgrades stated in stored narratives.

use crate::AppError;
use std::collections::BTreeMap;
use tierwatch_history::{TierHistory, TierRecord};
use tierwatch_law::History;
use tierwatch_model::{Fact, FactKind, ReportYear, Tier};
use tierwatch_store::Store;

/// The source name of a placement stated in a stored narrative.
pub fn narrative_source(document_id: &str) -> String {
    format!("narrative:{}", &document_id[..document_id.len().min(12)])
}

/// data/tiers.csv plus every stored narrative's stated tier.
pub fn tier_history(store: &Store) -> Result<TierHistory, AppError> {
    let mut records = TierHistory::embedded().records().to_vec();
    records.extend(narrative_records(store, None)?);
    // One sort over all records (see `TierHistory::from_records`).
    Ok(TierHistory::from_records(records))
}

/// The same for one country only: what per-country use cases (assess, history) need,
/// without copying and sorting the whole table.
pub fn country_tier_history(store: &Store, iso3: &str) -> Result<TierHistory, AppError> {
    let mut records = TierHistory::embedded().country_records(iso3).to_vec();
    records.extend(narrative_records(store, Some(iso3))?);
    Ok(TierHistory::from_records(records))
}

/// The stated tier of every stored narrative (of one country, if given) as a tier record.
fn narrative_records(store: &Store, iso3: Option<&str>) -> Result<Vec<TierRecord>, AppError> {
    Ok(store
        .list()?
        .into_iter()
        .filter(|s| iso3.is_none_or(|c| s.iso3 == c))
        .filter_map(|s| {
            s.stated_tier.map(|t| TierRecord {
                iso3: s.iso3.clone(),
                report_year: ReportYear(s.report_year),
                tier: Some(t),
                source: narrative_source(&s.document_id),
                note: None,
            })
        })
        .collect())
}

/// Waiver and automatic-downgrade years stated in a country's stored narratives.
#[derive(Debug, Default, Clone)]
pub struct StatedEvents {
    pub waivers: BTreeMap<ReportYear, Vec<Fact>>,
    pub auto_downgrades: BTreeMap<ReportYear, Vec<Fact>>,
}

/// A country's stated waivers and automatic downgrades, read from the facts of those two
/// kinds alone (not from its narratives, whose cost grows with the store).
pub fn stated_events(store: &Store, iso3: &str) -> Result<StatedEvents, AppError> {
    let mut ev = StatedEvents::default();
    for (kind, years) in [(FactKind::Waiver, &mut ev.waivers), (FactKind::AutoDowngrade, &mut ev.auto_downgrades)] {
        for (_, year, f) in store.facts_of_kind(kind, Some(iso3))? {
            if f.value.as_bool() == Some(true) {
                years.entry(ReportYear(year)).or_default().push(f);
            }
        }
    }
    Ok(ev)
}

/// The engine's view of a country's history: one effective tier per year (best source
/// first, see tierwatch-history's preference order) and the stated waiver / downgrade years.
pub fn law_history(h: &TierHistory, iso3: &str, events: &StatedEvents) -> History {
    History {
        tiers: h.effective_tiers(iso3).into_iter().map(|(y, (t, _))| (y, t)).collect::<BTreeMap<ReportYear, Tier>>(),
        waiver_years: events.waivers.keys().copied().collect(),
        auto_downgrades: events.auto_downgrades.keys().copied().collect(),
    }
}
