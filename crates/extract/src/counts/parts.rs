//! Where a sentence breaks a count down into parts. The reports write a total, then its
//! parts in a dash pair ("14 suspected trafficking cases—eight cases of forced labor, two sex
//! trafficking cases…—compared with 19"), in brackets after the total ("27 victims (10 of sex
//! trafficking, three of forced labor)"), after a colon, or after "including" / "of whom" /
//! "among them". A number inside such a zone is a part of the total stated before it, unless
//! it is a comparison of its own ("(16 in 2016)"), which the caller decides.
//!
//! Zones are found from punctuation and a few function words, never from what is counted:
//! a zone opens only after a number, and closes at the matching mark, a clause end, a
//! comparison cue ("compared with", "an increase from") or a new action ("…, and prosecuted").
//! The dashes as the corpus writes them are recognised here only ([`dash_count`],
//! [`after_last_dash`] for the other count modules).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Dashes as the corpus writes them: em and en dashes, "--", and "Š" (a dash lost in PDF
/// extraction).
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | 'Š' | '―')
}

/// How many dashes `s` holds ([`is_dash`] marks, and runs of two or more hyphens, each run one
/// dash): an odd number before a point means the point is inside a dashed aside.
pub(super) fn dash_count(s: &str) -> usize {
    let marks = s.chars().filter(|&c| is_dash(c)).count();
    let runs = s.split(|c| c != '-').filter(|run| run.len() >= 2).count();
    marks + runs
}

/// Where the words after the last dash of `s` start, if `s` holds a dash.
pub(super) fn after_last_dash(s: &str) -> Option<usize> {
    let last_mark = s.char_indices().filter(|&(_, c)| is_dash(c)).map(|(i, c)| i + c.len_utf8()).next_back();
    let last_run = s.rfind("--").map(|i| i + 2);
    last_mark.max(last_run)
}

/// Whether the bracket opening right before `at` ends on a period ("(25 cases with 97
/// suspects in 2016)"): a comparison, whatever its numbers' nouns.
pub(super) fn dated_bracket(t: &str, at: usize) -> bool {
    let before = t[..at].trim_end();
    let Some(open) = before.strip_suffix('(') else { return false };
    let Some(close) = t[at..].find(')') else { return false };
    let inner = &t[at..at + close];
    if !DATED_END.is_match(inner) {
        return false;
    }
    // "147 prosecutions in 2016 (135 under the old penal code, ... in 2016)": the bracket
    // restates the year of the count before it, so it breaks that count down
    let year_of = |s: &str| YEAR_AT_END.captures(s).map(|c| c["y"].to_string());
    !matches!((year_of(open), year_of(inner)), (Some(a), Some(b)) if a == b)
}

static YEAR_AT_END: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b(?:in|during|for)\s+(?:FY\s*)?(?P<y>(?:19|20)\d\d)\s*$").unwrap());

/// A bracket's content ending on a period: "... in 2016", "... the previous year".
static DATED_END: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)(?:\b(?:in|during|for)\s+(?:both\s+)?(?:FY\s*)?(?:19|20)\d\d|\b(?:previous|prior|preceding)\s+(?:\w+\s+)?(?:year|reporting\s+period))\s*$").unwrap()
});

static OPENER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)\b(?:including|include[ds]\s+(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)|of\s+whom|of\s+which|among\s+them|among\s+whom|comprising|consisting\s+of)\b").unwrap()
});
/// What ends a zone opened by a word or a single dash.
static CLOSER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i);|\bcompared\b|\bversus\b|\ban?\s+(?:\w+\s+)?(?:increase|decrease|rise|drop|decline)\b|\b(?:up|down)\s+from\b|,?\s+and\s+(?:also\s+)?(?:investigat|prosecut|convict|identif|indict|charg|initiat|sentenc|secur|obtain)\w*ed\b|,\s+(?:while|whereas|but)\b")
        .unwrap()
});

