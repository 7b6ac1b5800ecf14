//! Documents: one country narrative for one report year, its text, metadata and source map.

use crate::{ReportYear, TextRange, Tier};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Content hash of a document's text (SHA-256, lowercase hex): same text, same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    pub fn of_text(text: &str) -> DocId {
        DocId(hex::encode(Sha256::digest(text.as_bytes())))
    }

    /// The first 12 hex digits, for display.
    pub fn short(&self) -> &str {
        &self.0[..self.0.len().min(12)]
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The shape of the source a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    /// A document-database (Refworld-style) text export with metadata lines.
    RefworldText,
    /// One report chapter as plain text ("MEXICO: TIER 2" heading).
    ChapterText,
    /// One chapter cut out of a whole-report text dump.
    ReportDump,
    /// An HTML page (state.gov country page or document-database page).
    Html,
    /// A chapter cut out of the annual report PDF.
    Pdf,
}

impl DocumentFormat {
    pub fn code(self) -> &'static str {
        match self {
            DocumentFormat::RefworldText => "refworld_text",
            DocumentFormat::ChapterText => "chapter_text",
            DocumentFormat::ReportDump => "report_dump",
            DocumentFormat::Html => "html",
            DocumentFormat::Pdf => "pdf",
        }
    }
}

/// What is known about a narrative besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The country's canonical name (from the registry).
    pub country: String,
    pub iso3: String,
    pub report_year: Option<ReportYear>,
    /// Where the report year came from ("metadata: title", "option: --year", "path: tip-2018").
    pub year_source: Option<String>,
    /// The tier the heading states, if it states one.
    pub stated_tier: Option<Tier>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// ISO date (YYYY-MM-DD) if the source gives one.
    pub publication_date: Option<String>,
    pub cite_as: Option<String>,
    pub last_updated: Option<String>,
}

/// A run of document text that came from a run of source bytes (and maybe a PDF page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    pub text: TextRange,
    pub source: TextRange,
    pub page: Option<u32>,
}

/// Maps byte ranges of the document text back to byte ranges of the source file.
///
/// Spans are sorted by `text.start` and do not overlap. Text that was normalised
/// (e.g. decoded from Latin-1) maps span-wise, not byte-wise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceMap {
    pub spans: Vec<SourceSpan>,
}

impl SourceMap {
    /// The identity map shifted by `offset`: text byte `i` is source byte `offset + i`.
    pub fn offset(text_len: usize, offset: usize) -> SourceMap {
        SourceMap {
            spans: vec![SourceSpan {
                text: TextRange::new(0, text_len),
                source: TextRange::new(offset, offset + text_len),
                page: None,
            }],
        }
    }

    /// The source byte range covering `range` of the text, and the first page it is on.
    pub fn to_source(&self, range: TextRange) -> Option<(TextRange, Option<u32>)> {
        let overlapping: Vec<&SourceSpan> = self
            .spans
            .iter()
            .filter(|s| s.text.start < range.end.max(range.start + 1) && range.start < s.text.end)
            .collect();
        let first = overlapping.first()?;
        let last = overlapping.last()?;
        // A normalised span maps whole: a range starting inside it starts at its source
        // start, one ending inside it ends at its source end.
        let map = |span: &SourceSpan, at: usize, is_end: bool| -> usize {
            if span.text.len() == span.source.len() {
                span.source.start + (at.clamp(span.text.start, span.text.end) - span.text.start)
            } else if (is_end && at <= span.text.start) || (!is_end && at < span.text.end) {
                span.source.start
            } else {
                span.source.end
            }
        };
        let start = map(first, range.start, false);
        let end = map(last, range.end, true);
        Some((TextRange::new(start, end.max(start)), first.page))
    }
}

/// One country narrative for one report year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub text: String,
    pub source_path: String,
    pub format: DocumentFormat,
    pub metadata: Metadata,
    pub source_map: SourceMap,
}

impl Document {
    pub fn new(text: String, source_path: String, format: DocumentFormat, metadata: Metadata, source_map: SourceMap) -> Document {
        Document { id: DocId::of_text(&text), text, source_path, format, metadata, source_map }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_is_exact() {
        let map = SourceMap::offset(100, 40);
        assert_eq!(map.to_source(TextRange::new(10, 20)), Some((TextRange::new(50, 60), None)));
    }

    #[test]
    fn a_range_inside_a_normalised_span_maps_to_the_whole_span() {
        let map = SourceMap { spans: vec![SourceSpan { text: TextRange::new(0, 10), source: TextRange::new(100, 130), page: Some(3) }] };
        assert_eq!(map.to_source(TextRange::new(4, 6)), Some((TextRange::new(100, 130), Some(3))));
        assert_eq!(map.to_source(TextRange::new(0, 10)), Some((TextRange::new(100, 130), Some(3))));
    }

    #[test]
    fn id_is_a_content_hash() {
        assert_eq!(DocId::of_text("a"), DocId::of_text("a"));
        assert_ne!(DocId::of_text("a"), DocId::of_text("b"));
        assert_eq!(DocId::of_text("").0.len(), 64);
    }
}
