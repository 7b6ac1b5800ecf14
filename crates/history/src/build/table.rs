//! A small reader for the reference CSV files: columns looked up by header name.

use crate::error::HistoryError;
use std::collections::HashMap;
use std::path::Path;

pub(crate) struct Table {
    pub file: String,
    headers: HashMap<String, usize>,
    pub rows: Vec<csv::StringRecord>,
}

impl Table {
    /// Read `dir/relative`; a UTF-8 byte-order mark is dropped and invalid UTF-8 is replaced.
    pub fn read(dir: &Path, relative: &str) -> Result<Table, HistoryError> {
        let path = dir.join(relative);
        let bytes = std::fs::read(&path).map_err(|source| HistoryError::Io { path, source })?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let file = relative.to_string();
        let csv_err = |source| HistoryError::Csv {
            file: file.clone(),
            source,
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(csv_err)?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(csv_err)?;
        Ok(Table {
            file,
            headers,
            rows,
        })
    }

    /// The index of a column, or an error naming the file and column.
    pub fn col(&self, name: &str) -> Result<usize, HistoryError> {
        self.headers
            .get(name)
            .copied()
            .ok_or_else(|| HistoryError::MissingColumn {
                file: self.file.clone(),
                column: name.to_string(),
            })
    }

    pub fn has(&self, name: &str) -> bool {
        self.headers.contains_key(name)
    }
}

/// Field `i` of a row, trimmed ("" when absent).
pub(crate) fn field(row: &csv::StringRecord, i: usize) -> &str {
    row.get(i).unwrap_or("").trim()
}
