//! tierwatch-search: full-text search over stored narratives.
//!
//! A tantivy index of **paragraphs** (see ARCHITECTURE.md for why paragraphs): each entry
//! carries the narrative's country, ISO3, region (from the country registry), report year,
//! stated tier and section as facets, the paragraph's byte range and its text. Queries use
//! tantivy's query grammar (phrases, AND/OR/NOT, `+`/`-`) plus single-word prefixes
//! (`traffick*`); results are ranked by BM25 and carry highlights as **byte ranges into the
//! document text**, never markup.
//!
//! Architecture invariant: the index is derived data. It is built from `(Document,
//! Segmentation)` pairs only, keyed by country-year, and can always be rebuilt from the store.

mod error;
mod highlight;
mod index;
mod query;
mod rewrite;
mod schema;
mod stem;
pub mod syntax;
pub mod synth;

pub use error::SearchError;
pub use index::{IndexedNarrative, SearchIndex};
pub use query::{FacetCount, Facets, Filters, Hit, SearchRequest, SearchResults};

/// The directory of the index that belongs to a store file: `<db>.index`.
pub fn index_dir_for(db: &std::path::Path) -> std::path::PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".index");
    std::path::PathBuf::from(s)
}
