//! The shared vocabulary of tierwatch.
//!
//! Plain data types that every other crate speaks: byte ranges into a document's text,
//! report years, tiers, countries (with the alias registry), documents with their source
//! map, segmentation (sections, paragraphs, sentences) and facts with provenance.
//!
//! Architecture invariant: this crate does no IO beyond parsing the country table that is
//! compiled into it, and knows nothing of files, SQL, HTTP or the terminal.

pub mod country;
pub mod document;
pub mod fact;
pub mod heading;
pub mod pattern;
pub mod range;
pub mod segment;
pub mod tier;
pub mod year;

pub use country::{Country, CountryRegistry, UnknownCountry};
pub use document::{DocId, Document, DocumentFormat, Metadata, SourceMap, SourceSpan};
pub use fact::{Fact, FactKind, FactValue, PenaltyMax, Period, Provenance, Qualifier};
pub use range::TextRange;
pub use segment::{Paragraph, Section, SectionKind, SegmentMethod, Segmentation, Sentence};
pub use tier::Tier;
pub use year::ReportYear;
