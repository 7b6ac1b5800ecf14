//! Tier estimates over the store: the evidence rows, fitting, and cross-validation by country.
//!
//! Every stored narrative with a ranked official tier is a row: its blind findings (conclusions
//! masked, see `assess::mask_conclusions`), its history before the report year, its official
//! tier. Rows are split into [`FOLDS`] folds by a hash of the ISO3 code ([`fold_of`], FNV-1a), so
//! all of a country's narratives share a fold and no narrative is scored by a model fitted on it
//! or on its country's other years. [`cross_validate`] fits one model per fold on the other
//! folds and estimates the held-out rows; [`fit_all`] fits on every row (the published model
//! and the in-sample figures, labelled as such).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use tierwatch_law::estimate::{class_of, estimate, observed_interval, ordinal, Estimate, FeatureSet, TierModel};
use tierwatch_law::{AssessmentInput, CountryRef, Law};
use tierwatch_model::{Fact, ReportYear, Tier};
use tierwatch_store::{DocumentSummary, Store};

use crate::assess::{findings, Mode};
use crate::tiers::{law_history, stated_events, tier_history, StatedEvents};
use crate::AppError;

/// Number of cross-validation folds.
pub const FOLDS: usize = 10;
/// The L2 penalty on coefficients, fixed before looking at results (not tuned on the scores).
pub const L2: f64 = 1.0;

/// One narrative as the estimate sees it.
#[derive(Debug, Clone)]
pub struct Row {
    pub country: String,
    pub iso3: String,
    pub year: u16,
    /// The placement the chapter heading gives, else the tier table's.
    pub official: Tier,
    /// Blind findings and history before the year.
    pub input: AssessmentInput,
    /// All of the narrative's facts (for the levels that read stated findings).
    pub facts: Vec<Fact>,
}

impl Row {
    /// "THA 2018": how fitted sets name narratives.
    pub fn key(&self) -> String {
        format!("{} {}", self.iso3, self.year)
    }
}

/// The rows of the store, plus the narratives left out (no official tier, or a Special Case).
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    pub without_official_tier: Vec<String>,
    pub special_case: Vec<String>,
}

/// The fold of a country: FNV-1a of its ISO3 code, modulo [`FOLDS`].
pub fn fold_of(iso3: &str) -> usize {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in iso3.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % FOLDS as u64) as usize
}

/// Every stored narrative as a row, in store order.
pub fn rows(store: &Store) -> Result<Rows, AppError> {
    rows_where(store, |_| true)
}

/// The stored narratives `keep` accepts, as rows, in store order. A country's stated waiver
/// and downgrade years are read once per country, not once per narrative (they come from all
/// of its narratives, kept or not).
fn rows_where(store: &Store, keep: impl Fn(&DocumentSummary) -> bool) -> Result<Rows, AppError> {
    let history = tier_history(store)?;
    let mut events: BTreeMap<String, StatedEvents> = BTreeMap::new();
    let mut out = Rows::default();
    // A row needs the narrative's country, year, stated tier and facts: read those alone.
    for m in store.list()?.into_iter().filter(|s| keep(s)) {
        let facts = store.facts(&m.document_id)?;
        let year = ReportYear(m.report_year);
        let official = m.stated_tier.or_else(|| {
            history.placement(&m.iso3, year).and_then(|p| p.values.iter().filter(|v| !v.source.starts_with("narrative:")).find_map(|v| v.tier))
        });
        let label = format!("{} {}", m.country, year);
        let Some(official) = official else {
            out.without_official_tier.push(label);
            continue;
        };
        if official == Tier::SpecialCase {
            out.special_case.push(label);
            continue;
        }
        if !events.contains_key(&m.iso3) {
            events.insert(m.iso3.clone(), stated_events(store, &m.iso3)?);
        }
        let input = AssessmentInput {
            country: CountryRef { iso3: m.iso3.clone(), name: m.country.clone() },
            report_year: year,
            findings: findings(&facts, year, Mode::Blind),
            history: law_history(&history, &m.iso3, &events[&m.iso3]).before(year),
            overrides: vec![],
        };
        out.rows.push(Row { country: m.country.clone(), iso3: m.iso3.clone(), year: year.get(), official, input, facts });
    }
    Ok(out)
}

/// Fit a model of `set` on `rows`. Each row's official tier is fitted as the interval of
/// tiers the statute would have turned into it (`observed_interval`): where a watch-list year
/// would have meant an automatic downgrade, an official Tier 3 is "Tier 3 or a proposed watch
/// list", so the model does not learn again what the rules on top already apply.
pub fn fit(rows: &[&Row], law: &Law, set: FeatureSet, fitted_date: &str, fitted_on: &str) -> TierModel {
    let x: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| tierwatch_law::estimate::features(&r.input.findings, &r.input.history, r.input.report_year, set).into_iter().map(|f| f.value).collect())
        .collect();
    let y: Vec<(usize, usize)> = rows.iter().map(|r| observed_interval(&r.input, law, class_of(r.official).expect("rows have ranked tiers"))).collect();
    let f = ordinal::fit_intervals(&x, &y, tierwatch_law::estimate::CLASSES.len(), L2);
    let keys: Vec<String> = rows.iter().map(|r| r.key()).collect();
    TierModel::from_fit(&f, set, L2, fitted_date, fitted_on, keys)
}

