//! A fact read from the annual report PDF names its printed page (`facts --json`).

use std::path::Path;
use std::process::Command;
use tierwatch_ingest::testgen::pdf::{report_pdf, PdfOptions};

#[test]
fn facts_from_a_report_pdf_name_their_page() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
    let albania = std::fs::read_to_string(corpus.join("albania.txt")).unwrap();
    let brazil = std::fs::read_to_string(corpus.join("brazil.txt")).unwrap();
    let pdf = report_pdf(&[("Albania", albania.trim_end()), ("Brazil", brazil.trim_end())], &PdfOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tip-2018-report.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    let db = dir.path().join("store.sqlite");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(&db).args(args).output().unwrap();
    let out = run(&["ingest", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["facts", "brazil", "2018", "--kind", "convictions", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let facts = facts.as_array().unwrap();
    assert!(!facts.is_empty());
    let printed: Vec<u32> = pdf.pages.iter().map(|p| p.0).collect();
    for f in facts {
        let page = f["page"].as_u64().unwrap_or_else(|| panic!("no page on {f}")) as u32;
        assert!(printed.contains(&page), "page {page} not among {printed:?}");
        // The page is the one the quoted words were drawn on.
        let (_, lines) = pdf.pages.iter().find(|p| p.0 == page).unwrap();
        let first_words: String = f["quote"].as_str().unwrap().split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        let page_text = lines.join(" ");
        let next_text = pdf.pages.iter().find(|p| p.0 == page + 1).map(|p| p.1.join(" ")).unwrap_or_default();
        assert!(page_text.contains(&first_words) || (page_text + " " + &next_text).contains(&first_words), "{first_words:?} not on page {page}");
    }
}
