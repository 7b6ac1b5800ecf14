//! The generated table `data/tiers.csv` as the law engine and the `history` command see it.

use tierwatch_history::{sources, TierHistory};
use tierwatch_model::{CountryRegistry, ReportYear, Tier};

#[test]
fn mexico_is_on_the_watch_list_in_the_2004_to_2007_reports_with_sources() {
    let h = TierHistory::embedded();
    let placements = h.placements("MEX");
    for year in 2004..=2007 {
        let p = &placements[&ReportYear(year)];
        assert_eq!(p.agreed, Some(Tier::Tier2WatchList), "{year}");
        assert!(!p.conflict, "{year}");
        let names: Vec<&str> = p.values.iter().map(|v| v.source.as_str()).collect();
        assert!(
            names.contains(&sources::HEISS_MAP_TIERS),
            "{year}: {names:?}"
        );
        assert!(
            names.contains(&sources::HEISS_TIP_TIERS_ORIG),
            "{year}: {names:?}"
        );
        assert_eq!(
            h.effective_tiers("mex")[&ReportYear(year)],
            (Tier::Tier2WatchList, sources::HEISS_MAP_TIERS.to_string())
        );
    }
    assert_eq!(placements[&ReportYear(2003)].agreed, Some(Tier::Tier2));
    assert_eq!(placements[&ReportYear(2008)].agreed, Some(Tier::Tier2));
    let years: Vec<u16> = h
        .timeline("MEX")
        .iter()
        .map(|p| p.report_year.get())
        .collect();
    assert!(
        years.windows(2).all(|w| w[0] < w[1]),
        "timeline sorted: {years:?}"
    );
}

#[test]
fn thailand_2014_is_a_conflict_with_both_values_kept() {
    // The Factbook quotes a Watch List rating "(2014)"; the Heiss tables have Tier 3.
    let h = TierHistory::embedded();
    let conflict = h
        .conflicts()
        .into_iter()
        .find(|c| c.iso3 == "THA" && c.placement.report_year == ReportYear(2014))
        .expect("THA 2014 listed among conflicts");
    let p = conflict.placement;
    assert_eq!(p.agreed, None);
    assert_eq!(p.tiers(), vec![Tier::Tier2WatchList, Tier::Tier3]);
    assert!(p
        .values
        .iter()
        .any(|v| v.source == sources::FACTBOOK && v.tier == Some(Tier::Tier2WatchList)));
    let eff = p.effective().unwrap();
    assert_eq!(
        (eff.tier, eff.source.as_str()),
        (Some(Tier::Tier3), sources::HEISS_MAP_TIERS)
    );
}

#[test]
fn every_row_names_a_registry_country() {
    let reg = CountryRegistry::embedded();
    let missing: Vec<&str> = TierHistory::embedded()
        .countries()
        .into_iter()
        .filter(|iso3| reg.by_iso3(iso3).is_none())
        .collect();
    assert!(missing.is_empty(), "not in data/countries.csv: {missing:?}");
}

#[test]
fn the_csv_round_trips_byte_for_byte() {
    let text = include_str!("../../../data/tiers.csv");
    let h = TierHistory::load_csv(text).unwrap();
    assert!(h.len() > 5000, "only {} rows", h.len());
    let again = h.to_csv(CountryRegistry::embedded()).unwrap();
    assert_eq!(TierHistory::load_csv(&again).unwrap(), h);
    assert!(
        again == text,
        "data/tiers.csv is not in canonical form (country names changed in the registry?): \
         regenerate with the build_tiers example"
    );
}

#[test]
fn every_reference_year_is_covered() {
    let h = TierHistory::embedded();
    let mut years: Vec<u16> = h.records().iter().map(|r| r.report_year.get()).collect();
    years.sort();
    years.dedup();
    for y in (2001..=2017).chain([2020, 2022, 2023, 2024, 2025]) {
        assert!(years.contains(&y), "no placements for {y}");
    }
}
