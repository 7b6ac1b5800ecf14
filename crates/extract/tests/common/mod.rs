//! Shared helpers for corpus-level tests: the corpus and gold locations, and reading a
//! corpus file into documents with ingest.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tierwatch_ingest::{read_path, ReadOptions};
use tierwatch_model::Document;

pub fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus"))
}

pub fn gold_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gold"))
}

/// Every document of a corpus file (a chapter, an export or a whole-report dump).
pub fn read(path: &Path) -> Vec<Document> {
    let out = read_path(path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out.documents
}

/// All corpus files, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![corpus()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}
