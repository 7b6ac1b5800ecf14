//! One file, one text per country-year: a whole-report dump (or PDF) in which the same
//! chapter appears twice is read once. An exact repeat is dropped; a repeat with different
//! text is an error naming both byte ranges, and the first is kept, so which text is stored
//! never depends on which copy came last.

use crate::error::{ErrorKind, IngestError};
use crate::read::ReadOutput;
use tierwatch_model::{Document, TextRange};

fn source(d: &Document) -> TextRange {
    let spans = &d.source_map.spans;
    match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => TextRange::new(a.source.start.min(b.source.start), a.source.end.max(b.source.end)),
        _ => TextRange::new(0, 0),
    }
}

/// Drop repeated country-years from `out.documents`, reporting those whose text differs.
pub fn reject_repeated(out: &mut ReadOutput, path: &str) {
    let mut kept: Vec<Document> = Vec::with_capacity(out.documents.len());
    for doc in std::mem::take(&mut out.documents) {
        let key = |d: &Document| (d.metadata.iso3.clone(), d.metadata.report_year);
        match kept.iter().find(|k| key(k) == key(&doc)) {
            None => kept.push(doc),
            Some(first) if first.text == doc.text => {}
            Some(first) => out.errors.push(IngestError::at(
                path,
                source(&doc),
                ErrorKind::RepeatedChapter {
                    country: doc.metadata.country.clone(),
                    year: doc.metadata.report_year.map(|y| y.get()).unwrap_or(0),
                    first: source(first),
                },
            )),
        }
    }
    out.documents = kept;
}
