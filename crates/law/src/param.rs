//! Labelled parameters: every number or switch of the law carries a citation and a confidence label.

use serde::{Deserialize, Serialize};

use crate::assessment::Premise;

/// How well a rule or value is backed by sources (labels of ../shared/docs/tvpa-rules.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    /// Read in the cited source.
    #[serde(rename = "CONFIRMED")]
    Confirmed,
    /// Follows by arithmetic or logic from confirmed text.
    #[serde(rename = "DERIVED")]
    Derived,
    /// Supported only indirectly.
    #[serde(rename = "LIKELY")]
    Likely,
    /// Not backed by a source that could be read.
    #[serde(rename = "UNVERIFIED")]
    Unverified,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Confirmed => "CONFIRMED",
            Confidence::Derived => "DERIVED",
            Confidence::Likely => "LIKELY",
            Confidence::Unverified => "UNVERIFIED",
        }
    }

    /// LIKELY and UNVERIFIED values must be shown with their label wherever they are used.
    pub fn is_uncertain(self) -> bool {
        matches!(self, Confidence::Likely | Confidence::Unverified)
    }
}

impl std::fmt::Display for Confidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One value of the law as data: `{ value = ..., citation = "...", confidence = "...", note = "..." }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    pub value: T,
    /// Checked non-empty by the loader (a missing citation is a load error, not a parse error).
    #[serde(default)]
    pub citation: String,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl<T: Serialize> Param<T> {
    /// This parameter as a premise of a reason, under its dotted name (e.g. `waiver.max_years`).
    pub fn premise(&self, name: &str) -> Premise {
        Premise::Param {
            name: name.to_string(),
            value: render_value(&self.value),
            citation: self.citation.clone(),
            confidence: self.confidence,
        }
    }
}

/// A compact human rendering of a parameter value (`2`, `true`, `t2wl`, `a, b`).
pub fn render_value<T: Serialize>(v: &T) -> String {
    fn render(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(a) if a.is_empty() => "none".to_string(),
            serde_json::Value::Array(a) => a.iter().map(render).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        }
    }
    serde_json::to_value(v)
        .map(|v| render(&v))
        .unwrap_or_default()
}
