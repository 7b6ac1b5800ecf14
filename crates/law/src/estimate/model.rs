//! The fitted tier model as data (`law/model/tier-estimate.toml`) and the estimate it gives one
//! narrative: the probability of each tier from the evidence, then the statutory history rules
//! of the year applied on top (rule (F), automatic downgrade, waiver limits), each tier's mass
//! moved to the tier the statute allows, with the reasons.

use serde::{Deserialize, Serialize};
use tierwatch_model::Tier;

use crate::assessment::{Outcome, Premise, Reason, SwlMembership};
use crate::engine::statutory_rules;
use crate::estimate::features::{features, Feature, FeatureSet};
use crate::estimate::ordinal;
use crate::input::AssessmentInput;
use crate::load::Law;
use crate::param::Confidence;

/// The model's classes, worst to best (the ordinal scale: a positive coefficient moves up).
pub const CLASSES: [Tier; 4] = [Tier::Tier3, Tier::Tier2WatchList, Tier::Tier2, Tier::Tier1];

/// The class index of a ranked tier.
pub fn class_of(t: Tier) -> Option<usize> {
    CLASSES.iter().position(|c| *c == t)
}

/// One coefficient of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coefficient {
    pub feature: String,
    /// Effect of one unit of the feature on the tier scale (+ toward Tier 1).
    pub weight: f64,
}

/// `law/model/tier-estimate.toml`: a cumulative-logit model and the set it was fitted on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierModel {
    /// Always `cumulative_logit`.
    pub model: String,
    pub feature_set: FeatureSet,
    /// The date of the fit (YYYY-MM-DD).
    pub fitted_date: String,
    /// What it was fitted on, for the reader.
    pub fitted_on: String,
    pub narratives: usize,
    /// L2 penalty on the coefficients.
    pub l2: f64,
    /// A fitted model is an empirical working answer, not law: UNVERIFIED.
    pub confidence: Confidence,
    /// Where the coefficients come from.
    pub citation: String,
    pub note: String,
    /// The narratives fitted on ("THA 2018"), so an estimate can say it is in sample.
    pub fitted_set: Vec<String>,
    /// Cut points between the classes, worst to best ([`CLASSES`]).
    pub thresholds: Vec<f64>,
    pub coefficients: Vec<Coefficient>,
}

impl TierModel {
    /// A model from a fit, with coefficients named by the feature set.
    pub fn from_fit(fit: &ordinal::Fit, set: FeatureSet, l2: f64, fitted_date: &str, fitted_on: &str, fitted_set: Vec<String>) -> TierModel {
        TierModel {
            model: "cumulative_logit".into(),
            feature_set: set,
            fitted_date: fitted_date.into(),
            fitted_on: fitted_on.into(),
            narratives: fitted_set.len(),
            l2,
            confidence: Confidence::Unverified,
            citation: "fitted on the stored narratives by tierwatch eval tiers --fit (README: tier estimate)".into(),
            note: "Fitted by `tierwatch eval tiers --fit` (cumulative logit, Newton with L2 penalty). Positive coefficients move toward Tier 1, negative toward Tier 3.".into(),
            fitted_set,
            thresholds: fit.thresholds.clone(),
            coefficients: set.names().into_iter().zip(&fit.coefficients).map(|(f, v)| Coefficient { feature: f.into(), weight: *v }).collect(),
        }
    }

    /// Coefficients in feature order (missing names count as 0).
    pub fn beta(&self) -> Vec<f64> {
        self.feature_set
            .names()
            .iter()
            .map(|n| self.coefficients.iter().find(|c| c.feature == *n).map(|c| c.weight).unwrap_or(0.0))
            .collect()
    }

    /// Probabilities over [`CLASSES`] for a feature vector.
    pub fn class_probabilities(&self, x: &[f64]) -> Vec<f64> {
        ordinal::probabilities(&self.thresholds, &self.beta(), x)
    }

