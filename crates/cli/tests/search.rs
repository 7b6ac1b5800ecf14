//! `tierwatch search` against a real store: the index beside it stays in step with ingest,
//! re-ingest of changed text, delete, and `index rebuild`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn tierwatch(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap()
}

fn search(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = tierwatch(db, &all);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn index_follows_ingest_reingest_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    // A copy of the Mexico 2007 export we can change, and the Mexico 2018 chapter.
    let file = dir.path().join("2007-mexico.txt");
    let original = std::fs::read_to_string(corpus().join("refworld/2007-mexico.txt")).unwrap();
    std::fs::write(&file, &original).unwrap();
    for p in [file.clone(), corpus().join("tip-2018/mexico.txt")] {
        let out = tierwatch(&db, &["ingest", p.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(dir.path().join("store.sqlite.index").is_dir(), "the index lives next to the store");

    let r = search(&db, &["humanitarian visas"]);
    assert_eq!(r["hits"][0]["iso3"], "MEX");
    assert_eq!(r["hits"][0]["report_year"], 2007);
    assert_eq!(r["hits"][0]["section"], "protection");
    let show: Value = serde_json::from_slice(&tierwatch(&db, &["show", "mexico", "2007", "--json"]).stdout).unwrap();
    let text = show["text"].as_str().unwrap();
    let h = &r["hits"][0]["highlights"][0];
    let (s, e) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], "humanitarian visas", "highlights are byte ranges into the document text");

    // Re-ingest the same file with the sentence changed: the old words are gone, the new found.
    std::fs::write(&file, original.replace("humanitarian visas", "special residence permits")).unwrap();
    let out = tierwatch(&db, &["ingest", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mex2007 = ["--country", "MEX", "--year", "2007"];
    assert_eq!(search(&db, &[&["humanitarian visas"][..], &mex2007[..]].concat())["total"], 0);
    assert_eq!(search(&db, &[&["\"special residence permits\""][..], &mex2007[..]].concat())["total"], 1);

    // Delete it: gone from search; Mexico 2018 still there. Rebuild gives the same answer.
    let out = tierwatch(&db, &["delete", "mexico", "2007"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(search(&db, &["\"special residence permits\""])["total"], 0);
    assert!(!tierwatch(&db, &["delete", "mexico", "2007"]).status.success(), "nothing left to delete");
    let out = tierwatch(&db, &["index", "rebuild"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = search(&db, &["humanitarian visas"]);
    assert!(after["hits"].as_array().unwrap().iter().all(|h| h["report_year"] == 2018));
    assert!(after["total"].as_u64().unwrap() >= 1);
}

#[test]
fn filters_narrow_and_facets_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let out = tierwatch(&db, &["ingest", corpus().join("tip-2018").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all = search(&db, &["victims"]);
    let narrow = search(&db, &["victims", "--section", "prevention", "--tier", "tier3"]);
    let (t_all, t_narrow) = (all["total"].as_u64().unwrap(), narrow["total"].as_u64().unwrap());
    assert!(0 < t_narrow && t_narrow < t_all, "{t_narrow} of {t_all}");
    for r in [&all, &narrow] {
        for dim in ["country", "region", "year", "tier", "section"] {
            let sum: u64 = r["facets"][dim].as_array().unwrap().iter().map(|c| c["count"].as_u64().unwrap()).sum();
            assert_eq!(sum, r["total"].as_u64().unwrap(), "{dim}");
        }
    }
    for h in narrow["hits"].as_array().unwrap() {
        assert_eq!((h["section"].as_str(), h["stated_tier"].as_str()), (Some("prevention"), Some("tier3")));
    }
    let bad = tierwatch(&db, &["search", "victims", "--section", "epilogue"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("unknown section"));
}
