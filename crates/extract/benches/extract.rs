//! Extraction throughput over the whole corpus (MB/s of document text), measured next to
//! a baseline that only reads and sentence-splits the same files, and the ratio of the two.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tierwatch_ingest::{read_path, segment, ReadOptions};

fn corpus_files() -> Vec<PathBuf> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus"));
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("corpus dir") {
            let p = e.expect("dir entry").path();
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

/// Read and sentence-split every file; returns the bytes of document text.
fn baseline(files: &[PathBuf]) -> usize {
    let mut bytes = 0;
    for f in files {
        for d in read(f) {
            let seg = segment(&d.text);
            std::hint::black_box(seg.sentences.len());
            bytes += d.text.len();
        }
    }
    bytes
}

/// Read, sentence-split and extract every file; returns the number of facts.
fn full(files: &[PathBuf]) -> usize {
    let mut facts = 0;
    for f in files {
        for d in read(f) {
            let seg = segment(&d.text);
            facts += tierwatch_extract::extract(&d, &seg).len();
        }
    }
    facts
}

fn read(f: &Path) -> Vec<tierwatch_model::Document> {
    read_path(f, &ReadOptions::default()).map(|o| o.documents).unwrap_or_default()
}

fn time(mut f: impl FnMut() -> usize, min: Duration) -> (Duration, usize) {
    let start = Instant::now();
    let mut n = 0u32;
    let mut out = 0;
    while start.elapsed() < min || n < 2 {
        out = std::hint::black_box(f());
        n += 1;
    }
    (start.elapsed() / n, out)
}

fn bench(c: &mut Criterion) {
    let files = corpus_files();
    let bytes = baseline(&files);
    let mb = bytes as f64 / 1e6;

    // same-run comparison, printed as a summary
    let (tb, _) = time(|| baseline(&files), Duration::from_secs(2));
    let (tf, facts) = time(|| full(&files), Duration::from_secs(2));
    println!(
        "corpus: {} files, {:.2} MB of text, {} facts\nread+split:          {:8.2} MB/s ({:?} per pass)\nread+split+extract:  {:8.2} MB/s ({:?} per pass)\nextraction-only:     {:8.2} MB/s\nratio full/baseline: {:.2}x the time",
        files.len(),
        mb,
        facts,
        mb / tb.as_secs_f64(),
        tb,
        mb / tf.as_secs_f64(),
        tf,
        mb / (tf.saturating_sub(tb)).as_secs_f64().max(1e-9),
        tf.as_secs_f64() / tb.as_secs_f64(),
    );

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("read_and_split (baseline)", |b| b.iter(|| baseline(&files)));
    g.bench_function("read_split_extract", |b| b.iter(|| full(&files)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
