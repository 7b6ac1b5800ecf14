//! Fixture generators for tests (feature `testgen`): state.gov-style and document-database
//! HTML pages and multi-chapter report PDFs, built at test time from corpus chapters so that
//! no copy of a chapter is committed.

pub mod hostile;
pub mod html;
pub mod pdf;
mod pdfwrite;