    fn coefficient_premise(&self, feature: &str, value: f64) -> Premise {
        Premise::Param {
            name: format!("model.coefficients.{feature}"),
            value: format!("{value:+.2}"),
            citation: format!("tier model fitted {} on {}", self.fitted_date, self.fitted_on),
            confidence: self.confidence,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierProbability {
    pub tier: Tier,
    pub probability: f64,
}

/// One feature's pull on the tier scale (coefficient × value; + toward Tier 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub feature: String,
    pub value: f64,
    pub coefficient: f64,
    pub effect: f64,
    pub what: String,
    /// The facts or prior placements behind the value, then the coefficient with its source.
    pub premises: Vec<Premise>,
}

/// Which model gave an estimate, and whether the narrative was in its fitting set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelRef {
    pub fitted_date: String,
    pub fitted_on: String,
    pub narratives: usize,
    pub confidence: Confidence,
    /// True when this narrative was among those the model was fitted on (an in-sample estimate).
    pub in_sample: bool,
}

/// A tier estimate from the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// The most probable tier after the statutory rules.
    pub tier: Tier,
    /// Tier 1, Tier 2, Watch List, Tier 3, after the statutory rules.
    pub probabilities: Vec<TierProbability>,
    /// The same before the statutory rules (the model alone).
    pub model_probabilities: Vec<TierProbability>,
    /// The latent score x·β.
    pub score: f64,
    /// Non-zero contributions, strongest first.
    pub contributions: Vec<Contribution>,
    /// The statutory rules that moved probability, with their reasons.
    pub statutory: Vec<Reason>,
    pub special_watch_list: Vec<SwlMembership>,
    pub model: ModelRef,
}

impl Estimate {
    pub fn probability(&self, t: Tier) -> f64 {
        self.probabilities.iter().find(|p| p.tier == t).map(|p| p.probability).unwrap_or(0.0)
    }
}

/// Display order of tiers.
const DISPLAY: [Tier; 4] = [Tier::Tier1, Tier::Tier2, Tier::Tier2WatchList, Tier::Tier3];

/// Probabilities over [`CLASSES`] moved by the statute: each class's mass goes to the tier the
/// history rules allow for it. Returns the new probabilities and the reasons of every move.
pub fn apply_statute(input: &AssessmentInput, law: &Law, probs: &[f64]) -> (Vec<f64>, Vec<Reason>) {
    let mut out = vec![0.0; CLASSES.len()];
    let mut reasons: Vec<Reason> = Vec::new();
    for (i, p) in probs.iter().enumerate() {
        let proposed = Outcome::from_tier(CLASSES[i]);
        let landed = match statutory_rules(input, law, proposed) {
            Some((placement, _)) if placement.outcome != proposed => {
                for r in placement.reasons {
                    if !reasons.iter().any(|x| x.rule == r.rule) {
                        reasons.push(r);
                    }
                }
                placement.outcome.tier().and_then(class_of).unwrap_or(i)
            }
            _ => i,
        };
        out[landed] += p;
    }
    (out, reasons)
}

/// For each proposed class, the class the statute lets it land in.
pub fn landing(input: &AssessmentInput, law: &Law) -> Vec<usize> {
    (0..CLASSES.len())
        .map(|i| match statutory_rules(input, law, Outcome::from_tier(CLASSES[i])) {
            Some((p, _)) => p.outcome.tier().and_then(class_of).unwrap_or(i),
            None => i,
        })
        .collect()
}

/// The proposed classes the statute would turn into the observed class `k`, as an interval
/// `lo..=hi` for fitting (just `k..=k` unless a rule merges classes, or when they are not
/// contiguous).
pub fn observed_interval(input: &AssessmentInput, law: &Law, k: usize) -> (usize, usize) {
    let land = landing(input, law);
    let from: Vec<usize> = (0..land.len()).filter(|i| land[*i] == k).collect();
    match (from.first(), from.last()) {
        (Some(&lo), Some(&hi)) if hi - lo + 1 == from.len() && lo <= k && k <= hi => (lo, hi),
        _ => (k, k),
    }
}

