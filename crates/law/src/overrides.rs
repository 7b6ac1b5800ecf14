//! Analyst overrides: `FINDING=VALUE` settings (e.g. `significant_efforts=false`) applied on top
//! of the findings, so an analyst can see how the outcome and reasons change.

use serde::{Deserialize, Serialize};
use tierwatch_model::PenaltyMax;

use crate::findings::{Finding, FindingSource, Findings, WatchListBasis};

/// One `FINDING=VALUE` setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub finding: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("`{0}` is not FINDING=VALUE")]
    Syntax(String),
    #[error("unknown finding `{0}`; known: {known}", known = OVERRIDABLE.join(", "))]
    UnknownFinding(String),
    #[error("`{finding}` cannot be set to `{value}`: {expected}")]
    BadValue {
        finding: String,
        value: String,
        expected: &'static str,
    },
}

/// Every finding name an override may set (besides `standard.<id>` and `indicium.<id>`).
pub const OVERRIDABLE: &[&str] = &[
    "fully_meets_standards",
    "significant_efforts",
    "increasing_efforts",
    "watch_list_basis",
    "waiver",
    "auto_downgrade",
    "consecutive_watch_list_years",
    "special_case",
    "proof_of_failure",
    "victims_number_significant",
    "proportional_concrete_actions",
    "prohibits_trafficking",
    "penalty_max_years",
    "penalties_deterrent",
    "penalties_grave_crime",
    "official_complicity",
    "shelters",
    "victim_care_funding",
    "non_penalization",
    "national_action_plan",
    "investigations",
    "investigations_previous",
    "prosecutions",
    "prosecutions_previous",
    "convictions",
    "convictions_previous",
    "victims_identified",
    "victims_identified_previous",
];

impl Override {
    /// Parse `FINDING=VALUE` (whitespace around either side is ignored).
    pub fn parse(s: &str) -> Result<Override, OverrideError> {
        let (k, v) = s
            .split_once('=')
            .ok_or_else(|| OverrideError::Syntax(s.to_string()))?;
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() {
            return Err(OverrideError::Syntax(s.to_string()));
        }
        Ok(Override {
            finding: k.to_string(),
            value: v.to_string(),
        })
    }

    /// Apply to `findings`. `unknown` (or an empty value) clears a finding.
    pub fn apply(&self, f: &mut Findings) -> Result<(), OverrideError> {
        let v = self.value.as_str();
        let bad = |expected| OverrideError::BadValue {
            finding: self.finding.clone(),
            value: v.to_string(),
            expected,
        };
        let set_bool = |slot: &mut Finding<bool>| -> Result<(), OverrideError> {
            *slot = over(parse_bool(v).ok_or_else(|| bad("true, false or unknown"))?);
            Ok(())
        };
        let set_int = |slot: &mut Finding<i64>| -> Result<(), OverrideError> {
            *slot = over(
                parse_opt(v, |s| s.parse::<i64>().ok())
                    .ok_or_else(|| bad("an integer or unknown"))?,
            );
            Ok(())
        };
        let c = &mut f.counts;
        match self.finding.as_str() {
            "fully_meets_standards" => set_bool(&mut f.fully_meets_standards),
            "significant_efforts" => set_bool(&mut f.significant_efforts),
            "increasing_efforts" => set_bool(&mut f.increasing_efforts),
            "waiver" | "waiver_stated" => set_bool(&mut f.waiver_stated),
            "auto_downgrade" | "auto_downgrade_stated" => set_bool(&mut f.auto_downgrade_stated),
            "special_case" => set_bool(&mut f.special_case),
            "proof_of_failure" => set_bool(&mut f.proof_of_failure),
            "victims_number_significant" => set_bool(&mut f.victims_number_significant),
            "proportional_concrete_actions" => set_bool(&mut f.proportional_concrete_actions),
            "prohibits_trafficking" => set_bool(&mut f.prohibits_trafficking),
            "penalties_deterrent" => set_bool(&mut f.penalties_deterrent),
            "penalties_grave_crime" => set_bool(&mut f.penalties_grave_crime),
            "official_complicity" => set_bool(&mut f.official_complicity),
            "shelters" => set_bool(&mut f.shelters),
            "victim_care_funding" => set_bool(&mut f.victim_care_funding),
            "non_penalization" => set_bool(&mut f.non_penalization),
            "national_action_plan" => set_bool(&mut f.national_action_plan),
            "consecutive_watch_list_years" => set_int(&mut f.consecutive_watch_list_years_stated),
            "investigations" => set_int(&mut c.investigations.current),
            "investigations_previous" => set_int(&mut c.investigations.previous),
            "prosecutions" => set_int(&mut c.prosecutions.current),
            "prosecutions_previous" => set_int(&mut c.prosecutions.previous),
            "convictions" => set_int(&mut c.convictions.current),
            "convictions_previous" => set_int(&mut c.convictions.previous),
            "victims_identified" => set_int(&mut c.victims_identified.current),
            "victims_identified_previous" => set_int(&mut c.victims_identified.previous),
            "penalty_max_years" => {
                let m = parse_opt(v, |s| {
                    if s.eq_ignore_ascii_case("life") {
                        Some(PenaltyMax::Life)
                    } else {
                        s.parse::<f64>().ok().map(PenaltyMax::Years)
                    }
                })
                .ok_or_else(|| bad("a number of years, life, or unknown"))?;
                f.penalty_max = over(m);
                Ok(())
            }
            "watch_list_basis" => {
                let none = v.eq_ignore_ascii_case("none") || v == "[]";
                let list = if none { Some(Some(Vec::new())) } else { parse_opt(v, |s| {
                    s.split(',').filter(|p| !p.trim().is_empty()).map(WatchListBasis::parse).collect::<Option<Vec<_>>>()
                }) }
                .ok_or_else(|| bad("a comma list of future_commitments, victims_number, no_increasing_efforts; none for no basis"))?;
                f.watch_list_basis = over(list);
                Ok(())
            }
            name if name.starts_with("standard.") || name.starts_with("indicium.") => {
                let b =
                    parse_bool(v).ok_or_else(|| bad("true (met), false (not met) or unknown"))?;
                f.criteria.insert(name.to_string(), over(b));
                Ok(())
            }
            other => Err(OverrideError::UnknownFinding(other.to_string())),
        }
    }
}

impl std::fmt::Display for Override {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}", self.finding, self.value)
    }
}

fn over<T>(value: Option<T>) -> Finding<T> {
    Finding {
        value,
        facts: Vec::new(),
        source: FindingSource::Override,
    }
}

/// `Some(None)` for unknown, `Some(Some(v))` for a value, `None` for garbage.
fn parse_opt<T>(v: &str, f: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
    if v.is_empty() || v.eq_ignore_ascii_case("unknown") || v.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    f(v).map(Some)
}

fn parse_bool(v: &str) -> Option<Option<bool>> {
    parse_opt(v, |s| match s.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "met" => Some(true),
        "false" | "no" | "0" | "not_met" => Some(false),
        _ => None,
    })
}
