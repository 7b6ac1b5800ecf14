//! `--db` chooses the store: a SQLite path or a `postgres://` URL, for every command. The
//! same chapters ingested into both give the same output; a bad URL or an unreachable
//! server is an error that names the URL without its password.
//!
//! The PostgreSQL case needs `TIERWATCH_TEST_PG` (scripts/test.sh starts a server and sets
//! it); without it the case fails and says so.

use std::path::Path;
use std::process::{Command, Output};

fn tierwatch(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_bad_url_or_an_unreachable_server_names_the_url_without_its_password() {
    let bad = tierwatch("postgres://ana:s3cret@127.0.0.1:notaport/tw", &["list"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("postgres://ana:***@127.0.0.1:notaport/tw"), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
    // Port 1 on this machine: nothing listens there.
    let down = tierwatch("postgres://ana:s3cret@127.0.0.1:1/tw", &["list"]);
    assert_eq!(down.status.code(), Some(1));
    let err = String::from_utf8_lossy(&down.stderr);
    assert!(err.contains("cannot connect to postgres://ana:***@127.0.0.1:1/tw"), "{err}");
    assert!(err.contains("refused"), "the reason is given: {err}");
    assert!(!err.contains("s3cret"), "{err}");
}

#[test]
fn postgres_and_sqlite_give_the_same_output() {
    let base = std::env::var("TIERWATCH_TEST_PG").ok().filter(|v| !v.is_empty()).unwrap_or_else(|| {
        panic!("TIERWATCH_TEST_PG is not set: this case needs a PostgreSQL server (run `bash scripts/test.sh`, which starts one)")
    });
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| panic!("cannot reach TIERWATCH_TEST_PG: {e}"));
    let schema = format!("tw_cli_{}", std::process::id());
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let pg = format!("{base}{sep}options=-c%20search_path%3D{schema}");

    let dir = tempfile::tempdir().unwrap();
    let chapters = dir.path().join("tip-2018");
    std::fs::create_dir(&chapters).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/tip-2018");
    for f in ["mexico.txt", "albania.txt", "bhutan.txt"] {
        std::fs::copy(corpus.join(f), chapters.join(f)).unwrap();
    }
    let sqlite = dir.path().join("s.sqlite");
    let sqlite = sqlite.to_str().unwrap();
    // The search index of a PostgreSQL store lives in the current folder: run there.
    let run = |db: &str, args: &[&str]| -> String {
        ok(Command::new(env!("CARGO_BIN_EXE_tierwatch")).current_dir(dir.path()).arg("--db").arg(db).args(args).output().unwrap())
    };
    let chapters = chapters.to_str().unwrap();
    for db in [pg.as_str(), sqlite] {
        let summary: serde_json::Value = serde_json::from_str(&run(db, &["ingest", chapters, "--json"])).unwrap();
        assert_eq!(summary["files_failed"].as_u64().unwrap_or(0), 0, "{summary}");
    }
    for args in [&["list", "--json"][..], &["facts", "Mexico", "2018"], &["assess", "Mexico", "2018"], &["search", "forced labor", "--limit", "3"]] {
        let (a, b) = (run(&pg, args), run(sqlite, args));
        assert!(!a.trim().is_empty(), "{args:?} printed something");
        assert_eq!(a, b, "{args:?}");
    }
    // Exports: the same bytes from both stores, for every table.
    for what in ["facts", "assessments", "tiers", "flows"] {
        let read = |db: &str, name: &str| {
            let out = dir.path().join(format!("{name}-{what}.csv"));
            run(db, &["export", "--what", what, "--format", "csv", "--out", out.to_str().unwrap()]);
            std::fs::read(&out).unwrap()
        };
        let (a, b) = (read(&pg, "pg"), read(sqlite, "sqlite"));
        assert!(a.len() > 10, "export --what {what} wrote rows");
        assert!(a == b, "export --what {what}: PostgreSQL and SQLite differ");
    }
    let listed: serde_json::Value = serde_json::from_str(&run(&pg, &["list", "--json"])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    // A second ingest of the same files into PostgreSQL stores nothing new.
    let again: serde_json::Value = serde_json::from_str(&run(&pg, &["ingest", chapters, "--json"])).unwrap();
    assert_eq!((again["documents_inserted"].as_u64(), again["files_unchanged"].as_u64()), (Some(0), Some(3)), "{again}");
    admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
}
