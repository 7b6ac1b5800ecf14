//! Benchmark: ingest the whole corpus (read, decode, split, segment, extract, store in a
//! fresh in-memory SQLite store), against only reading the same files, in the same process;
//! also without extraction, to show what each stage costs.
//!
//! Run: `cargo bench -p tierwatch-app --bench ingest` (prints MB/s and the ratio).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tierwatch_app::{ingest_paths, IngestOptions, Pipeline};
use tierwatch_store::Store;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    f(); // warm up
    median((0..runs).map(|_| {
        let t = Instant::now();
        f();
        t.elapsed()
    }).collect())
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let (files, _) = tierwatch_app::ingest::collect_files(&[corpus.clone()]);
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
    let mb = bytes as f64 / 1e6;
    let runs = 7;
    let read_only = time(runs, || {
        let mut n = 0;
        for f in &files {
            n += std::fs::read(f).unwrap().len();
        }
        std::hint::black_box(n);
    });
    let paths: Vec<PathBuf> = vec![corpus];
    let run = |pipeline: Pipeline| {
        time(runs, || {
            let mut store = Store::open_in_memory().unwrap();
            let s = ingest_paths(&mut store, &paths, &IngestOptions::default(), &pipeline, &mut |_| {}).unwrap();
            assert_eq!(s.documents_inserted, 147);
        })
    };
    let segment_only = run(Pipeline::without_extraction());
    let ingest = run(Pipeline::standard());
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("corpus: {} files, {:.2} MB; median of {runs} runs", files.len(), mb);
    println!("read only:                  {:>9.1} MB/s ({:?})", rate(read_only), read_only);
    println!("ingest, no extraction:      {:>9.1} MB/s ({:?})", rate(segment_only), segment_only);
    println!("ingest with extraction:     {:>9.1} MB/s ({:?})", rate(ingest), ingest);
    println!("ratio ingest/read-only throughput: {:.4}", rate(ingest) / rate(read_only));
    println!("ratio ingest/ingest-without-extraction throughput: {:.3}", rate(ingest) / rate(segment_only));
}
