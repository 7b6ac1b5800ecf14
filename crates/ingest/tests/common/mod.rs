//! Shared helpers for the format tests: corpus chapters and how to read and compare them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tierwatch_ingest::{read_bytes, segment, ReadOptions};
use tierwatch_model::{Document, Fact};

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

pub fn chapter(slug: &str) -> String {
    std::fs::read_to_string(corpus().join("tip-2018").join(format!("{slug}.txt"))).unwrap()
}

/// Read bytes as if from `name` (whose path names the year).
pub fn read(bytes: &[u8], name: &str) -> Vec<Document> {
    let out = read_bytes(bytes, name, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(out.errors.is_empty(), "{name}: {:?}", out.errors);
    out.documents
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must be the same whatever the source: sections (kind, text) and sentences.
pub fn shape(d: &Document) -> (Vec<(String, String)>, Vec<String>) {
    let seg = segment(&d.text);
    let sections = seg.sections.iter().map(|s| (s.kind.code().to_string(), norm(s.range.slice(&d.text)))).collect();
    let sentences = seg.sentences.iter().map(|s| norm(s.range.slice(&d.text))).collect();
    (sections, sentences)
}

pub fn facts(d: &Document) -> Vec<Fact> {
    tierwatch_extract::extract(d, &segment(&d.text))
}

/// Facts as (kind, value, quote): what must be the same whatever the source.
pub fn fact_keys(d: &Document) -> Vec<(String, String, String)> {
    facts(d).iter().map(|f| (format!("{:?}", f.kind), f.value.render(), norm(&f.provenance.quote))).collect()
}
