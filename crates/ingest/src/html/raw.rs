//! The text runs of an HTML source as written (between tags, outside comments, scripts and
//! styles), with their byte ranges and their text after entity decoding. The DOM (html5ever)
//! gives text without positions; its text nodes are matched to these runs in order.

use tierwatch_model::TextRange;

/// A run of character data in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub range: TextRange,
    pub decoded: String,
}

/// Every non-empty run of character data, in source order.
pub fn text_runs(src: &str) -> Vec<Run> {
    let b = src.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let tag_end = match skip_markup(src, i) {
            Some(end) => end,
            None => {
                i += 1;
                continue;
            }
        };
        if start < i {
            runs.push(Run { range: TextRange::new(start, i), decoded: decode_entities(&src[start..i]) });
        }
        i = tag_end;
        start = i;
    }
    if start < b.len() {
        runs.push(Run { range: TextRange::new(start, b.len()), decoded: decode_entities(&src[start..]) });
    }
    runs
}

/// If a tag, comment or declaration starts at `i`, where it (or a raw-text element it opens) ends.
fn skip_markup(src: &str, i: usize) -> Option<usize> {
    let rest = &src[i..];
    let next = rest.as_bytes().get(1).copied()?;
    if rest.starts_with("<!--") {
        return Some(rest.find("-->").map(|e| i + e + 3).unwrap_or(src.len()));
    }
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
        return None;
    }
    let end = tag_end(src, i);
    let name: String = rest[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    if matches!(name.as_str(), "script" | "style" | "textarea" | "title" | "noscript" | "template") {
        let close = format!("</{name}");
        let lower = src[end..].to_ascii_lowercase();
        return Some(match lower.find(&close) {
            Some(c) => tag_end(src, end + c),
            None => src.len(),
        });
    }
    Some(end)
}

/// The byte after the `>` closing the tag at `i` (quotes respected).
fn tag_end(src: &str, i: usize) -> usize {
    let mut quote = None;
    for (k, c) in src[i..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + k + 1,
            _ => {}
        }
    }
    src.len()
}

/// Decode character references (numeric and the named ones narratives use); `\r\n` -> `\n`.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1).unwrap_or(rest.len());
        let name = &rest[1..end];
        let with_semi = rest[end..].starts_with(';');
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[end + usize::from(with_semi)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("\r\n", "\n").replace('\r', "\n")
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ocirc" => 'ô',
        "agrave" => 'à',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "OElig" => 'Œ',
        "fnof" => 'ƒ',
        "sbquo" => '‚',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_skip_tags_comments_and_scripts() {
        let src = "<p class=\"a>b\">Hi &amp; bye</p><!-- <p>x</p> --><script>if (a<b) {}</script>\r\n<b>Côte</b>";
        let runs = text_runs(src);
        let texts: Vec<&str> = runs.iter().map(|r| r.decoded.as_str()).collect();
        assert_eq!(texts, ["Hi & bye", "\n", "Côte"]);
        assert_eq!(runs[0].range.slice(src), "Hi &amp; bye");
        assert_eq!(decode_entities("&#8217;&#x2019;&rsquo; &unknown; a&b"), "’’’ &unknown; a&b");
    }
}
