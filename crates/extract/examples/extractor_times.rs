//! CPU time of each extractor over the corpus, to see which one to make faster:
//! `cargo run --release -p tierwatch-extract --example extractor_times -- [ROUNDS]` (default 3)
//! prints, per extractor, its thread CPU seconds over ROUNDS passes of `../shared/corpus`
//! and its share. Every extractor of `EXTRACTORS` runs on the same `Ctx`, in `extract`'s order; the first
//! round is left out (it builds the regex caches).

use std::path::Path;
use std::time::Duration;

use tierwatch_extract::{Ctx, EXTRACTORS};
use tierwatch_ingest::{read_path, segment, ReadOptions};

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files: Vec<_> = walk(&corpus);
    files.sort();
    let docs: Vec<_> = files
        .iter()
        .flat_map(|f| {
            read_path(f, &ReadOptions::default()).map(|o| o.documents).unwrap_or_else(|e| {
                eprintln!("{}: skipped: {e}", f.display());
                Vec::new()
            })
        })
        .collect();
    let segs: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
    let mut times = vec![Duration::ZERO; EXTRACTORS.len() + 1];
    for round in 0..=rounds {
        for (d, s) in docs.iter().zip(&segs) {
            let t = thread_cpu();
            let cx = Ctx::new(d, s);
            if round > 0 {
                times[0] += thread_cpu() - t;
            }
            let mut out = Vec::new();
            for (i, (_, run)) in EXTRACTORS.iter().enumerate() {
                let t = thread_cpu();
                run(&cx, &mut out);
                if round > 0 {
                    times[i + 1] += thread_cpu() - t;
                }
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    let total: f64 = times.iter().map(|t| t.as_secs_f64()).sum();
    println!("{} documents, {rounds} rounds, {:.1} MB; {total:.3} CPU-s in all ({:.1} MB/CPU-s)", docs.len(), bytes as f64 / 1e6, bytes as f64 / 1e6 / total);
    let names = std::iter::once("context (normalise, sentences)").chain(EXTRACTORS.iter().map(|(n, _)| *n));
    for (name, t) in names.zip(&times) {
        println!("{name:<32} {:>8.3} CPU-s {:>6.1}%", t.as_secs_f64(), 100.0 * t.as_secs_f64() / total);
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out
}
