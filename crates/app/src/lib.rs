//! Use cases over the lower layers: ingest files into the store, look narratives up,
//! search, compare years (diff, followup), export tables, (later) assess and evaluate.
//!
//! Architecture invariant: no terminal, HTTP serving or JSON wire shapes here (`fetch` is an
//! HTTP client, the only one); faces (CLI, server)
//! call these functions and render the plain results they return.

pub mod diff;
pub mod accounts;
pub mod audit;
pub mod assess;
pub mod check;
pub mod check_evidence;
pub mod error;
pub mod export;
pub mod eval_agreement;
pub mod eval_extraction;
pub mod fetch;
pub mod eval_tiers;
pub mod estimate;
pub mod followup;
pub mod flows;
pub mod ingest;
pub mod lexical;
pub mod lookup;
pub mod pipeline;
pub mod review;
pub mod sessions;
pub mod tiers;
pub mod timeline;
pub mod search;
pub mod worksheet;
#[cfg(test)]
mod testutil;

pub use error::AppError;
pub use ingest::{ingest_paths, ingest_paths_indexed, FileReport, FileStatus, IngestOptions, IngestSummary, Progress};
pub use pipeline::Pipeline;
