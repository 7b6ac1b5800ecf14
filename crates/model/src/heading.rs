//! The one grammar of chapter heading lines, used by the readers (to split and name chapters)
//! and by the tier extractor (to turn the heading into a fact). Every form the reports have
//! used, 2001-2025, in any letter case:
//!
//! - colon form: `MEXICO: TIER 2`, `NEPAL: Tier 2`, `YEMEN: SPECIAL CASE` (2010-2021);
//! - bracket form: `Mexico (Tier 2 Watch List)`, `HONDURAS (TIER 2)`, `Yemen (Special Case)`;
//! - the words reversed: `SPECIAL CASE: LIBYA`, `Tier 2: Nepal`;
//! - an asterisk after the tier, `UZBEKISTAN (Tier 3*)`: the automatic downgrade (2013-2014);
//! - a bare tier line (`Tier 3`) whose country the page title or first sentence names;
//! - headings broken by PDF extraction: the name over two lines ("CONGO, DEMOCRATIC REPUBLIC"
//!   / "OF THE: TIER 2"), "TIER 2 WATCH" / "LIST", or "TIER 2" / "WATCH LIST" with the second
//!   half glued to the next paragraph.
//!
//! A heading is a whole line: a country name glued into a sentence by a page header
//! ("involving 302MEXICOorganized crime") is never one. Country names are checked against
//! the registry only where the form is ambiguous (the reversed form, overlapping candidates).

use crate::{CountryRegistry, TextRange, Tier};
use regex::Regex;
use std::sync::LazyLock;

/// Which way the heading was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `NAME: TIER 2`
    Colon,
    /// `Name (Tier 2)`
    Parenthesized,
    /// `SPECIAL CASE: NAME`
    TierFirst,
    /// `Tier 3` alone on its line; the country is named elsewhere.
    Bare,
}

/// A chapter heading line found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterHeading {
    /// The heading, without its line break (two lines for a broken heading).
    pub range: TextRange,
    /// The country name as written, whitespace folded; empty for a bare tier line.
    pub name: String,
    pub tier: Tier,
    /// `(Tier 3*)`: the report marks the automatic downgrade with an asterisk.
    pub asterisk: bool,
    pub style: HeadingStyle,
}

impl ChapterHeading {
    /// Whether the heading itself says the country was moved to Tier 3 by the automatic
    /// downgrade (the asterisk the 2013 and 2014 reports put on such placements).
    pub fn marks_auto_downgrade(&self) -> bool {
        self.asterisk && self.tier == Tier::Tier3
    }
}

/// A tier label: "Tier 2 Watch List", "TIER 3*", "Special Case", "Tier Two".
const TIER: &str = r"(?:TIER[ \t]+(?:[123]|ONE|TWO|THREE)(?:[ \t]+WATCH\s*LIST)?|SPECIAL[ \t]+CASE)(?:[ \t]*\*)?";
/// A name on a heading line: no colon or brackets, at most 70 characters, and at most one
/// bracketed qualifier after it ("CONGO (KINSHASA) (Tier 2)", "Burma (Myanmar): Tier 3").
const NAME: &str = r"[^\s:()\[\]][^\n:()\[\]]{0,70}?(?:[ \t]*\([^\n:()\[\]]{1,60}\))?";

static COLON: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(&format!(r"(?mi)^[ \t]*(?P<name>{NAME})[ \t]*:[ \t]*(?P<tier>{TIER})[ \t]*\r?$")).unwrap());
/// A colon heading whose country name broke across two lines: capitals only, so prose never
/// matches.
static COLON_BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"(?m)^[ \t]*(?P<name>[A-Z][A-Z .,'’\-]{{1,60}}\r?\n[ \t]*[A-Z][A-Z .,'’\-]{{0,40}}?)[ \t]*:[ \t]*(?P<tier>(?i:{TIER}))[ \t]*\r?$"
    ))
    .unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(r"(?mi)^[ \t]*(?P<name>{NAME})[ \t]*[(\[][ \t]*(?P<tier>{TIER})[ \t]*[)\]][ \t]*\r?$")).unwrap()
});
static TIER_FIRST: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(&format!(r"(?mi)^[ \t]*(?P<tier>{TIER})[ \t]*:[ \t]*(?P<name>{NAME})[ \t]*\r?$")).unwrap());
static BARE: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(&format!(r"(?mi)^[ \t]*(?P<tier>{TIER})[ \t]*\r?$")).unwrap());

/// The second half of a broken "TIER 2 WATCH LIST" heading, at the start of what follows.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"^\s*WATCH\s*LIST:?").unwrap());
/// A tier label as written in a heading: the tier and whether it carries an asterisk.
pub fn parse_tier_label(label: &str) -> Option<(Tier, bool)> {
    let asterisk = label.trim_end().ends_with('*');
    let words: String = label
        .to_ascii_lowercase()
        .replace("one", "1")
        .replace("two", "2")
        .replace("three", "3");
    Tier::parse(&words).map(|t| (t, asterisk))
}

