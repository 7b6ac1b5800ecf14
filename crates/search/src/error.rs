//! Search errors.

/// What can go wrong opening, updating or querying the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("cannot read the query: {0}")]
    Query(#[from] tantivy::query::QueryParserError),
    #[error("search index directory {path}: {source}")]
    Dir { path: String, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, SearchError>;
