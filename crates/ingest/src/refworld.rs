//! Document-database (Refworld-style) text exports: metadata lines, then the narrative,
//! then site boilerplate ("Search Refworld") that is kept out of the body.

use regex::Regex;
use std::sync::LazyLock;
use tierwatch_model::TextRange;

/// Metadata parsed from the export's header lines.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RefworldHeader {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// ISO date.
    pub publication_date: Option<String>,
    pub cite_as: Option<String>,
    pub last_updated: Option<String>,
    /// The report year named in the title ("... 2007 Trafficking in Persons Report - Mexico").
    pub title_year: Option<u16>,
    /// The country named at the end of the title.
    pub title_country: Option<String>,
    /// Where the narrative body starts (after the last metadata line).
    pub body_start: usize,
    /// Where the narrative body ends (before trailing site boilerplate).
    pub body_end: usize,
}

static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?m)^[ \t]*(Last Updated:|Publisher|Author|Publication Date|Cite as|Disclaimer)[ \t:]*(.*?)\r?$").unwrap()
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?m)^[^\n]*?\b((?:19|20)\d\d) Trafficking in Persons Report(?:\s*[-–—:]\s*(?P<country>[^\n]+?))?[ \t]*\r?$").unwrap()
});
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?m)^[ \t]*(Search Refworld|Countries\s*$|Related Documents|Copyright notice:)").unwrap()
});

/// True when the text looks like a document-database export (header fields present).
pub fn is_refworld(text: &str) -> bool {
    let head = &text[..floor_char_boundary(text, 4000)];
    let fields: Vec<String> = FIELD.captures_iter(head).map(|c| c[1].to_string()).collect();
    fields.iter().any(|f| f == "Publisher") && fields.iter().any(|f| f == "Cite as" || f == "Publication Date")
}

/// Parse the header fields and find the body's bounds.
pub fn parse_header(text: &str) -> RefworldHeader {
    let mut h = RefworldHeader { body_end: text.len(), ..Default::default() };
    let head_end = floor_char_boundary(text, 6000);
    for caps in FIELD.captures_iter(&text[..head_end]) {
        let value = caps[2].trim().to_string();
        let value = (!value.is_empty()).then_some(value);
        match &caps[1] {
            "Last Updated:" => h.last_updated = value,
            "Publisher" => h.publisher = value,
            "Author" => h.author = value,
            "Publication Date" => h.publication_date = value.as_deref().and_then(parse_date),
            "Cite as" => h.cite_as = value,
            _ => {}
        }
        h.body_start = h.body_start.max(caps.get(0).unwrap().end());
    }
    if let Some(caps) = TITLE.captures(&text[..head_end]) {
        h.title = Some(caps[0].trim().to_string());
        h.title_year = caps[1].parse().ok();
        h.title_country = caps.name("country").map(|m| m.as_str().trim().to_string());
    }
    if let Some(m) = TRAILER.find_at(text, h.body_start) {
        h.body_end = m.start();
    }
    h
}

/// The body range, trimmed of surrounding whitespace.
pub fn body_range(text: &str, h: &RefworldHeader) -> TextRange {
    TextRange::new(h.body_start, h.body_end.max(h.body_start)).trim(text)
}

/// "12 June 2007" -> "2007-06-12".
pub fn parse_date(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ];
    let parts: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|p| !p.is_empty()).collect();
    let (day, month, year) = match parts.as_slice() {
        [d, m, y, ..] if d.chars().all(|c| c.is_ascii_digit()) => (*d, *m, *y),
        [m, d, y, ..] => (*d, *m, *y),
        _ => return None,
    };
    let month = MONTHS.iter().position(|m| m.starts_with(&month.to_ascii_lowercase()) && month.len() >= 3)? + 1;
    let day: u32 = day.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    (1..=31).contains(&day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates() {
        assert_eq!(parse_date("12 June 2007").as_deref(), Some("2007-06-12"));
        assert_eq!(parse_date("June 12, 2007").as_deref(), Some("2007-06-12"));
        assert_eq!(parse_date("sometime"), None);
    }
}
