//! Use cases over the lower layers: ingest files into the store, look narratives up,
//! (later) assess, evaluate and export.
//!
//! Architecture invariant: no terminal, HTTP or JSON wire shapes here; faces (CLI, server)
//! call these functions and render the plain results they return.

pub mod error;
pub mod ingest;
pub mod lookup;
pub mod pipeline;

pub use error::AppError;
pub use ingest::{ingest_paths, FileReport, FileStatus, IngestOptions, IngestSummary, Progress};
pub use pipeline::Pipeline;
