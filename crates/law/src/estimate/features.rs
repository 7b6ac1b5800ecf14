//! The evidence a tier estimate rests on, as named numeric features with their premises.
//!
//! Two sets: [`FeatureSet::History`] (the previous placement and the watch-list run: what the
//! statute's history rules already know) and [`FeatureSet::Evidence`] (history plus what the
//! chapter gives: each section's opening judgment, counts against the previous period,
//! complicity and prosecutions of officials, shelters, victim-care funding, the national action
//! plan, the penalties' adequacy, non-penalization). Features come only from blind findings, so
//! no conclusion sentence (heading, intro, compliance, efforts, tier movement) is among them.
//! Trivalent evidence is +1 (present / positive), −1 (absent / negative) or 0 (not reported).

use serde::{Deserialize, Serialize};
use tierwatch_model::{ReportYear, Tier};

use crate::assessment::Premise;
use crate::findings::{Finding, Findings};
use crate::input::History;
use crate::judgment::finding_premises;

/// Which features a model uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureSet {
    History,
    Evidence,
}

/// History features, in model order.
pub const HISTORY: &[&str] = &["previous_tier1", "previous_watch_list", "previous_tier3", "previous_unknown", "watch_list_years"];

/// The three areas whose sections open with the report's judgment.
pub const AREAS: &[&str] = &["law_enforcement", "protection", "prevention"];

/// Narrative evidence features, in model order (after [`HISTORY`]).
pub const EVIDENCE: &[&str] = &[
    "law_enforcement_increased",
    "law_enforcement_decreased",
    "law_enforcement_weak",
    "protection_increased",
    "protection_decreased",
    "protection_weak",
    "prevention_increased",
    "prevention_decreased",
    "prevention_weak",
    "counts_net",
    "no_convictions",
    "complicity_without_prosecutions",
    "officials_prosecuted",
    "shelters",
    "victim_care_funding",
    "national_action_plan",
    "penalties_adequate",
    "non_penalization",
];

/// Longest watch-list run the feature distinguishes (longer runs count as this).
pub const MAX_RUN: u32 = 4;

impl FeatureSet {
    pub fn names(self) -> Vec<&'static str> {
        match self {
            FeatureSet::History => HISTORY.to_vec(),
            FeatureSet::Evidence => HISTORY.iter().chain(EVIDENCE).copied().collect(),
        }
    }
}

/// One feature's value for one narrative, what it means, and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    pub name: String,
    pub value: f64,
    /// A reader's gloss ("protection decreased", "2 consecutive watch-list years").
    pub what: String,
    pub premises: Vec<Premise>,
}

/// The features of `set` for one narrative, in model order.
pub fn features(findings: &Findings, history: &History, year: ReportYear, set: FeatureSet) -> Vec<Feature> {
    let mut out = history_features(history, year);
    if set == FeatureSet::Evidence {
        out.extend(evidence_features(findings));
    }
    out
}

fn feature(name: &str, value: f64, what: impl Into<String>, premises: Vec<Premise>) -> Feature {
    Feature { name: name.into(), value, what: what.into(), premises }
}

fn history_features(history: &History, year: ReportYear) -> Vec<Feature> {
    let prev_year = year.previous();
    let prev = history.tiers.get(&prev_year).copied().filter(|t| *t != Tier::SpecialCase);
    let prior: Vec<Premise> = prev.map(|tier| Premise::Prior { report_year: prev_year, tier }).into_iter().collect();
    let is = |t: Tier| if prev == Some(t) { 1.0 } else { 0.0 };
    let label = prev.map(|t| t.label().to_string()).unwrap_or_else(|| "unknown".into());
    let mut run = Vec::new();
    let mut y = prev_year;
    while history.tiers.get(&y) == Some(&Tier::Tier2WatchList) && (run.len() as u32) < MAX_RUN {
        run.push(Premise::Prior { report_year: y, tier: Tier::Tier2WatchList });
        y = y.previous();
    }
    vec![
        feature("previous_tier1", is(Tier::Tier1), format!("previous placement {label}"), prior.clone()),
        feature("previous_watch_list", is(Tier::Tier2WatchList), format!("previous placement {label}"), prior.clone()),
        feature("previous_tier3", is(Tier::Tier3), format!("previous placement {label}"), prior.clone()),
        feature(
            "previous_unknown",
            if prev.is_none() { 1.0 } else { 0.0 },
            format!("previous placement {label}"),
            if prev.is_none() {
                vec![Premise::Absent { what: format!("a ranked placement for {prev_year}"), presumption: "counted as unknown".into() }]
            } else {
                prior
            },
        ),
        feature("watch_list_years", run.len() as f64, format!("{} consecutive watch-list year(s) before {year}", run.len()), run),
    ]
}

/// +1 / −1 / 0 of a boolean finding.
fn tri(f: &Finding<bool>) -> f64 {
    match f.value {
        Some(true) => 1.0,
        Some(false) => -1.0,
        None => 0.0,
    }
}

