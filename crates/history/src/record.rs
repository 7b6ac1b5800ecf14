//! One sourced value: a country's tier in one report year, according to one source.

use tierwatch_model::{ReportYear, Tier};

/// A row of `data/tiers.csv`. `tier: None` means the source has the row but no known value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TierRecord {
    /// Upper-case ISO3 code from the country registry.
    pub iso3: String,
    pub report_year: ReportYear,
    pub tier: Option<Tier>,
    /// Who says so, e.g. "map_tiers.csv (andrewheiss/jk_misc)" or "narrative:3f2a9c1d".
    pub source: String,
    pub note: Option<String>,
}

impl TierRecord {
    /// The file order: iso3, report year, source (then tier and note, for total order).
    pub fn sort_key(&self) -> (&str, ReportYear, &str, Option<Tier>, Option<&str>) {
        (
            &self.iso3,
            self.report_year,
            &self.source,
            self.tier,
            self.note.as_deref(),
        )
    }
}

/// Sort records in file order and drop exact duplicates.
pub fn normalize(records: &mut Vec<TierRecord>) {
    records.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    records.dedup();
}
