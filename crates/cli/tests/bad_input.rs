//! A folder mixing good chapters and bad inputs: good ones stored, each bad one reported by
//! name, exit code non-zero, and what was stored before is untouched.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn tierwatch(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap()
}

fn list_json(db: &Path) -> serde_json::Value {
    let out = tierwatch(db, &["list", "--json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn mixed_folder_of_good_and_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    // Stored before the bad batch: Mexico 2007.
    let first = tierwatch(&db, &["ingest", corpus().join("refworld/2007-mexico.txt").to_str().unwrap()]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let before = tierwatch(&db, &["show", "mexico", "2007", "--json"]).stdout;

    let batch = dir.path().join("tip-2018");
    std::fs::create_dir(&batch).unwrap();
    for good in ["mexico.txt", "albania.txt"] {
        std::fs::copy(corpus().join("tip-2018").join(good), batch.join(good)).unwrap();
    }
    // UTF-16LE with a BOM and Latin-1: read, with a note naming the encoding.
    let bhutan = std::fs::read_to_string(corpus().join("tip-2018/bhutan.txt")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(bhutan.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(batch.join("bhutan-utf16.txt"), utf16).unwrap();
    let curacao = std::fs::read_to_string(corpus().join("tip-2018/curacao.txt")).unwrap();
    let latin1: Vec<u8> = curacao.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect();
    std::fs::write(batch.join("curacao-latin1.txt"), latin1).unwrap();
    // The bad ones.
    std::fs::write(batch.join("empty.txt"), b"").unwrap();
    std::fs::write(batch.join("binary.bin"), [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    let huge = std::fs::File::create(batch.join("huge.txt")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    std::fs::write(batch.join("minutes.txt"), "Minutes of the garden club.\n\nWe discussed roses and the spring fair.\n").unwrap();
    std::fs::write(batch.join("atlantis.txt"), "ATLANTIS: TIER 2\n\nThe Government of Atlantis does not fully meet the minimum standards for the elimination of trafficking.\n").unwrap();
    std::fs::write(batch.join("truncated.pdf"), b"%PDF-1.7\n1 0 obj\n<<").unwrap();

    let out = tierwatch(&db, &["ingest", batch.to_str().unwrap(), "--json"]);
    assert!(!out.status.success(), "a batch with bad files must exit non-zero");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status_of = |name: &str| -> (String, String) {
        let f = summary["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with(name)).unwrap_or_else(|| panic!("no report for {name}"));
        (f["status"].as_str().unwrap().to_string(), f.to_string())
    };
    for good in ["mexico.txt", "albania.txt", "bhutan-utf16.txt", "curacao-latin1.txt"] {
        assert_eq!(status_of(good).0, "read", "{}", status_of(good).1);
    }
    assert!(status_of("bhutan-utf16.txt").1.contains("UTF-16LE"));
    assert!(status_of("curacao-latin1.txt").1.contains("Latin-1"));
    let expect = [
        ("empty.txt", "empty file"),
        ("binary.bin", "binary file"),
        ("huge.txt", "50.0 MiB"),
        ("minutes.txt", "not a TIP country narrative"),
        ("atlantis.txt", "unknown country \\\"ATLANTIS\\\""),
        ("truncated.pdf", "PDF"),
    ];
    for (name, msg) in expect {
        let (status, json) = status_of(name);
        assert_eq!(status, "failed", "{json}");
        assert!(json.contains(name) && json.contains(msg), "{name}: {json}");
    }
    // Good ones stored; what was there before is untouched.
    let list = list_json(&db);
    let keys: Vec<String> = list.as_array().unwrap().iter().map(|r| format!("{} {}", r["iso3"].as_str().unwrap(), r["report_year"])).collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
    for k in ["MEX 2007", "MEX 2018", "ALB 2018", "BTN 2018", "CUW 2018"] {
        assert!(keys.contains(&k.to_string()), "{k} missing from {keys:?}");
    }
    assert_eq!(tierwatch(&db, &["show", "mexico", "2007", "--json"]).stdout, before);
}

#[test]
fn ingesting_the_corpus_gives_147_narratives_and_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let out = tierwatch(&db, &["ingest", corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = list_json(&db);
    assert_eq!(list.as_array().unwrap().len(), 147);
    assert_eq!(list.as_array().unwrap().iter().filter(|r| r["report_year"] == 2018).count(), 146);
    let again = tierwatch(&db, &["ingest", corpus().to_str().unwrap(), "--json"]);
    let summary: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(summary["files_unchanged"], 148);
    assert_eq!(summary["documents_inserted"], 0);
    assert_eq!(list_json(&db), list);
}

#[test]
fn show_accepts_names_aliases_and_codes_and_a_year_is_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let no_year = dir.path().join("chapter.txt");
    std::fs::copy(corpus().join("tip-2018/burma.txt"), &no_year).unwrap();
    let out = tierwatch(&db, &["ingest", no_year.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("report year cannot be determined"));
    let out = tierwatch(&db, &["ingest", "--year", "2018", no_year.to_str().unwrap()]);
    assert!(out.status.success());
    for name in ["burma", "BURMA", "Myanmar", "mmr"] {
        let out = tierwatch(&db, &["show", name, "2018", "--json", "--no-text"]);
        assert!(out.status.success(), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["iso3"], "MMR");
        assert_eq!(v["year_source"], "option: --year");
    }
}
