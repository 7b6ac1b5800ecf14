//! Errors of the tier history: unreadable files and malformed rows, each with its location.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Csv { file: String, source: csv::Error },
    #[error("{file} row {row}: {message}")]
    Row {
        file: String,
        row: usize,
        message: String,
    },
    #[error("{file}: missing column {column:?}")]
    MissingColumn { file: String, column: String },
}
