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
/// A 2010+ heading whose country name broke across two lines in extraction
/// ("CONGO, DEMOCRATIC REPUBLIC" / "OF THE: TIER 2"): capitals only, so prose never matches.
static COLON_BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z .,'’\-]{{1,60}}\r?\n[ \t]*[A-Z][A-Z .,'’\-]{{0,40}}?)[ \t]*:[ \t]*(?P<tier>{TIER})[ \t]*\r?$")).unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?mi)^[ \t]*(?P<name>[^\s:()][^\n:()]{{0,70}}?)[ \t]*\([ \t]*(?P<tier>{TIER})[ \t]*\)[ \t]*\r?$")).unwrap()
});

/// The second half of a broken "TIER 2 WATCH LIST" heading, at the start of what follows.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*WATCH\s*LIST:?").unwrap());

/// Every heading line in `text`, in text order.
pub fn find_headings(text: &str) -> Vec<ChapterHeading> {
    let mut out = Vec::new();
    for (re, style) in [(&*COLON, HeadingStyle::Colon), (&*COLON_BROKEN, HeadingStyle::Colon), (&*PAREN, HeadingStyle::Parenthesized)] {
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
                name: caps["name"].split_whitespace().collect::<Vec<_>>().join(" "),
                tier,
                style,
            });
        }
    }
    out.sort_by_key(|h| h.range.start);
    // The second line of a broken heading also reads as a heading ("OF THE: TIER 2"), and a
    // stray capitals line can read as the first half of one ("MEXICO" / "MEXICO: TIER 2"):
    // of overlapping candidates keep the one that names a known country, else the first.
    let registry = tierwatch_model::CountryRegistry::embedded();
    let known = |h: &ChapterHeading| registry.lookup(&h.name).is_some();
    let mut kept: Vec<ChapterHeading> = Vec::with_capacity(out.len());
    for h in out {
        match kept.last_mut() {
            Some(prev) if h.range.start < prev.range.end => {
                if !known(prev) && known(&h) {
                    *prev = h;
                }
            }
            _ => kept.push(h),
        }
    }
    kept
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
    fn a_country_name_broken_across_two_lines_is_one_heading() {
        let text = "Prose before it ends here.\nCONGO, DEMOCRATIC REPUBLIC\nOF THE: TIER 2 WATCH LIST\n\nThe Government of the Democratic Republic of the Congo does not fully meet the minimum standards.\n";
        let h = find_headings(text);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].name, "CONGO, DEMOCRATIC REPUBLIC OF THE");
        assert_eq!(h[0].tier, Tier::Tier2WatchList);
        assert_eq!(h[0].range.slice(text), "CONGO, DEMOCRATIC REPUBLIC\nOF THE: TIER 2 WATCH LIST");
        // Ordinary prose on the line before a heading is not taken into the name.
        let text = "the government did so.\nMEXICO: TIER 2\n";
        assert_eq!(find_headings(text)[0].name, "MEXICO");
        // A stray running-header line in capitals is not glued onto the next heading.
        let text = "MEXICO\nMEXICO: TIER 2\n";
        let h = find_headings(text);
        assert_eq!((h.len(), h[0].name.as_str()), (1, "MEXICO"));
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