fn tri_feature(name: &str, f: &Finding<bool>, yes: &str, no: &str) -> Feature {
    let what = match f.value {
        Some(true) => yes.to_string(),
        Some(false) => no.to_string(),
        None => format!("{} not reported", name.replace('_', " ")),
    };
    feature(name, tri(f), what, finding_premises(name, f))
}

fn evidence_features(f: &Findings) -> Vec<Feature> {
    let mut out = Vec::new();
    for area in AREAS {
        let trend = f.efforts_trend.get(*area).cloned().unwrap_or_default();
        let v = trend.value.clone().unwrap_or_default();
        let premises = finding_premises(area, &trend);
        let label = area.replace('_', " ");
        let said = if v.is_empty() { "not stated".to_string() } else { v.replace('_', ", ") };
        let up = v.starts_with("increased");
        let down = v.starts_with("decreased") || v == "none";
        // Weak: a level judged minimal, inadequate or uneven (an increase, even a slight one,
        // counts as an increase only).
        let weak = !up && (v.ends_with("_weak") || v.ends_with("_mixed") || v == "none");
        out.push(feature(&format!("{area}_increased"), up as u8 as f64, format!("{label} efforts: {said}"), premises.clone()));
        out.push(feature(&format!("{area}_decreased"), down as u8 as f64, format!("{label} efforts: {said}"), premises.clone()));
        out.push(feature(&format!("{area}_weak"), weak as u8 as f64, format!("{label} efforts: {said}"), premises));
    }
    // Counts against the previous period: how many rose minus how many fell.
    let (mut up, mut down, mut premises, mut names) = (0i32, 0i32, Vec::new(), Vec::new());
    for (name, pair) in f.counts.all() {
        let (Some(cur), Some(prev)) = (pair.current.value, pair.previous.value) else { continue };
        premises.extend(finding_premises(name, &pair.current));
        premises.extend(finding_premises(&format!("{name}_previous"), &pair.previous));
        if cur > prev {
            up += 1;
            names.push(format!("{name} {prev}->{cur}"));
        } else if cur < prev {
            down += 1;
            names.push(format!("{name} {prev}->{cur}"));
        }
    }
    let what = if names.is_empty() { "no count compared with the previous period changed".to_string() } else { format!("{up} count(s) rose, {down} fell: {}", names.join(", ")) };
    out.push(feature("counts_net", (up - down) as f64, what, premises));
    let conv = &f.counts.convictions.current;
    out.push(feature(
        "no_convictions",
        (conv.value == Some(0)) as u8 as f64,
        match conv.value { Some(0) => "no convictions reported".to_string(), Some(n) => format!("{n} convictions"), None => "convictions not reported".into() },
        finding_premises("convictions", conv),
    ));
    let complicit = f.official_complicity.value == Some(true);
    let prosecuted = f.officials_prosecuted.value == Some(true);
    let mut cp = finding_premises("official_complicity", &f.official_complicity);
    if complicit && !prosecuted {
        cp.push(Premise::Absent { what: "a prosecution or conviction of an official".into(), presumption: "none reported".into() });
    }
    out.push(feature(
        "complicity_without_prosecutions",
        (complicit && !prosecuted) as u8 as f64,
        if complicit && !prosecuted { "official complicity reported, no official prosecuted or convicted" } else if complicit { "official complicity reported, officials prosecuted" } else { "no official complicity reported" },
        cp,
    ));
    out.push(feature(
        "officials_prosecuted",
        prosecuted as u8 as f64,
        if prosecuted { "officials prosecuted or convicted" } else { "no official prosecuted or convicted" },
        finding_premises("officials_prosecuted", &f.officials_prosecuted),
    ));
    out.push(tri_feature("shelters", &f.shelters, "shelters available", "no shelters"));
    out.push(tri_feature("victim_care_funding", &f.victim_care_funding, "victim care funded", "no victim-care funding"));
    out.push(tri_feature("national_action_plan", &f.national_action_plan, "national action plan", "no national action plan"));
    out.push(tri_feature("penalties_adequate", &f.penalties_deterrent, "penalties sufficiently stringent", "penalties not sufficiently stringent"));
    out.push(tri_feature("non_penalization", &f.non_penalization, "victims not penalized", "victims penalized"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_features_computed() {
        let h = History::default();
        for set in [FeatureSet::History, FeatureSet::Evidence] {
            let got: Vec<String> = features(&Findings::default(), &h, ReportYear(2018), set).into_iter().map(|f| f.name).collect();
            assert_eq!(got, set.names());
        }
    }

    #[test]
    fn watch_list_run_and_previous_placement() {
        let mut h = History::default();
        for (y, t) in [(2014, Tier::Tier2), (2015, Tier::Tier2WatchList), (2016, Tier::Tier2WatchList), (2017, Tier::Tier2WatchList)] {
            h.tiers.insert(ReportYear(y), t);
        }
        let f = features(&Findings::default(), &h, ReportYear(2018), FeatureSet::History);
        let v = |n: &str| f.iter().find(|x| x.name == n).unwrap().value;
        assert_eq!(v("watch_list_years"), 3.0);
        assert_eq!(v("previous_watch_list"), 1.0);
        assert_eq!(v("previous_unknown"), 0.0);
    }
}
