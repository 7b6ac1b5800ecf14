//! Chapter heading lines: "MEXICO: TIER 2" (2010+ reports) and "Mexico (Tier 2 Watch List)"
//! (2001-2009 reports and document-database exports).
//!
//! A heading is a whole line; a country name glued into a sentence by a page header
//! ("involving 302MEXICOorganized crime") is never a heading.

use regex::Regex;
use std::sync::LazyLock;
use tierwatch_model::{TextRange, Tier};

/// Which way the heading was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `NAME: TIER 2`
    Colon,
    /// `Name (Tier 2)`
    Parenthesized,
}

/// A chapter heading line found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterHeading {
    /// The line, without its line break.
    pub range: TextRange,
    /// The country name as written.
    pub name: String,
    pub tier: Tier,
    pub style: HeadingStyle,
}

const TIER: &str = r"(?:TIER\s+[123](?:\s+WATCH\s*LIST)?|SPECIAL\s+CASE)";

static COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?mi)^[ \t]*(?P<name>[^\s:()][^\n:()]{{0,70}}?)[ \t]*:[ \t]*(?P<tier>{TIER})[ \t]*\r?$")).unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?mi)^[ \t]*(?P<name>[^\s:()][^\n:()]{{0,70}}?)[ \t]*\([ \t]*(?P<tier>{TIER})[ \t]*\)[ \t]*\r?$")).unwrap()
});

/// The second half of a broken "TIER 2 WATCH LIST" heading, at the start of what follows.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*WATCH\s*LIST:?").unwrap());

/// Every heading line in `text`, in text order.
pub fn find_headings(text: &str) -> Vec<ChapterHeading> {
    let mut out = Vec::new();
    for (re, style) in [(&*COLON, HeadingStyle::Colon), (&*PAREN, HeadingStyle::Parenthesized)] {
        for caps in re.captures_iter(text) {
            let whole = caps.get(0).unwrap();
            let line = whole.as_str().trim_end_matches('\r');
            let start = whole.start() + (line.len() - line.trim_start().len());
            let end = whole.start() + line.trim_end().len();
            let Some(mut tier) = Tier::parse(&caps["tier"]) else { continue };
            let mut end = end;
            // "MEXICO: TIER 2" / "WATCH LISTThe Government ...": the heading broke and its
            // second half was glued to the next paragraph.
            if tier == Tier::Tier2 {
                if let Some(m) = CONTINUATION.find(&text[end..]) {
                    tier = Tier::Tier2WatchList;
                    end += m.end();
                }
            }
            out.push(ChapterHeading {
                range: TextRange::new(start, end),
                name: caps["name"].trim().to_string(),
                tier,
                style,
            });
        }
    }
    out.sort_by_key(|h| h.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_styles_as_whole_lines_only() {
        let text = "MEXICO: TIER 2\n\nSome text involving 302MEXICOorganized crime.\nKOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF: TIER 3\nMexico (Tier 2 Watch List)\nBURMA: TIER 2 WATCH LIST\nnot a heading: TIER 2 and more\n";
        let h = find_headings(text);
        let names: Vec<_> = h.iter().map(|h| (h.name.as_str(), h.tier)).collect();
        assert_eq!(
            names,
            vec![
                ("MEXICO", Tier::Tier2),
                ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", Tier::Tier3),
                ("Mexico", Tier::Tier2WatchList),
                ("BURMA", Tier::Tier2WatchList),
            ]
        );
        assert_eq!(h[0].range.slice(text), "MEXICO: TIER 2");
    }

    #[test]
    fn a_broken_watch_list_heading_is_one_heading() {
        let text = "SIERRA LEONE: TIER 2\n\nWATCH LISTThe Government of Sierra Leone does not fully meet the minimum standards.\n";
        let h = find_headings(text);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].tier, Tier::Tier2WatchList);
        assert_eq!(h[0].range.slice(text), "SIERRA LEONE: TIER 2\n\nWATCH LIST");
        let text = "CONGO, DEMOCRATIC REPUBLIC OF THE: TIER 2 WATCH\nLIST\n\nThe Government";
        assert_eq!(find_headings(text)[0].tier, Tier::Tier2WatchList);
    }
}
