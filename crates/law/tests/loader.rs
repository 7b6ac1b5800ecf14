//! Loading law/: the embedded copy equals the folder on disk, and every kind of bad data is a
//! clear error naming the file.

use std::path::PathBuf;

use tierwatch_law::{Law, LoadError, EMBEDDED};
use tierwatch_model::ReportYear;

fn law_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../law")
}

fn files() -> Vec<(String, String)> {
    EMBEDDED
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn edit(name: &str, f: impl Fn(&str) -> String) -> Vec<(String, String)> {
    files()
        .into_iter()
        .map(|(n, t)| {
            if n == name {
                let t2 = f(&t);
                (n, t2)
            } else {
                (n, t)
            }
        })
        .collect()
}

#[test]
fn embedded_law_loads_and_matches_the_folder() {
    let embedded = Law::embedded().unwrap();
    let on_disk = Law::from_dir(&law_dir()).unwrap();
    assert_eq!(embedded, on_disk);
}

#[test]
fn embedded_list_names_every_file_on_disk() {
    let mut on_disk: Vec<String> = std::fs::read_dir(law_dir().join("editions"))
        .unwrap()
        .map(|e| format!("editions/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    on_disk.extend(["criteria.toml".to_string(), "thresholds.toml".to_string(), tierwatch_law::load::MODEL_FILE.to_string()]);
    on_disk.sort();
    let mut listed: Vec<String> = EMBEDDED.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        listed, on_disk,
        "update load::EMBEDDED when adding or renaming a law file"
    );
}

#[test]
fn every_report_year_resolves_to_exactly_one_edition() {
    let law = Law::embedded().unwrap();
    for y in 2001..=2026 {
        let n = law.editions.iter().filter(|e| e.covers(y)).count();
        assert_eq!(n, 1, "{y}");
        assert!(law.edition(ReportYear(y)).is_some());
    }
}

#[test]
fn indicia_counts_follow_the_versions() {
    let law = Law::embedded().unwrap();
    let count = |y| law.criteria.indicia_in_force(y).len();
    assert_eq!(count(2001), 7);
    assert_eq!(count(2003), 7);
    assert_eq!(count(2004), 10);
    assert_eq!(count(2008), 10);
    assert_eq!(count(2009), 11);
    assert_eq!(count(2012), 11);
    assert_eq!(count(2013), 12);
    assert_eq!(count(2026), 12);
    // Numbers in force are 1..=n each year (no holes, no duplicates).
    for y in 2001..=2026 {
        let nums: Vec<u8> = law
            .criteria
            .indicia_in_force(y)
            .iter()
            .map(|i| i.number)
            .collect();
        assert_eq!(nums, (1..=nums.len() as u8).collect::<Vec<_>>(), "{y}");
    }
    let self_monitoring = |y| {
        law.criteria
            .indicia_in_force(y)
            .into_iter()
            .find(|i| i.criterion.id == "self_monitoring")
            .unwrap()
            .number
    };
    assert_eq!(self_monitoring(2012), 9);
    assert_eq!(self_monitoring(2013), 10);
}

#[test]
fn renumbering_year_is_a_parameter() {
    let files = edit("criteria.toml", |t| {
        t.replace(
            "[parameters.renumbering_first_report_year]\nvalue = 2013",
            "[parameters.renumbering_first_report_year]\nvalue = 2014",
        )
    });
    let law = Law::from_files(files).unwrap();
    assert_eq!(law.criteria.indicia_in_force(2013).len(), 11);
    assert_eq!(law.criteria.indicia_in_force(2014).len(), 12);
}

#[test]
fn unknown_key_is_an_error() {
    let files = edit("editions/2008.toml", |t| {
        t.replace(
            "[waiver]\n",
            "[waiver]\nmax_yeras = { value = 2, citation = \"x\", confidence = \"CONFIRMED\" }\n",
        )
    });
    let err = Law::from_files(files).unwrap_err();
    match &err {
        LoadError::Parse { file, message } => {
            assert_eq!(file, "editions/2008.toml");
            assert!(message.contains("max_yeras"), "{message}");
        }
        other => panic!("expected a parse error, got {other}"),
    }
    let files = edit("criteria.toml", |t| {
        t.replacen("title = ", "titel = \"x\"\ntitle = ", 1)
    });
    assert!(matches!(
        Law::from_files(files).unwrap_err(),
        LoadError::Parse { .. }
    ));
}

#[test]
fn missing_citation_is_an_error() {
    let files = edit("editions/2019-2026.toml", |t| {
        t.replace(
            "max_years = { value = 1, citation = \"22 U.S.C. 7107(b)(2)(D)(ii)\", ",
            "max_years = { value = 1, ",
        )
    });
    let err = Law::from_files(files).unwrap_err();
    assert!(
        matches!(&err, LoadError::MissingCitation { file, path } if file == "editions/2019-2026.toml" && path == "waiver.max_years"),
        "{err}"
    );
    assert!(err.to_string().contains("waiver.max_years"));

    let files = edit("criteria.toml", |t| {
        t.replacen("citation = \"22 U.S.C. 7106(b)(5)\"", "citation = \"\"", 1)
    });
    let err = Law::from_files(files).unwrap_err();
    assert!(
        matches!(&err, LoadError::MissingCitation { path, .. } if path == "indicium[extradition]"),
        "{err}"
    );

    let files = edit("thresholds.toml", |t| {
        t.replace("citation = \"22 U.S.C. 7106(a)(3)\", ", "")
    });
    assert!(matches!(
        Law::from_files(files).unwrap_err(),
        LoadError::MissingCitation { .. }
    ));
}

#[test]
fn overlapping_years_are_an_error() {
    let files = edit("editions/2008.toml", |t| {
        t.replace("first_report_year = 2008", "first_report_year = 2007")
    });
    let err = Law::from_files(files).unwrap_err();
    assert!(
        matches!(&err, LoadError::OverlappingYears { year: 2007, first, second } if first == "editions/2006-2007.toml" && second == "editions/2008.toml"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "report year 2007 is covered by both editions/2006-2007.toml and editions/2008.toml"
    );
}

#[test]
fn missing_year_is_an_error() {
    let files: Vec<_> = files()
        .into_iter()
        .filter(|(n, _)| n != "editions/2008.toml")
        .collect();
    let err = Law::from_files(files).unwrap_err();
    assert!(
        matches!(&err, LoadError::MissingYears { years } if years == &vec![2008]),
        "{err}"
    );
    assert_eq!(err.to_string(), "no edition covers report year(s) 2008");

    let files = edit("editions/2019-2026.toml", |t| {
        t.replace("last_report_year = 2026", "last_report_year = 2024")
    });
    assert!(
        matches!(Law::from_files(files).unwrap_err(), LoadError::MissingYears { years } if years == vec![2025, 2026])
    );
}

#[test]
fn other_invalid_data_is_an_error() {
    let files = edit("editions/2008.toml", |t| {
        t.replace("last_report_year = 2008", "last_report_year = 2031")
    });
    assert!(matches!(
        Law::from_files(files).unwrap_err(),
        LoadError::Invalid { .. }
    ));
    let files = edit("criteria.toml", |t| {
        t.replace(
            "first_report_year = \"demand_indicium_first_report_year\"",
            "first_report_year = \"demand_year\"",
        )
    });
    let err = Law::from_files(files).unwrap_err();
    assert!(
        err.to_string().contains("unknown parameter `demand_year`"),
        "{err}"
    );
    let files = edit("editions/2008.toml", |t| {
        t.replace(
            "consecutive_years = { value = 2",
            "consecutive_years = { value = \"two\"",
        )
    });
    assert!(matches!(
        Law::from_files(files).unwrap_err(),
        LoadError::Parse { .. }
    ));
    let files: Vec<_> = files_without("criteria.toml");
    assert!(matches!(
        Law::from_files(files).unwrap_err(),
        LoadError::MissingFile { .. }
    ));
}

fn files_without(name: &str) -> Vec<(String, String)> {
    files().into_iter().filter(|(n, _)| n != name).collect()
}

#[test]
fn uncertain_values_keep_their_labels() {
    use tierwatch_law::Confidence::*;
    let law = Law::embedded().unwrap();
    let e2019 = law.edition(ReportYear(2019)).unwrap();
    assert_eq!(e2019.downgrade.special_case_years.confidence, Unverified);
    assert_eq!(e2019.downgrade.counting_base.confidence, Likely);
    assert_eq!(e2019.waiver.transition.confidence, Unverified);
    assert_eq!(e2019.proof_of_failure.in_force.confidence, Likely);
    assert_eq!(
        law.criteria.parameters["renumbering_first_report_year"].confidence,
        Unverified
    );
    assert_eq!(
        law.criteria.parameters["demand_indicium_first_report_year"].confidence,
        Likely
    );
}

#[test]
fn provision_versions_come_from_the_editions() {
    use tierwatch_law::{assess, AssessmentInput, CountryRef, Findings, History};
    let input = |y: u16| AssessmentInput {
        country: CountryRef { iso3: "XXX".into(), name: "Example".into() },
        report_year: ReportYear(y),
        findings: Findings::default(),
        history: History::default(),
        overrides: vec![],
    };
    let rules = |law: &Law, y: u16| -> Vec<String> { assess(&input(y), law).considered.into_iter().map(|t| t.rule).collect() };
    let law = Law::embedded().unwrap();
    assert!(rules(&law, 2020).iter().any(|r| r == "watch_list.since_2019"));
    assert!(rules(&law, 2018).iter().any(|r| r == "watch_list.since_2004"));
    // An edition that names the older version gets it, whatever the year.
    let edited = edit("editions/2019-2026.toml", |t| t.replace(r#"watch_list = { value = "since_2019""#, r#"watch_list = { value = "since_2004""#));
    let law = Law::from_files(edited).unwrap();
    assert!(rules(&law, 2020).iter().any(|r| r == "watch_list.since_2004"));
    // A version no module implements is a load error naming the file.
    let bad = edit("editions/2019-2026.toml", |t| t.replace(r#"waiver = { value = "since_2019""#, r#"waiver = { value = "since_2031""#));
    let err = Law::from_files(bad).unwrap_err().to_string();
    assert!(err.contains("2019-2026") && err.contains("since_2031"), "{err}");
}
