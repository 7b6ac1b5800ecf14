//! Read models shared by the JSON API and the pages: plain structs filled by calling the app
//! layer (no SQL, no rules here), serialised as the API's wire shapes.

use crate::error::ApiError;
use crate::state::Ctx;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use tierwatch_app::tiers::tier_history;
use tierwatch_model::{CountryRegistry, Fact, Period, ReportYear, Tier};
use tierwatch_store::StoredDocument;
use utoipa::{IntoParams, ToSchema};

/// `?limit&offset`: limit defaults to 50 and is at most 500.
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 500;

impl Paging {
    pub fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }

    pub fn offset(&self) -> usize {
        self.offset.unwrap_or(0)
    }

    /// One page of `items`, with the total before paging.
    pub fn page<T: Serialize>(&self, items: Vec<T>) -> Page {
        let total = items.len();
        let items = items.into_iter().skip(self.offset()).take(self.limit()).map(|i| serde_json::to_value(i).unwrap_or_default()).collect();
        Page { total, limit: self.limit(), offset: self.offset(), items }
    }
}

/// A page of a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page {
    /// Items in the whole list, before paging.
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
}

/// A country in the registry, with the report years the store holds a narrative for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountryRow {
    pub name: String,
    pub iso3: String,
    pub region: String,
    pub narratives: Vec<u16>,
}

pub fn countries(ctx: &Ctx<'_>) -> Result<Vec<CountryRow>, ApiError> {
    let mut years: BTreeMap<String, Vec<u16>> = BTreeMap::new();
    for s in ctx.store.list()? {
        years.entry(s.iso3).or_default().push(s.report_year);
    }
    Ok(CountryRegistry::embedded()
        .all()
        .iter()
        .map(|c| CountryRow { name: c.name.clone(), iso3: c.iso3.clone(), region: c.region.clone(), narratives: years.remove(&c.iso3).unwrap_or_default() })
        .collect())
}

/// A fact as the API and the facts table show it: id, value and provenance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FactRow {
    /// Stable id (hash of document, kind, range, value, period).
    pub id: String,
    pub kind: String,
    pub value: String,
    /// A year, "reporting_period", "previous_period" or null.
    #[schema(value_type = Object)]
    pub period: Period,
    pub qualifier: String,
    pub scope: Option<String>,
    pub unit: Option<String>,
    pub confidence: f32,
    pub section: Option<String>,
    /// Byte range of the sentence in the document text.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub extractor: String,
    /// The narrative page with this sentence highlighted.
    pub link: String,
}

pub fn fact_row(iso3: &str, year: u16, f: &Fact) -> FactRow {
    let id = f.id();
    let r = f.provenance.range;
    FactRow {
        link: format!("/country/{iso3}/{year}?highlight={}-{}#hl", r.start, r.end),
        id,
        kind: f.kind.code(),
        value: f.value.render(),
        period: f.period,
        qualifier: serde_json::to_value(f.qualifier).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
        scope: f.scope.clone(),
        unit: f.unit.clone(),
        confidence: f.confidence,
        section: f.provenance.section.map(|s| s.code().to_string()),
        start: r.start,
        end: r.end,
        quote: f.provenance.quote.clone(),
        extractor: f.provenance.extractor.clone(),
    }
}

pub fn fact_rows(d: &StoredDocument) -> Vec<FactRow> {
    let m = &d.document.metadata;
    let year = m.report_year.map(|y| y.get()).unwrap_or_default();
    d.facts.iter().map(|f| fact_row(&m.iso3, year, f)).collect()
}

/// One country on the map for a year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapCountry {
    pub iso3: String,
    pub name: String,
    pub region: String,
    /// The placement used (best-ranked source), if any source gives one.
    #[schema(value_type = Option<String>)]
    pub tier: Option<Tier>,
    pub source: Option<String>,
    /// True when the store holds this year's narrative.
    pub narrative: bool,
}

/// Tiers of every country for a report year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapYear {
    pub report_year: u16,
    /// Report years any source has placements for.
    pub years: Vec<u16>,
    pub countries: Vec<MapCountry>,
}

pub fn map_year(ctx: &Ctx<'_>, year: Option<u16>) -> Result<MapYear, ApiError> {
    let history = tier_history(ctx.store)?;
    let years: BTreeSet<u16> = history.records().iter().map(|r| r.report_year.get()).collect();
    let stored: BTreeSet<(String, u16)> = ctx.store.list()?.into_iter().map(|s| (s.iso3, s.report_year)).collect();
    let year = match year {
        Some(y) if years.contains(&y) => y,
        Some(y) => return Err(ApiError::not_found(format!("no tier placements for report year {y}"))),
        None => stored.iter().map(|(_, y)| *y).max().or(years.iter().copied().max()).unwrap_or(2018),
    };
    let countries = CountryRegistry::embedded()
        .all()
        .iter()
        .map(|c| {
            let eff = history.effective_tiers(&c.iso3).remove(&ReportYear(year));
            MapCountry {
                iso3: c.iso3.clone(),
                name: c.name.clone(),
                region: c.region.clone(),
                tier: eff.as_ref().map(|e| e.0),
                source: eff.map(|e| e.1),
                narrative: stored.contains(&(c.iso3.clone(), year)),
            }
        })
        .collect();
    Ok(MapYear { report_year: year, years: years.into_iter().collect(), countries })
}

/// Parse `from-to` byte ranges like `120-245`.
pub fn parse_range(s: &str) -> Option<(usize, usize)> {
    let (a, b) = s.split_once('-')?;
    let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_clamps_and_counts() {
        let p = Paging { limit: Some(10_000), offset: Some(3) };
        let page = p.page((0..700).collect::<Vec<_>>());
        assert_eq!((page.total, page.limit, page.items.len()), (700, MAX_LIMIT, MAX_LIMIT));
        assert_eq!(page.items[0], 3);
        assert_eq!(Paging::default().page(vec![1, 2]).items.len(), 2);
    }

    #[test]
    fn ranges() {
        assert_eq!(parse_range("10-20"), Some((10, 20)));
        assert_eq!(parse_range("20-10"), None);
        assert_eq!(parse_range("x-1"), None);
    }
}
