//! Readers for TIP country narratives: bytes in, `Document`s out.
//!
//! Handles document-database (Refworld-style) text exports, single chapters ("MEXICO: TIER 2")
//! and whole-report text dumps (split into one document per chapter), in UTF-8, UTF-16 or
//! Latin-1; state.gov and document-database HTML pages (`html`); and the annual report PDF
//! (`pdf`, through poppler's `pdftotext`). Also segments narratives into sections, paragraphs and sentences (`segment`).
//!
//! Architecture invariant: this is the only crate that knows file formats. It reads files
//! but writes nothing and knows nothing of the store.

pub mod decode;
pub mod error;
pub mod file;
pub mod html;
pub mod limits;
pub mod origin;
pub mod pdf;
pub mod read;
pub mod refworld;
pub mod repeats;
pub mod segment;
pub mod shape;
#[cfg(feature = "testgen")]
pub mod testgen;
pub mod year;

/// Bumped whenever reading or segmentation may derive something else from the same bytes;
/// files read by an older version are read again on the next ingest.
pub const READER_VERSION: u32 = 5;

pub use error::{ErrorKind, IngestError};
pub use read::{read_bytes, read_path, ReadOptions, ReadOutput};
pub use segment::segment;
/// The heading grammar lives in `tierwatch_model::heading` (shared with the tier extractor).
pub use tierwatch_model::heading;