/// What a set of rows covers, for `fitted_on`.
pub fn describe(rows: &[&Row]) -> String {
    let years: BTreeSet<u16> = rows.iter().map(|r| r.year).collect();
    let years: Vec<String> = years.iter().map(u16::to_string).collect();
    format!("{} stored narratives (report years {})", rows.len(), years.join(", "))
}

/// The model fitted on every row.
pub fn fit_all(rows: &[Row], law: &Law, set: FeatureSet, fitted_date: &str) -> TierModel {
    let all: Vec<&Row> = rows.iter().collect();
    fit(&all, law, set, fitted_date, &describe(&all))
}

/// Out-of-sample estimates: each row by the model fitted on the other folds.
pub fn cross_validate(rows: &[Row], law: &Law, set: FeatureSet) -> Vec<Estimate> {
    let mut out: Vec<Option<Estimate>> = vec![None; rows.len()];
    for fold in 0..FOLDS {
        let train: Vec<&Row> = rows.iter().filter(|r| fold_of(&r.iso3) != fold).collect();
        if rows.iter().all(|r| fold_of(&r.iso3) != fold) {
            continue;
        }
        let on = format!("fold {} of {FOLDS}: {}", fold + 1, describe(&train));
        let model = fit(&train, law, set, "cross-validation", &on);
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| fold_of(&r.iso3) == fold) {
            out[i] = Some(estimate(&r.input, law, &model));
        }
    }
    out.into_iter().map(|e| e.expect("every row is in one fold")).collect()
}

/// In-sample estimates: every row by the model fitted on all rows.
pub fn in_sample(rows: &[Row], law: &Law, model: &TierModel) -> Vec<Estimate> {
    rows.iter().map(|r| estimate(&r.input, law, model)).collect()
}

/// Write a model as the TOML file the law folder loads (`law/model/tier-estimate.toml`).
pub fn write_model(model: &TierModel, path: &Path) -> Result<(), AppError> {
    let text = toml::to_string(model).map_err(|e| AppError::Invalid(format!("cannot write the tier model: {e}")))?;
    let header = "# The fitted tier model: cumulative logit over the evidence features (see README, \"Tier estimate\").\n# Written by `tierwatch eval tiers --fit`; refit whenever the store changes. Coefficients: + toward Tier 1.\n\n";
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| AppError::Invalid(format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, format!("{header}{text}")).map_err(|e| AppError::Invalid(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_fixed_by_iso3() {
        assert_eq!(fold_of("THA"), fold_of("THA"));
        let folds: BTreeSet<usize> = ["THA", "MEX", "USA", "FRA", "NGA", "IND", "BRA", "CHN", "RUS", "ZAF", "KEN", "PER"].iter().map(|c| fold_of(c)).collect();
        assert!(folds.len() >= 5, "{folds:?}");
        assert!(folds.iter().all(|f| *f < FOLDS));
    }
}

/// The estimate for one stored narrative, out of sample: with the law folder's model when the
/// narrative was not in its fitting set, else with the same model refitted now on its fitting
/// set less this country's narratives (leave-country-out; those of the set the store holds).
/// The refit reads only the fitting set, so its cost does not grow with the store. `None` when
/// the law has no model.
pub fn estimate_narrative(store: &Store, law: &Law, country: &str, year: u16) -> Result<Option<Estimate>, AppError> {
    let Some(model) = law.tier_model.as_ref() else { return Ok(None) };
    let stored = crate::lookup::narrative(store, country, year)?;
    let m = &stored.document.metadata;
    let ry = ReportYear(year);
    let history = crate::tiers::country_tier_history(store, &m.iso3)?;
    let events = stated_events(store, &m.iso3)?;
    let input = AssessmentInput {
        country: CountryRef { iso3: m.iso3.clone(), name: m.country.clone() },
        report_year: ry,
        findings: findings(&stored.facts, ry, Mode::Blind),
        history: law_history(&history, &m.iso3, &events).before(ry),
        overrides: vec![],
    };
    let key = format!("{} {year}", m.iso3);
    if !model.fitted_set.contains(&key) {
        return Ok(Some(estimate(&input, law, model)));
    }
    let fitted = rows_where(store, |s| s.iso3 != m.iso3 && model.fitted_set.contains(&format!("{} {}", s.iso3, s.report_year)))?;
    let train: Vec<&Row> = fitted.rows.iter().collect();
    // The law folder's model saw this narrative: refit without its country, so the estimate
    // stays out of sample.
    let on = format!("{} without {} (leave-country-out)", describe(&train), m.iso3);
    let refit = fit(&train, law, model.feature_set, "at run time", &on);
    Ok(Some(estimate(&input, law, &refit)))
}
