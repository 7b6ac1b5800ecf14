//! The annual report PDF (or any part of it): the text layer in reading order, running
//! headers and page numbers taken out of the text but kept in the source map (each span
//! names its printed page), lines reflowed into the shape of a text chapter, then split into
//! chapters like a whole-report text dump.

pub mod bbox;
pub mod engine;
pub mod layout;
pub mod order;

use crate::error::{ErrorKind, IngestError};
use crate::read::{read_chapters, ReadOptions, ReadOutput, Text};
use crate::shape::assemble;
use tierwatch_model::{DocumentFormat, TextRange};

/// Read a PDF file's bytes into documents, one per chapter.
pub fn read_pdf(bytes: &[u8], path: &str, opts: &ReadOptions) -> Result<ReadOutput, IngestError> {
    let fail = |kind| IngestError::new(path, kind);
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(fail(ErrorKind::PdfDamaged { reason: "truncated: no end-of-file marker (%%EOF)".into() }));
    }
    let xhtml = engine::pdftotext_bbox(&engine::program(), bytes).map_err(fail)?;
    read_layout(&xhtml, bytes.len(), path, opts)
}

/// The stage after pdftotext: its `-bbox-layout` output (of a file of `file_len` bytes) to
/// documents. Public so that it can be fuzzed and tested without a PDF.
pub fn read_layout(xhtml: &str, file_len: usize, path: &str, opts: &ReadOptions) -> Result<ReadOutput, IngestError> {
    let fail = |kind| IngestError::new(path, kind);
    let pages = bbox::parse(xhtml);
    if pages.iter().all(|p| p.blocks.iter().all(|b| b.lines.iter().all(|l| l.text.trim().is_empty()))) {
        return Err(fail(ErrorKind::PdfNoText { pages: pages.len() }));
    }
    let cleaned = layout::clean(&pages);
    let mut flat = assemble(&cleaned.lines);
    // Text from a PDF maps to pages, not to bytes of the file: the whole file is the source.
    for s in &mut flat.spans {
        s.source = TextRange::new(0, file_len);
    }
    let text = Text {
        text: &flat.text,
        origin: &flat,
        format: Some(DocumentFormat::Pdf),
        stated_year: cleaned.year.map(|y| (y, "running header")),
        title: None,
    };
    let mut out = ReadOutput::default();
    read_chapters(&text, path, opts, &mut out)?;
    Ok(out)
}
