//! What happens to a document between reading and storing: segmentation, then extraction.

use tierwatch_model::{Document, Fact, Segmentation};

/// The per-document processing chain. The extractor is a parameter so that use cases can
/// be tested without it and so that one binary decides which extractor set it ships.
#[derive(Clone, Copy)]
pub struct Pipeline {
    pub extract: fn(&Document, &Segmentation) -> Vec<Fact>,
    /// Bumped when `extract` may produce different facts; stored facts of an older version
    /// are re-extracted.
    pub extractor_version: u32,
}

impl Pipeline {
    /// Segmentation and the full extractor set: what the binary ships.
    pub fn standard() -> Pipeline {
        Pipeline { extract: tierwatch_extract::extract, extractor_version: tierwatch_extract::EXTRACTOR_SET_VERSION }
    }

    /// Segmentation only: no facts.
    pub fn without_extraction() -> Pipeline {
        fn none(_: &Document, _: &Segmentation) -> Vec<Fact> {
            Vec::new()
        }
        Pipeline { extract: none, extractor_version: 0 }
    }

    pub fn process(&self, doc: &Document) -> (Segmentation, Vec<Fact>) {
        let seg = tierwatch_ingest::segment(&doc.text);
        let facts = (self.extract)(doc, &seg);
        (seg, facts)
    }
}
