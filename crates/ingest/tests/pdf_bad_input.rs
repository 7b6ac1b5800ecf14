//! Bad PDFs are clear errors naming the file: truncated, encrypted, image-only, and a
//! missing pdftotext program.

use tierwatch_ingest::pdf::engine;
use tierwatch_ingest::testgen::pdf::{encrypted_pdf, image_only_pdf, report_pdf, PdfOptions};
use tierwatch_ingest::{read_bytes, ErrorKind, ReadOptions};

fn sample() -> Vec<u8> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/tip-2018/albania.txt")).unwrap();
    report_pdf(&[("Albania", &text)], &PdfOptions::default()).bytes
}

fn error(bytes: &[u8], name: &str) -> (ErrorKind, String) {
    let e = read_bytes(bytes, name, &ReadOptions::default()).expect_err(name);
    let msg = e.to_string();
    assert!(msg.contains(name), "{msg}");
    (e.kind, msg)
}

#[test]
fn truncated_encrypted_and_image_only_pdfs_are_clear_errors() {
    let good = sample();
    assert_eq!(read_bytes(&good, "tip-2018/good.pdf", &ReadOptions::default()).unwrap().documents.len(), 1);
    let (kind, msg) = error(&good[..good.len() / 2], "tip-2018/truncated.pdf");
    assert!(matches!(kind, ErrorKind::PdfDamaged { .. }) && msg.contains("truncated"), "{msg}");
    let (kind, msg) = error(b"%PDF-1.7\n1 0 obj\n<<\n%%EOF\n", "tip-2018/garbage.pdf");
    assert!(matches!(kind, ErrorKind::PdfDamaged { .. }), "{msg}");
    let (kind, msg) = error(&encrypted_pdf(&good), "tip-2018/locked.pdf");
    assert!(matches!(kind, ErrorKind::PdfEncrypted { .. }) && msg.contains("password"), "{msg}");
    let (kind, msg) = error(&image_only_pdf(3), "tip-2018/scan.pdf");
    assert!(matches!(kind, ErrorKind::PdfNoText { pages: 3 }) && msg.contains("OCR"), "{msg}");
}

#[test]
fn a_missing_pdftotext_says_what_to_install() {
    let e = engine::pdftotext("/nonexistent/pdftotext", &sample()).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, ErrorKind::MissingProgram { .. }) && msg.contains("not installed") && msg.contains("poppler-utils"), "{msg}");
}
