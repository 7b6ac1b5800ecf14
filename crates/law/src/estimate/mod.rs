//! Tier estimates from the evidence a chapter gives: features ([`features`]), a cumulative-logit
//! model fitted in Rust ([`ordinal`]), its coefficients as data beside the law
//! (`law/model/tier-estimate.toml`, [`model::TierModel`]), and the statutory history rules of the
//! year applied on top ([`model::apply_statute`]). Pure: no IO, no clock; fitting, cross-validation
//! and the file itself are the app's job.

pub mod explain;
pub mod features;
pub mod model;
pub mod ordinal;

pub use explain::render_estimate;
pub use features::{features, Feature, FeatureSet};
pub use model::{apply_statute, argmax, landing, observed_interval, class_of, estimate, Coefficient, Contribution, Estimate, ModelRef, TierModel, TierProbability, CLASSES};
