//! Segmentation: a narrative's text cut into sections, paragraphs and sentences.
//!
//! Headings decide where they exist (whole lines, broken lines, or glued into a paragraph);
//! elsewhere paragraphs are classified by content under the section orders the reports
//! use (see `classify`). Every paragraph gets a section, a method and a confidence.

pub mod classify;
pub mod headings;
pub mod sentences;

use tierwatch_model::heading::find_headings;
use tierwatch_model::{Paragraph, Section, SectionKind, SegmentMethod, Segmentation, Sentence, TextRange};

/// A piece of the text before labelling.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Heading { range: TextRange, kind: SectionKind },
    /// A run-in label ("Recommendations for Ghana:") that names its own paragraph only.
    RunIn { range: TextRange, kind: SectionKind },
    Para { range: TextRange },
}

/// Segment a narrative's text (which starts with its chapter heading, if it has one).
pub fn segment(text: &str) -> Segmentation {
    let (units, title_tier) = units(text);
    // Labels: the title heading, then headings fix the paragraphs after them.
    let mut paras: Vec<TextRange> = Vec::new();
    let mut fixed: Vec<Option<SectionKind>> = Vec::new();
    let mut para_heading: Vec<Option<TextRange>> = Vec::new();
    let mut title: Option<TextRange> = None;
    let mut current: Option<(SectionKind, TextRange)> = None;
    let mut pending_heading: Option<TextRange> = None;
    let mut run_in: Option<SectionKind> = None;
    for u in &units {
        match *u {
            Unit::Heading { range, kind: SectionKind::Heading } => title = Some(range),
            Unit::Heading { range, kind } => {
                current = Some((kind, range));
                pending_heading = Some(range);
            }
            Unit::RunIn { range, kind } => {
                run_in = Some(kind);
                pending_heading = Some(range);
            }
            Unit::Para { range } => {
                paras.push(range);
                fixed.push(run_in.take().or(current.map(|c| c.0)));
                para_heading.push(pending_heading.take());
            }
        }
    }
    // A chapter with section headings starts with its intro before the first heading.
    let first_heading = fixed.iter().position(Option::is_some);
    if let Some(first) = first_heading {
        if title.is_some() && first == 1 && looks_like_intro(paras[0].slice(text)) {
            fixed[0] = Some(SectionKind::Intro);
        }
    }
    // Each paragraph's sentences, split once: for the first sentence a free paragraph is
    // scored on, and for the segmentation.
    let para_sentences: Vec<Vec<TextRange>> = paras.iter().map(|r| sentences::split_sentences(text, *r)).collect();
    // Only free paragraphs are scored: `label` never reads the scores of a fixed one.
    let scores: Vec<_> = paras
        .iter()
        .zip(&para_sentences)
        .zip(&fixed)
        .map(|((r, sents), fixed)| {
            if fixed.is_some() {
                return Vec::new();
            }
            let p = r.slice(text);
            let first = sents.first().map(|s| s.slice(text)).unwrap_or(p);
            classify::score(p, first)
        })
        .collect();
    // The title is the text's first named heading (see `units`).
    let special_case = title_tier.is_some_and(|t| t == tierwatch_model::Tier::SpecialCase);
    let labels = classify::label(&scores, &fixed, special_case);

    let mut seg = Segmentation::default();
    if let Some(t) = title {
        seg.sections.push(Section {
            kind: SectionKind::Heading,
            range: t,
            heading: Some(t),
            method: SegmentMethod::Heading,
            confidence: 1.0,
        });
    }
    for ((i, range), sents) in paras.iter().enumerate().zip(para_sentences) {
        let (kind, confidence) = labels[i];
        let method = if fixed[i].is_some() { SegmentMethod::Heading } else { SegmentMethod::Content };
        seg.paragraphs.push(Paragraph { range: *range, section: kind, method, confidence });
        for s in sents {
            seg.sentences.push(Sentence { range: s, paragraph: i });
        }
        let start = para_heading[i].map(|h| h.start).unwrap_or(range.start);
        match seg.sections.last_mut() {
            Some(last) if last.kind == kind && para_heading[i].is_none() && last.kind != SectionKind::Heading => {
                last.range.end = range.end;
                last.confidence = last.confidence.min(confidence);
            }
            _ => seg.sections.push(Section {
                kind,
                range: TextRange::new(start, range.end),
                heading: para_heading[i],
                method,
                confidence,
            }),
        }
    }
    seg
}

fn looks_like_intro(p: &str) -> bool {
    let lower = p.to_ascii_lowercase();
    lower.contains("minimum standards") || lower.contains("special case") || lower.contains("tier ")
}

