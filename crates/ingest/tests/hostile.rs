//! Hostile input to the readers (issue 13): each is refused with an error naming the file
//! and, where it has one, the byte range; nothing overflows the stack or takes minutes.

use tierwatch_ingest::testgen::hostile;
use tierwatch_ingest::{read_bytes, ErrorKind, ReadOptions};

mod common;

fn opts() -> ReadOptions {
    ReadOptions { year: Some(2018), ..ReadOptions::default() }
}

fn mexico() -> String {
    std::fs::read_to_string(common::corpus().join("tip-2018/mexico.txt")).unwrap()
}

#[test]
fn a_page_of_100000_nested_elements_is_refused_with_its_range() {
    let page = hostile::nested_html(&mexico());
    let e = read_bytes(page.as_bytes(), "deep.html", &opts()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::TooDeep { .. }), "{e}");
    let r = e.range.expect("a byte range");
    assert_eq!(&page[r.start..r.end], "<div>");
    assert!(e.to_string().starts_with("deep.html (bytes "), "{e}");
}

#[test]
fn the_html_walk_itself_survives_100000_nested_elements() {
    // Below the reader's depth limit the walk is iterative; here it is driven past the limit
    // directly, on a test thread's ordinary stack, where recursion overflowed.
    let depth = 100_000;
    let page = format!("<html><body>{}<p>MEXICO: Tier 2</p>{}</body></html>", "<span>".repeat(depth), "</span>".repeat(depth));
    let doc = scraper::Html::parse_document(&page);
    let positions = tierwatch_ingest::html::flatten::text_positions(&doc, &page);
    let body = doc.select(&scraper::Selector::parse("body").unwrap()).next().unwrap();
    let lines = tierwatch_ingest::html::flatten::flatten(*body, &positions);
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["MEXICO: Tier 2"]);
}

#[test]
fn a_narrative_inside_deep_but_allowed_nesting_is_read() {
    let chapter = mexico();
    let depth = 1_500;
    let page = format!(
        "<html><head><title>Mexico | 2018 Trafficking in Persons Report</title></head><body><main>{}<p>{}</p>{}</main></body></html>",
        "<div>".repeat(depth),
        chapter.replace('&', "&amp;").replace('<', "&lt;").replace("\n\n", "</p><p>"),
        "</div>".repeat(depth)
    );
    let out = read_bytes(page.as_bytes(), "deep-ok.html", &opts()).unwrap();
    assert_eq!(out.documents.len(), 1);
    assert_eq!(out.documents[0].metadata.iso3, "MEX");
}

#[test]
fn a_10_mb_single_line_is_refused_with_its_range() {
    let text = hostile::single_line(&mexico());
    let e = read_bytes(text.as_bytes(), "one-line.txt", &opts()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::LineTooLong { .. }), "{e}");
    assert_eq!(e.range.map(|r| r.start), Some(0));
    assert!(e.to_string().contains("one-line.txt (bytes 0.."), "{e}");
}

#[test]
fn nul_bytes_in_good_text_are_refused_at_their_offset() {
    let bytes = hostile::with_nuls(&mexico());
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    let e = read_bytes(&bytes, "nul.txt", &opts()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Binary { offset } if offset == at), "{e}");
}

#[test]
fn a_dump_with_a_chapter_twice_keeps_the_first_and_names_the_second() {
    let albania = std::fs::read_to_string(common::corpus().join("tip-2018/albania.txt")).unwrap();
    let dump = hostile::dump_with_repeat(&mexico(), &albania);
    let out = read_bytes(dump.as_bytes(), "dump.txt", &opts()).unwrap();
    let isos: Vec<&str> = out.documents.iter().map(|d| d.metadata.iso3.as_str()).collect();
    assert_eq!(isos, ["MEX", "ALB"]);
    assert_eq!(out.documents[0].text.trim(), mexico().trim(), "the first copy is kept");
    assert_eq!(out.errors.len(), 1);
    let e = &out.errors[0];
    assert!(matches!(e.kind, ErrorKind::RepeatedChapter { .. }), "{e}");
    let r = e.range.unwrap();
    assert!(dump[r.start..r.end].starts_with("MEXICO: TIER 2") && r.start > mexico().len(), "{e}");
    // The exact same chapter twice is one document and no error.
    let twice = format!("{}\n\n{}", mexico(), mexico());
    let out = read_bytes(twice.as_bytes(), "twice.txt", &opts()).unwrap();
    assert_eq!((out.documents.len(), out.errors.len()), (1, 0));
}

#[test]
fn a_looping_page_tree_and_a_million_page_claim_are_refused() {
    if std::process::Command::new(tierwatch_ingest::pdf::engine::program()).arg("-v").output().is_err() {
        panic!("pdftotext (poppler-utils) is needed: scripts/test.sh installs it");
    }
    let e = read_bytes(&hostile::looping_pdf(), "loop.pdf", &opts()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::PdfDamaged { .. }) && e.to_string().contains("page tree loops"), "{e}");
    let e = read_bytes(&hostile::million_page_pdf(), "million.pdf", &opts()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::PdfDamaged { .. }) && e.to_string().contains("1000000"), "{e}");
}
