//! The PDF layout stage, fed what poppler's `pdftotext -bbox-layout` prints (pages, blocks,
//! lines, words with boxes): furniture removal, reading order, reflow, chapter splitting;
//! documents then segmented and extracted.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tierwatch_ingest::{pdf, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(xhtml) = std::str::from_utf8(data) else { return };
    let pages = pdf::bbox::parse(xhtml);
    let cleaned = pdf::layout::clean(&pages);
    for l in &cleaned.lines {
        let _ = l.text.len();
    }
    match pdf::read_layout(xhtml, 1_000, "fuzz/report.pdf", &ReadOptions { year: Some(2018), ..ReadOptions::default() }) {
        Ok(out) => tierwatch_fuzz::check_output(&out),
        Err(e) => assert!(e.to_string().contains("fuzz/report.pdf"), "{e}"),
    }
});
