//! Chapters of every report year as a new user meets them: the other-year excerpts in
//! ../shared are read with their stated tiers, the 2013 asterisk is an automatic-downgrade
//! fact, a heading that cannot be read is an error naming its line, and `eval extraction`
//! reports each gold set apart.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn tierwatch(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch")).arg("--db").arg(db).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn gold(name: &str) -> serde_json::Value {
    let path = shared().join("excerpts/gold").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn every_excerpt_is_read_and_each_heading_gives_its_stated_tier() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let folder = shared().join("excerpts/other-years");
    let (ok, _, err) = tierwatch(&db, &["ingest", folder.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, out, err) = tierwatch(&db, &["list", "--json"]);
    assert!(ok, "{err}");
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = list.as_array().unwrap();
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), files.len(), "every excerpt is stored");
    let registry = tierwatch_model::CountryRegistry::embedded();
    let mut headed = 0;
    for f in files {
        let name = f.path().file_stem().unwrap().to_string_lossy().into_owned();
        let g = gold(&name);
        let iso3 = &registry.resolve(g["country"].as_str().unwrap()).unwrap().iso3;
        let row = rows
            .iter()
            .find(|r| r["iso3"] == iso3.as_str() && r["report_year"] == g["report_year"])
            .unwrap_or_else(|| panic!("{name} not listed"));
        if g["has_heading"] == true {
            headed += 1;
            assert_eq!(row["stated_tier"], g["tier"], "{name}: {row}");
        }
    }
    assert!(headed >= 15, "only {headed} excerpts with a heading");
}

#[test]
fn a_chapter_without_a_tier_heading_lists_the_tier_its_text_states() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let file = dir.path().join("2025-russia.txt");
    std::fs::write(&file, "The Government of Russia does not fully meet the minimum standards for the elimination of trafficking and is not making significant efforts to do so. Russia remained on Tier 3. The government did not report any trafficking prosecutions.\n").unwrap();
    let (ok, out, err) = tierwatch(&db, &["ingest", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    let said = format!("{out}{err}");
    assert!(said.contains("stated tier Tier 3 taken from the text") && said.contains("\"Russia remained on Tier 3.\""), "{said}");
    let (ok, out, err) = tierwatch(&db, &["list", "--json"]);
    assert!(ok, "{err}");
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list[0]["iso3"], "RUS");
    assert_eq!(list[0]["stated_tier"], "tier3", "{list}");
}

#[test]
fn the_asterisk_of_2013_is_tier_3_and_an_automatic_downgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let file = shared().join("excerpts/other-years/2013-uzbekistan.txt");
    let (ok, _, err) = tierwatch(&db, &["ingest", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, out, err) = tierwatch(&db, &["facts", "uzbekistan", "2013", "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let facts = v.as_array().cloned().or_else(|| v["facts"].as_array().cloned()).unwrap();
    let of = |kind: &str| facts.iter().filter(|f| f["kind"] == kind).cloned().collect::<Vec<_>>();
    let tier = of("tier");
    assert!(tier.iter().any(|f| f["value"] == "tier3" && f["quote"] == "UZBEKISTAN (Tier 3*)"), "{tier:?}");
    let down = of("auto_downgrade");
    assert!(down.iter().any(|f| f["value"] == true && f["quote"] == "UZBEKISTAN (Tier 3*)"), "{down:?}");
}

#[test]
fn a_heading_that_cannot_be_read_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite");
    let batch = dir.path().join("tip-2013");
    std::fs::create_dir(&batch).unwrap();
    std::fs::write(batch.join("ruritania.txt"), "UZBEKISTAN (Tier 4)\n\nUzbekistan is a source country for men, women, and children subjected to forced labor; the government did not prosecute traffickers.\n").unwrap();
    std::fs::copy(shared().join("excerpts/other-years/2013-uzbekistan.txt"), batch.join("uzbekistan.txt")).unwrap();
    let (ok, out, err) = tierwatch(&db, &["ingest", batch.to_str().unwrap()]);
    assert!(!ok, "a failed file makes the batch exit non-zero");
    let all = format!("{out}{err}");
    assert!(all.contains("ruritania.txt") && all.contains("\"UZBEKISTAN (Tier 4)\"") && all.contains("cannot be read"), "{all}");
    let (ok, out, _) = tierwatch(&db, &["list", "--json"]);
    assert!(ok);
    assert!(out.contains("UZB"), "the good file of the batch is stored: {out}");
}

#[test]
fn eval_extraction_reports_each_gold_set_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_tierwatch"))
        .current_dir(&repo)
        .arg("--db")
        .arg(&db)
        .args(["eval", "extraction", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sets: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sets = sets.as_array().unwrap();
    let names: Vec<&str> = sets.iter().map(|s| s["set"]["name"].as_str().unwrap()).collect();
    assert_eq!(sets.len(), 8, "{names:?}");
    assert!(
        names[0].starts_with("shared gold")
            && names[1].contains("dev half")
            && names[2].contains("held-out half")
            && names[3].contains("dev set 3")
            && names[4].contains("held-out set 2")
            && names[5].contains("held-out set 3")
            && names[6].contains("dev set 4")
            && names[7].starts_with("excerpts"),
        "{names:?}"
    );
    for s in sets {
        assert!(s["unreadable"].as_array().unwrap().is_empty(), "{}: {}", s["set"]["name"], s["unreadable"]);
        assert!(s["report"]["documents"].as_u64().unwrap() >= 16);
        assert_eq!(s["report"]["tier"]["value"], 1.0, "{}", s["set"]["name"]);
    }
    // the held-out sets are scored but their disagreements never leave the evaluation
    for held_out in [&sets[2], &sets[4], &sets[5]] {
        assert_eq!(held_out["set"]["blind"], true);
        assert!(held_out["report"]["errors"].as_array().unwrap().is_empty());
    }
    // the dev sets show theirs
    for dev in [&sets[1], &sets[3], &sets[6]] {
        assert_eq!(dev["set"]["blind"], false);
    }
}

#[test]
fn eval_agreement_scores_one_annotation_against_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite");
    // an annotation agrees with itself on every field it has
    let g = shared().join("gold");
    let (ok, out, err) = tierwatch(&db, &["eval", "agreement", "--reference", g.to_str().unwrap(), "--other", g.to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(r["report"]["documents"].as_u64().unwrap() >= 21);
    assert_eq!(r["report"]["counts"]["false_positives"], 0);
    assert_eq!(r["report"]["counts"]["false_negatives"], 0);
    assert_eq!(r["report"]["complicity"]["value"], 1.0);
    // two folders with no document in common: an error that names both
    let (ok, _, err) = tierwatch(&db, &["eval", "agreement", "--reference", g.to_str().unwrap(), "--other", shared().join("excerpts/gold").to_str().unwrap()]);
    assert!(!ok && err.contains("no document in common"), "{err}");
}