/// Every named heading line in `text`, in text order (bare tier lines are not included:
/// see [`bare_tier_line`]).
pub fn find_headings(text: &str) -> Vec<ChapterHeading> {
    find_headings_in(text, &label_windows(text))
}

/// "tier" or "special", in any case: every heading holds one, on the line its tier label
/// starts on.
static LABEL_WORD: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"(?i)tier|special").unwrap());

/// The stretches of `text` a heading can lie in: around each line holding a [`LABEL_WORD`],
/// from the start of the line before it (a name broken over two lines) to the end of the
/// first non-blank line after it ("TIER 2 WATCH" / "LIST", blank lines between), merged where
/// they meet; each starts at a line's start and ends at a line's end. The heading patterns
/// run on these alone — one pass over the text instead of one per pattern — and find what
/// they find on the whole text, since no heading reaches beyond them.
fn label_windows(text: &str) -> Vec<(usize, usize)> {
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut covered = 0; // the label words before this are in the last window's lines
    for m in LABEL_WORD.find_iter(text) {
        if m.start() < covered {
            continue;
        }
        let here = line_start(m.start());
        let start = if here == 0 { 0 } else { line_start(here - 1) };
        let mut end = line_end(m.end());
        covered = end;
        // the blank lines after the label's line, then one more line
        while end < text.len() {
            let next = line_end(end + 1);
            end = next;
            if !text[..next].rsplit('\n').next().unwrap_or("").trim().is_empty() {
                break;
            }
        }
        match windows.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => windows.push((start, end)),
        }
    }
    windows
}

