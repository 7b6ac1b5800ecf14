//! The same chapter as text, as a state.gov-style HTML page and inside a multi-chapter PDF
//! yields the same sections, sentences and facts; HTML provenance points at the page's
//! bytes and PDF provenance names the printed page.

mod common;

use common::*;
use tierwatch_ingest::testgen::html::{refworld_page, state_gov_page};
use tierwatch_ingest::testgen::pdf::{report_pdf, PdfOptions};
use tierwatch_model::{DocumentFormat, TextRange};

/// Chapters with all their headings, one with none, Tier 1 to 3 and a watch list.
const PDF_CHAPTERS: [(&str, &str); 6] = [
    ("albania", "Albania"),
    ("burundi", "Burundi"),
    ("colombia", "Colombia"),
    ("eswatini", "Eswatini"),
    ("micronesia-federated-states-of", "Micronesia"),
    ("philippines", "Philippines"),
];
/// HTML takes chapters with the extraction noise ("ﬁ" quotes, glued page headers) too.
const HTML_CHAPTERS: [(&str, &str); 6] = [
    ("mexico", "Mexico"),
    ("albania", "Albania"),
    ("korea-democratic-people-s-republic-of", "North Korea"),
    ("libya", "Libya"),
    ("philippines", "Philippines"),
    ("burma", "Burma"),
];

#[test]
fn html_pages_give_the_same_sections_and_facts_as_the_text() {
    for (i, (slug, country)) in HTML_CHAPTERS.iter().enumerate() {
        let text = chapter(slug);
        let from_text = &read(text.as_bytes(), &format!("tip-2018/{slug}.txt"))[0];
        let page = state_gov_page(&text, country, 2018, i % 3);
        let from_html = read(page.as_bytes(), &format!("pages/{slug}.html"));
        assert_eq!(from_html.len(), 1, "{slug}");
        let h = &from_html[0];
        assert_eq!(h.format, DocumentFormat::Html);
        assert_eq!((h.metadata.iso3.as_str(), h.metadata.stated_tier), (from_text.metadata.iso3.as_str(), from_text.metadata.stated_tier));
        assert_eq!(h.metadata.year_source.as_deref(), Some("metadata: page title"), "{slug}");
        assert_eq!(shape(h), shape(from_text), "{slug} (markup variant {})", i % 3);
        if !text.contains("  ") {
            // HTML collapses runs of white space; otherwise the text is rebuilt exactly.
            assert_eq!(h.text, from_text.text, "{slug}: the HTML reader rebuilds the chapter text exactly");
        }
        assert_eq!(fact_keys(h), fact_keys(from_text), "{slug}");
        assert!(!fact_keys(h).is_empty(), "{slug}: no facts to compare");
    }
}

#[test]
fn html_facts_map_back_to_the_text_node_bytes() {
    let text = chapter("mexico");
    let page = state_gov_page(&text, "Mexico", 2018, 0);
    let d = &read(page.as_bytes(), "tip-2018/mexico.html")[0];
    let facts = facts(d);
    assert!(facts.len() > 20);
    for f in &facts {
        let (src, page_no) = d.source_map.to_source(f.provenance.range).unwrap();
        assert_eq!(page_no, None);
        assert_eq!(src.slice(&page), f.provenance.quote, "a quote maps to the bytes it was read from");
    }
    // Source lines wrapped inside a paragraph still map byte for byte...
    let page = state_gov_page(&text, "Mexico", 2018, 1);
    let d = &read(page.as_bytes(), "tip-2018/mexico.html")[0];
    let at = d.text.find("302MEXICOorganized").unwrap();
    let (src, _) = d.source_map.to_source(TextRange::new(at, at + 18)).unwrap();
    assert_eq!(src.slice(&page), "302MEXICOorganized");
    // ...and a text node with character references maps as a whole.
    let at = d.text.find('ﬁ').unwrap();
    let (src, _) = d.source_map.to_source(TextRange::new(at, at + 'ﬁ'.len_utf8())).unwrap();
    assert!(src.slice(&page).contains("&#64257;") && src.slice(&page).starts_with("\n        "), "{}", src.slice(&page));
}

