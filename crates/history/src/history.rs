//! The in-memory tier history and the queries the law engine and the `history` command use.
//!
//! A [`Placement`] is everything known about one country in one report year: every source's
//! value (best source first), the agreed tier when all known values agree, and a conflict flag
//! when they do not. Nothing is silently dropped.

use crate::record::{normalize, TierRecord};
use crate::sources;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tierwatch_model::{ReportYear, Tier};

/// All records, kept sorted in file order (iso3, report year, source).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierHistory {
    records: Vec<TierRecord>,
}

/// One source's value inside a placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcedTier {
    pub tier: Option<Tier>,
    pub source: String,
    pub note: Option<String>,
}

/// What the sources say about one country in one report year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub report_year: ReportYear,
    /// Every source's value, in preference order (see [`sources::PREFERENCE`]).
    pub values: Vec<SourcedTier>,
    /// The tier when at least one source knows it and all that know it agree.
    pub agreed: Option<Tier>,
    /// True when two sources give different known tiers.
    pub conflict: bool,
}

impl Placement {
    fn from_records(report_year: ReportYear, records: &[TierRecord]) -> Placement {
        let mut values: Vec<SourcedTier> = records
            .iter()
            .map(|r| SourcedTier {
                tier: r.tier,
                source: r.source.clone(),
                note: r.note.clone(),
            })
            .collect();
        values.sort_by(|a, b| sources::rank(&a.source).cmp(&sources::rank(&b.source)));
        let mut known = values.iter().filter_map(|v| v.tier);
        let first = known.next();
        let conflict = known.any(|t| Some(t) != first);
        Placement {
            report_year,
            values,
            agreed: if conflict { None } else { first },
            conflict,
        }
    }

    /// The value to use when one is needed: the best-ranked source with a known tier.
    /// Check [`Placement::conflict`] to know whether other sources disagree.
    pub fn effective(&self) -> Option<&SourcedTier> {
        self.values.iter().find(|v| v.tier.is_some())
    }

    /// Distinct known tiers, for conflict messages.
    pub fn tiers(&self) -> Vec<Tier> {
        let mut tiers: Vec<Tier> = self.values.iter().filter_map(|v| v.tier).collect();
        tiers.sort();
        tiers.dedup();
        tiers
    }
}

/// A country-year on which sources disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub iso3: String,
    pub placement: Placement,
}

const EMBEDDED: &str = include_str!("../../../data/tiers.csv");

impl TierHistory {
    /// A history from records in any order (exact duplicates are dropped).
    pub fn from_records(mut records: Vec<TierRecord>) -> TierHistory {
        for r in &mut records {
            r.iso3 = r.iso3.trim().to_ascii_uppercase();
        }
        normalize(&mut records);
        TierHistory { records }
    }

