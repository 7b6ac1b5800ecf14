//! Numbers as the reports write them: digits with thousands separators ("1,814") and
//! number words ("eight", "Twenty-three", "none").

use std::sync::LazyLock;

use regex::Regex;

/// A number found in a sentence (offsets relative to the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: i64,
    /// Written with digits (as opposed to words).
    pub digits: bool,
}

const UNITS: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The value of a number word or hyphenated compound ("twenty-three"), case-insensitive.
pub fn word_value(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    if w == "none" || w == "no" {
        return Some(0);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as i64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == w) {
        return Some(i as i64 * 10);
    }
    let (t, u) = w.split_once('-')?;
    let t = TENS.iter().position(|x| !x.is_empty() && *x == t)? as i64;
    let u = UNITS.iter().position(|x| *x == u).filter(|&i| (1..10).contains(&i))? as i64;
    Some(t * 10 + u)
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words = format!(
        r"(?i)\b(?:(?:{t})-(?:one|two|three|four|five|six|seven|eight|nine)|{u}|{t}|none)\b",
        t = TENS[2..].join("|"),
        u = UNITS.join("|"),
    );
    tierwatch_model::pattern::regex(&format!(r"(?P<d>\b\d{{1,3}}(?:,\d{{3}})+\b|\b\d+\b)|(?P<w>{words})")).unwrap()
});

/// Every number in `s`, in order. Decimal parts ("6.7") are reported as not-a-count by
/// leaving them out: a digit run followed by ".<digit>" or preceded by "<digit>." is skipped.
pub fn numbers(s: &str) -> Vec<NumberMention> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // the span alone tells which alternative matched (see `digit_alternative`), so the
    // pattern runs without its capture groups
    for m in NUMBER.find_iter(s) {
        if digit_alternative(m.as_str()) {
            let (a, e) = (m.start(), m.end());
            let decimal_after = e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_digit();
            let decimal_before = a >= 2 && b[a - 1] == b'.' && b[a - 2].is_ascii_digit();
            if decimal_after || decimal_before {
                continue;
            }
            let value: i64 = match m.as_str().replace(',', "").parse() {
                Ok(v) => v,
                Err(_) => continue,
            };
            out.push(NumberMention { start: a, end: e, value, digits: true });
        } else if let Some(v) = word_value(m.as_str()) {
            out.push(NumberMention { start: m.start(), end: m.end(), value: v, digits: false });
        }
    }
    out
}

/// Whether a match of [`NUMBER`] is its digits alternative (group `d`), not a number word
/// (group `w`): digits begin with a decimal digit, words with a letter, and no letter is a
/// digit.
fn digit_alternative(matched: &str) -> bool {
    !matched.chars().next().is_some_and(char::is_alphabetic)
}

/// A year 1990..=2030 written as four digits.
pub fn is_year(n: &NumberMention) -> bool {
    n.digits && n.end - n.start == 4 && (1990..=2030).contains(&n.value)
}

/// Ordinal words used for consecutive years ("fourth consecutive year").
pub fn ordinal_value(w: &str) -> Option<i64> {
    const ORD: [&str; 11] =
        ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    let w = w.to_ascii_lowercase();
    if let Some(i) = ORD.iter().position(|o| !o.is_empty() && *o == w) {
        return Some(i as i64);
    }
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    word_value(&w).filter(|v| *v > 0)
}

#[cfg(test)]
mod tests {
    /// The span of a match tells its group, as the capture groups would, on every corpus
    /// chapter and on digits and letters outside ASCII.
    #[test]
    fn a_matchs_span_tells_its_group() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
        let mut texts: Vec<String> = std::fs::read_dir(dir).unwrap().map(|f| String::from_utf8_lossy(&std::fs::read(f.unwrap().path()).unwrap()).into_owned()).collect();
        texts.push("\u{663}\u{664} cases, \u{17F}ix victims, SEVEN, 1,234 and 12,34 and twenty-one".into());
        let mut seen = 0;
        for t in &texts {
            for c in super::NUMBER.captures_iter(t) {
                let m = c.get(0).unwrap();
                assert_eq!(super::digit_alternative(m.as_str()), c.name("d").is_some(), "{:?}", m.as_str());
                seen += 1;
            }
        }
        assert!(seen > 10_000, "{seen}");
    }

    use super::*;

    #[test]
    fn words_and_digits() {
        let s = "Twenty-three of 31 states, 1,814 victims, eight cases, none in 2016, 6.7 million";
        let v: Vec<i64> = numbers(s).iter().map(|n| n.value).collect();
        assert_eq!(v, vec![23, 31, 1814, 8, 0, 2016]);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_value("fourth"), Some(4));
        assert_eq!(ordinal_value("3rd"), Some(3));
        assert_eq!(ordinal_value("four"), Some(4));
    }
}
