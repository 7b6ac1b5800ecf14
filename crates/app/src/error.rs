//! Use-case errors.

/// What can go wrong in a use case (per-file ingest problems are reported, not raised).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] tierwatch_store::StoreError),
    #[error(transparent)]
    UnknownCountry(#[from] tierwatch_model::UnknownCountry),
    #[error("{0}")]
    NotFound(String),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
    /// Nobody is logged in, and this needs an account.
    #[error("{0}")]
    Unauthenticated(String),
    /// The account logged in may not do this (its role, or it is its own draft).
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Search(#[from] tierwatch_search::SearchError),
}
