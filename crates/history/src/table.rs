//! Reading and writing `data/tiers.csv`: `iso3,country,report_year,tier,source,note`.
//!
//! `tier` is a machine code (`tier1`, `tier2`, `tier2_watch_list`, `tier3`, `special_case`) or
//! blank for unknown. `country` is the registry's canonical name, written for readers and
//! ignored on load (the ISO3 code is the key). Rows are written in (iso3, report_year, source)
//! order so regenerating the file gives a stable diff.

use crate::error::HistoryError;
use crate::history::TierHistory;
use crate::record::TierRecord;
use serde::{Deserialize, Serialize};
use tierwatch_model::{CountryRegistry, ReportYear, Tier};

const FILE: &str = "tiers.csv";

#[derive(Serialize, Deserialize)]
struct Row {
    iso3: String,
    country: String,
    report_year: u16,
    tier: String,
    source: String,
    note: String,
}

impl TierHistory {
    /// Parse the text of `data/tiers.csv`.
    pub fn load_csv(text: &str) -> Result<TierHistory, HistoryError> {
        let csv_err = |source| HistoryError::Csv {
            file: FILE.into(),
            source,
        };
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut records = Vec::new();
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let row = row.map_err(csv_err)?;
            let line = i + 2;
            let bad = |message: String| HistoryError::Row {
                file: FILE.into(),
                row: line,
                message,
            };
            let iso3 = row.iso3.trim().to_ascii_uppercase();
            if iso3.len() != 3 {
                return Err(bad(format!("ISO3 {iso3:?} is not 3 letters")));
            }
            let report_year = ReportYear::new(row.report_year)
                .ok_or_else(|| bad(format!("report year {} out of range", row.report_year)))?;
            let tier = match row.tier.trim() {
                "" => None,
                code => Some(
                    Tier::ALL
                        .into_iter()
                        .find(|t| t.code() == code)
                        .ok_or_else(|| bad(format!("unknown tier code {code:?}")))?,
                ),
            };
            let source = row.source.trim().to_string();
            if source.is_empty() {
                return Err(bad("empty source".into()));
            }
            let note = Some(row.note.trim().to_string()).filter(|n| !n.is_empty());
            records.push(TierRecord {
                iso3,
                report_year,
                tier,
                source,
                note,
            });
        }
        Ok(TierHistory::from_records(records))
    }

    /// Render the table; the country column is the registry's canonical name (blank if the
    /// ISO3 code is not in the registry).
    pub fn to_csv(&self, registry: &CountryRegistry) -> Result<String, HistoryError> {
        let csv_err = |source| HistoryError::Csv {
            file: FILE.into(),
            source,
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        for r in self.records() {
            writer
                .serialize(Row {
                    iso3: r.iso3.clone(),
                    country: registry
                        .by_iso3(&r.iso3)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    report_year: r.report_year.get(),
                    tier: r.tier.map(|t| t.code().to_string()).unwrap_or_default(),
                    source: r.source.clone(),
                    note: r.note.clone().unwrap_or_default(),
                })
                .map_err(csv_err)?;
        }
        let bytes = writer.into_inner().map_err(|e| HistoryError::Io {
            path: FILE.into(),
            source: e.into_error(),
        })?;
        Ok(String::from_utf8(bytes).expect("csv writer output is UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "iso3,country,report_year,tier,source,note\n\
        MEX,Mexico,2004,tier2_watch_list,a source,\n\
        MEX,Mexico,2005,,b source,\"no value, see note\"\n";

    #[test]
    fn rows_round_trip() {
        let h = TierHistory::load_csv(SAMPLE).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h.records()[1].note.as_deref(), Some("no value, see note"));
        let text = h.to_csv(CountryRegistry::embedded()).unwrap();
        assert_eq!(TierHistory::load_csv(&text).unwrap(), h);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad = "iso3,country,report_year,tier,source,note\nMEX,Mexico,2004,tier4,a,\n";
        let err = TierHistory::load_csv(bad).unwrap_err().to_string();
        assert!(err.contains("row 2") && err.contains("tier4"), "{err}");
        let bad = "iso3,country,report_year,tier,source,note\nMEX,Mexico,1999,tier1,a,\n";
        assert!(TierHistory::load_csv(bad).is_err());
    }
}
