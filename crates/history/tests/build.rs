//! The build step over a small fixture copy of the reference folder (always available) and,
//! when present, over the real `../shared/reference` folder.

use std::path::{Path, PathBuf};
use tierwatch_history::{build_from_reference, sources, TierHistory};
use tierwatch_model::{CountryRegistry, ReportYear, Tier};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference")
}

fn build(dir: &Path) -> (TierHistory, tierwatch_history::BuildReport) {
    build_from_reference(dir, CountryRegistry::embedded()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn fixture_build_keeps_both_sources_and_flags_their_disagreement() {
    let (h, report) = build(&fixture());
    let p = h.placement("MEX", ReportYear(2005)).unwrap();
    assert!(
        p.conflict,
        "map_tiers says Watch List, tip_tiers_orig says Tier 2"
    );
    assert_eq!(p.values.len(), 2);
    assert_eq!(p.effective().unwrap().source, sources::HEISS_MAP_TIERS);
    assert_eq!(p.effective().unwrap().tier, Some(Tier::Tier2WatchList));
    assert!(report.conflicts >= 2, "{report}");
}

#[test]
fn fixture_build_reads_every_source_format() {
    let (h, report) = build(&fixture());
    // Float years, padded labels, and a row with neither name nor ISO3 (COW 437 = Cote d'Ivoire).
    assert_eq!(
        h.placement("CIV", ReportYear(2004)).unwrap().agreed,
        Some(Tier::Tier2WatchList)
    );
    assert!(
        h.placement("MEX", ReportYear(2000)).is_none(),
        "no report before 2001"
    );
    // sure2018: "2w" and "-" (unknown, with a note).
    let haiti = h.placement("HTI", ReportYear(2011)).unwrap();
    assert_eq!(haiti.values[0].tier, None);
    assert!(haiti.values[0].note.as_deref().unwrap().contains('-'));
    // 2025 list.
    assert_eq!(
        h.effective_tiers("BHS")[&ReportYear(2025)].0,
        Tier::Tier2WatchList
    );
    // Factbook: report year from the tip_year column or the state.gov link, never the edition;
    // the rating text wins over the `tier` column, and repeated editions are one record.
    assert!(h.placement("MEX", ReportYear(2006)).is_none());
    let dza = h.placement("DZA", ReportYear(2024)).unwrap();
    assert_eq!(dza.agreed, Some(Tier::Tier2WatchList));
    assert!(dza.values[0]
        .note
        .as_deref()
        .unwrap()
        .contains("tier column"));
    let tha = h.placement("THA", ReportYear(2014)).unwrap();
    assert!(tha.conflict);
    let fb: Vec<_> = tha
        .values
        .iter()
        .filter(|v| v.source == sources::FACTBOOK)
        .collect();
    assert_eq!(fb.len(), 1);
    assert_eq!(fb[0].note.as_deref(), Some("factbook 2015, 2016"));
    // Names that do not resolve are reported with the values they carried.
    let lost: Vec<(&str, usize)> = report
        .unresolved
        .iter()
        .map(|u| (u.name.as_str(), u.values_lost))
        .collect();
    assert_eq!(lost, vec![("(no name)", 1), ("CAMEROON FASO", 3)]);
    assert!(report.notes.iter().any(|n| n.contains("KOS")), "{report}");
    assert_eq!(
        h.placement("XKX", ReportYear(2010)).unwrap().agreed,
        Some(Tier::Tier2)
    );
}

#[test]
fn fixture_build_is_deterministic() {
    let reg = CountryRegistry::embedded();
    let (a, ra) = build(&fixture());
    let (b, rb) = build(&fixture());
    assert_eq!(a.to_csv(reg).unwrap(), b.to_csv(reg).unwrap());
    assert_eq!(ra, rb);
}

#[test]
fn missing_reference_folder_is_an_error_naming_the_file() {
    let err = build_from_reference(Path::new("/nonexistent"), CountryRegistry::embedded())
        .unwrap_err()
        .to_string();
    assert!(err.contains("map_tiers.csv"), "{err}");
}

/// The real reference folder, next to the workspace (`/work/shared/reference`).
fn real_reference() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    assert!(dir.is_dir(), "tests need ../shared/reference beside the repository");
    dir
}

/// Fails if data/tiers.csv is stale or the build is not reproducible.
#[test]
fn data_tiers_csv_is_a_fresh_deterministic_build_of_the_reference_folder() {
    let dir = real_reference();
    let reg = CountryRegistry::embedded();
    let first = build(&dir).0.to_csv(reg).unwrap();
    let second = build(&dir).0.to_csv(reg).unwrap();
    assert!(first == second, "two builds differ");
    let committed = include_str!("../../../data/tiers.csv");
    assert!(
        first == committed,
        "data/tiers.csv is stale: run `cargo run -p tierwatch-history --example build_tiers -- ../shared/reference data/tiers.csv`"
    );
}
