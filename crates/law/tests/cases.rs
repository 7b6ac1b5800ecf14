//! Runs every analyst case in law/cases/ against the embedded law and reports all failures at once.

use std::path::PathBuf;

use tierwatch_law::cases::Case;
use tierwatch_law::Law;

fn law_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../law")
}

#[test]
fn every_law_case_passes() {
    let law = Law::embedded().expect("embedded law loads");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(law_dir().join("cases"))
        .expect("law/cases exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 30,
        "expected the full set of law cases, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for p in &paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(p).unwrap();
        let case = match Case::parse(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        match case.check(&law) {
            Err(e) => failures.push(format!("{name}: bad input: {e}")),
            Ok((a, bad)) if !bad.is_empty() => failures.push(format!(
                "{name} — {}\n    {}\n{}",
                case.name,
                bad.join("\n    "),
                tierwatch_law::render_explanation(&a)
            )),
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} law cases failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
    eprintln!("{} law cases passed", paths.len());
}
