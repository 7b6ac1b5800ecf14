//! Hostile files in one batch beside good chapters (issue 13): 100,000 nested HTML elements,
//! a 10 MB single line, NUL bytes in good text, a PDF whose page tree loops, one that claims
//! a million pages, one that keeps pdftotext busy past its timeout, a dump with the same
//! chapter twice with different text. Each is reported once, naming the file (and the byte
//! range where there is one); every good file is stored; the exit code is 1.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn has_pdftotext() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

#[test]
fn a_batch_of_hostile_files_fails_each_once_and_stores_every_good_file() {
    assert!(has_pdftotext(), "pdftotext (poppler-utils) is needed: scripts/test.sh installs it");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let batch = dir.path().join("tip-2018");
    std::fs::create_dir(&batch).unwrap();
    let read = |name: &str| std::fs::read_to_string(corpus().join("tip-2018").join(name)).unwrap();
    for good in ["mexico.txt", "albania.txt", "ghana.txt"] {
        std::fs::copy(corpus().join("tip-2018").join(good), batch.join(good)).unwrap();
    }
    let hostile = tierwatch_ingest::testgen::hostile::write_all(&batch, &read("mexico.txt"), &read("bhutan.txt")).unwrap();
    // A PDF that keeps "pdftotext" busy: a wrapper that sleeps on this file, with a 2 s limit.
    std::fs::write(batch.join("slow.pdf"), tierwatch_ingest::testgen::hostile::raw_pdf(&[b"<< /Type /Catalog >> % TIERWATCH-SLOW".to_vec()])).unwrap();
    let wrapper = dir.path().join("pdftotext-wrapper.sh");
    std::fs::write(&wrapper, "#!/bin/sh\nf=$(mktemp)\ncat > \"$f\"\nif grep -q TIERWATCH-SLOW \"$f\"; then rm -f \"$f\"; exec sleep 300; fi\nexec pdftotext \"$@\" < \"$f\"\n").unwrap();
    Command::new("chmod").arg("+x").arg(&wrapper).status().unwrap();

    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .env("TIERWATCH_PDFTOTEXT", &wrapper)
        .env("TIERWATCH_PDFTOTEXT_TIMEOUT", "2")
        .arg("--db")
        .arg(&db)
        .args(["ingest", batch.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit code 1 expected; stderr:\n{stderr}");
    assert!(started.elapsed().as_secs() < 120, "the slow PDF must be cut off by the timeout");
    let failures: Vec<&str> = stderr.lines().filter(|l| l.starts_with("failed: ")).collect();
    let expect = [
        ("nested-100000.html", "nested more than 2000 deep"),
        ("single-line-10mb.txt", "a line of"),
        ("nul-bytes.txt", "NUL byte at offset"),
        ("page-tree-loop.pdf", "page tree loops"),
        ("million-pages.pdf", "Page count (1000000)"),
        ("slow.pdf", "ran longer than 2 s"),
        ("dump-repeated-chapter.txt", "appears again with different text"),
    ];
    assert_eq!(hostile.len() + 1, expect.len());
    for (name, msg) in expect {
        let lines: Vec<&&str> = failures.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name} must be reported exactly once; stderr:\n{stderr}");
        assert!(lines[0].contains(msg), "{name}: {}", lines[0]);
    }
    assert_eq!(failures.len(), expect.len(), "only the hostile files fail:\n{stderr}");
    for (name, range) in [("nested-100000.html", "(bytes "), ("single-line-10mb.txt", "(bytes 0.."), ("dump-repeated-chapter.txt", "(bytes ")] {
        assert!(failures.iter().any(|l| l.contains(name) && l.contains(range)), "{name} names its byte range:\n{stderr}");
    }

    let list = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(&db).args(["list", "--json"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let mut keys: Vec<String> = list.as_array().unwrap().iter().map(|r| format!("{} {}", r["iso3"].as_str().unwrap(), r["report_year"])).collect();
    keys.sort();
    // The three good chapters, and Bhutan from the dump whose repeated Mexico chapter failed.
    assert_eq!(keys, ["ALB 2018", "BTN 2018", "GHA 2018", "MEX 2018"]);
    let check = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(&db).args(["show", "mexico", "2018", "--json", "--no-text"]).output().unwrap();
    assert!(check.status.success());
}