/// [`find_headings`] over the given stretches of `text` (whole lines each, in order).
fn find_headings_in(text: &str, windows: &[(usize, usize)]) -> Vec<ChapterHeading> {
    let registry = CountryRegistry::embedded();
    let mut out = Vec::new();
    let forms = [
        (&*COLON, HeadingStyle::Colon),
        (&*COLON_BROKEN, HeadingStyle::Colon),
        (&*PAREN, HeadingStyle::Parenthesized),
        (&*TIER_FIRST, HeadingStyle::TierFirst),
    ];
    for (re, style) in forms {
        for &(from, to) in windows {
            for caps in re.captures_iter(&text[from..to]) {
                let whole = caps.get(0).unwrap();
                let at = from + whole.start();
                let name = caps["name"].split_whitespace().collect::<Vec<_>>().join(" ");
                // "Tier 3: Countries whose governments ..." in a report's introduction is no
                // chapter: the reversed form must name a country.
                if style == HeadingStyle::TierFirst && registry.lookup(&name).is_none() {
                    continue;
                }
                let Some((mut tier, asterisk)) = parse_tier_label(&caps["tier"]) else { continue };
                let line = whole.as_str().trim_end_matches('\r');
                let start = at + (line.len() - line.trim_start().len());
                let mut end = at + line.trim_end().len();
                if tier == Tier::Tier2 && style != HeadingStyle::TierFirst {
                    // "MEXICO: TIER 2" / "WATCH LISTThe Government ...": the heading broke and its
                    // second half was glued to the next paragraph.
                    if let Some(m) = CONTINUATION.find(&text[end..]) {
                        tier = Tier::Tier2WatchList;
                        end += m.end();
                    }
                }
                out.push(ChapterHeading { range: TextRange::new(start, end), name, tier, asterisk, style });
            }
        }
    }
    out.sort_by_key(|h| h.range.start);
    // The second line of a broken heading also reads as a heading ("OF THE: TIER 2"), and a
    // stray capitals line can read as the first half of one ("MEXICO" / "MEXICO: TIER 2"):
    // of overlapping candidates keep the one that names a known country, else the first.
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

/// A bare tier line ("Tier 3") among the first lines of `text`, before any prose: state.gov
/// pages of some years put the country in the page title and the first sentence instead.
pub fn bare_tier_line(text: &str) -> Option<ChapterHeading> {
    for line in lines(text).take(3) {
        let slice = line.slice(text);
        if slice.trim().is_empty() {
            continue;
        }
        return BARE.captures(slice).and_then(|c| {
            let (tier, asterisk) = parse_tier_label(&c["tier"])?;
            Some(ChapterHeading { range: line.trim(text), name: String::new(), tier, asterisk, style: HeadingStyle::Bare })
        });
    }
    None
}

/// The heading a chapter text starts with: a named heading on its first non-empty line (or
/// two, when broken), else a bare tier line.
pub fn chapter_heading(text: &str) -> Option<ChapterHeading> {
    let first = lines(text).find(|l| !l.slice(text).trim().is_empty())?;
    let mut cut = text.len().min(first.end + 200);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    find_headings(&text[..cut])
        .into_iter()
        .find(|h| h.range.start <= first.end)
        .or_else(|| bare_tier_line(text))
}

/// A short first line that reads like a heading attempt (it names a tier, or is a short
/// line without sentence punctuation) but that the grammar cannot read: its range, for an
/// error naming the line.
pub fn unreadable_heading(text: &str) -> Option<TextRange> {
    let first = lines(text).find(|l| !l.slice(text).trim().is_empty())?;
    let line = first.slice(text).trim();
    let lower = line.to_ascii_lowercase();
    let names_tier = lower.contains("tier") || lower.contains("special case") || lower.contains("watch list");
    let short = line.chars().count() <= 90 && !line.ends_with('.') && !line.contains(". ");
    (names_tier && short && chapter_heading(text).is_none()).then(|| first.trim(text))
}

/// Line ranges of `text`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = TextRange> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        let r = TextRange::new(at, at + l.trim_end_matches(['\n', '\r']).len());
        at += l.len();
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_the_whole_text(t: &str) -> Vec<ChapterHeading> {
        find_headings_in(t, &[(0, t.len())])
    }

    /// The windows find what the patterns find on the whole text, on every corpus and
    /// excerpt file.
    #[test]
    fn the_label_windows_lose_no_heading_of_the_shared_files() {
        let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
        let mut files = 0;
        for dir in ["corpus", "corpus/tip-2018", "corpus/refworld", "excerpts/other-years"] {
            let Ok(entries) = std::fs::read_dir(format!("{shared}/{dir}")) else { continue };
            for e in entries {
                let path = e.unwrap().path();
                if path.is_file() {
                    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                    assert_eq!(find_headings(&text), on_the_whole_text(&text), "{}", path.display());
                    files += 1;
                }
            }
        }
        assert!(files > 170, "only {files} files under {shared}");
    }

    /// Heading pieces, broken lines and blank lines, joined by LF or CRLF.
    const PIECES: [&str; 21] = [
        "MEXICO: TIER 2", "TIER 2 WATCH", "LIST", "WATCH LIST", "", "  ", "CONGO, DEMOCRATIC REPUBLIC", "OF THE: TIER 2 WATCH LIST",
        "OF THE: TIER 2", "Tier 3", "SPECIAL CASE: LIBYA", "TIER 3: LIBYA", "Prose about tier placements.", "Yemen (Special Case)",
        "UZBEKISTAN (Tier 3*)", "NEPAL: Tier 2 Watch", "List", "MEXICO", "HONDURAS (TIER 2", "WATCH LIST)", "x: special case\r",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]
        /// The windows find what the patterns find on the whole text of any six lines of
        /// heading pieces.
        #[test]
        fn the_label_windows_lose_no_heading_of_pieced_texts(
            lines in proptest::collection::vec((proptest::sample::select(&PIECES[..]), proptest::bool::ANY), 6)
        ) {
            let text: String = lines.iter().map(|(piece, crlf)| format!("{piece}{}", if *crlf { "\r\n" } else { "\n" })).collect();
            proptest::prop_assert_eq!(find_headings(&text), on_the_whole_text(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_first_line_followed_by_multibyte_text_does_not_panic() {
        // Found by fuzzing (fuzz/regressions/read_text): the 200-byte window ended inside '’'.
        let text = format!("Tier\n{}’’’’", "a".repeat(196));
        assert!(chapter_heading(&text).is_none());
        assert!(unreadable_heading(&text).is_some());
    }

    fn one(text: &str) -> (String, Tier, bool, HeadingStyle) {
        let h = find_headings(text);
        assert_eq!(h.len(), 1, "{text:?}: {h:?}");
        (h[0].name.clone(), h[0].tier, h[0].asterisk, h[0].style)
    }

    #[test]
    fn every_form_of_the_reports() {
        use HeadingStyle::*;
        use Tier::*;
        let cases = [
            ("MEXICO: TIER 2\n", "MEXICO", Tier2, false, Colon),
            ("NEPAL: Tier 2\n", "NEPAL", Tier2, false, Colon),
            ("THAILAND: Tier 2 Watch List\n", "THAILAND", Tier2WatchList, false, Colon),
            ("YEMEN: SPECIAL CASE\n", "YEMEN", SpecialCase, false, Colon),
            ("Mexico (Tier 2 Watch List)\n", "Mexico", Tier2WatchList, false, Parenthesized),
            ("HONDURAS (TIER 2)\n", "HONDURAS", Tier2, false, Parenthesized),
            ("SAUDI ARABIA (Tier 3)\n", "SAUDI ARABIA", Tier3, false, Parenthesized),
            ("UZBEKISTAN (Tier 3*)\n", "UZBEKISTAN", Tier3, true, Parenthesized),
            ("Yemen (Special Case)\n", "Yemen", SpecialCase, false, Parenthesized),
            ("REPUBLIC OF MOLDOVA (Tier 2)\n", "REPUBLIC OF MOLDOVA", Tier2, false, Parenthesized),
            ("Korea, Democratic People’s Republic of (Tier 3)\n", "Korea, Democratic People’s Republic of", Tier3, false, Parenthesized),
            ("SPECIAL CASE: LIBYA\n", "LIBYA", SpecialCase, false, TierFirst),
            // a qualifier in brackets belongs to the name
            ("CONGO (KINSHASA) (Tier 2)\n", "CONGO (KINSHASA)", Tier2, false, Parenthesized),
            ("Burma (Myanmar): Tier 3\n", "Burma (Myanmar)", Tier3, false, Colon),
        ];
        for (text, name, tier, asterisk, style) in cases {
            assert_eq!(one(text), (name.to_string(), tier, asterisk, style), "{text:?}");
        }
        assert!(find_headings("UZBEKISTAN (Tier 3*)\n")[0].marks_auto_downgrade());
    }

    #[test]
    fn only_whole_lines_are_headings() {
        let text = "Some text involving 302MEXICOorganized crime.\nnot a heading: TIER 2 and more\nThailand (Tier 3*) is a source country.\n";
        assert!(find_headings(text).is_empty());
        // the reversed form names a country, so a report's tier definitions are no chapter
        assert!(find_headings("TIER 3: Countries whose governments do not fully meet\n").is_empty());
    }

    #[test]
    fn a_bare_tier_line_opens_a_page() {
        let text = "Tier 3\n\nThailand (Tier 3*) is a source, destination, and transit country.";
        let h = bare_tier_line(text).unwrap();
        assert_eq!((h.tier, h.asterisk, h.style, h.range.slice(text)), (Tier::Tier3, false, HeadingStyle::Bare, "Tier 3"));
        assert_eq!(chapter_heading(text).unwrap().style, HeadingStyle::Bare);
        assert!(bare_tier_line("The government increased efforts.\nTier 3\n").is_none());
    }

    #[test]
    fn broken_headings_are_one_heading() {
        let text = "Prose before it ends here.\nCONGO, DEMOCRATIC REPUBLIC\nOF THE: TIER 2 WATCH LIST\n\nThe Government of the Democratic Republic of the Congo does not fully meet the minimum standards.\n";
        let h = find_headings(text);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].name, "CONGO, DEMOCRATIC REPUBLIC OF THE");
        assert_eq!(h[0].range.slice(text), "CONGO, DEMOCRATIC REPUBLIC\nOF THE: TIER 2 WATCH LIST");
        assert_eq!(find_headings("the government did so.\nMEXICO: TIER 2\n")[0].name, "MEXICO");
        let h = find_headings("MEXICO\nMEXICO: TIER 2\n");
        assert_eq!((h.len(), h[0].name.as_str()), (1, "MEXICO"));
        let text = "SIERRA LEONE: TIER 2\n\nWATCH LISTThe Government of Sierra Leone does not fully meet the minimum standards.\n";
        let h = find_headings(text);
        assert_eq!((h[0].tier, h[0].range.slice(text)), (Tier::Tier2WatchList, "SIERRA LEONE: TIER 2\n\nWATCH LIST"));
        let text = "CONGO, DEMOCRATIC REPUBLIC OF THE: TIER 2 WATCH\nLIST\n\nThe Government";
        assert_eq!(find_headings(text)[0].tier, Tier::Tier2WatchList);
    }

    #[test]
    fn multibyte_text_near_the_first_line_is_safe() {
        // the look-ahead after the first line must not cut a character in two
        let text = format!("MEXICO: TIER 2\n{}", "é".repeat(150));
        assert_eq!(chapter_heading(&text).map(|h| h.tier), Some(Tier::Tier2));
        let text = format!("x\n{}", "Š".repeat(150));
        assert!(chapter_heading(&text).is_none());
    }

    #[test]
    fn a_line_that_tries_to_be_a_heading_is_named() {
        let text = "UZBEKISTAN (Tier 4)\n\nUzbekistan is a source country.";
        assert_eq!(unreadable_heading(text).map(|r| r.slice(text)), Some("UZBEKISTAN (Tier 4)"));
        assert_eq!(unreadable_heading("UZBEKISTAN (Tier 3*)\n\nUzbekistan is"), None);
        assert_eq!(unreadable_heading("The government maintained law enforcement efforts.\n"), None);
    }
}
