//! Crash safety of `ingest` (issue 13): the real binary, on a copy of ../shared/corpus, is
//! SIGKILLed at seeded random points (a drawn number of stored narratives plus a drawn delay,
//! so kills land between and inside document transactions and index updates). After each
//! kill: `PRAGMA integrity_check` is ok; every stored narrative is complete — the same text,
//! segmentation and facts as an uninterrupted ingest gives, each quote equal to its range —
//! or absent; the next command (`search`) leaves the index in step with the store; and a
//! rerun of `ingest` completes the batch with the same listing as the uninterrupted ingest.
//!
//! `TIERWATCH_CRASH_SEED` changes the seed (printed, with each kill point).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tierwatch_store::{Store, StoredDocument};

const RUNS: usize = 5;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// splitmix64: a seeded, reproducible sequence (no dependency for one test).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn tierwatch(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tierwatch"));
    c.arg("--db").arg(db);
    c
}

fn ingest(db: &Path, corpus: &Path) -> std::process::Output {
    tierwatch(db).args(["ingest", "--json"]).arg(corpus).output().unwrap()
}

/// (ISO3, year) -> the stored narrative.
fn stored(db: &Path) -> BTreeMap<(String, u16), StoredDocument> {
    Store::open(db).unwrap().all_documents().unwrap().into_iter().map(|d| ((d.document.metadata.iso3.clone(), d.document.metadata.report_year.unwrap().get()), d)).collect()
}

fn listing(db: &Path) -> serde_json::Value {
    let out = tierwatch(db).args(["list", "--json"]).output().unwrap();
    assert!(out.status.success(), "list: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every narrative in `db` is whole: equal to the uninterrupted ingest's, quotes on their ranges.
fn check_complete(db: &Path, reference: &BTreeMap<(String, u16), StoredDocument>, what: &str) -> usize {
    let docs = stored(db);
    for (key, d) in &docs {
        let r = reference.get(key).unwrap_or_else(|| panic!("{what}: {key:?} is not in the uninterrupted ingest"));
        assert_eq!(d.document.id, r.document.id, "{what}: {key:?} text");
        assert_eq!(d.segmentation, r.segmentation, "{what}: {key:?} segmentation");
        assert!(!d.segmentation.sentences.is_empty(), "{what}: {key:?} has no sentences");
        assert_eq!(d.facts, r.facts, "{what}: {key:?} facts");
        for f in &d.facts {
            let range = f.provenance.range;
            assert_eq!(d.document.text.get(range.start..range.end), Some(f.provenance.quote.as_str()), "{what}: {key:?} quote");
        }
    }
    docs.len()
}

/// After `search` (the next command), the index holds exactly the store's narratives.
fn check_index(db: &Path, what: &str) {
    let out = tierwatch(db).args(["search", "forced labor", "--json", "--limit", "1"]).output().unwrap();
    assert!(out.status.success(), "{what}: search: {}", String::from_utf8_lossy(&out.stderr));
    let store: Vec<(String, u16, String)> = Store::open(db).unwrap().list().unwrap().into_iter().map(|s| (s.iso3, s.report_year, s.document_id)).collect();
    let index = tierwatch_search::SearchIndex::open(&tierwatch_search::index_dir_for(db)).unwrap();
    let mut indexed: Vec<(String, u16, String)> = index.narratives().unwrap().into_iter().map(|n| (n.iso3, n.report_year, n.document_id)).collect();
    indexed.sort();
    let mut store = store;
    store.sort();
    assert_eq!(indexed, store, "{what}: the index is not in step with the store after `search`");
}

#[test]
fn ingest_killed_at_random_points_leaves_a_sound_store_that_a_rerun_completes() {
    let seed: u64 = std::env::var("TIERWATCH_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(13);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus");
    copy_dir(&corpus(), &input);

    let ref_db = dir.path().join("reference.sqlite");
    let started = Instant::now();
    let out = ingest(&ref_db, &input);
    assert!(out.status.success(), "uninterrupted ingest: {}", String::from_utf8_lossy(&out.stderr));
    let full = started.elapsed();
    let reference = stored(&ref_db);
    let ref_listing = listing(&ref_db);
    let total = reference.len();
    assert!(total > 100, "the corpus has {total} narratives");
    println!("seed {seed}; uninterrupted ingest: {total} narratives in {full:?}");

    let mut rng = Rng(seed);
    for run in 0..RUNS {
        let db = dir.path().join(format!("run{run}.sqlite"));
        // Kill once the store holds a drawn number of narratives (none for the first run:
        // while reading and segmenting the first files), a drawn 0-40 ms later, so the kill
        // lands between or inside document transactions and index updates. Progress, not
        // time, so a faster or slower machine kills at the same point of the batch.
        let after = if run == 0 { 0 } else { rng.below(total as u64 - 5) as usize };
        let delay_ms = rng.below(41);
        drop(Store::open(&db).unwrap()); // created and migrated before the ingest, so the watcher never races it
        let watcher = Store::open(&db).unwrap();
        let mut child = tierwatch(&db).args(["ingest", "--json"]).arg(&input).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let mut finished = false;
        while watcher.list().map_or(0, |l| l.len()) < after {
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        drop(watcher);
        std::thread::sleep(Duration::from_millis(delay_ms));
        finished |= child.try_wait().unwrap().is_some();
        // SIGKILL: no destructor, no signal handler, no flush runs.
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let what = format!("run {run} (SIGKILL {delay_ms} ms after the store held {after} narratives)");
        assert!(!finished && status.code().is_none(), "{what}: the ingest ended before the kill; draw an earlier point");

        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), ["ok"], "{what}: integrity_check");
        drop(store);
        let kept = check_complete(&db, &reference, &what);
        println!("{what}: {kept} of {total} narratives stored, all complete; integrity ok");
        check_index(&db, &what);

        let out = ingest(&db, &input);
        assert!(out.status.success(), "{what}: rerun: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(listing(&db), ref_listing, "{what}: the rerun's listing differs from the uninterrupted ingest's");
        assert_eq!(check_complete(&db, &reference, &what), total);
        check_index(&db, &what);
    }
}
