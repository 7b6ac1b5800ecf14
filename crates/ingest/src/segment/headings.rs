//! Section headings: whole lines ("PROSECUTION", "PRIORITIZED RECOMMENDATIONS:"), headings
//! that broke across two lines ("PRIORITIZED" / "RECOMMENDATIONS: ..."), and headings glued
//! into a paragraph by extraction ("...traffickers.PROSECUTIONThe government ...",
//! "RECOMMENDATIONS FOR THE PHILIPPINESIncrease ...", "Recommendations for Mexico: ...").

use regex::Regex;
use std::sync::LazyLock;
use tierwatch_model::{SectionKind, TextRange};

/// A page number and running header glued at the end of a text ("257KOREA, REPUBLIC OF").
static PAGE_HEADER: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"\d{1,4}[A-Z][A-Z ,.'’()\-]*$").unwrap());

/// The heading words, upper case, and the section each opens.
const HEADINGS: &[(&str, SectionKind)] = &[
    ("PRIORITIZED RECOMMENDATIONS", SectionKind::Recommendations),
    ("RECOMMENDATIONS FOR", SectionKind::Recommendations),
    ("RECOMMENDATIONS", SectionKind::Recommendations),
    ("PROSECUTION", SectionKind::Prosecution),
    ("PROTECTION", SectionKind::Protection),
    ("PREVENTION", SectionKind::Prevention),
    ("TRAFFICKING PROFILE", SectionKind::TraffickingProfile),
    ("GOVERNMENT EFFORTS", SectionKind::GovernmentEfforts),
];

/// The longest a whole-line heading can be, once spaces are collapsed and colons trimmed
/// ("RECOMMENDATIONS FOR <country>" under 80 bytes).
const LONGEST_LINE_HEADING: usize = 79;

/// Whether `line` has more than `n` characters that are neither spaces nor colons: then
/// its normalized form is longer than `n` bytes (each such character stays, upper-cased to
/// one byte or more), so it is no heading of that length. Lets the paragraphs of a chapter,
/// most lines of it, be refused without being upper-cased.
fn longer_than(line: &str, n: usize) -> bool {
    line.chars().filter(|c| !c.is_whitespace() && *c != ':').nth(n).is_some()
}

/// If the whole line is a section heading, its kind.
pub fn line_heading(line: &str) -> Option<SectionKind> {
    if longer_than(line, LONGEST_LINE_HEADING) {
        return None;
    }
    let norm = normalize(line);
    let norm = norm.trim_end_matches(':').trim();
    for &(words, kind) in HEADINGS {
        if norm == words {
            return Some(kind);
        }
        if words == "RECOMMENDATIONS FOR" && norm.starts_with("RECOMMENDATIONS FOR ") && norm.len() < 80 {
            return Some(kind);
        }
    }
    None
}

/// If `line` is the first part of a heading whose rest starts `next`, the kind and the
/// byte length of the rest in `next` (e.g. "PRIORITIZED" + "RECOMMENDATIONS: Strengthen").
pub fn split_heading(line: &str, next: &str) -> Option<(SectionKind, usize)> {
    // the first part is shorter than the longest heading
    if longer_than(line, HEADINGS.iter().map(|(w, _)| w.len()).max().unwrap_or(0)) {
        return None;
    }
    let head = normalize(line);
    if head.is_empty() || head.len() < 4 {
        return None;
    }
    for &(words, kind) in HEADINGS {
        if let Some(rest) = words.strip_prefix(head.as_str()).and_then(|r| r.strip_prefix(' ')) {
            if next.starts_with(rest) {
                let mut len = rest.len();
                if next[len..].starts_with(':') {
                    len += 1;
                }
                return Some((kind, len));
            }
        }
    }
    None
}

/// A heading found inside a paragraph: its range and the section it opens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InlineHeading {
    pub range: TextRange,
    pub kind: SectionKind,
    /// A run-in label that names only its own paragraph ("Recommendations for Ghana: ..."),
    /// not a section heading that governs what follows.
    pub run_in: bool,
}

/// Upper-case headings glued into `range` of `text`, at the paragraph start or right after
/// sentence-final punctuation, and followed by the next sentence's first word.
pub fn inline_headings(text: &str, range: TextRange) -> Vec<InlineHeading> {
    let para = range.slice(text);
    let mut out = Vec::new();
    for &(words, kind) in HEADINGS {
        let mut from = 0;
        while let Some(found) = para[from..].find(words) {
            let at = from + found;
            from = at + words.len();
            if !starts_sentence(para, at) || out.iter().any(|h: &InlineHeading| h.range.contains_offset(range.start + at)) {
                continue;
            }
            let Some(end) = heading_end(para, at, words) else { continue };
            let r = TextRange::new(range.start + at, range.start + end).trim(text);
            out.push(InlineHeading { range: r, kind, run_in: false });
        }
    }
    // Mixed-case inline form of the 2010-2016 reports, at the paragraph start only.
    if out.is_empty() && para.starts_with("Recommendations for ") {
        let mut cut = para.len().min(90);
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(colon) = para[..cut].find(':') {
            out.push(InlineHeading {
                range: TextRange::new(range.start, range.start + colon + 1),
                kind: SectionKind::Recommendations,
                run_in: true,
            });
        }
    }
    out.sort_by_key(|h| h.range.start);
    out
}

