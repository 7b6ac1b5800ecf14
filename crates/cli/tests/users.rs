//! `tierwatch user add|list|disable` through the real binary, on a SQLite store and on
//! PostgreSQL (`TIERWATCH_TEST_PG`; without it the PostgreSQL case fails and says so).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tierwatch(db: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refused before it reads its password ("--role root") may exit first: the
    // write then finds the pipe closed, which is the child's answer, not the test's failure.
    match child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn accounts(db: &str) {
    let add = tierwatch(db, &["user", "add", "ana", "--role", "analyst", "--password-stdin"], "correct horse battery\n");
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    assert_eq!(String::from_utf8_lossy(&add.stdout), "added ana (analyst)\n");
    let again = tierwatch(db, &["user", "add", "ana", "--role", "admin", "--password-stdin"], "another password\n");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("\"ana\" already exists"));
    let short = tierwatch(db, &["user", "add", "bo", "--role", "reviewer", "--password-stdin"], "short\n");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("too short"));
    let role = tierwatch(db, &["user", "add", "bo", "--role", "root", "--password-stdin"], "long enough pw\n");
    assert!(!role.status.success());
    assert!(String::from_utf8_lossy(&role.stderr).contains("analyst, reviewer or admin"));
    assert!(tierwatch(db, &["user", "add", "bo", "--role", "reviewer", "--password-stdin"], "long enough pw\n").status.success());
    assert!(tierwatch(db, &["user", "disable", "ana"], "").status.success());
    let missing = tierwatch(db, &["user", "disable", "nobody"], "");
    assert!(!missing.status.success());
    let list = tierwatch(db, &["user", "list", "--json"], "");
    let users: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let users = users.as_array().unwrap();
    assert_eq!(users.iter().map(|u| (u["name"].as_str().unwrap(), u["role"].as_str().unwrap())).collect::<Vec<_>>(), vec![("ana", "analyst"), ("bo", "reviewer")]);
    assert!(users[0]["disabled_at"].is_string() && users[1]["disabled_at"].is_null());
    assert!(!String::from_utf8_lossy(&list.stdout).contains("argon2"), "hashes are never printed");
}

#[test]
fn accounts_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    accounts(dir.path().join("s.sqlite").to_str().unwrap());
}

#[test]
fn accounts_on_postgres() {
    let base = std::env::var("TIERWATCH_TEST_PG").ok().filter(|v| !v.is_empty()).unwrap_or_else(|| {
        panic!("TIERWATCH_TEST_PG is not set: this case needs a PostgreSQL server (run `bash scripts/test.sh`, which starts one)")
    });
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| panic!("cannot reach TIERWATCH_TEST_PG: {e}"));
    let schema = format!("tw_cli_users_{}", std::process::id());
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    accounts(&format!("{base}{sep}options=-c%20search_path%3D{schema}"));
    admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
}
