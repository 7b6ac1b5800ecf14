//! Snapshot of what ingest produces from the whole shared corpus: per stored narrative, a
//! SHA-256 of the canonical JSON of its document (text and metadata), its segmentation and
//! its facts, plus the listing and a set of search results. Any change to what is stored or
//! found, by an optimisation or a rule, shows up here as a line that differs.
//!
//! The snapshot is `tests/snapshot/corpus.tsv` (small: one line per narrative). After an
//! intended change of extraction, segmentation or search, regenerate it with
//!
//! ```sh
//! TIERWATCH_SNAPSHOT=update cargo test -p tierwatch-app --test snapshot
//! ```
//!
//! and review the diff of the file (which narratives changed) before committing it.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tierwatch_app::{ingest_paths_indexed, IngestOptions, Pipeline};
use tierwatch_model::{SectionKind, Tier};
use tierwatch_search::{Filters, SearchIndex, SearchRequest};
use tierwatch_store::Store;

fn sha<T: serde::Serialize + ?Sized>(v: &T) -> String {
    hex::encode(Sha256::digest(serde_json::to_vec(v).expect("serialisable")))
}

fn queries() -> Vec<SearchRequest> {
    let q = |text: &str, filters: Filters| SearchRequest { query: text.into(), filters, limit: 20 };
    let any = Filters::default;
    vec![
        q("forced labor", any()),
        q("humanitarian visas", any()),
        q("\"forced labor\"", any()),
        q("\"debt bondage\" AND brick", any()),
        q("complicit officials", any()),
        q("karaoke OR massage OR brothel", any()),
        q("traffick*", any()),
        q("shelter -NGO", any()),
        q("\"sex trafficking\" children", any()),
        q("victims", Filters { section: Some(SectionKind::Prevention), tier: Some(Tier::Tier3), ..any() }),
        q("convictions", Filters { region: Some("Africa".into()), ..any() }),
        q("action plan", Filters { year: Some(2018), ..any() }),
        q("labor inspectors", Filters { iso3: Some("MEX".into()), ..any() }),
    ]
}

/// The snapshot lines of the corpus as the shipped ingest path stores and indexes it.
fn current(corpus: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("snap.sqlite");
    let mut store = Store::open(&db).unwrap();
    let mut index = SearchIndex::open(&tierwatch_search::index_dir_for(&db)).unwrap();
    let summary = ingest_paths_indexed(
        &mut store,
        Some(&mut index),
        &[corpus.to_path_buf()],
        &IngestOptions::default(),
        &Pipeline::standard(),
        &mut |_| {},
    )
    .unwrap();
    assert!(!summary.has_failures(), "the corpus ingests without failures");
    let mut lines = vec!["# kind\tkey\tdocument id\tfacts\tsha256(document)\tsha256(segmentation)\tsha256(facts)".to_string()];
    let list = store.list().unwrap();
    lines.push(format!("list\t-\t-\t{}\t{}\t-\t-", list.len(), sha(&list)));
    for s in &list {
        let mut d = store.get(&s.iso3, s.report_year).unwrap().expect("listed");
        // The stored path is where this clone sits; only the part below the corpus is output.
        d.document.source_path = relative_to(&d.document.source_path, corpus);
        lines.push(format!(
            "doc\t{}/{}\t{}\t{}\t{}\t{}\t{}",
            s.iso3,
            s.report_year,
            d.document.id.0,
            d.facts.len(),
            sha(&d.document),
            sha(&d.segmentation),
            sha(&d.facts)
        ));
    }
    for q in queries() {
        let r = tierwatch_app::search::search(&store, &mut index, &q).unwrap();
        lines.push(format!("search\t{}\t-\t{}\t{}\t-\t-", q.query, r.total, sha(&r)));
    }
    lines
}

/// `path` below `root`, with `/` separators; a path outside the corpus is kept as it is.
fn relative_to(path: &str, root: &Path) -> String {
    let below = |p: &Path, r: &Path| p.strip_prefix(r).ok().map(|x| x.to_string_lossy().replace('\\', "/"));
    let (p, r) = (Path::new(path), root);
    below(p, r)
        .or_else(|| below(&p.canonicalize().ok()?, &r.canonicalize().ok()?))
        .unwrap_or_else(|| path.to_string())
}

#[test]
fn corpus_output_matches_the_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../../../shared/corpus");
    let file: PathBuf = root.join("tests/snapshot/corpus.tsv");
    let now = current(&corpus);
    if std::env::var("TIERWATCH_SNAPSHOT").as_deref() == Ok("update") {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, now.join("\n") + "\n").unwrap();
        eprintln!("wrote {}", file.display());
        return;
    }
    let want = std::fs::read_to_string(&file).expect("snapshot file (TIERWATCH_SNAPSHOT=update to create it)");
    let want: Vec<&str> = want.lines().collect();
    let differ: Vec<String> = want
        .iter()
        .zip(&now)
        .filter(|(a, b)| **a != b.as_str())
        .map(|(a, b)| format!("  stored:  {a}\n  now:     {b}"))
        .take(20)
        .collect();
    assert!(
        differ.is_empty() && want.len() == now.len(),
        "output differs from tests/snapshot/corpus.tsv ({} lines stored, {} now; first differences below).\n\
         If the change is intended: TIERWATCH_SNAPSHOT=update cargo test -p tierwatch-app --test snapshot\n{}",
        want.len(),
        now.len(),
        differ.join("\n")
    );
}
