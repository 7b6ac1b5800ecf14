//! A batch is indexed once: the search after an `ingest` ranks exactly as the search after
//! `index rebuild` of the same store (a second copy of each narrative, left in the index as
//! deleted documents, would change BM25's statistics and so every score).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tierwatch(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn search_after_ingest_ranks_as_after_a_rebuild() {
    let corpus: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("tip-2018");
    std::fs::create_dir(&folder).unwrap();
    for name in ["mexico.txt", "thailand.txt", "ghana.txt", "germany.txt", "qatar.txt"] {
        std::fs::copy(corpus.join(name), folder.join(name)).unwrap();
    }
    let db = dir.path().join("store.sqlite");
    tierwatch(&db, &["ingest", folder.to_str().unwrap()]);
    let after_ingest = tierwatch(&db, &["search", "forced labor", "--json", "--limit", "20"]);
    tierwatch(&db, &["index", "rebuild"]);
    let after_rebuild = tierwatch(&db, &["search", "forced labor", "--json", "--limit", "20"]);
    assert!(after_ingest.contains("\"score\""), "{after_ingest}");
    assert_eq!(after_ingest, after_rebuild);
}
