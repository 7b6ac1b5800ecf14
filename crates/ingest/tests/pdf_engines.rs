//! The measurement behind the choice of PDF engine (ARCHITECTURE.md, "PDF engine"): the
//! same generated multi-chapter PDF read by poppler's `pdftotext` (its own reading order),
//! by the pure-Rust `pdf-extract`, and by our reader (`pdftotext -bbox-layout` + XY-cut
//! reading order + running-header removal). Words kept and word pairs kept in order are
//! counted against the chapter texts; run with `--nocapture` to see the table.

mod common;

use common::*;
use std::collections::HashMap;
use tierwatch_ingest::pdf::engine;
use tierwatch_ingest::testgen::pdf::{report_pdf, PdfOptions};

const CHAPTERS: [(&str, &str); 4] = [("albania", "Albania"), ("colombia", "Colombia"), ("eswatini", "Eswatini"), ("philippines", "Philippines")];

fn counts<'a>(items: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_default() += 1;
    }
    m
}

/// (share of expected words found, share of expected adjacent word pairs found).
fn recall(expected: &str, got: &str) -> (f64, f64) {
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let (e, g) = (words(expected), words(got));
    let pairs = |w: &[String]| w.windows(2).map(|p| format!("{} {}", p[0], p[1])).collect::<Vec<_>>();
    let score = |e: Vec<String>, g: Vec<String>| {
        let mut have = counts(g.into_iter());
        let total = e.len();
        let found = e.into_iter().filter(|x| have.get_mut(x).is_some_and(|n| *n > 0 && { *n -= 1; true })).count();
        found as f64 / total as f64
    };
    (score(e.clone(), g.clone()), score(pairs(&e), pairs(&g)))
}

#[test]
fn our_reader_keeps_words_and_reading_order_where_the_engines_alone_do_not() {
    let texts: Vec<String> = CHAPTERS.iter().map(|(s, _)| chapter(s)).collect();
    let chapters: Vec<(&str, &str)> = CHAPTERS.iter().zip(&texts).map(|((_, c), t)| (*c, t.as_str())).collect();
    let expected = texts.join("\n");
    println!("{:<34} {:>12} {:>12} {:>12}", "layout / engine", "words", "word pairs", "time ms");
    println!("pages: {}", report_pdf(&chapters, &PdfOptions::default()).pages.len());
    for interleave in [false, true] {
        let pdf = report_pdf(&chapters, &PdfOptions { interleave_columns: interleave, ..Default::default() });
        let layout = if interleave { "columns drawn row by row" } else { "columns drawn column by column" };
        let t = std::time::Instant::now();
        let poppler = engine::pdftotext(&engine::program(), &pdf.bytes).unwrap().join("\n");
        let poppler_ms = t.elapsed().as_millis();
        let t = std::time::Instant::now();
        let rust = pdf_extract::extract_text_from_mem(&pdf.bytes).unwrap_or_default();
        let rust_ms = t.elapsed().as_millis();
        let t = std::time::Instant::now();
        let ours = read(&pdf.bytes, "tip-2018/report.pdf").iter().map(|d| d.text.clone()).collect::<Vec<_>>().join("\n");
        let ours_ms = t.elapsed().as_millis();
        let mut rows = Vec::new();
        for (name, got, ms) in [("pdftotext (default mode)", &poppler, poppler_ms), ("pdf-extract", &rust, rust_ms), ("tierwatch (bbox + XY-cut)", &ours, ours_ms)] {
            let (w, p) = recall(&expected, got);
            println!("{:<34} {:>11.2}% {:>11.2}% {:>12}", format!("{layout}: {name}"), 100.0 * w, 100.0 * p, ms);
            rows.push((w, p));
        }
        let (ours_w, ours_p) = rows[2];
        assert!(ours_w > 0.999 && ours_p > 0.999, "{layout}: our reader lost words or order: {:?}", rows[2]);
        assert!(ours_p >= rows[0].1 && ours_p >= rows[1].1, "{layout}: {rows:?}");
        // What the comparison rests on: the ligature words come out spelled, and the two
        // raw engines are not both perfect (otherwise the choice would need new numbers).
        assert!(ours.contains("significant") && poppler.contains("significant"));
    }
}