/// Lines to units: the title heading, section headings (whole-line, broken or glued) and
/// paragraphs (runs of non-blank, non-heading lines); and the title heading's tier, if the
/// text starts with its first named heading.
fn units(text: &str) -> (Vec<Unit>, Option<tierwatch_model::Tier>) {
    let mut out: Vec<Unit> = Vec::new();
    // The chapter heading, which may span lines when it broke in extraction.
    let lead = text.len() - text.trim_start().len();
    let mut from = 0;
    let mut title_tier = None;
    if let Some(h) = find_headings(text).into_iter().next().filter(|h| h.range.start == lead) {
        out.push(Unit::Heading { range: h.range, kind: SectionKind::Heading });
        from = h.range.end;
        title_tier = Some(h.tier);
    }
    let lines: Vec<TextRange> = line_ranges(text, from);
    let mut para: Option<TextRange> = None;
    let flush = |para: &mut Option<TextRange>, out: &mut Vec<Unit>| {
        if let Some(p) = para.take() {
            push_paragraph(text, p, out);
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let s = line.slice(text);
        if s.trim().is_empty() {
            flush(&mut para, &mut out);
            i += 1;
            continue;
        }
        if let Some(kind) = headings::line_heading(s) {
            flush(&mut para, &mut out);
            out.push(Unit::Heading { range: line.trim(text), kind });
            i += 1;
            continue;
        }
        if let Some(next) = lines.get(i + 1) {
            if let Some((kind, rest_len)) = headings::split_heading(s, next.slice(text)) {
                flush(&mut para, &mut out);
                out.push(Unit::Heading { range: TextRange::new(line.trim(text).start, next.start + rest_len), kind });
                para = Some(TextRange::new(next.start + rest_len, next.end));
                i += 2;
                continue;
            }
        }
        para = Some(match para {
            Some(p) => TextRange::new(p.start, line.end),
            None => line,
        });
        i += 1;
    }
    flush(&mut para, &mut out);
    (out, title_tier)
}

/// Push a paragraph, splitting it at headings glued inside it.
fn push_paragraph(text: &str, range: TextRange, out: &mut Vec<Unit>) {
    let mut start = range.start;
    for h in headings::inline_headings(text, range) {
        let before = TextRange::new(start, h.range.start).trim(text);
        if !before.is_empty() {
            out.push(Unit::Para { range: before });
        }
        out.push(if h.run_in { Unit::RunIn { range: h.range, kind: h.kind } } else { Unit::Heading { range: h.range, kind: h.kind } });
        start = h.range.end;
    }
    let rest = TextRange::new(start, range.end).trim(text);
    if !rest.is_empty() {
        out.push(Unit::Para { range: rest });
    }
}

/// Lines of `text` from byte `from` on (the first may be the rest of a line).
fn line_ranges(text: &str, from: usize) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, b) in text.bytes().enumerate().skip(from) {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push(TextRange::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(TextRange::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headed_chapter_sections_follow_headings() {
        let text = "RURITANIA: TIER 2\n\nThe Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking.\n\nPRIORITIZED RECOMMENDATIONS:\nIncrease prosecutions; train judges.\n\nPROSECUTION\nThe government maintained law enforcement efforts.\n\nPROTECTION\nThe government maintained protection efforts.\n";
        let seg = segment(text);
        let kinds: Vec<_> = seg.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SectionKind::Heading, SectionKind::Intro, SectionKind::Recommendations, SectionKind::Prosecution, SectionKind::Protection]);
        let pros = &seg.sections[3];
        assert_eq!(pros.heading.unwrap().slice(text), "PROSECUTION");
        assert!(pros.range.slice(text).starts_with("PROSECUTION\nThe government"));
        assert!(seg.paragraphs.iter().skip(1).all(|p| p.method == SegmentMethod::Heading));
        assert_eq!(seg.sentences.iter().filter(|s| seg.paragraphs[s.paragraph].section == SectionKind::Recommendations).count(), 1);
    }

    #[test]
    fn glued_headings_split_a_single_block() {
        let text = "RURITANIA: TIER 1\n\nThe Government of Ruritania fully meets the minimum standards for the elimination of trafficking.RECOMMENDATIONS FOR RURITANIAIncrease prosecutions; train judges.PROSECUTIONThe government maintained law enforcement efforts. PROTECTIONThe government increased protection efforts.";
        let seg = segment(text);
        let kinds: Vec<_> = seg.paragraphs.iter().map(|p| p.section).collect();
        assert_eq!(kinds, vec![SectionKind::Intro, SectionKind::Recommendations, SectionKind::Prosecution, SectionKind::Protection]);
        assert_eq!(seg.paragraphs[2].range.slice(text), "The government maintained law enforcement efforts.");
    }
}
