//! Segmentation of a narrative: sections, paragraphs and sentences as byte ranges.

use crate::TextRange;
use serde::{Deserialize, Serialize};

/// The parts a TIP country narrative is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The heading line ("MEXICO: TIER 2", "Mexico (Tier 2 Watch List)").
    Heading,
    /// The opening assessment paragraph(s): compliance, efforts, tier reasoning.
    Intro,
    Recommendations,
    Prosecution,
    Protection,
    Prevention,
    TraffickingProfile,
    /// Special-case chapters put all government action under one heading.
    GovernmentEfforts,
}

impl SectionKind {
    pub const ALL: [SectionKind; 8] = [
        SectionKind::Heading,
        SectionKind::Intro,
        SectionKind::Recommendations,
        SectionKind::Prosecution,
        SectionKind::Protection,
        SectionKind::Prevention,
        SectionKind::TraffickingProfile,
        SectionKind::GovernmentEfforts,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Heading => "heading",
            SectionKind::Intro => "intro",
            SectionKind::Recommendations => "recommendations",
            SectionKind::Prosecution => "prosecution",
            SectionKind::Protection => "protection",
            SectionKind::Prevention => "prevention",
            SectionKind::TraffickingProfile => "trafficking_profile",
            SectionKind::GovernmentEfforts => "government_efforts",
        }
    }

    pub fn parse(s: &str) -> Option<SectionKind> {
        let norm = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        SectionKind::ALL.into_iter().find(|k| k.code() == norm)
    }
}

impl std::fmt::Display for SectionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// How a section boundary was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentMethod {
    /// A heading line in the text.
    Heading,
    /// Classified from the paragraph's content (old-style or heading-less text).
    Content,
}

/// A contiguous run of paragraphs of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// From the start of the heading (if any) to the end of the last paragraph.
    pub range: TextRange,
    /// The heading line's range, if the section has one.
    pub heading: Option<TextRange>,
    pub method: SegmentMethod,
    /// 0..=1; 1.0 for heading-delimited sections.
    pub confidence: f32,
}

/// A paragraph with the section it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub range: TextRange,
    pub section: SectionKind,
    pub method: SegmentMethod,
    pub confidence: f32,
}

/// A sentence; `paragraph` indexes `Segmentation::paragraphs`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub range: TextRange,
    pub paragraph: usize,
}

/// A document cut into sections, paragraphs and sentences, all in text order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// The section kind of the paragraph containing `offset`, if any.
    pub fn section_at(&self, offset: usize) -> Option<SectionKind> {
        self.paragraphs
            .iter()
            .find(|p| p.range.start <= offset && offset < p.range.end)
            .map(|p| p.section)
    }

    /// Sentences of paragraphs in `kind`, in text order.
    pub fn sentences_in(&self, kind: SectionKind) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(move |s| self.paragraphs[s.paragraph].section == kind)
    }

    /// The distinct section kinds present, in text order.
    pub fn kinds(&self) -> Vec<SectionKind> {
        let mut out: Vec<SectionKind> = Vec::new();
        for s in &self.sections {
            if !out.contains(&s.kind) {
                out.push(s.kind);
            }
        }
        out
    }
}
