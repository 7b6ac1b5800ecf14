//! Tidy tables for R and pandas: facts, tier placements, victim flows and the law engine's
//! assessments, one row per country-year-fact (or -source, or -narrative), with ISO3 and Correlates-of-War codes on every row,
//! provenance columns, and a codebook describing every column and code.
//!
//! Tables are typed ([`ColType`]); the writers ([`write`]) keep the types: Parquet
//! columns are int64 / float64 / boolean / utf8, CSV leaves nulls empty, JSON writes
//! records. File formats live here, not in the faces, so every face exports the same bytes.

pub mod codebook;
pub mod tables;
pub mod write;

use serde::Serialize;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    Facts,
    Assessments,
    Tiers,
    Flows,
}

impl What {
    pub fn parse(s: &str) -> Option<What> {
        match s.trim().to_ascii_lowercase().as_str() {
            "facts" => Some(What::Facts),
            "assessments" => Some(What::Assessments),
            "tiers" => Some(What::Tiers),
            "flows" => Some(What::Flows),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            What::Facts => "facts",
            What::Assessments => "assessments",
            What::Tiers => "tiers",
            What::Flows => "flows",
        }
    }
}

/// Output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Parquet,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// A column's type (as Parquet / pandas will see it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColType {
    Int,
    Float,
    Str,
    Bool,
}

impl ColType {
    pub fn label(self) -> &'static str {
        match self {
            ColType::Int => "integer (int64)",
            ColType::Float => "float (float64)",
            ColType::Str => "string (utf8)",
            ColType::Bool => "boolean",
        }
    }
}

/// A typed cell; `Null` is a missing value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
}

impl Cell {
    pub fn str(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Null } else { Cell::Str(s) }
    }

    pub fn opt_str(s: Option<impl Into<String>>) -> Cell {
        s.map(Cell::str).unwrap_or(Cell::Null)
    }

    pub fn opt_int(i: Option<i64>) -> Cell {
        i.map(Cell::Int).unwrap_or(Cell::Null)
    }

    pub fn opt_bool(b: Option<bool>) -> Cell {
        b.map(Cell::Bool).unwrap_or(Cell::Null)
    }

    pub fn opt_float(f: Option<f64>) -> Cell {
        f.map(Cell::Float).unwrap_or(Cell::Null)
    }
}

/// A column: name, type, whether it may be null, and what it means (for the codebook).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColType,
    pub nullable: bool,
    pub description: &'static str,
}

/// A typed table; every row has one cell per column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub name: &'static str,
    pub description: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// Build the table `what` asks for from the store (and the embedded tier history).
pub fn table(store: &tierwatch_store::Store, what: What) -> Result<Table, crate::AppError> {
    Ok(match what {
        What::Facts => tables::facts(&store.all_documents()?),
        What::Flows => tables::flows(&store.all_documents()?),
        What::Tiers => tables::tiers(tierwatch_history::TierHistory::embedded()),
        What::Assessments => assessments(store)?,
    })
}

/// One row per stored narrative: the law engine's tier (stated findings, no overrides) beside
/// the stated tier, with the rules that decided it.
fn assessments(store: &tierwatch_store::Store) -> Result<Table, crate::AppError> {
    let law = tierwatch_law::Law::embedded().map_err(|e| crate::AppError::Invalid(format!("the embedded law does not load: {e}")))?;
    let mut rows = Vec::new();
    for s in store.list()? {
        let out = crate::assess::assess_narrative(store, &law, &s.iso3, s.report_year, &[], crate::assess::Mode::Stated)?;
        let a = &out.assessment;
        let outcome = serde_json::to_value(a.outcome).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let assessed = a.outcome.tier();
        rows.push(tables::assessment_row(&s, &outcome, assessed, a.edition.as_ref().map(|e| e.id.clone()), &a.reason_rules(), a.diagnostics.len()));
    }
    Ok(tables::assessments(rows))
}
