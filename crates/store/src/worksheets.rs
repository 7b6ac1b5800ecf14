//! Saved assessment worksheets (migration 0004): an analyst's overrides for a country-year,
//! who saved them and when, and the outcome with and without them.

use crate::sql::args;
use crate::{Result, Store, StoreError};
use serde::Serialize;

/// A worksheet to save; `saved_at` is whatever timestamp the face supplies.
#[derive(Debug, Clone)]
pub struct NewWorksheet<'a> {
    pub iso3: &'a str,
    pub report_year: u16,
    pub analyst: &'a str,
    pub saved_at: &'a str,
    /// JSON array of `{finding, value}`.
    pub overrides_json: &'a str,
    pub outcome: &'a str,
    pub original_outcome: &'a str,
    pub note: &'a str,
}

/// A saved worksheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worksheet {
    pub id: i64,
    pub iso3: String,
    pub report_year: u16,
    pub analyst: String,
    pub saved_at: String,
    pub overrides: serde_json::Value,
    pub outcome: String,
    pub original_outcome: String,
    pub note: String,
}

impl Store {
    /// Record a worksheet; returns its id.
    pub fn save_worksheet(&self, w: &NewWorksheet<'_>) -> Result<i64> {
        self.write(|c| {
            c.query_one(
                "INSERT INTO worksheets (iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                args![w.iso3, w.report_year, w.analyst, w.saved_at, w.overrides_json, w.outcome, w.original_outcome, w.note],
            )?
            .int(0)
        })
    }

    /// A country-year's saved worksheets, newest first.
    pub fn worksheets(&self, iso3: &str, year: u16) -> Result<Vec<Worksheet>> {
        let rows = self.read(|c| {
            c.query(
                "SELECT id, iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note
                 FROM worksheets WHERE iso3 = ?1 AND report_year = ?2 ORDER BY id DESC",
                args![iso3, year],
            )
        })?;
        rows.iter()
            .map(|r| {
                let id = r.int(0)?;
                let overrides = serde_json::from_str(&r.text(5)?).map_err(|e| StoreError::Corrupt(format!("worksheet {id}: {e}")))?;
                Ok(Worksheet {
                    id,
                    iso3: r.text(1)?,
                    report_year: r.u16(2)?,
                    analyst: r.text(3)?,
                    saved_at: r.text(4)?,
                    overrides,
                    outcome: r.text(6)?,
                    original_outcome: r.text(7)?,
                    note: r.text(8)?,
                })
            })
            .collect()
    }
}