#[test]
fn a_document_database_page_gives_the_same_document_as_its_text_export() {
    let export = std::fs::read_to_string(corpus().join("refworld/2007-mexico.txt")).unwrap();
    let from_text = &read(export.as_bytes(), "refworld/2007-mexico.txt")[0];
    let page = refworld_page(&export);
    let h = &read(page.as_bytes(), "refworld/2007-mexico.html")[0];
    assert_eq!(h.format, DocumentFormat::Html);
    let (m, t) = (&h.metadata, &from_text.metadata);
    assert_eq!((&m.publisher, &m.author, &m.publication_date, &m.cite_as), (&t.publisher, &t.author, &t.publication_date, &t.cite_as));
    assert_eq!((m.report_year, m.stated_tier, &m.iso3), (t.report_year, t.stated_tier, &t.iso3));
    // The export separates some paragraphs by two blank lines, the page by one: same shape.
    assert_eq!(shape(h), shape(from_text));
    assert!(h.text.starts_with("Mexico (Tier 2 Watch List)\n\nMexico is a source"));
    assert!(!h.text.contains("Search Refworld") && !h.text.contains("Back to top"));
}

#[test]
fn a_multi_chapter_pdf_gives_the_same_sections_and_facts_as_the_text() {
    let texts: Vec<String> = PDF_CHAPTERS.iter().map(|(slug, _)| chapter(slug)).collect();
    let chapters: Vec<(&str, &str)> = PDF_CHAPTERS.iter().zip(&texts).map(|((_, c), t)| (*c, t.as_str())).collect();
    let pdf = report_pdf(&chapters, &PdfOptions::default());
    assert!(pdf.pages.len() >= 10, "multi-page: {}", pdf.pages.len());
    let docs = read(&pdf.bytes, "reports/tip-2018-report.pdf");
    assert_eq!(docs.len(), PDF_CHAPTERS.len());
    for ((slug, _), text) in PDF_CHAPTERS.iter().zip(&texts) {
        let from_text = &read(text.as_bytes(), &format!("tip-2018/{slug}.txt"))[0];
        let p = docs.iter().find(|d| d.metadata.iso3 == from_text.metadata.iso3).unwrap_or_else(|| panic!("{slug} missing"));
        assert_eq!(p.format, DocumentFormat::Pdf);
        assert_eq!(p.metadata.year_source.as_deref(), Some("metadata: running header"));
        for furniture in ["TRAFFICKING IN PERSONS REPORT 2018", "\n302\n", " 302 "] {
            assert!(!p.text.contains(furniture), "{slug}: running header or page number {furniture:?} left in the text");
        }
        assert_eq!(shape(p), shape(from_text), "{slug}");
        assert_eq!(p.text, from_text.text, "{slug}: the PDF reader rebuilds the chapter text exactly");
        assert_eq!(fact_keys(p), fact_keys(from_text), "{slug}");
    }
}

#[test]
fn a_fact_from_the_pdf_names_its_printed_page() {
    let texts: Vec<String> = PDF_CHAPTERS.iter().map(|(slug, _)| chapter(slug)).collect();
    let chapters: Vec<(&str, &str)> = PDF_CHAPTERS.iter().zip(&texts).map(|((_, c), t)| (*c, t.as_str())).collect();
    let pdf = report_pdf(&chapters, &PdfOptions { first_page_number: 297, ..Default::default() });
    let docs = read(&pdf.bytes, "reports/tip-2018-report.pdf");
    let mut checked = 0;
    let mut pages_seen = std::collections::BTreeSet::new();
    for d in &docs {
        for f in facts(d) {
            let (_, page) = d.source_map.to_source(f.provenance.range).unwrap();
            let page = page.expect("a fact from a PDF names its page");
            let (_, lines) = pdf.pages.iter().find(|(n, _)| *n == page).unwrap_or_else(|| panic!("no printed page {page}"));
            let drawn = lines.join(" ");
            let start: String = f.provenance.quote.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            let first_word = start.split(' ').next().unwrap();
            assert!(drawn.contains(&start) || drawn.ends_with(first_word) || drawn.contains(&format!("{first_word} ")), "page {page} does not show {start:?}");
            pages_seen.insert(page);
            checked += 1;
        }
    }
    assert!(checked > 100 && pages_seen.len() > 5, "{checked} facts on {} pages", pages_seen.len());
    assert!(*pages_seen.iter().next().unwrap() >= 297, "printed numbers, not physical ones");
}
