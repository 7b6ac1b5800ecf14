//! Saved assessment worksheets (migration 0004): an analyst's overrides for a country-year,
//! who saved them and when, and the outcome with and without them.

use crate::{Result, Store, StoreError};
use rusqlite::params;
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
        self.conn.execute(
            "INSERT INTO worksheets (iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![w.iso3, w.report_year, w.analyst, w.saved_at, w.overrides_json, w.outcome, w.original_outcome, w.note],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A country-year's saved worksheets, newest first.
    pub fn worksheets(&self, iso3: &str, year: u16) -> Result<Vec<Worksheet>> {
        let mut st = self.conn.prepare(
            "SELECT id, iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note
             FROM worksheets WHERE iso3 = ?1 AND report_year = ?2 ORDER BY id DESC",
        )?;
        let rows = st.query_map(params![iso3, year], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get::<_, String>(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note) = row?;
            let overrides = serde_json::from_str(&overrides).map_err(|e| StoreError::Corrupt(format!("worksheet {id}: {e}")))?;
            out.push(Worksheet { id, iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_lists_newest_first() {
        let store = Store::open_in_memory().unwrap();
        let mk = |analyst: &'static str, outcome: &'static str| NewWorksheet {
            iso3: "MEX",
            report_year: 2007,
            analyst,
            saved_at: "2026-01-01T00:00:00Z",
            overrides_json: r#"[{"finding":"significant_efforts","value":"false"}]"#,
            outcome,
            original_outcome: "tier2",
            note: "",
        };
        let a = store.save_worksheet(&mk("Ana", "tier3")).unwrap();
        let b = store.save_worksheet(&mk("Bo", "tier2_watch_list")).unwrap();
        let got = store.worksheets("MEX", 2007).unwrap();
        assert_eq!(got.iter().map(|w| w.id).collect::<Vec<_>>(), vec![b, a]);
        assert_eq!(got[1].analyst, "Ana");
        assert_eq!(got[1].overrides[0]["finding"], "significant_efforts");
        assert!(store.worksheets("MEX", 2018).unwrap().is_empty());
    }
}
