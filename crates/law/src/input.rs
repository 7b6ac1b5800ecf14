//! What the engine is asked: country, report year, findings, tier history, analyst overrides.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use tierwatch_model::{ReportYear, Tier};

use crate::findings::Findings;
use crate::overrides::Override;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CountryRef {
    pub iso3: String,
    pub name: String,
}

/// Earlier placements. Entries for the assessed year or later are ignored by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    pub tiers: BTreeMap<ReportYear, Tier>,
    /// Years known (e.g. stated in a narrative or a memorandum) to have been waiver years.
    #[serde(default)]
    pub waiver_years: BTreeSet<ReportYear>,
    /// Years known to have been automatic downgrades to Tier 3.
    #[serde(default)]
    pub auto_downgrades: BTreeSet<ReportYear>,
}

impl History {
    pub fn tier(&self, year: u16) -> Option<Tier> {
        self.tiers.get(&ReportYear(year)).copied()
    }

    /// The same history restricted to years before `year`.
    pub fn before(&self, year: ReportYear) -> History {
        History {
            tiers: self.tiers.range(..year).map(|(y, t)| (*y, *t)).collect(),
            waiver_years: self.waiver_years.range(..year).copied().collect(),
            auto_downgrades: self.auto_downgrades.range(..year).copied().collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentInput {
    pub country: CountryRef,
    pub report_year: ReportYear,
    pub findings: Findings,
    pub history: History,
    /// `FINDING=VALUE` settings applied on top of the findings.
    pub overrides: Vec<Override>,
}
