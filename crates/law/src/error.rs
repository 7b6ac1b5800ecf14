//! Errors of loading and validating the law folder.

use std::path::PathBuf;

/// Why `law/` could not be loaded. Each names the file (relative to the law folder) at fault.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: required file is missing")]
    MissingFile { file: String },
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: `{path}` has no citation; every value of the law needs one")]
    MissingCitation { file: String, path: String },
    #[error("report year {year} is covered by both {first} and {second}")]
    OverlappingYears {
        year: u16,
        first: String,
        second: String,
    },
    #[error("no edition covers report year(s) {}", years.iter().map(u16::to_string).collect::<Vec<_>>().join(", "))]
    MissingYears { years: Vec<u16> },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}
