//! Store behaviour: round trips, idempotence, conflicts and all-or-nothing writes.

use tierwatch_model::*;
use tierwatch_store::{PutOutcome, Store};

fn doc(text: &str, path: &str) -> (Document, Segmentation) {
    let meta = Metadata {
        country: "Mexico".into(),
        iso3: "MEX".into(),
        report_year: ReportYear::new(2018),
        stated_tier: Some(Tier::Tier2),
        ..Default::default()
    };
    let d = Document::new(text.to_string(), path.to_string(), DocumentFormat::ChapterText, meta, SourceMap::offset(text.len(), 0));
    let seg = Segmentation {
        sections: vec![Section { kind: SectionKind::Intro, range: TextRange::new(0, text.len()), heading: None, method: SegmentMethod::Content, confidence: 0.8 }],
        paragraphs: vec![Paragraph { range: TextRange::new(0, text.len()), section: SectionKind::Intro, method: SegmentMethod::Content, confidence: 0.8 }],
        sentences: (0..5).map(|i| Sentence { range: TextRange::new(i, i + 1), paragraph: 0 }).collect(),
    };
    (d, seg)
}

fn fact(d: &Document) -> Fact {
    Fact {
        kind: FactKind::Convictions,
        value: FactValue::Int(7),
        period: Period::Year(2017),
        qualifier: Qualifier::Exact,
        scope: None,
        unit: Some("traffickers".into()),
        confidence: 0.9,
        provenance: Provenance { document: d.id.clone(), range: TextRange::new(0, 5), quote: d.text[0..5].to_string(), section: Some(SectionKind::Intro), extractor: "counts".into(), extractor_version: 1 },
    }
}

#[test]
fn round_trip_and_idempotence() {
    let mut store = Store::open_in_memory().unwrap();
    let (d, seg) = doc("MEXICO: TIER 2 text about trafficking", "a.txt");
    let facts = vec![fact(&d)];
    assert_eq!(store.put_document(&d, &seg, &facts, 1, false).unwrap(), PutOutcome::Inserted);
    assert_eq!(store.put_document(&d, &seg, &facts, 1, false).unwrap(), PutOutcome::Unchanged);
    // The same text from a second source is one narrative with two sources.
    let (d2, _) = doc("MEXICO: TIER 2 text about trafficking", "dump.txt");
    assert_eq!(store.put_document(&d2, &seg, &facts, 1, false).unwrap(), PutOutcome::Unchanged);
    let got = store.get("MEX", 2018).unwrap().unwrap();
    assert_eq!(got.document, d);
    assert_eq!(got.segmentation, seg);
    assert_eq!(got.facts, facts);
    assert_eq!(got.sources, vec!["a.txt".to_string(), "dump.txt".to_string()]);
    assert_eq!(store.list().unwrap().len(), 1);
    // A newer reader deriving other metadata from the same text at the same path refreshes it.
    let mut newer = d.clone();
    newer.metadata.stated_tier = Some(Tier::Tier2WatchList);
    assert_eq!(store.put_document(&newer, &seg, &facts, 1, false).unwrap(), PutOutcome::Refreshed);
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.metadata.stated_tier, Some(Tier::Tier2WatchList));
    assert_eq!(store.put_document(&newer, &seg, &facts, 1, false).unwrap(), PutOutcome::Unchanged);
}

#[test]
fn other_text_from_another_source_is_a_conflict_but_same_source_replaces() {
    let mut store = Store::open_in_memory().unwrap();
    let (d, seg) = doc("MEXICO: TIER 2 first text", "a.txt");
    store.put_document(&d, &seg, &[], 1, false).unwrap();
    let (other, _) = doc("MEXICO: TIER 2 other text", "b.txt");
    assert_eq!(store.put_document(&other, &seg, &[], 1, false).unwrap(), PutOutcome::Conflict { existing_path: "a.txt".into() });
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.text, "MEXICO: TIER 2 first text");
    let (changed, _) = doc("MEXICO: TIER 2 changed text", "a.txt");
    assert_eq!(store.put_document(&changed, &seg, &[], 1, false).unwrap(), PutOutcome::Replaced);
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.text, "MEXICO: TIER 2 changed text");
    assert!(store.delete_document("MEX", 2018).unwrap());
    assert!(store.get("MEX", 2018).unwrap().is_none());
}

#[test]
fn a_failed_write_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let mut store = Store::open(&path).unwrap();
    let (good, seg) = doc("MEXICO: TIER 2 stored first", "a.txt");
    store.put_document(&good, &seg, &[], 1, false).unwrap();
    // Make the third sentence row of any later write fail.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TRIGGER boom BEFORE INSERT ON sentences WHEN NEW.idx = 3 AND (SELECT text FROM documents WHERE id = NEW.document_id) LIKE '%fails%' BEGIN SELECT RAISE(ABORT, 'boom'); END;").unwrap();
    let (mut bad, _) = doc("MEXICO: TIER 2 replacement that fails", "a.txt");
    bad.metadata.iso3 = "MEX".into();
    assert!(store.put_document(&bad, &seg, &[], 1, false).is_err());
    let got = store.get("MEX", 2018).unwrap().unwrap();
    assert_eq!(got.document.text, "MEXICO: TIER 2 stored first");
    assert_eq!(got.segmentation.sentences.len(), 5);
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn reopening_a_store_keeps_data_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        let (d, seg) = doc("MEXICO: TIER 2 persisted", "a.txt");
        store.put_document(&d, &seg, &[], 1, false).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
}
