//! Small hand-made narratives for unit tests of the pure use cases (diff, followup, export).

use tierwatch_model::{
    DocId, Document, DocumentFormat, Fact, FactKind, FactValue, Metadata, Paragraph, Period, Provenance, Qualifier,
    ReportYear, SectionKind, SegmentMethod, Segmentation, Sentence, TextRange, Tier,
};
use tierwatch_store::StoredDocument;

/// A narrative from `(section, paragraph text)` pairs; sentences split after ". ".
pub fn narrative(iso3: &str, year: u16, tier: Option<Tier>, parts: &[(SectionKind, &str)]) -> StoredDocument {
    let mut text = String::new();
    let mut seg = Segmentation::default();
    for (kind, body) in parts {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(body);
        let p = seg.paragraphs.len();
        seg.paragraphs.push(Paragraph { range: TextRange::new(start, text.len()), section: *kind, method: SegmentMethod::Content, confidence: 1.0 });
        let mut s = start;
        for (i, _) in body.match_indices(". ") {
            seg.sentences.push(Sentence { range: TextRange::new(s, start + i + 1), paragraph: p });
            s = start + i + 2;
        }
        seg.sentences.push(Sentence { range: TextRange::new(s, text.len()), paragraph: p });
        seg.sections.push(tierwatch_model::Section { kind: *kind, range: TextRange::new(start, text.len()), heading: None, method: SegmentMethod::Content, confidence: 1.0 });
    }
    let country = tierwatch_model::CountryRegistry::embedded().by_iso3(iso3).map(|c| c.name.clone()).unwrap_or_default();
    let meta = Metadata { country, iso3: iso3.into(), report_year: ReportYear::new(year), stated_tier: tier, ..Metadata::default() };
    let document = Document::new(text, format!("{year}-{iso3}.txt"), DocumentFormat::ChapterText, meta, Default::default());
    StoredDocument { document, segmentation: seg, facts: vec![], sources: vec![], extractor_set_version: Some(1) }
}

/// Add a fact quoting the first occurrence of `quote` in the narrative's text.
pub fn with_fact(mut d: StoredDocument, kind: FactKind, value: FactValue, period: Period, scope: Option<&str>, quote: &str) -> StoredDocument {
    let start = d.document.text.find(quote).unwrap_or_else(|| panic!("{quote:?} not in text"));
    let range = TextRange::new(start, start + quote.len());
    d.facts.push(Fact {
        kind,
        value,
        period,
        qualifier: Qualifier::Exact,
        scope: scope.map(String::from),
        unit: None,
        confidence: 1.0,
        provenance: Provenance {
            document: DocId(d.document.id.0.clone()),
            range,
            quote: quote.into(),
            section: d.segmentation.section_at(start),
            extractor: "test".into(),
            extractor_version: 1,
        },
    });
    d
}

/// A SQLite store in memory holding the corpus's Mexico 2018 chapter, and the built-in law
/// (for use cases that assess: worksheets, reviews).
pub fn mexico_2018_store() -> (tierwatch_store::Store, tierwatch_law::Law) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018/mexico.txt");
    let mut store = tierwatch_store::Store::open_in_memory().unwrap();
    let summary = crate::ingest_paths(&mut store, &[path], &crate::IngestOptions::default(), &crate::Pipeline::standard(), &mut |_| {}).unwrap();
    assert_eq!(summary.files_failed, 0, "{summary:?}");
    (store, tierwatch_law::Law::embedded().unwrap())
}
