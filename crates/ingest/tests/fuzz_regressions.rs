//! Every input a fuzz target crashed on (`fuzz/regressions/<target>/`), replayed through the
//! same path with the same invariants: no panic, errors name the file, every fact quotes
//! its range. A crash found by fuzzing is committed there and stays a test.

use std::path::Path;
use tierwatch_ingest::{read_bytes, segment, ReadOptions};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut out = Vec::new();
    for target in std::fs::read_dir(&root).unwrap() {
        let target = target.unwrap().path();
        // Query crashes are search's (crates/search/tests/fuzz_regressions.rs).
        if target.ends_with("query") {
            continue;
        }
        for f in std::fs::read_dir(&target).unwrap() {
            let f = f.unwrap().path();
            out.push((format!("{}/{}", target.file_name().unwrap().to_string_lossy(), f.file_name().unwrap().to_string_lossy()), std::fs::read(&f).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_fuzz_crash_reads_without_panicking() {
    let inputs = inputs();
    assert!(inputs.len() >= 11, "the regressions found so far are all there: {}", inputs.len());
    for (name, bytes) in inputs {
        let opts = ReadOptions { year: Some(2018), ..ReadOptions::default() };
        // The html target calls the HTML reader whatever the page looks like.
        let read = if name.starts_with("html/") {
            tierwatch_ingest::decode::decode(&bytes)
                .map_err(|k| tierwatch_ingest::IngestError::new("fuzz/case.txt", k))
                .and_then(|d| tierwatch_ingest::html::read_html(&d, "fuzz/case.txt", &opts))
        } else {
            read_bytes(&bytes, "fuzz/case.txt", &opts)
        };
        let docs = match read {
            Ok(out) => out.documents,
            Err(e) => {
                assert!(e.to_string().contains("fuzz/case.txt"), "{name}: {e}");
                continue;
            }
        };
        for doc in docs {
            let seg = segment(&doc.text);
            for f in tierwatch_extract::extract(&doc, &seg) {
                let r = f.provenance.range;
                assert_eq!(doc.text.get(r.start..r.end), Some(f.provenance.quote.as_str()), "{name}: {f:?}");
            }
        }
        // The extract target's view: the raw text as a chapter.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = tierwatch_model::heading::chapter_heading(text);
            let seg = segment(text);
            assert!(seg.paragraphs.iter().all(|p| p.range.end <= text.len()), "{name}");
        }
    }
}
