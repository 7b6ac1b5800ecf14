//! HTML pages: state.gov country pages (a "MEXICO: Tier 2" line, section headings as
//! `<h2>`/`<h3>`/`<strong>`, paragraphs as `<p>`) and document-database (Refworld) pages
//! (a metadata table: Publisher, Author, Publication Date, Cite as; then the body).
//!
//! The page is parsed with html5ever (`scraper`), its content flattened to lines
//! (`flatten`) and assembled into the shape of a text chapter (`crate::shape`), which the
//! text readers then read; the source map points at the bytes of the text nodes.

pub mod flatten;
pub mod links;
pub mod raw;

use crate::decode::Decoded;
use crate::error::{ErrorKind, IngestError};
use tierwatch_model::heading::find_headings;
use crate::origin::{Origin, Spans};
use crate::read::{read_chapters, read_refworld, ReadOptions, ReadOutput, Text};
use crate::refworld;
use crate::shape::{assemble, Line};
use regex::Regex;
use scraper::{Html, Selector};
use std::sync::LazyLock;
use tierwatch_model::DocumentFormat;

pub use links::country_links;

/// True when a decoded text is an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
}

/// Lines after the narrative that are page furniture left inside the content element.
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    tierwatch_model::pattern::regex(r"(?i)^(back to top|tags|related (articles|documents|reports|content)|share this( page)?|print this page|search refworld)\s*:?$").unwrap()
});
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| tierwatch_model::pattern::regex(r"(?i)\b((?:19|20)\d\d) Trafficking in Persons Report\b").unwrap());

/// Read one HTML page into documents.
pub fn read_html(d: &Decoded, path: &str, opts: &ReadOptions) -> Result<ReadOutput, IngestError> {
    crate::limits::check_html_depth(&d.text).map_err(|(r, k)| IngestError::at(path, d.source_range(r), k))?;
    let doc = Html::parse_document(&d.text);
    let positions = flatten::text_positions(&doc, &d.text);
    let mut chosen = None;
    for sel in ["main", "[role=main]", "article", "body"] {
        let Some(root) = doc.select(&Selector::parse(sel).expect("valid selector")).next() else { continue };
        let lines = flatten::flatten(*root, &positions);
        let text = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        let bare = lines.iter().take(3).any(|l| tierwatch_model::heading::bare_tier_line(&l.text).is_some());
        if refworld::is_refworld(&text) || bare || lines.iter().any(Line::is_chapter_heading) {
            chosen = Some(lines);
            break;
        }
    }
    let Some(lines) = chosen else {
        return Err(IngestError::new(
            path,
            ErrorKind::NotANarrative {
                reason: "an HTML page with no narrative (no \"COUNTRY: Tier N\" line and no document-database metadata)".into(),
            },
        ));
    };
    let lines = drop_trailer(lines);
    // Source ranges so far are in decoded-text bytes; take them to file bytes.
    let mut flat: Spans = assemble(&lines);
    for s in &mut flat.spans {
        s.source = d.source_range(s.source);
    }
    let title = page_title(&doc);
    let stated = title.as_deref().and_then(|t| TITLE_YEAR.captures(t)).and_then(|c| c[1].parse::<u16>().ok());
    let text = Text {
        text: &flat.text,
        origin: &flat,
        format: Some(DocumentFormat::Html),
        stated_year: stated.map(|y| (y, "page title")),
        title: title.as_deref(),
    };
    let mut out = ReadOutput::default();
    if refworld::is_refworld(&flat.text) {
        out.documents.push(read_refworld(&text, path, opts)?);
    } else {
        read_chapters(&text, path, opts, &mut out)?;
    }
    Ok(out)
}

/// The page's `<title>`, else its first `<h1>`.
fn page_title(doc: &Html) -> Option<String> {
    ["title", "h1"].iter().find_map(|s| {
        let sel = Selector::parse(s).expect("valid selector");
        doc.select(&sel).next().map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// Cut the lines at the first furniture line after the chapter heading.
fn drop_trailer(mut lines: Vec<Line>) -> Vec<Line> {
    let first = lines.iter().position(|l| l.is_chapter_heading() || !find_headings(&l.text).is_empty()).unwrap_or(0);
    if let Some(cut) = lines.iter().skip(first).position(|l| TRAILER.is_match(&l.text)) {
        lines.truncate(first + cut);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn a_page_without_a_narrative_is_an_error() {
        let page = "<!DOCTYPE html><html><body><nav>MEXICO: TIER 2</nav><p>Welcome to our site.</p></body></html>";
        let err = read_html(&decode(page.as_bytes()).unwrap(), "x.html", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("x.html") && err.to_string().contains("no narrative"), "{err}");
    }

    #[test]
    fn a_2014_page_with_a_bare_tier_line_names_its_country_in_the_title() {
        let page = "<html><head><title>Thailand | 2014 Trafficking in Persons Report</title></head><body><main>\
            <p>Tier 3</p><p>Thailand (Tier 3*) is a source, destination, and transit country for men, women, and children subjected to forced labor and sex trafficking.</p>\
            <p>The Government of Thailand does not fully comply with the minimum standards for the elimination of trafficking.</p></main></body></html>";
        let out = read_html(&decode(page.as_bytes()).unwrap(), "x.html", &ReadOptions::default()).unwrap();
        let d = &out.documents[0];
        assert_eq!((d.metadata.iso3.as_str(), d.metadata.stated_tier, d.metadata.report_year.unwrap().get()), ("THA", Some(tierwatch_model::Tier::Tier3), 2014));
        assert!(d.text.starts_with("Tier 3\n\nThailand (Tier 3*)"), "{}", d.text);
        assert!(out.notes.iter().any(|n| n.contains("page title")), "{:?}", out.notes);
    }

    #[test]
    fn text_maps_back_to_the_text_node_bytes() {
        let page = "<html><head><title>2018 Trafficking in Persons Report: Mexico</title><script>var a = '<p>x</p>';</script></head>\
            <body><header>Menu</header><main><h1>Mexico</h1><p><strong>MEXICO: Tier 2</strong></p>\
            <p>The   government &amp; others\n fought trafficking.</p><h3>PROSECUTION</h3><p>Traffickers were convicted.</p></main>\
            <footer>Back to top</footer></body></html>";
        let out = read_html(&decode(page.as_bytes()).unwrap(), "x.html", &ReadOptions::default()).unwrap();
        let d = &out.documents[0];
        assert_eq!(d.text, "MEXICO: Tier 2\n\nThe government & others fought trafficking.\n\nPROSECUTION\nTraffickers were convicted.");
        assert_eq!((d.format, d.metadata.iso3.as_str(), d.metadata.report_year.unwrap().get()), (DocumentFormat::Html, "MEX", 2018));
        let at = d.text.find("Traffickers were").unwrap();
        let (src, _) = d.source_map.to_source(tierwatch_model::TextRange::new(at, at + 11)).unwrap();
        assert_eq!(src.slice(page), "Traffickers");
        let amp = d.text.find('&').unwrap();
        let (src, _) = d.source_map.to_source(tierwatch_model::TextRange::new(amp, amp + 1)).unwrap();
        assert!(src.slice(page).contains("&amp;"), "{}", src.slice(page));
    }
}
