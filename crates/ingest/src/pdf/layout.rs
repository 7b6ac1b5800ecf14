//! From positioned page text to chapter-shaped lines: running headers and page numbers
//! (blocks in the top and bottom margins, or the first/last block of a page when it is a
//! bare number, the report's running title or a country name) are dropped from the text
//! and the printed page number kept for the source map; blocks are put in reading order;
//! wrapped lines are joined into paragraphs (also across column and page breaks, when a
//! paragraph visibly runs on); ligature glyphs inside words are spelled out.

use super::bbox::{Block, PageBlocks};
use super::order::reading_order;
use crate::shape::Line;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use tierwatch_model::{CountryRegistry, SourceSpan, TextRange};

/// The text as lines, and what the furniture said.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub lines: Vec<Line>,
    /// The report year a running header names.
    pub year: Option<u16>,
    /// The page number used for each physical page (printed numbers where detected).
    pub page_numbers: Vec<u32>,
}

/// Share of the page height, at top and bottom, where running headers and footers live.
const MARGIN: f32 = 0.075;

static RUNNING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^(\d{1,4}\s+)?((19|20)\d\d\s+)?TRAFFICKING IN PERSONS REPORT(\s+[A-Z]+)?(\s+(?P<year>(19|20)\d\d))?(\s+\d{1,4})?$").unwrap()
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"^(?P<n>\d{1,4})$").unwrap());
static NUMBERED_HEADER: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"^(?:(?P<a>\d{1,4})\s+)?(?P<name>[A-Z][A-Z ,.'’()\-]+?)(?:\s+(?P<b>\d{1,4}))?$").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| tierwatch_model::pattern::regex(r"\b((?:19|20)\d\d)\b").unwrap());

/// What a furniture block says: a printed page number, a year.
fn furniture(text: &str) -> Option<(Option<u32>, Option<u16>)> {
    let text = text.trim();
    if let Some(c) = PAGE_NUMBER.captures(text) {
        return Some((c["n"].parse().ok(), None));
    }
    if let Some(c) = RUNNING_TITLE.captures(text) {
        let year = c.name("year").map(|m| m.as_str()).or_else(|| YEAR.captures(text).map(|y| y.get(1).unwrap().as_str()));
        let number = text.split_whitespace().filter(|w| w.len() <= 3).find_map(|w| w.parse().ok());
        return Some((number, year.and_then(|y| y.parse().ok())));
    }
    let c = NUMBERED_HEADER.captures(text)?;
    CountryRegistry::embedded().resolve(c["name"].trim()).ok()?;
    let number = c.name("a").or(c.name("b")).and_then(|m| m.as_str().parse().ok());
    Some((number, None))
}

