//! The search query parser (the rewrite of `word*`, phrases, operators, then tantivy's
//! grammar) against a small index: any query text gives results or a query error, never a
//! panic, and every highlight lies inside its paragraph's document text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::{LazyLock, Mutex};
use tierwatch_search::{Filters, SearchIndex, SearchRequest};

static INDEX: LazyLock<Mutex<SearchIndex>> = LazyLock::new(|| {
    let mut index = SearchIndex::in_memory().expect("in-memory index");
    let text = "MEXICO: TIER 2\n\nThe Government of Mexico does not fully meet the minimum standards for the elimination of trafficking.\n\nPROSECUTION\nThe government convicted 10 traffickers for forced labor in brick kilns; humanitarian visas were granted to 20 victims.";
    let metadata = tierwatch_model::Metadata { country: "Mexico".into(), iso3: "MEX".into(), report_year: tierwatch_model::ReportYear::new(2018), stated_tier: Some(tierwatch_model::Tier::Tier2), ..Default::default() };
    let doc = tierwatch_model::Document::new(text.into(), "m.txt".into(), tierwatch_model::DocumentFormat::ChapterText, metadata, tierwatch_model::SourceMap::offset(text.len(), 0));
    let seg = tierwatch_ingest::segment(text);
    index.upsert(&doc, &seg).expect("index a document");
    index.commit().expect("commit");
    Mutex::new(index)
});

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let index = INDEX.lock().unwrap();
    let req = SearchRequest { query: query.to_string(), filters: Filters::default(), limit: 5 };
    if let Ok(res) = index.search(&req) {
        for h in &res.hits {
            assert!(h.paragraph.start <= h.snippet.start && h.snippet.end <= h.paragraph.end || h.snippet.is_empty(), "{h:?}");
            for r in &h.highlights {
                assert!(r.start <= r.end, "{r:?}");
            }
        }
    }
});
