//! Benchmark: where ingest's time goes, stage by stage, on a 25× corpus it builds itself,
//! against the naive Python extractor and one `rg` pass over the same bytes, in one run.
//!
//! Run: `cargo bench -p tierwatch-app --bench ingest` (`TIERWATCH_BENCH_COPIES=N` for another
//! size; 25 by default). The corpus is N copies of `../shared/corpus/tip-2018`, copy `k` in a
//! folder `tip-<2001+k>/` (so each copy has its own report year) with one distinct line added
//! to every chapter (so no two files have the same text): 3,650 files, about 58 MB at 25×.
//!
//! Every figure is CPU time (user + system, from `getrusage`, all threads) per stage on the
//! same bytes, printed as MB per CPU-second and as a ratio to the naive script's MB per
//! CPU-second (higher is better; 4.0 means a quarter of the script's CPU time). The stages
//! run one after the other in this process, single-threaded, each on the previous stage's
//! output: read only; decode + split into chapters; segmentation; extraction; store (one
//! transaction per document into a fresh SQLite file); index (tantivy, one commit). The
//! whole `ingest` (read → store → index, the path `tierwatch ingest` runs, on all cores)
//! runs in a child process of this binary, so its CPU time, wall time and peak RSS are its
//! own; so do the naive script (`python3 ../shared/bench/naive_extractor.py`) and `rg`.

mod corpus;
mod rusage;

use rusage::{Cost, Usage};
use std::path::{Path, PathBuf};
use std::process::Command;
use tierwatch_app::{ingest_paths_indexed, IngestOptions, Pipeline};
use tierwatch_ingest::{read_bytes, ReadOptions};
use tierwatch_search::SearchIndex;
use tierwatch_store::Store;

