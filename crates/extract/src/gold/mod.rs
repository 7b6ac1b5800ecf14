//! The gold annotation schema (../shared/gold/SCHEMA.md) as serde types, and a pure
//! scorer comparing gold documents with extracted facts, or with a second annotator's gold
//! (no file IO here).

mod predict;
mod report;
mod score;

use serde::{Deserialize, Serialize};
use tierwatch_model::{PenaltyMax, Period};

pub use predict::{predict, Predicted};
pub use report::{Accuracy, CountsScore, ErrorItem, ExtractionReport, KindScore, Prf};
pub use score::{score, score_predicted};

/// One gold file, in either layout: the full one (../shared/gold/SCHEMA.md) or the smaller
/// one of the excerpts (tier, movement, consecutive watch-list years and counts only). A field
/// the file leaves out is not scored; a field it sets to null is scored as "none".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    /// Path relative to the corpus root ("tip-2018/mexico.txt").
    pub document: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub report_year: Option<u16>,
    /// Excerpts only: whether the text starts with its chapter heading line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_heading: Option<bool>,
    pub tier: Option<String>,
    #[serde(default)]
    pub tier_movement: Option<String>,
    #[serde(default)]
    pub watch_list: GoldWatchList,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<Vec<String>>,
    #[serde(default)]
    pub counts: Vec<GoldCount>,
    /// `None`: not annotated; `Some(None)`: annotated as "no such statement".
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub penalty_years: Option<Option<GoldPenalty>>,
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub recommendations: Option<Option<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_complicity: Option<bool>,
}

/// A field that is present (possibly null) deserializes to `Some(..)`; an absent one stays
/// `None` through `#[serde(default)]`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldWatchList {
    #[serde(default)]
    pub consecutive_years: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_downgrade: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldCount {
    pub kind: String,
    pub value: i64,
    #[serde(default = "unknown")]
    pub period: Period,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub quote: String,
}

fn unknown() -> Period {
    Period::Unknown
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldPenalty {
    pub min: Option<f64>,
    pub max: Option<PenaltyMax>,
    #[serde(default)]
    pub quote: String,
}

#[cfg(test)]
mod tests;
