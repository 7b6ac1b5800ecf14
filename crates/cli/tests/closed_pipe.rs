//! A user pipes the output into `head`: when standard output closes early, tierwatch stops
//! quietly (no panic, no backtrace) with the shells' status for a closed pipe.

use std::path::Path;
use std::process::{Command, Stdio};

fn chapter() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018/united-states-of-america.txt")
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let ingest = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(&db).arg("ingest").arg(chapter()).output().unwrap();
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    // `show --json` of the longest corpus chapter prints about 96 KB, more than a pipe holds
    // (64 KB), so a write meets the closed end whenever the reader goes away
    let mut child = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .arg("--db")
        .arg(&db)
        .args(["show", "united-states", "2018", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(141), "{err}");
}
