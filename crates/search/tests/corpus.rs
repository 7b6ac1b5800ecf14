//! Search over the real corpus, in memory: ranking, highlights as byte ranges, filters and
//! facets that add up, and updates and deletes that show in results.

mod common;

use tierwatch_model::{SectionKind, Tier};
use tierwatch_search::{Filters, SearchIndex, SearchRequest};

fn indexed() -> (SearchIndex, Vec<(tierwatch_model::Document, tierwatch_model::Segmentation)>) {
    let docs = common::corpus::load();
    assert!(docs.len() >= 140, "corpus has {} narratives", docs.len());
    let mut index = SearchIndex::in_memory().unwrap();
    for (d, s) in &docs {
        index.upsert(d, s).unwrap();
    }
    index.commit().unwrap();
    (index, docs)
}

fn req(q: &str, filters: Filters) -> SearchRequest {
    SearchRequest { query: q.into(), filters, limit: 10 }
}

#[test]
fn humanitarian_visas_finds_mexico_2007_protection_first_with_the_phrase_highlighted() {
    let (index, docs) = indexed();
    let r = index.search(&req("humanitarian visas", Filters::default())).unwrap();
    let top = &r.hits[0];
    assert_eq!((top.iso3.as_str(), top.report_year, top.section.as_str()), ("MEX", 2007, "protection"), "{:#?}", &r.hits[..3]);
    let (doc, _) = docs.iter().find(|(d, _)| d.id.0 == top.document_id).unwrap();
    let texts: Vec<&str> = top.highlights.iter().map(|h| h.slice(&doc.text)).collect();
    assert!(texts.contains(&"humanitarian visas"), "{texts:?}");
    assert_eq!(top.snippet.slice(&doc.text), top.snippet_text);
    assert!(top.paragraph.contains(&top.snippet));
    assert!(r.hits.iter().any(|h| h.iso3 == "MEX" && h.report_year == 2018), "Mexico 2018 also grants humanitarian visas");
}

#[test]
fn filters_narrow_and_every_facet_adds_up_to_the_total() {
    let (index, _) = indexed();
    let all = index.search(&req("victims", Filters::default())).unwrap();
    let f = Filters { section: Some(SectionKind::Prevention), tier: Some(Tier::Tier3), ..Filters::default() };
    let narrow = index.search(&req("victims", f)).unwrap();
    assert!(narrow.total > 0 && narrow.total < all.total, "{} vs {}", narrow.total, all.total);
    for r in [&all, &narrow] {
        for dim in [&r.facets.country, &r.facets.region, &r.facets.year, &r.facets.tier, &r.facets.section] {
            assert_eq!(dim.iter().map(|c| c.count).sum::<u64>(), r.total);
        }
    }
    assert!(narrow.hits.iter().all(|h| h.section == "prevention" && h.stated_tier == "tier3"));
    assert_eq!(narrow.facets.section.len(), 1);
    let prevention_tier3 = all.facets.section.iter().find(|c| c.value == "prevention").unwrap().count;
    assert!(narrow.total <= prevention_tier3);
}

#[test]
fn phrase_boolean_and_prefix_queries() {
    let (index, _) = indexed();
    let phrase = index.search(&req("\"forced labor\"", Filters::default())).unwrap().total;
    let words = index.search(&req("forced labor", Filters::default())).unwrap().total;
    assert!(phrase > 0 && phrase <= words);
    let either = index.search(&req("brothel OR brothels OR karaoke", Filters::default())).unwrap().total;
    let karaoke = index.search(&req("karaoke", Filters::default())).unwrap().total;
    assert!(either >= karaoke && karaoke > 0);
    let without = index.search(&req("karaoke -brothels", Filters::default())).unwrap().total;
    assert!(without <= karaoke);
    let prefix = index.search(&req("karao*", Filters::default())).unwrap();
    assert_eq!(prefix.total, karaoke);
    assert!(!prefix.hits[0].highlights.is_empty());
    let mex = Filters { iso3: Some("MEX".into()), year: Some(2007), ..Filters::default() };
    assert!(index.search(&req("trafficking", mex)).unwrap().hits.iter().all(|h| h.iso3 == "MEX" && h.report_year == 2007));
}

#[test]
fn reindexing_changed_text_updates_results_and_removing_deletes_them() {
    let (mut index, docs) = indexed();
    let (mex, _) = docs.iter().find(|(d, _)| d.metadata.iso3 == "MEX" && d.metadata.report_year.map(|y| y.get()) == Some(2007)).unwrap();
    let q = req("humanitarian visas", Filters { iso3: Some("MEX".into()), year: Some(2007), ..Filters::default() });
    assert_eq!(index.search(&q).unwrap().total, 1);

    // The same country-year with the visas sentence reworded: old results go, new ones come.
    let text = mex.text.replace("humanitarian visas", "residence permits");
    let changed = tierwatch_model::Document::new(text.clone(), mex.source_path.clone(), mex.format, mex.metadata.clone(), Default::default());
    index.upsert(&changed, &tierwatch_ingest::segment(&text)).unwrap();
    index.commit().unwrap();
    assert_eq!(index.search(&q).unwrap().total, 0);
    let permits = index.search(&req("\"residence permits\"", q.filters.clone())).unwrap();
    assert_eq!(permits.total, 1);
    assert_eq!(permits.hits[0].document_id, changed.id.0);
    assert_eq!(index.narratives().unwrap().iter().filter(|n| n.iso3 == "MEX").count(), 2);

    index.remove("MEX", 2007).unwrap();
    index.commit().unwrap();
    assert_eq!(index.search(&req("\"residence permits\"", q.filters.clone())).unwrap().total, 0);
    assert!(!index.narratives().unwrap().iter().any(|n| n.iso3 == "MEX" && n.report_year == 2007));
}
