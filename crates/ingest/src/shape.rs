//! The shape of a text chapter, which the HTML and PDF readers reproduce so that
//! segmentation and extraction behave the same whatever the source: a chapter heading line,
//! a blank line, then one paragraph per line separated by blank lines, except that a
//! section heading ("PROSECUTION", "PRIORITIZED RECOMMENDATIONS:") is followed by a single
//! line break.

use tierwatch_model::heading::find_headings;
use crate::origin::Spans;
use crate::segment::headings::line_heading;
use tierwatch_model::{SourceSpan, TextRange};

/// One line of output: its text and where its pieces came from.
#[derive(Debug, Default, Clone)]
pub struct Line {
    pub text: String,
    /// Pieces of `text` (ranges into it) with their source bytes and page.
    pub pieces: Vec<SourceSpan>,
}

impl Line {
    /// True for a whole-line section heading.
    pub fn is_section_heading(&self) -> bool {
        line_heading(&self.text).is_some()
    }

    /// True for a whole-line chapter heading ("MEXICO: TIER 2").
    pub fn is_chapter_heading(&self) -> bool {
        find_headings(&self.text).iter().any(|h| h.range.len() == self.text.trim().len())
    }
}

/// Join lines into a chapter-shaped text with a source map.
pub fn assemble(lines: &[Line]) -> Spans {
    let mut out = Spans::default();
    for (i, line) in lines.iter().enumerate() {
        let base = out.text.len();
        out.text.push_str(&line.text);
        for p in &line.pieces {
            out.spans.push(SourceSpan { text: TextRange::new(base + p.text.start, base + p.text.end), ..*p });
        }
        if i + 1 < lines.len() {
            out.push(if line.is_section_heading() { "\n" } else { "\n\n" }, None, None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line { text: s.into(), pieces: vec![] }
    }

    #[test]
    fn chapter_shape() {
        let lines = [line("MEXICO: TIER 2"), line("Intro."), line("PROSECUTION"), line("One."), line("Two.")];
        assert_eq!(assemble(&lines).text, "MEXICO: TIER 2\n\nIntro.\n\nPROSECUTION\nOne.\n\nTwo.");
        assert!(lines[0].is_chapter_heading() && lines[2].is_section_heading() && !lines[1].is_section_heading());
    }
}
