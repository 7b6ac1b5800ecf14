//! The schema of `law/editions/*.toml`: the rules and parameters in force for a span of report years.
//!
//! Every field is required and unknown keys are errors, so an edition file says everything
//! explicitly, with a citation and a confidence label per value.

use serde::{Deserialize, Serialize};

use crate::param::Param;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    pub title: String,
    pub first_report_year: u16,
    pub last_report_year: u16,
    /// The public laws in force, for the reader.
    pub laws: Vec<String>,
    pub reporting_period: ReportingPeriod,
    pub special_watch_list: SpecialWatchList,
    pub watch_list: WatchList,
    pub tier_placement: TierPlacement,
    pub data_presumption: DataPresumption,
    pub downgrade: Downgrade,
    pub waiver: Waiver,
    pub previously_downgraded: PreviouslyDowngraded,
    pub proof_of_failure: ProofOfFailure,
    pub consequences: Consequences,
    /// Which version of each provision module applies.
    pub provisions: ProvisionVersions,
}

/// The version of each provision whose text changed between editions (a version name is the
/// suffix of its rule id, e.g. `since_2019` for `watch_list.since_2019`). The loader checks each
/// name against the versions the module implements (`provisions::versions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisionVersions {
    pub tier_lists: Param<String>,
    pub watch_list: Param<String>,
    pub waiver: Param<String>,
    pub data_presumption: Param<String>,
}

impl ProvisionVersions {
    /// (provision, version) pairs, for validation.
    pub fn all(&self) -> [(&'static str, &str); 4] {
        [
            ("tier_lists", self.tier_lists.value.as_str()),
            ("watch_list", self.watch_list.value.as_str()),
            ("waiver", self.waiver.value.as_str()),
            ("data_presumption", self.data_presumption.value.as_str()),
        ]
    }
}

impl Edition {
    pub fn covers(&self, year: u16) -> bool {
        (self.first_report_year..=self.last_report_year).contains(&year)
    }

    /// "2006-2007" or "2008".
    pub fn span(&self) -> String {
        if self.first_report_year == self.last_report_year {
            self.first_report_year.to_string()
        } else {
            format!("{}-{}", self.first_report_year, self.last_report_year)
        }
    }

    /// Longest permitted consecutive counted watch-list stay: the downgrade trigger plus the
    /// waiver years (None when no automatic downgrade is in force).
    pub fn max_counted_stay(&self) -> Option<u32> {
        self.downgrade.in_force.value.then(|| {
            let waivers = if self.waiver.in_force.value {
                self.waiver.max_years.value
            } else {
                0
            };
            self.downgrade.consecutive_years.value + waivers
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    NotFixed,
    AprilToMarch,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportingPeriod {
    pub window: Param<Window>,
    pub due_date: Param<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialWatchList {
    pub in_force: Param<bool>,
}

/// The watch-list criteria of 7107(b)(2)(A)(iii), by the wording in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchListCriterion {
    /// (a), 2004-2018: the absolute number of victims is very significant or significantly increasing.
    VictimsNumberAbsolute,
    /// (I), 2019+: the estimated number is very significant or increasing and the country is not
    /// taking proportional concrete actions.
    VictimsNumberEstimated,
    /// (b) / (II): no evidence of increasing efforts over the previous year.
    NoIncreasingEfforts,
    /// (c), 2004-2018: the significant-efforts finding rested on commitments for next year.
    FutureCommitments,
}

impl WatchListCriterion {
    pub fn code(self) -> &'static str {
        match self {
            WatchListCriterion::VictimsNumberAbsolute => "victims_number_absolute",
            WatchListCriterion::VictimsNumberEstimated => "victims_number_estimated",
            WatchListCriterion::NoIncreasingEfforts => "no_increasing_efforts",
            WatchListCriterion::FutureCommitments => "future_commitments",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchList {
    pub criteria: Param<Vec<WatchListCriterion>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierPlacement {
    pub concrete_actions_only: Param<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapacityTest {
    None,
    Capacity,
    DemonstrablyIncreasingCapacity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataPresumption {
    pub in_force: Param<bool>,
    pub grace: Param<bool>,
    pub capacity_test: Param<CapacityTest>,
}

/// Which years count toward the consecutive-years trigger (tvpa-rules.md section 11 item 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountingBase {
    /// Only Tier 2 Watch List years (State practice).
    T2wl,
    /// Every special-watch-list year, including years on the list only because of an upgrade.
    Swl,
}

/// How a special-case (unranked) year affects a consecutive run (tvpa-rules.md section 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCaseCounting {
    /// The run ends.
    Break,
    /// The year counts as a run year.
    Continue,
    /// The year neither counts nor ends the run.
    Skip,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Downgrade {
    pub in_force: Param<bool>,
    pub counting_first_report_year: Param<u16>,
    pub consecutive_years: Param<u32>,
    pub counting_base: Param<CountingBase>,
    pub special_case_years: Param<SpecialCaseCounting>,
}

/// How pre-2019 waiver years count against the one-year limit (tvpa-rules.md section 11 item 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaiverTransition {
    CarryOver,
    Reset,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub in_force: Param<bool>,
    pub max_years: Param<u32>,
    pub transition: Param<WaiverTransition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviouslyDowngraded {
    pub in_force: Param<bool>,
    pub max_consecutive_years: Param<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofOfFailure {
    pub in_force: Param<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consequences {
    pub assistance_withholding: Param<bool>,
    pub trade_promotion: Param<bool>,
    pub action_plans: Param<bool>,
    pub waiver_publication: Param<bool>,
    pub tier_change_explanation: Param<bool>,
}
