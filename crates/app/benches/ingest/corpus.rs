//! The benchmark corpus: `copies` copies of a folder of chapter files, copy `k` in
//! `tip-<2001+k>/` (its own report year, read from the path) with one line naming the copy
//! appended to every chapter (so every file's text, and so every document id, is distinct).

use std::path::{Path, PathBuf};

/// Write the copies under `out` and return every file written, in name order.
pub fn write(base: &Path, out: &Path, copies: usize) -> Vec<PathBuf> {
    assert!(copies <= 26, "report years run 2001-2026");
    let mut names: Vec<PathBuf> = std::fs::read_dir(base)
        .unwrap_or_else(|e| panic!("{}: {e}", base.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let mut files = Vec::with_capacity(names.len() * copies);
    for k in 0..copies {
        let dir = out.join(format!("tip-{}", 2001 + k));
        std::fs::create_dir_all(&dir).unwrap();
        for src in &names {
            let mut text = std::fs::read(src).unwrap();
            if !text.ends_with(b"\n") {
                text.push(b'\n');
            }
            text.extend_from_slice(format!("\nBenchmark copy {k} of this chapter.\n").as_bytes());
            let dst = dir.join(src.file_name().unwrap());
            std::fs::write(&dst, text).unwrap();
            files.push(dst);
        }
    }
    files
}