/// The child: ingest `dir` into a new store `db` (with its index), as the CLI does.
fn child_ingest(dir: &Path, db: &Path) {
    let mut store = Store::open(db).expect("store");
    let mut index = SearchIndex::open(&tierwatch_search::index_dir_for(db)).expect("index");
    let s = ingest_paths_indexed(&mut store, Some(&mut index), &[dir.to_path_buf()], &IngestOptions::default(), &Pipeline::standard(), &mut |_| {})
        .expect("ingest");
    assert!(!s.has_failures(), "ingest failed: {:?}", s.files.iter().find(|f| !matches!(f.status, tierwatch_app::FileStatus::Read { .. })));
    println!("{}", s.documents_inserted);
    // This process's own peak (after exec; wait4's figure may include the parent's pages at fork).
    let hwm = std::fs::read_to_string("/proc/self/status").ok().and_then(|s| {
        s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|kb| kb.parse::<f64>().ok())
    });
    println!("{}", hwm.map(|kb| kb / 1024.0).unwrap_or(f64::NAN));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--ingest-child") {
        child_ingest(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        return;
    }
    // the baselines run on the same bytes: say what is missing before building the corpus
    for (tool, package) in [("python3", "python3"), ("rg", "ripgrep")] {
        if Command::new(tool).arg("--version").stdout(std::process::Stdio::null()).status().map_or(true, |s| !s.success()) {
            eprintln!("the ingest bench runs `{tool}` beside tierwatch on the same bytes and cannot find it: install it (Debian: apt-get install {package})");
            std::process::exit(2);
        }
    }
    let copies: usize = std::env::var("TIERWATCH_BENCH_COPIES").ok().and_then(|v| v.parse().ok()).unwrap_or(25);
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path().join("corpus");
    let files = corpus::write(&shared.join("corpus/tip-2018"), &dir, copies);
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {copies} copies of tip-2018, {} files, {:.1} MB, in {}", files.len(), mb, dir.display());
    println!("machine: {} cores (shared: CPU time is what compares)", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));

    // The baselines first, so a page cache warmed by them serves every stage alike.
    let out = work.path().join("naive.jsonl");
    let naive = rusage::child(Command::new("python3").arg(shared.join("bench/naive_extractor.py")).arg(&dir).arg(&out));
    let rg = rusage::child(Command::new("rg").args(["-c", "--no-messages", "trafficking"]).arg(&dir));

    let mut stages: Vec<(&str, Cost)> = Vec::new();
    let t = Usage::now();
    let raw: Vec<(String, Vec<u8>)> = files.iter().map(|f| (f.display().to_string(), std::fs::read(f).unwrap())).collect();
    stages.push(("read only", t.cost()));

    let opts = ReadOptions { year: None, ..IngestOptions::default().read };
    let t = Usage::now();
    let docs: Vec<_> = raw.iter().flat_map(|(name, b)| read_bytes(b, name, &opts).expect("readable").documents).collect();
    stages.push(("decode + split", t.cost()));
    drop(raw);

    let t = Usage::now();
    let segs: Vec<_> = docs.iter().map(|d| tierwatch_ingest::segment(&d.text)).collect();
    stages.push(("segmentation", t.cost()));

    let t = Usage::now();
    let facts: Vec<_> = docs.iter().zip(&segs).map(|(d, s)| tierwatch_extract::extract(d, s)).collect();
    stages.push(("extraction", t.cost()));

    for (name, full) in [("store, synchronous=FULL", true), ("store (NORMAL, shipped)", false)] {
        let db = work.path().join(format!("stages-{full}.sqlite"));
        let t = Usage::now();
        let mut store = Store::open(&db).unwrap();
        store.set_synchronous_full(full).unwrap();
        for ((d, s), f) in docs.iter().zip(&segs).zip(&facts) {
            store.put_document(d, s, f, tierwatch_extract::EXTRACTOR_SET_VERSION, false).unwrap();
        }
        drop(store);
        stages.push((name, t.cost()));
    }

    let t = Usage::now();
    {
        let mut index = SearchIndex::open(&work.path().join("stages.index")).unwrap();
        for (d, s) in docs.iter().zip(&segs) {
            index.upsert(d, s).unwrap();
        }
        index.commit().unwrap();
    }
    stages.push(("index", t.cost()));
    let stage_rss = rusage::peak_rss_self_mb();
    let n_docs = docs.len();
    drop((docs, segs, facts));

    let whole_db = work.path().join("whole.sqlite");
    let exe = std::env::current_exe().unwrap();
    let whole = rusage::child(Command::new(exe).arg("--ingest-child").arg(&dir).arg(&whole_db));
    let mut lines = whole.stdout.lines();
    assert_eq!(lines.next(), Some(n_docs.to_string().as_str()), "the whole ingest stores every chapter");
    let whole_rss: f64 = lines.next().and_then(|l| l.parse().ok()).unwrap_or(f64::NAN);

    let rate = |c: &Cost| mb / c.cpu_s();
    let base = rate(&naive.cost);
    println!("{n_docs} narratives; every figure on the same {mb:.1} MB");
    println!("{:<28} {:>9} {:>9} {:>11} {:>12}", "stage", "CPU s", "wall s", "MB/CPU-s", "× naive");
    for (name, c) in &stages {
        println!("{name:<28} {:>9.2} {:>9.2} {:>11.1} {:>12.2}", c.cpu_s(), c.wall_s, rate(c), rate(c) / base);
    }
    let sum: f64 = stages.iter().skip(1).filter(|(n, _)| !n.contains("FULL")).map(|(_, c)| c.cpu_s()).sum();
    println!("{:<28} {:>9.2} {:>9} {:>11.1} {:>12.2}", "sum after read (NORMAL)", sum, "", mb / sum, mb / sum / base);
    for (name, r) in [("whole ingest (child)", &whole), ("naive_extractor.py", &naive), ("rg -c trafficking", &rg)] {
        let c = &r.cost;
        println!("{name:<28} {:>9.2} {:>9.2} {:>11.1} {:>12.2}", c.cpu_s(), c.wall_s, rate(c), rate(c) / base);
    }
    println!(
        "whole ingest: CPU time {:.3} × the naive script's (target ≤ 0.25); wall/CPU {:.2} (target ≤ 0.6 on 2 cores); peak RSS {:.0} MB (target ≤ 500)",
        whole.cost.cpu_s() / naive.cost.cpu_s(),
        whole.cost.wall_s / whole.cost.cpu_s(),
        whole_rss
    );
    println!(
        "peak RSS (VmHWM): whole ingest {whole_rss:.0} MB; naive script {:.0} MB; this process after the stages {stage_rss:.0} MB (holds every stage's output)",
        naive.max_rss_mb
    );
    let _: PathBuf = whole_db;
}
