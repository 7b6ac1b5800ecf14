//! Invariants every fuzz target checks on what the readers, the segmenter and the extractors
//! return for any input: ranges inside the text and on character boundaries, segmentation in
//! text order covering every non-blank byte, and every fact's quote equal to its range.
//! A broken invariant panics, which libFuzzer reports as a crash.

use tierwatch_ingest::ReadOutput;
use tierwatch_model::{Document, Fact, Segmentation, TextRange};

/// `r` lies inside `text` and on character boundaries.
pub fn check_range(text: &str, r: TextRange, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what} {r:?} splits a character");
}

/// Sections, paragraphs and sentences in text order, inside the text, sentences inside their
/// paragraph; every non-whitespace byte belongs to a paragraph, a section's heading, or a
/// heading line with nothing under it.
pub fn check_segmentation(text: &str, seg: &Segmentation) {
    let mut last = 0;
    for s in &seg.sections {
        check_range(text, s.range, "section");
        assert!(s.range.start >= last, "sections out of order at {:?}", s.range);
        last = s.range.end;
        if let Some(h) = s.heading {
            check_range(text, h, "section heading");
        }
    }
    let mut last = 0;
    for p in &seg.paragraphs {
        check_range(text, p.range, "paragraph");
        assert!(p.range.start >= last, "paragraphs out of order at {:?}", p.range);
        last = p.range.end;
    }
    let mut last = 0;
    for s in &seg.sentences {
        check_range(text, s.range, "sentence");
        assert!(s.range.start >= last, "sentences out of order at {:?}", s.range);
        last = s.range.end;
        let p = seg.paragraphs.get(s.paragraph).expect("a sentence's paragraph exists");
        assert!(p.range.start <= s.range.start && s.range.end <= p.range.end, "sentence {:?} outside its paragraph {:?}", s.range, p.range);
    }
    let mut covered = vec![false; text.len()];
    let ranges = seg.paragraphs.iter().map(|p| p.range).chain(seg.sections.iter().filter_map(|s| s.heading));
    for r in ranges {
        covered[r.start..r.end].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        if !(c.is_whitespace() || covered[i] || on_heading_line(text, i)) {
            let from = (0..=i.saturating_sub(60)).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            let to = (i + 1..=(i + 60).min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(text.len());
            panic!("byte {i} ({c:?}) is in no paragraph or heading: {:?}\nparagraphs: {:?}\nsections: {:?}", &text[from..to], seg.paragraphs.iter().map(|p| p.range).collect::<Vec<_>>(), seg.sections.iter().map(|s| (s.kind, s.range, s.heading)).collect::<Vec<_>>());
        }
    }
}

/// A section heading with no paragraph under it (a chapter cut after its heading) is not a
/// section; its line is the one place segmentation may leave out.
fn on_heading_line(text: &str, i: usize) -> bool {
    use tierwatch_ingest::segment::headings::{line_heading, split_heading};
    let start = text[..i].rfind('\n').map(|k| k + 1).unwrap_or(0);
    let end = text[i..].find('\n').map(|k| i + k).unwrap_or(text.len());
    let line = &text[start..end];
    let prev = text[..start.saturating_sub(1)].rsplit('\n').next().unwrap_or("");
    let next = text[(end + 1).min(text.len())..].split('\n').next().unwrap_or("");
    line_heading(line).is_some() || split_heading(line, next).is_some() || split_heading(prev, line).is_some()
}

/// Every fact quotes exactly its range.
pub fn check_facts(doc: &Document, facts: &[Fact]) {
    for f in facts {
        let r = f.provenance.range;
        check_range(&doc.text, r, "fact");
        assert_eq!(&doc.text[r.start..r.end], f.provenance.quote, "a {:?} fact's quote differs from its range {r:?}", f.kind);
    }
}

/// A document's own ranges: its source map's text side lies inside its text.
pub fn check_document(doc: &Document) {
    for s in &doc.source_map.spans {
        check_range(&doc.text, s.text, "source span");
    }
}

/// Segment and extract every document a reader returned, checking everything on the way.
pub fn check_output(out: &ReadOutput) {
    for doc in &out.documents {
        check_document(doc);
        let seg = tierwatch_ingest::segment(&doc.text);
        check_segmentation(&doc.text, &seg);
        let facts = tierwatch_extract::extract(doc, &seg);
        check_facts(doc, &facts);
    }
    for e in &out.errors {
        let _ = e.to_string();
    }
}
