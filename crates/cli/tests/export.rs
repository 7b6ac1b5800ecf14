//! `tierwatch export` read back by pyarrow and pandas: Parquet and CSV have the documented
//! types (integer, string, boolean columns typed correctly) and the expected row counts,
//! and the CSV read by pandas equals the Parquet read by pandas (the round trip).
//! Needs python3 with pyarrow and pandas (.ci/run installs them from PyPI).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn tierwatch(db: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "tierwatch {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_slice(&tierwatch(db, args).stdout).unwrap()
}

fn python_check(csv: &Path, parquet: &Path, rows: usize, typed: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export_check.py");
    let mut codebook = parquet.as_os_str().to_owned();
    codebook.push(".codebook.md");
    let out = Command::new("python3")
        .arg(&script)
        .args([csv.as_os_str(), parquet.as_os_str(), &codebook])
        .arg(rows.to_string())
        .arg(typed)
        .output()
        .expect("python3 is needed for this test");
    assert!(
        out.status.success(),
        "pyarrow/pandas check of {} failed:\n{}{}",
        parquet.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("ok {rows}"));
}

#[test]
fn exports_round_trip_through_pyarrow_and_pandas() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    for f in ["refworld/2007-mexico.txt", "tip-2018/mexico.txt", "tip-2018/nicaragua.txt"] {
        tierwatch(&db, &["ingest", corpus().join(f).to_str().unwrap()]);
    }
    let mut facts = 0;
    let mut flows = 0;
    for (c, y) in [("mexico", "2007"), ("mexico", "2018"), ("nicaragua", "2018")] {
        let list = json(&db, &["facts", c, y, "--json"]);
        let list = list.as_array().unwrap();
        facts += list.len();
        flows += list.iter().filter(|f| f["kind"] == "flow").count();
    }
    assert!(facts > 50 && flows > 0, "{facts} facts, {flows} flows");
    let tiers = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tiers.csv")).unwrap().lines().count() - 1;

    let common = "iso3:utf8,cow:int64,country:utf8,report_year:int64";
    let cases = [
        ("facts", facts, "kind:utf8,value_int:int64,value_bool:boolean,penalty_max_life:boolean,start:int64,end:int64,quote:utf8,confidence:float64"),
        ("flows", flows, "origin:utf8,destination_cow:int64,start:int64,quote:utf8,document_id:utf8"),
        ("tiers", tiers, "tier:utf8,tier_ordinal:int64,conflict:boolean,source:utf8"),
        ("assessments", 3, "outcome:utf8,agrees_with_stated:boolean,reason_count:int64,document_id:utf8"),
    ];
    for (what, rows, typed) in cases {
        let csv = dir.path().join(format!("{what}.csv"));
        let parquet = dir.path().join(format!("{what}.parquet"));
        let js = dir.path().join(format!("{what}.json"));
        for (format, out) in [("csv", &csv), ("parquet", &parquet), ("json", &js)] {
            tierwatch(&db, &["export", "--what", what, "--format", format, "--out", out.to_str().unwrap()]);
        }
        python_check(&csv, &parquet, rows, &format!("{common},{typed}"));
        let records: Value = serde_json::from_slice(&std::fs::read(&js).unwrap()).unwrap();
        assert_eq!(records.as_array().unwrap().len(), rows, "{what}.json");
    }
}

#[test]
fn unknown_table_or_format_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .arg("--db")
        .arg(&db)
        .args(["export", "--what", "facts", "--format", "xlsx", "--out"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("csv, json or parquet"));
}
