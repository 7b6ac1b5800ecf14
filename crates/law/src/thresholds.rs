//! The schema of `law/thresholds.toml`: tierwatch's documented judgment thresholds (what counts as
//! vigorous enforcement, significant or increasing efforts). Not statutory; every value is labelled.

use serde::{Deserialize, Serialize};

use crate::param::Param;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub enforcement: EnforcementThresholds,
    pub penalties: PenaltyThresholds,
    pub efforts: EffortThresholds,
    pub history: HistoryThresholds,
    pub waiver: WaiverThresholds,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnforcementThresholds {
    pub vigorous_min_convictions: Param<i64>,
    pub vigorous_min_prosecutions: Param<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyThresholds {
    pub deterrent_min_max_years: Param<f64>,
    pub grave_crime_min_max_years: Param<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortThresholds {
    pub significant_min_share_met: Param<f64>,
    pub min_indicia_known: Param<u32>,
    pub serious_sustained_min_share_met: Param<f64>,
    pub increasing_min_counts_up: Param<u32>,
    pub decline_tolerance: Param<f64>,
    /// How many more counts must rise than fall (or fall than rise) for evidence to decide
    /// increasing efforts either way.
    pub increasing_margin: Param<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryThresholds {
    pub lean_on_previous_tier: Param<bool>,
    /// Judge compliance and significant efforts from the previous placement first, letting
    /// evidence move them only through increasing efforts (see thresholds.toml).
    pub prior_first: Param<bool>,
    /// A country on Tier 3 in the previous report that now makes significant efforts goes to
    /// the Tier 2 Watch List, not straight to Tier 2 (State practice).
    pub tier3_upgrade_to_watch_list: Param<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaiverThresholds {
    pub presume_when_unknown: Param<bool>,
}
