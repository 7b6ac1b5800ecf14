//! The gold annotation schema (../shared/gold/SCHEMA.md) as serde types, and a pure
//! scorer comparing gold documents with extracted facts (no file IO here).

mod predict;
mod report;
mod score;

use serde::{Deserialize, Serialize};
use tierwatch_model::{PenaltyMax, Period};

pub use predict::{predict, Predicted};
pub use report::{Accuracy, CountsScore, ErrorItem, ExtractionReport, Prf};
pub use score::score;

/// One gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    /// Path relative to the corpus root ("tip-2018/mexico.txt").
    pub document: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub report_year: Option<u16>,
    pub tier: Option<String>,
    #[serde(default)]
    pub tier_movement: Option<String>,
    #[serde(default)]
    pub watch_list: GoldWatchList,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub counts: Vec<GoldCount>,
    #[serde(default)]
    pub penalty_years: Option<GoldPenalty>,
    #[serde(default)]
    pub recommendations: Option<u32>,
    #[serde(default)]
    pub official_complicity: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldWatchList {
    #[serde(default)]
    pub consecutive_years: Option<u32>,
    #[serde(default)]
    pub waiver: bool,
    #[serde(default)]
    pub auto_downgrade: bool,
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
