//! Byte-length-preserving normalisation of PDF extraction noise.
//!
//! Extractors match against a copy of the document text in which noise is replaced by
//! ASCII of the *same byte length*, so every byte offset found in the copy is a valid
//! offset into the original text (quotes are always cut from the original):
//! - "Š" (a dash in the 2018 PDF dump) becomes "--"; other dashes become "-" runs;
//! - "ﬁ"/"ﬂ" (quotation marks in the dump) and curly quotes become a quote plus spaces;
//! - running headers glued into a sentence ("involving 302MEXICOorganized crime",
//!   "65AFGHANISTANmore") become spaces.

use std::sync::LazyLock;

use regex::Regex;

/// The normalised copy of `text`; `result.len() == text.len()` and char boundaries of
/// ASCII replacements line up with the original's.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        let n = ch.len_utf8();
        match ch {
            'Š' | '–' | '—' | '‒' | '―' => push_padded(&mut out, "-", n, '-'),
            'ﬁ' | 'ﬂ' | '“' | '”' => push_padded(&mut out, "\"", n, ' '),
            '’' | '‘' => push_padded(&mut out, "'", n, ' '),
            '\u{a0}' => push_padded(&mut out, " ", n, ' '),
            _ => out.push(ch),
        }
    }
    strip_running_headers(&mut out);
    debug_assert_eq!(out.len(), text.len());
    out
}

fn push_padded(out: &mut String, s: &str, len: usize, pad: char) {
    out.push_str(s);
    for _ in s.len()..len {
        out.push(pad);
    }
}

/// A page number followed by an upper-case running header glued to the next word.
static HEADER: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"\b\d{1,3}[A-Z][A-Z ,.'()\-]{2,}[A-Z]").unwrap());

/// The matches of [`HEADER`] in `s`, the same as `HEADER.find_iter(s)`, with the pattern
/// run only from where a match can begin. Every match holds a digit followed by a capital
/// letter within its first four bytes (up to three digits, then `[A-Z]`), so from the first
/// such pair at or after where the last search ended, a match can start no earlier than two
/// bytes before it; `find_at` from there (which sees the text before it, for `\b`) returns
/// the next match of the whole text. A chapter is mostly prose without such pairs, which a
/// byte scan skips faster than the pattern can.
fn header_matches(s: &str) -> Vec<regex::Match<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(pair) = (at..b.len().saturating_sub(1)).find(|&i| b[i].is_ascii_digit() && b[i + 1].is_ascii_uppercase()) {
        let mut from = pair.saturating_sub(2).max(at);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let Some(m) = HEADER.find_at(s, from) else { break };
        at = m.end();
        out.push(m);
    }
    out
}

fn strip_running_headers(s: &mut String) {
    let reg = tierwatch_model::CountryRegistry::embedded();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in header_matches(s) {
        let digits = m.as_str().bytes().take_while(u8::is_ascii_digit).count();
        let caps = &m.as_str()[digits..];
        let next = s[m.end()..].chars().next();
        let mut end = m.end();
        if next.is_some_and(|c| c.is_ascii_lowercase()) {
            // "302MEXICOorganized" vs "302MEXICOThe": the last capital may begin a word.
            let shorter = &caps[..caps.len() - 1];
            if reg.lookup(caps).is_none() && reg.lookup(shorter).is_some() {
                end -= 1;
            }
        } else if caps.trim().len() < 4 || reg.lookup(caps.trim()).is_none() {
            // "12 NGOS" or an acronym after a number: only a known header stands alone
            continue;
        }
        spans.push((m.start(), end));
    }
    if spans.is_empty() {
        return;
    }
    // The spans cover ASCII bytes only (digits and [A-Z ,.'()-]).
    let mut bytes = std::mem::take(s).into_bytes();
    for (a, b) in spans {
        for x in &mut bytes[a..b] {
            *x = b' ';
        }
    }
    *s = String::from_utf8(bytes).expect("ASCII replaced by ASCII");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_removes_noise() {
        let t = "identified 667 victims in 2017Š429 for sex ﬁcasesﬂ involving 302MEXICOorganized crime.";
        let n = normalize(t);
        assert_eq!(n.len(), t.len());
        assert!(n.contains("2017--429"));
        assert!(n.contains(&format!("involving{}organized", " ".repeat(10))), "{n}");
        assert!(n.contains("\"  cases\"  "));
    }

    #[test]
    fn a_capitalised_word_after_the_header_keeps_its_capital() {
        let n = normalize("cases 65AFGHANISTANThe government");
        assert!(n.ends_with("  The government"), "{n}");
    }

    #[test]
    fn header_matches_are_the_patterns_matches() {
        let texts = [
            "in 2017. 302MEXICOorganized and 65AFGHANISTANThe and 1234ABCD and x12ABCD, 9AB, 7ABCD 88 NGOS",
            "ü5ABCDE 5ÜABCD 12345KOREA, REPUBLIC OF 257KOREA, REPUBLIC OFthe 1A2BCDE 3ABC 44ABCDEFG",
            "",
            "5",
            "no digits here at all",
        ];
        for t in texts {
            let theirs: Vec<_> = HEADER.find_iter(t).map(|m| m.range()).collect();
            let ours: Vec<_> = header_matches(t).into_iter().map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{t}");
        }
        assert_eq!(header_matches(texts[0]).len(), 3, "the cases above do match");
        // and over every corpus chapter, normalised as `normalize` does before it looks
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
        let mut seen = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let t = String::from_utf8_lossy(&std::fs::read(f.unwrap().path()).unwrap()).into_owned();
            let theirs: Vec<_> = HEADER.find_iter(&t).map(|m| m.range()).collect();
            assert_eq!(header_matches(&t).into_iter().map(|m| m.range()).collect::<Vec<_>>(), theirs);
            seen += theirs.len();
        }
        assert!(seen > 100, "the corpus has running headers: {seen}");
    }

    #[test]
    fn ordinary_numbers_survive() {
        let t = "The government investigated 12 cases in 2017. In 2016 ICE agents";
        assert_eq!(normalize(t), t);
    }
}
