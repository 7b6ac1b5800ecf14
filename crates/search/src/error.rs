//! Search errors.

/// What can go wrong opening, updating or querying the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The user's query cannot be read; the message says why (shown once: no source chain).
    #[error("cannot read the query: {0}")]
    Query(String),
    #[error("search index directory {path}: {source}")]
    Dir { path: String, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

impl SearchError {
    /// True for mistakes in what the user asked (query syntax, an empty query), as opposed
    /// to failures of the index.
    pub fn is_user_error(&self) -> bool {
        matches!(self, SearchError::Query(_) | SearchError::Invalid(_))
    }

    /// True when another process (an `ingest`) holds the index's writer.
    pub fn is_index_busy(&self) -> bool {
        matches!(self, SearchError::Index(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _)))
    }
}

pub type Result<T> = std::result::Result<T, SearchError>;