fn starts_sentence(para: &str, at: usize) -> bool {
    let before = para[..at].trim_end_matches(' ');
    // A running page header glued in front ("... efforts. 257KOREA, REPUBLIC OFRECOMMENDATIONS").
    let before = match PAGE_HEADER.find(before) {
        Some(m) => before[..m.start()].trim_end_matches(' '),
        None => before,
    };
    before.is_empty() || before.ends_with(['.', '!', '?', ';', ':', '”', 'ﬂ', ')', '"'])
}

/// Where a heading starting at `at` ends, if what follows looks like a sentence opening.
fn heading_end(para: &str, at: usize, words: &str) -> Option<usize> {
    let mut end = at + words.len();
    if words == "RECOMMENDATIONS FOR" {
        // The country name runs in capitals up to the glued first word ("PHILIPPINESIncrease")
        // or a colon.
        let rest = &para[end..];
        let mut last_upper_start = None;
        let mut consumed = rest.len();
        for (i, ch) in rest.char_indices() {
            if ch == ':' {
                consumed = i + 1;
                break;
            }
            if ch.is_lowercase() {
                consumed = last_upper_start?;
                break;
            }
            if ch.is_uppercase() {
                last_upper_start = Some(i);
            } else if !(ch == ' ' || ch == ',' || ch == '.' || ch == '\'' || ch == '’' || ch == '-' || ch == '(' || ch == ')') {
                return None;
            }
            if i > 80 {
                return None;
            }
        }
        end += consumed;
        return Some(end);
    }
    let rest = &para[end..];
    if let Some(r) = rest.strip_prefix(':') {
        end += 1;
        return r.trim_start().chars().next().is_some_and(char::is_uppercase).then_some(end);
    }
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        // Glued: "PROSECUTIONThe"
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => Some(end),
        // Spaced: "PROSECUTION The"
        (Some(' '), Some(b)) if b.is_uppercase() && rest[1..].chars().nth(1).is_some_and(char::is_lowercase) => Some(end),
        _ => None,
    }
}

fn normalize(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_line_headings() {
        assert_eq!(line_heading("PRIORITIZED RECOMMENDATIONS:"), Some(SectionKind::Recommendations));
        assert_eq!(line_heading("Prosecution"), Some(SectionKind::Prosecution));
        assert_eq!(line_heading("TRAFFICKING PROFILE"), Some(SectionKind::TraffickingProfile));
        assert_eq!(line_heading("The government maintained prosecution efforts."), None);
    }

    #[test]
    fn long_lines_are_no_headings_and_short_ones_still_are() {
        let country = "BOSNIA AND HERZEGOVINA, THE REPUBLIC OF THE LONG NAME";
        assert_eq!(line_heading(&format!("RECOMMENDATIONS FOR {country}:")), Some(SectionKind::Recommendations));
        // 80 bytes once normalized: too long
        let long = format!("RECOMMENDATIONS FOR {}", "X".repeat(60));
        assert_eq!(long.len(), 80);
        assert_eq!(line_heading(&long), None);
        assert_eq!(line_heading(&long[..79]), Some(SectionKind::Recommendations));
        // spaces and colons do not count towards the length
        assert_eq!(line_heading(&format!("  PROSECUTION{}", ":".repeat(100))), Some(SectionKind::Prosecution));
        assert_eq!(line_heading(&format!("PROTECTION{}", " ".repeat(200))), Some(SectionKind::Protection));
        assert!(!longer_than("A B C", 3) && longer_than("A B C D", 3));
        assert_eq!(split_heading(&format!("PRIORITIZED{}", " ".repeat(50)), "RECOMMENDATIONS"), Some((SectionKind::Recommendations, 15)));
    }

    #[test]
    fn broken_heading_lines() {
        assert_eq!(split_heading("PRIORITIZED", "RECOMMENDATIONS: Strengthen"), Some((SectionKind::Recommendations, 16)));
        assert_eq!(split_heading("TRAFFICKING", "PROFILEAs reported"), Some((SectionKind::TraffickingProfile, 7)));
        assert_eq!(split_heading("TRAFFICKING", "in persons"), None);
    }

    #[test]
    fn glued_headings() {
        let t = "punish labor traffickers.RECOMMENDATIONS FOR THE PHILIPPINESIncrease the availability. Across agencies.PROSECUTIONThe government maintained efforts. Pending in 2017. PROTECTIONThe government increased. A PROSECUTION of two.";
        let h = inline_headings(t, TextRange::new(0, t.len()));
        let got: Vec<_> = h.iter().map(|h| (h.range.slice(t), h.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("RECOMMENDATIONS FOR THE PHILIPPINES", SectionKind::Recommendations),
                ("PROSECUTION", SectionKind::Prosecution),
                ("PROTECTION", SectionKind::Protection),
            ]
        );
    }
}
