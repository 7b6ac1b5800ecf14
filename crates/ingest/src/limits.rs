//! Limits that keep hostile input from costing more than a clear error: how deep HTML may
//! nest and how long a line of plain text may be. Both are checked on the raw text before
//! any parser runs, so a page of 100,000 nested elements or a 10 MB single line is refused
//! in linear time with the byte range where it goes wrong.

use crate::error::ErrorKind;
use tierwatch_model::TextRange;

/// Deepest HTML nesting accepted. state.gov and document-database pages nest under 100;
/// unclosed `<p>`/`<li>` (which a browser closes itself) are not counted.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// Longest line of plain text accepted: the longest paragraph of the corpus is under 10 KiB.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// Elements that never contain others (void) or that the parser closes by itself.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup",
];

/// The first start tag at which open elements exceed `MAX_HTML_DEPTH`, as an error with its range.
pub fn check_html_depth(src: &str) -> Result<(), (TextRange, ErrorKind)> {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let at = i + off;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, at, b"-->").map(|e| e + 3).unwrap_or(b.len());
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(close);
        let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let end = find(b, at, b">").map(|e| e + 1).unwrap_or(b.len());
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = src[name_start..name_start + name_len].to_ascii_lowercase();
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !NOT_NESTING.contains(&name.as_str()) {
            if close {
                depth = depth.saturating_sub(1);
            } else if !self_closing {
                depth += 1;
                if depth > MAX_HTML_DEPTH {
                    return Err((TextRange::new(at, end), ErrorKind::TooDeep { limit: MAX_HTML_DEPTH }));
                }
            }
        }
        if !close && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: nothing inside is markup.
            let closing = format!("</{name}");
            let lower = src[end..].to_ascii_lowercase();
            i = lower.find(&closing).map(|c| end + c).unwrap_or(b.len());
            continue;
        }
        i = end;
    }
    Ok(())
}

/// The first line longer than `MAX_LINE_BYTES`, as an error with its range.
pub fn check_line_length(text: &str) -> Result<(), (TextRange, ErrorKind)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let len = line.trim_end_matches(['\n', '\r']).len();
        if len > MAX_LINE_BYTES {
            return Err((TextRange::new(start, start + len), ErrorKind::LineTooLong { bytes: len, limit: MAX_LINE_BYTES }));
        }
        start += line.len();
    }
    Ok(())
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b[from..].windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_at_the_tag_that_goes_too_deep() {
        let page = format!("<html><body>{}</body></html>", "<div>".repeat(100_000));
        let (range, kind) = check_html_depth(&page).unwrap_err();
        assert!(matches!(kind, ErrorKind::TooDeep { .. }));
        assert_eq!(range.slice(&page), "<div>");
        assert_eq!(range.start, "<html><body>".len() + 5 * (MAX_HTML_DEPTH - 2));
    }

    #[test]
    fn ordinary_pages_pass() {
        let page = format!("<html><body>{}<script>if (a<b) {{ '<div>'.repeat(9) }}</script>{}</body></html>", "<p>x".repeat(50_000), "<div>y</div>".repeat(3000));
        assert!(check_html_depth(&page).is_ok());
        assert!(check_html_depth(&format!("{}{}", "<div>".repeat(MAX_HTML_DEPTH - 2), "<br/><img src=x>")).is_ok());
    }

    #[test]
    fn long_lines_are_refused_with_their_range() {
        let text = format!("MEXICO: TIER 2\n{}\nend", "a".repeat(MAX_LINE_BYTES + 1));
        let (range, _) = check_line_length(&text).unwrap_err();
        assert_eq!((range.start, range.len()), (15, MAX_LINE_BYTES + 1));
        assert!(check_line_length("short\nlines\r\n").is_ok());
    }
}
