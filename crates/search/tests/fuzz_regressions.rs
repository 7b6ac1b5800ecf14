//! Every query the `query` fuzz target crashed on (`fuzz/regressions/query/`), replayed
//! against the fuzz target's own small index, plus the shapes those crashes reduce to
//! (an excluded phrase whose words occur but never together), and `AND NOT`. Each gives hits
//! or a query error, never a panic — this test runs with debug assertions, as the fuzzer does.

use std::path::Path;
use tierwatch_search::{Filters, SearchIndex, SearchRequest};

fn index() -> SearchIndex {
    let mut index = SearchIndex::in_memory().unwrap();
    let text = "MEXICO: TIER 2\n\nThe Government of Mexico does not fully meet the minimum standards for the elimination of trafficking.\n\nPROSECUTION\nThe government convicted 10 traffickers for forced labor in brick kilns; humanitarian visas were granted to 20 victims.";
    let metadata = tierwatch_model::Metadata {
        country: "Mexico".into(),
        iso3: "MEX".into(),
        report_year: tierwatch_model::ReportYear::new(2018),
        stated_tier: Some(tierwatch_model::Tier::Tier2),
        ..Default::default()
    };
    let doc = tierwatch_model::Document::new(text.into(), "m.txt".into(), tierwatch_model::DocumentFormat::ChapterText, metadata, tierwatch_model::SourceMap::offset(text.len(), 0));
    index.upsert(&doc, &tierwatch_ingest::segment(text)).unwrap();
    index.commit().unwrap();
    index
}

fn total(index: &SearchIndex, q: &str) -> Result<u64, String> {
    index.search(&SearchRequest { query: q.into(), filters: Filters::default(), limit: 5 }).map(|r| r.total).map_err(|e| e.to_string())
}

#[test]
fn every_query_crash_answers_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/query");
    let mut files: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "the query crashes found so far are in {}", root.display());
    let index = index();
    for f in files {
        let q = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        let _ = total(&index, &q);
    }
}

#[test]
fn an_excluded_phrase_that_never_occurs_excludes_nothing() {
    let index = index();
    // "forced" and "granted" both occur, never side by side: nothing is excluded.
    assert_eq!(total(&index, "visas -\"forced granted\""), Ok(1));
    assert_eq!(total(&index, "visas AND NOT \"forced granted\""), Ok(1));
    // The phrase that does occur excludes its paragraph.
    assert_eq!(total(&index, "visas -\"forced labor\""), Ok(0));
    // A phrase that never occurs, required: no hits, no panic.
    assert_eq!(total(&index, "visas \"forced granted\""), Ok(0));
    assert_eq!(total(&index, "\"humanitarian visas\" -\"forced granted\" -\"brick victims\""), Ok(1));
}

#[test]
fn and_not_means_without() {
    // tantivy reads `a AND NOT b` as `+a +(-b)`, which matched nothing; users mean `+a -b`.
    let index = index();
    assert_eq!(total(&index, "visas AND NOT brothel"), Ok(1));
    assert_eq!(total(&index, "visas AND NOT forced"), Ok(0));
    assert_eq!(total(&index, "visas AND NOT (brothel OR karaoke)"), Ok(1));
    assert_eq!(total(&index, "visas AND NOT (brothel OR kilns)"), Ok(0));
}