    /// The table generated into `data/tiers.csv`, compiled into the binary.
    pub fn embedded() -> &'static TierHistory {
        static HISTORY: OnceLock<TierHistory> = OnceLock::new();
        HISTORY.get_or_init(|| {
            TierHistory::load_csv(EMBEDDED).expect("data/tiers.csv is valid (tested)")
        })
    }

    pub fn records(&self) -> &[TierRecord] {
        &self.records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Record a placement stated in an ingested narrative (source `narrative:<doc id short>`).
    /// Adding the same statement twice keeps one record.
    pub fn add_stated(&mut self, iso3: &str, report_year: ReportYear, tier: Tier, source: &str) {
        let record = TierRecord {
            iso3: iso3.trim().to_ascii_uppercase(),
            report_year,
            tier: Some(tier),
            source: source.to_string(),
            note: None,
        };
        let key = record.sort_key();
        match self.records.binary_search_by(|r| r.sort_key().cmp(&key)) {
            Ok(_) => {}
            Err(at) => self.records.insert(at, record),
        }
    }

    /// The records of one country (case-insensitive ISO3), in file order.
    pub fn country_records(&self, iso3: &str) -> &[TierRecord] {
        let iso3 = iso3.trim().to_ascii_uppercase();
        let start = self.records.partition_point(|r| r.iso3 < iso3);
        let end = start + self.records[start..].partition_point(|r| r.iso3 == iso3);
        &self.records[start..end]
    }

    /// Every report year some source covers for the country, with all sources' values.
    pub fn placements(&self, iso3: &str) -> BTreeMap<ReportYear, Placement> {
        let mut out = BTreeMap::new();
        for chunk in self
            .country_records(iso3)
            .chunk_by(|a, b| a.report_year == b.report_year)
        {
            let year = chunk[0].report_year;
            out.insert(year, Placement::from_records(year, chunk));
        }
        out
    }

    /// One country-year, if any source covers it.
    pub fn placement(&self, iso3: &str, report_year: ReportYear) -> Option<Placement> {
        self.placements(iso3).remove(&report_year)
    }

    /// The placements of a country sorted by report year (for `tierwatch history`).
    pub fn timeline(&self, iso3: &str) -> Vec<Placement> {
        self.placements(iso3).into_values().collect()
    }

    /// The effective tier per report year and the source it came from (see [`Placement::effective`]).
    pub fn effective_tiers(&self, iso3: &str) -> BTreeMap<ReportYear, (Tier, String)> {
        self.placements(iso3)
            .into_iter()
            .filter_map(|(year, p)| {
                let v = p.effective()?;
                Some((year, (v.tier?, v.source.clone())))
            })
            .collect()
    }

    /// Every ISO3 code present, sorted.
    pub fn countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.records.iter().map(|r| r.iso3.as_str()).collect();
        out.dedup();
        out
    }

    /// Every country-year on which sources disagree, sorted by iso3 and year.
    pub fn conflicts(&self) -> Vec<Conflict> {
        self.countries()
            .into_iter()
            .flat_map(|iso3| {
                self.placements(iso3)
                    .into_values()
                    .filter(|p| p.conflict)
                    .map(move |placement| Conflict {
                        iso3: iso3.to_string(),
                        placement,
                    })
            })
            .collect()
    }

    /// Number of records per source, sorted by source name.
    pub fn count_by_source(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for r in &self.records {
            *out.entry(r.source.as_str()).or_insert(0) += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(iso3: &str, year: u16, tier: Option<Tier>, source: &str) -> TierRecord {
        TierRecord {
            iso3: iso3.into(),
            report_year: ReportYear(year),
            tier,
            source: source.into(),
            note: None,
        }
    }

    #[test]
    fn disagreeing_sources_make_a_conflict_and_both_values_stay() {
        let h = TierHistory::from_records(vec![
            rec("THA", 2014, Some(Tier::Tier3), sources::HEISS_MAP_TIERS),
            rec("THA", 2014, Some(Tier::Tier2WatchList), sources::FACTBOOK),
        ]);
        let p = h.placement("tha", ReportYear(2014)).unwrap();
        assert!(p.conflict);
        assert_eq!(p.agreed, None);
        assert_eq!(p.values.len(), 2);
        assert_eq!(p.effective().unwrap().source, sources::HEISS_MAP_TIERS);
        assert_eq!(h.conflicts().len(), 1);
        assert_eq!(p.tiers(), vec![Tier::Tier2WatchList, Tier::Tier3]);
    }

    #[test]
    fn unknown_values_do_not_conflict_and_narratives_win() {
        let mut h = TierHistory::from_records(vec![
            rec("MEX", 2005, None, sources::SURE2018),
            rec(
                "MEX",
                2005,
                Some(Tier::Tier2WatchList),
                sources::HEISS_MAP_TIERS,
            ),
        ]);
        let p = h.placement("MEX", ReportYear(2005)).unwrap();
        assert!(!p.conflict);
        assert_eq!(p.agreed, Some(Tier::Tier2WatchList));

        h.add_stated(
            "mex",
            ReportYear(2005),
            Tier::Tier2WatchList,
            "narrative:abc123",
        );
        h.add_stated(
            "mex",
            ReportYear(2005),
            Tier::Tier2WatchList,
            "narrative:abc123",
        );
        assert_eq!(h.len(), 3);
        let eff = h.effective_tiers("MEX");
        assert_eq!(
            eff[&ReportYear(2005)],
            (Tier::Tier2WatchList, "narrative:abc123".to_string())
        );
    }

    #[test]
    fn country_records_are_isolated_by_iso3() {
        let h = TierHistory::from_records(vec![
            rec("MEX", 2005, Some(Tier::Tier2), "a"),
            rec("MDA", 2005, Some(Tier::Tier2), "a"),
            rec("MLI", 2005, Some(Tier::Tier2), "a"),
        ]);
        assert_eq!(h.country_records("MEX").len(), 1);
        assert_eq!(h.country_records("XXX").len(), 0);
        assert_eq!(h.countries(), vec!["MDA", "MEX", "MLI"]);
    }
}
