//! The per-document context every extractor reads: the normalised text, sentences with
//! their section, the narrative's country, and a builder for facts with provenance.

use tierwatch_model::{
    Country, CountryRegistry, Document, Fact, FactKind, FactValue, Period, Provenance, Qualifier,
    SectionKind, Segmentation, TextRange,
};

use crate::norm;

/// One sentence as extractors see it.
#[derive(Debug, Clone, Copy)]
pub struct Sent<'a> {
    /// Byte range in the document text.
    pub range: TextRange,
    /// The normalised text of the sentence (same length as the original slice).
    pub text: &'a str,
    pub section: Option<SectionKind>,
    /// Index of the paragraph in the segmentation.
    pub paragraph: usize,
}

impl Sent<'_> {
    /// The document range of `a..b`, given relative to this sentence.
    pub fn sub(&self, a: usize, b: usize) -> TextRange {
        TextRange::new(self.range.start + a, self.range.start + b)
    }

    /// The clause (between semicolons) around sentence-relative offsets `a..b`, as a
    /// document range.
    pub fn clause(&self, a: usize, b: usize) -> TextRange {
        let start = self.text[..a].rfind(';').map(|i| i + 1).unwrap_or(0);
        let end = self.text[b..].find(';').map(|i| b + i).unwrap_or(self.text.len());
        self.sub(start, end)
    }

    /// The whole sentence as a document range.
    pub fn all(&self) -> TextRange {
        self.range
    }

    /// Whether the sentence sits in one of `kinds` (or has no section when `kinds` is empty).
    pub fn in_any(&self, kinds: &[SectionKind]) -> bool {
        self.section.is_some_and(|s| kinds.contains(&s))
    }
}

/// Everything an extractor needs for one document.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub seg: &'a Segmentation,
    /// Normalised copy of `doc.text` (see [`norm`]).
    pub text: String,
    pub country: Option<&'static Country>,
    sections: Vec<SectionKind>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document, seg: &'a Segmentation) -> Ctx<'a> {
        let reg = CountryRegistry::embedded();
        let country = [doc.metadata.country.as_str(), doc.metadata.iso3.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .find_map(|s| reg.lookup(s));
        let sections = seg.paragraphs.iter().map(|p| p.section).collect();
        Ctx { doc, seg, text: norm::normalize(&doc.text), country, sections }
    }

    /// All sentences in text order (empty ones skipped).
    pub fn sentences(&self) -> Vec<Sent<'_>> {
        self.seg
            .sentences
            .iter()
            .filter(|s| s.range.end <= self.text.len() && !s.range.is_empty())
            .filter(|s| self.text.is_char_boundary(s.range.start) && self.text.is_char_boundary(s.range.end))
            .map(|s| Sent {
                range: s.range,
                text: &self.text[s.range.start..s.range.end],
                section: self.sections.get(s.paragraph).copied(),
                paragraph: s.paragraph,
            })
            .collect()
    }

    /// Whether the segmentation found a section of this kind.
    pub fn has_section(&self, kind: SectionKind) -> bool {
        self.sections.contains(&kind)
    }

    /// The section at a byte offset.
    pub fn section_at(&self, offset: usize) -> Option<SectionKind> {
        self.seg.section_at(offset)
    }

    /// Names by which the narrative calls its own country ("Mexico", "the country").
    pub fn country_name(&self) -> Option<&'static str> {
        self.country.map(|c| c.name.as_str())
    }

    /// A fact with default period/qualifier; `range` is trimmed of surrounding whitespace.
    pub fn fact(&self, kind: FactKind, value: FactValue, range: TextRange, extractor: &str, version: u32) -> Fact {
        let range = snap(&self.doc.text, range).trim(&self.doc.text);
        Fact {
            kind,
            value,
            period: Period::Unknown,
            qualifier: Qualifier::Exact,
            scope: None,
            unit: None,
            confidence: 0.8,
            provenance: Provenance {
                document: self.doc.id.clone(),
                range,
                quote: self.doc.text[range.start..range.end].to_string(),
                section: self.section_at(range.start),
                extractor: extractor.to_string(),
                extractor_version: version,
            },
        }
    }
}

/// Widen a range to the nearest char boundaries of `text` (normalised bytes such as the
/// two dashes standing for "Š" may split an original character).
pub fn snap(text: &str, r: TextRange) -> TextRange {
    let mut a = r.start.min(text.len());
    let mut b = r.end.min(text.len());
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    TextRange::new(a, b)
}