fn block_text(b: &Block) -> String {
    b.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// Clean every page and join the text into lines.
pub fn clean(pages: &[PageBlocks]) -> Cleaned {
    let mut out = Cleaned::default();
    let mut printed: Vec<Option<u32>> = Vec::new();
    let mut bodies: Vec<Vec<Block>> = Vec::new();
    for page in pages {
        let mut number = None;
        let (top, bottom) = (page.height * MARGIN, page.height * (1.0 - MARGIN));
        let first_y = page.blocks.iter().map(|b| b.bbox.y0).fold(f32::MAX, f32::min);
        let last_y = page.blocks.iter().map(|b| b.bbox.y1).fold(f32::MIN, f32::max);
        let mut body = Vec::new();
        for b in &page.blocks {
            let in_margin = b.bbox.y1 <= top || b.bbox.y0 >= bottom;
            let at_edge = b.bbox.y0 <= first_y || b.bbox.y1 >= last_y;
            let said = if in_margin || at_edge { furniture(&block_text(b)) } else { None };
            match said {
                Some((n, y)) => {
                    number = number.or(n);
                    out.year = out.year.or(y);
                }
                None if in_margin && b.lines.len() <= 1 => {}
                None => body.push(b.clone()),
            }
        }
        printed.push(number);
        bodies.push(reading_order(body));
    }
    out.page_numbers = page_numbers(&printed);
    out.lines = join(&bodies, &out.page_numbers);
    out
}

/// Printed page numbers: the offset from physical numbers that most detected numbers agree on.
fn page_numbers(printed: &[Option<u32>]) -> Vec<u32> {
    let mut votes: HashMap<i64, usize> = HashMap::new();
    for (i, n) in printed.iter().enumerate() {
        if let Some(n) = n {
            *votes.entry(*n as i64 - (i as i64 + 1)).or_default() += 1;
        }
    }
    let offset = votes.into_iter().max_by_key(|&(o, c)| (c, -o.abs())).map(|(o, _)| o).unwrap_or(0);
    (0..printed.len()).map(|i| u32::try_from(i as i64 + 1 + offset).unwrap_or(i as u32 + 1)).collect()
}

/// Join the lines of blocks into paragraphs and heading lines.
fn join(bodies: &[Vec<Block>], numbers: &[u32]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cur = Line::default();
    let mut open = false; // the current paragraph runs on into the next block
    for (p, blocks) in bodies.iter().enumerate() {
        let page = numbers[p];
        let bottom = blocks.iter().map(|b| b.bbox.y1).fold(f32::MIN, f32::max);
        for (k, b) in blocks.iter().enumerate() {
            if !open {
                flush(&mut lines, &mut cur);
            }
            for l in &b.lines {
                let text = spell_ligatures(l.text.trim());
                let probe = Line { text: text.clone(), pieces: vec![] };
                if probe.is_section_heading() || probe.is_chapter_heading() {
                    flush(&mut lines, &mut cur);
                    push_text(&mut cur, &text, page);
                    flush(&mut lines, &mut cur);
                } else {
                    push_text(&mut cur, &text, page);
                }
            }
            let next_first = blocks.get(k + 1).or_else(|| bodies.get(p + 1).and_then(|n| n.first()));
            open = runs_on(b, bottom, next_first);
        }
    }
    flush(&mut lines, &mut cur);
    lines
}

/// Does the paragraph ending block `b` go on in `next`?
fn runs_on(b: &Block, page_bottom: f32, next: Option<&Block>) -> bool {
    let (Some(last), Some(next)) = (b.lines.last(), next) else { return false };
    let Some(first) = next.lines.first() else { return false };
    if first.text.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let ends_sentence = last.text.trim_end().ends_with(['.', '!', '?', ':', '"', '”', ')']);
    let full_line = last.bbox.x1 >= b.bbox.x1 - 0.12 * (b.bbox.x1 - b.bbox.x0);
    let at_bottom = b.bbox.y1 >= page_bottom - 2.0;
    !ends_sentence || (full_line && at_bottom && b.lines.len() > 1)
}

fn flush(lines: &mut Vec<Line>, cur: &mut Line) {
    if !cur.text.is_empty() {
        lines.push(std::mem::take(cur));
    }
}

fn push_text(cur: &mut Line, text: &str, page: u32) {
    if text.is_empty() {
        return;
    }
    if !cur.text.is_empty() {
        cur.text.push(' ');
    }
    let start = cur.text.len();
    cur.text.push_str(text);
    let end = cur.text.len();
    match cur.pieces.last_mut() {
        Some(last) if last.page == Some(page) => last.text.end = end,
        _ => cur.pieces.push(SourceSpan { text: TextRange::new(start, end), source: TextRange::new(0, 0), page: Some(page) }),
    }
}

/// "signiﬁcant" -> "significant": ligature characters between letters are spelled out
/// (a ligature next to a space stays, as it may stand for something else).
pub fn spell_ligatures(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let spelled = match c {
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            'ﬅ' | 'ﬆ' => "st",
            _ => {
                out.push(c);
                continue;
            }
        };
        let letters = i > 0 && chars[i - 1].is_alphabetic() && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if letters { out.push_str(spelled) } else { out.push(c) }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        assert_eq!(furniture("302"), Some((Some(302), None)));
        assert_eq!(furniture("TRAFFICKING IN PERSONS REPORT 2018"), Some((None, Some(2018))));
        assert_eq!(furniture("MEXICO"), Some((None, None)));
        assert_eq!(furniture("303 KOREA, REPUBLIC OF"), Some((Some(303), None)));
        assert_eq!(furniture("PROSECUTION"), None);
        assert_eq!(furniture("The government maintained efforts."), None);
    }

    #[test]
    fn page_numbers_follow_the_printed_ones() {
        assert_eq!(page_numbers(&[None, Some(302), Some(303), None, Some(9)]), [301, 302, 303, 304, 305]);
        assert_eq!(page_numbers(&[None, None]), [1, 2]);
    }

    #[test]
    fn ligatures_inside_words_only() {
        assert_eq!(spell_ligatures("signiﬁcant traﬃcking ﬁforced laborﬂ"), "significant trafficking ﬁforced laborﬂ");
    }
}
