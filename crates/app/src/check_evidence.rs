//! `check --evidence`: narratives whose official tier the evidence does not support — the
//! official tier has an out-of-sample probability below [`THRESHOLD`] under the tier estimate
//! (cross-validated by country, see `estimate`) — most surprising first, each with the evidence
//! that pulls away from the official tier and its quotes.
//!
//! The threshold: with four ranked tiers, 0.15 is well under the 0.25 of a uniform guess and
//! under the out-of-sample probability the model gives the official tier for the large majority
//! of narratives, so what it lists are placements the chapter's own evidence argues against.

use serde::Serialize;
use tierwatch_law::estimate::{Contribution, FeatureSet, TierProbability};
use tierwatch_law::{Law, Reason};
use tierwatch_model::Tier;
use tierwatch_store::Store;

use crate::estimate::{cross_validate, rows};
use crate::AppError;

/// Official tiers with an out-of-sample probability below this are listed.
pub const THRESHOLD: f64 = 0.15;
/// Contributions listed per narrative.
pub const REASONS: usize = 4;

/// One narrative the evidence does not support.
#[derive(Debug, Clone, Serialize)]
pub struct Surprise {
    pub country: String,
    pub iso3: String,
    pub report_year: u16,
    pub official: Tier,
    pub estimate: Tier,
    /// Out of sample.
    pub probability_official: f64,
    pub probabilities: Vec<TierProbability>,
    /// The evidence pulling away from the official tier, strongest first (with quotes).
    pub against: Vec<Contribution>,
    /// Statutory rules that moved probability away from it.
    pub statutory: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceCheck {
    pub threshold: f64,
    pub narratives: usize,
    pub surprises: Vec<Surprise>,
}

/// Every stored narrative whose official tier has a probability below `threshold`.
pub fn check_evidence(store: &Store, law: &Law, threshold: f64) -> Result<EvidenceCheck, AppError> {
    let data = rows(store)?;
    let estimates = cross_validate(&data.rows, law, FeatureSet::Evidence);
    let mut surprises = Vec::new();
    for (r, e) in data.rows.iter().zip(estimates) {
        let p = e.probability(r.official);
        if p >= threshold {
            continue;
        }
        // Official better than the estimate: the evidence pulling down argues against it.
        let official_better = r.official.ordinal() < e.tier.ordinal();
        let against: Vec<Contribution> = e.contributions.iter().filter(|c| if official_better { c.effect < 0.0 } else { c.effect > 0.0 }).take(REASONS).cloned().collect();
        surprises.push(Surprise {
            country: r.country.clone(),
            iso3: r.iso3.clone(),
            report_year: r.year,
            official: r.official,
            estimate: e.tier,
            probability_official: p,
            probabilities: e.probabilities.clone(),
            against,
            statutory: e.statutory.clone(),
        });
    }
    surprises.sort_by(|a, b| a.probability_official.total_cmp(&b.probability_official).then_with(|| (&a.iso3, a.report_year).cmp(&(&b.iso3, b.report_year))));
    Ok(EvidenceCheck { threshold, narratives: data.rows.len(), surprises })
}