/// The most probable class (the better one on exact ties).
pub fn argmax(probs: &[f64]) -> usize {
    let mut best = 0;
    for (i, p) in probs.iter().enumerate() {
        if *p >= probs[best] {
            best = i;
        }
    }
    best
}

/// The estimate for one narrative's blind findings and history.
pub fn estimate(input: &AssessmentInput, law: &Law, model: &TierModel) -> Estimate {
    // Features and probabilities before the statute, then its rules on each tier's mass.
    let feats: Vec<Feature> = features(&input.findings, &input.history, input.report_year, model.feature_set);
    let x: Vec<f64> = feats.iter().map(|f| f.value).collect();
    let beta = model.beta();
    let raw = model.class_probabilities(&x);
    let (probs, statutory) = apply_statute(input, law, &raw);
    let best = argmax(&probs);
    let swl = statutory_rules(input, law, Outcome::from_tier(CLASSES[best])).map(|(_, s)| s).unwrap_or_default();
    let mut contributions: Vec<Contribution> = feats
        .into_iter()
        .zip(&beta)
        .filter(|(f, b)| f.value != 0.0 && **b != 0.0)
        .map(|(f, b)| {
            let mut premises = f.premises;
            premises.push(model.coefficient_premise(&f.name, *b));
            Contribution { effect: b * f.value, coefficient: *b, value: f.value, feature: f.name, what: f.what, premises }
        })
        .collect();
    contributions.sort_by(|a, b| b.effect.abs().total_cmp(&a.effect.abs()).then_with(|| a.feature.cmp(&b.feature)));
    let key = format!("{} {}", input.country.iso3, input.report_year.get());
    let in_display = |ps: &[f64]| DISPLAY.iter().map(|t| TierProbability { tier: *t, probability: ps[class_of(*t).unwrap()] }).collect();
    Estimate {
        tier: CLASSES[best],
        probabilities: in_display(&probs),
        model_probabilities: in_display(&raw),
        score: ordinal::score(&beta, &x),
        contributions,
        statutory,
        special_watch_list: swl,
        model: ModelRef {
            fitted_date: model.fitted_date.clone(),
            fitted_on: model.fitted_on.clone(),
            narratives: model.narratives,
            confidence: model.confidence,
            in_sample: model.fitted_set.contains(&key),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{CountryRef, History};
    use tierwatch_model::ReportYear;

    fn input(run: &[u16]) -> AssessmentInput {
        let mut history = History::default();
        history.tiers.insert(ReportYear(2013), Tier::Tier2);
        for y in run {
            history.tiers.insert(ReportYear(*y), Tier::Tier2WatchList);
        }
        AssessmentInput {
            country: CountryRef { iso3: "XXX".into(), name: "Example".into() },
            report_year: ReportYear(2018),
            findings: Default::default(),
            history,
            overrides: vec![],
        }
    }

    #[test]
    fn the_statute_moves_watch_list_mass_once_waivers_are_used_up() {
        let law = Law::embedded().unwrap();
        let probs = [0.1, 0.5, 0.3, 0.1];
        // Four watch-list years (two counted, two waived): a fifth is not allowed, so Tier 3.
        let (moved, reasons) = apply_statute(&input(&[2014, 2015, 2016, 2017]), &law, &probs);
        assert!((moved[0] - 0.6).abs() < 1e-12 && moved[1] == 0.0, "{moved:?}");
        assert!(reasons.iter().any(|r| r.rule == "auto_downgrade.since_2009"));
        assert_eq!(observed_interval(&input(&[2014, 2015, 2016, 2017]), &law, 0), (0, 1));
        // One watch-list year: nothing moves; an official Tier 3 is fitted as Tier 3 alone.
        let (same, reasons) = apply_statute(&input(&[2017]), &law, &probs);
        assert_eq!(same, probs.to_vec());
        assert!(reasons.is_empty());
        assert_eq!(observed_interval(&input(&[2017]), &law, 0), (0, 0));
    }
}
