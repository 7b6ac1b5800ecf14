//! Test helper: a one-paragraph document segmented at ". ", for annotated-prose fixtures.

use tierwatch_model::{
    Document, DocumentFormat, Fact, FactKind, Metadata, Paragraph, SectionKind, SegmentMethod, Segmentation,
    Sentence, SourceMap, TextRange,
};

/// A document of one paragraph in `section`, about `country`, split into sentences at ". ".
pub fn doc(country: &str, section: SectionKind, text: &str) -> (Document, Segmentation) {
    let meta = Metadata { country: country.to_string(), ..Metadata::default() };
    let d = Document::new(text.to_string(), "fixture.txt".into(), DocumentFormat::ChapterText, meta, SourceMap::default());
    let mut seg = Segmentation::default();
    seg.paragraphs.push(Paragraph {
        range: TextRange::new(0, text.len()),
        section,
        method: SegmentMethod::Heading,
        confidence: 1.0,
    });
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        seg.sentences.push(Sentence { range: TextRange::new(start, i + 1), paragraph: 0 });
        start = i + 2;
    }
    if start < text.len() {
        seg.sentences.push(Sentence { range: TextRange::new(start, text.len()), paragraph: 0 });
    }
    (d, seg)
}

/// Run one extractor over a fixture and keep the facts of `kind`.
pub fn run_kind(
    f: fn(&crate::Ctx, &mut Vec<Fact>),
    country: &str,
    section: SectionKind,
    text: &str,
    kind: FactKind,
) -> Vec<Fact> {
    let (d, seg) = doc(country, section, text);
    let cx = crate::Ctx::new(&d, &seg);
    let mut out = Vec::new();
    f(&cx, &mut out);
    for fact in &out {
        assert_eq!(fact.provenance.quote, &text[fact.provenance.range.start..fact.provenance.range.end]);
    }
    out.into_iter().filter(|x| x.kind == kind).collect()
}

/// The rendered values of facts, in order.
pub fn values(facts: &[Fact]) -> Vec<String> {
    facts.iter().map(|f| f.value.render()).collect()
}