/// Byte ranges of `t` where numbers are parts of a total stated before.
pub(super) fn zones(t: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let has_number_before = |at: usize| number_before(&t[..at]);
    let mut i = 0;
    while i < t.len() {
        let c = t[i..].chars().next().unwrap();
        let n = c.len_utf8();
        let dash = is_dash(c) || t[i..].starts_with("--");
        let step = if t[i..].starts_with("--") { 2 } else { n };
        // a breakdown starts with a number: "—45 adult females, 111 boys", "(16 for sex
        // trafficking, ...)"; a dash or bracket opening words is an aside ("Ša specialized
        // unit ...Š", "Šinvolving 66 suspects")
        if (dash || c == '(' || c == ':')
            && has_number_before(i)
            && starts_with_number(&t[i + step..])
        {
            let open = i + step;
            let end = if c == '(' {
                t[open..].find(')').map(|p| open + p).unwrap_or(t.len())
            } else {
                // a dash pair closes at the second dash; any zone closes at a closer
                let second = t[open..]
                    .char_indices()
                    .find(|&(_, d)| is_dash(d))
                    .map(|(p, _)| open + p);
                let second = second.or_else(|| t[open..].find("--").map(|p| open + p));
                let closer = CLOSER.find(&t[open..]).map(|m| open + m.start());
                [second, closer]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap_or(t.len())
            };
            // "(25 cases with 97 suspects in 2016)": a bracket that ends on its year is a
            // comparison, not a breakdown
            if !(c == '(' && DATED_END.is_match(&t[open..end])) {
                out.push(open..end);
            }
            // step over the closing mark, which opens nothing
            i = end.max(open);
            if let Some(d) = t[i..].chars().next().filter(|&d| is_dash(d) || d == ')') {
                i += d.len_utf8();
            } else if t[i..].starts_with("--") {
                i += 2;
            }
            continue;
        }
        i += n;
    }
    for m in OPENER_WORDS.find_iter(t) {
        if !has_number_before(m.start()) {
            continue;
        }
        let end = CLOSER
            .find(&t[m.end()..])
            .map(|c| m.end() + c.start())
            .unwrap_or(t.len());
        // "(…, including X)": inside brackets the zone ends with them
        let open_brackets = t[..m.start()].matches('(').count() > t[..m.start()].matches(')').count();
        let end = if open_brackets { t[m.end()..end].find(')').map(|p| m.end() + p).unwrap_or(end) } else { end };
        out.push(m.end()..end);
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A number other than a year, in digits or words, near the end of `before` ("seven cases
/// (five ...").
fn number_before(before: &str) -> bool {
    let mut cut = before.len().saturating_sub(120);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    crate::numbers::numbers(&before[cut..])
        .iter()
        .any(|n| !crate::numbers::is_year(n))
}

/// Whether `s` starts with a number (digits or a number word), after an optional qualifier.
fn starts_with_number(s: &str) -> bool {
    let s = s.trim_start();
    let s = [
        "at least ",
        "about ",
        "approximately ",
        "nearly ",
        "more than ",
        "over ",
        "some ",
        "all ",
    ]
    .iter()
    .find_map(|q| {
        s.get(..q.len())
            .filter(|h| h.eq_ignore_ascii_case(q))
            .map(|_| &s[q.len()..])
    })
    .unwrap_or(s);
    let mut cut = s.len().min(24);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    crate::numbers::numbers(&s[..cut])
        .first()
        .is_some_and(|n| n.start == 0 && !crate::numbers::is_year(n))
}

/// Whether byte `at` lies in one of `zones`.
pub(super) fn inside(zones: &[Range<usize>], at: usize) -> bool {
    zones.iter().any(|z| z.contains(&at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(t: &str) -> Vec<&str> {
        zones(t).into_iter().map(|r| t[r].trim()).collect()
    }

    #[test]
    fn dash_pairs_brackets_and_words() {
        assert_eq!(
            parts("The government investigated 14 casesŠeight cases of forced labor, two sex trafficking casesŠcompared with 19 the previous year."),
            ["eight cases of forced labor, two sex trafficking cases"]
        );
        assert_eq!(parts("It identified 482 victims—45 adult females, 111 boys, and 326 girls—compared with 383."), ["45 adult females, 111 boys, and 326 girls"]);
        assert_eq!(
            parts("Police investigated 30 cases (16 for sex trafficking, five for forced labor)."),
            ["16 for sex trafficking, five for forced labor"]
        );
        assert_eq!(
            parts("Authorities investigated 87 cases, including 63 labor trafficking and 24 sex trafficking cases, in 2020, compared with 137 cases in 2019."),
            ["63 labor trafficking and 24 sex trafficking cases, in 2020,"]
        );
        assert_eq!(parts("It initiated 25 investigations—23 for sex trafficking and two for begging—and prosecuted 40 traffickers."), ["23 for sex trafficking and two for begging"]);
        assert_eq!(parts("It accommodated 35 victims, including five potential victims and two victims identified in 2016."), ["five potential victims and two victims identified in 2016."]);
    }

    #[test]
    fn multibyte_text_after_a_mark_is_safe() {
        // a breakdown whose first characters are multi-byte ("Š" is two bytes)
        let _ = zones("It identified 12 victimsŠŠŠŠŠŠŠŠŠŠŠŠŠŠ and 3 (éééééééééééééééééé) more.");
    }

    #[test]
    fn no_zone_without_a_number_before_it() {
        assert!(parts("The law—amended in 2012—prescribes penalties (fines and imprisonment), including for attempts.").is_empty());
    }
}
