//! Re-extraction after an extractor upgrade: a narrative whose heading names no tier takes
//! the tier its text states, as a fresh ingest would, in the store and in the index; a
//! heading's tier stays.

use std::path::PathBuf;

use tierwatch_app::{ingest_paths_indexed, IngestOptions, Pipeline};
use tierwatch_model::Tier;
use tierwatch_search::{Filters, SearchIndex, SearchRequest};
use tierwatch_store::Store;

const HEADLESS: &str = "The Government of Russia does not fully meet the minimum standards for the elimination of trafficking and is not making significant efforts to do so. Russia remained on Tier 3. The government did not report any trafficking prosecutions.\n";
const HEADED: &str = "KENYA: TIER 2\n\nThe Government of Kenya does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so. Kenya was upgraded to Tier 2 Watch List last year. The government prosecuted 12 traffickers.\n";

fn ingest(store: &mut Store, index: &mut SearchIndex, files: &[PathBuf], pipeline: &Pipeline) -> usize {
    let s = ingest_paths_indexed(store, Some(index), files, &IngestOptions::default(), pipeline, &mut |_| {}).unwrap();
    s.documents_reextracted
}

fn tiers(store: &Store) -> Vec<(String, Option<Tier>)> {
    store.list().unwrap().into_iter().map(|s| (s.iso3, s.stated_tier)).collect()
}

fn indexed_with_tier(index: &SearchIndex, tier: Tier) -> Vec<String> {
    let req = SearchRequest { query: "government".into(), filters: Filters { tier: Some(tier), ..Filters::default() }, limit: 10 };
    let mut isos: Vec<String> = index.search(&req).unwrap().hits.into_iter().map(|h| h.iso3).collect();
    isos.dedup();
    isos
}

#[test]
fn a_stored_headless_narrative_takes_its_stated_tier_when_its_facts_are_refreshed() {
    let dir = tempfile::tempdir().unwrap();
    let files = vec![dir.path().join("2025-russia.txt"), dir.path().join("2025-kenya.txt")];
    std::fs::write(&files[0], HEADLESS).unwrap();
    std::fs::write(&files[1], HEADED).unwrap();
    let mut store = Store::open(&dir.path().join("store.sqlite")).unwrap();
    let mut index = SearchIndex::in_memory().unwrap();

    // stored by an extractor set that found no tier in the text (as before the rule)
    assert_eq!(ingest(&mut store, &mut index, &files, &Pipeline::without_extraction()), 0);
    assert_eq!(tiers(&store), [("KEN".to_string(), Some(Tier::Tier2)), ("RUS".to_string(), None)]);
    assert!(indexed_with_tier(&index, Tier::Tier3).is_empty());

    // the same files under the shipped extractors: unchanged files, stale facts refreshed
    assert_eq!(ingest(&mut store, &mut index, &files, &Pipeline::standard()), 2);
    assert_eq!(tiers(&store), [("KEN".to_string(), Some(Tier::Tier2)), ("RUS".to_string(), Some(Tier::Tier3))]);
    assert_eq!(indexed_with_tier(&index, Tier::Tier3), ["RUS"]);
    assert_eq!(indexed_with_tier(&index, Tier::Tier2), ["KEN"]);
    let rus = store.get("RUS", 2025).unwrap().unwrap();
    assert!(rus.facts.iter().any(|f| f.provenance.quote == "Russia remained on Tier 3."), "{:?}", rus.facts);

    // nothing left to do: a second run refreshes nothing and changes nothing
    assert_eq!(ingest(&mut store, &mut index, &files, &Pipeline::standard()), 0);
    assert_eq!(tiers(&store)[1].1, Some(Tier::Tier3));
}
