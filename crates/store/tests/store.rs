//! Store behaviour, one suite run against each backend (SQLite and PostgreSQL, see
//! `common`): round trips, idempotence, conflicts, all-or-nothing writes, reopening,
//! worksheets, file records, ordering, the data version and the writer lock.

mod common;

use common::{Backend, TestDb};
use tierwatch_model::*;
use tierwatch_store::{latest_version, NewWorksheet, PutOutcome, Role, StoreWriterLock};

fn doc_of(country: &str, iso3: &str, text: &str, path: &str) -> (Document, Segmentation) {
    let meta = Metadata {
        country: country.into(),
        iso3: iso3.into(),
        report_year: ReportYear::new(2018),
        stated_tier: Some(Tier::Tier2),
        ..Default::default()
    };
    let d = Document::new(text.to_string(), path.to_string(), DocumentFormat::ChapterText, meta, SourceMap::offset(text.len(), 0));
    let seg = Segmentation {
        sections: vec![Section { kind: SectionKind::Intro, range: TextRange::new(0, text.len()), heading: Some(TextRange::new(0, 6)), method: SegmentMethod::Content, confidence: 0.8 }],
        paragraphs: vec![Paragraph { range: TextRange::new(0, text.len()), section: SectionKind::Intro, method: SegmentMethod::Content, confidence: 0.8 }],
        sentences: (0..5).map(|i| Sentence { range: TextRange::new(i, i + 1), paragraph: 0 }).collect(),
    };
    (d, seg)
}

fn doc(text: &str, path: &str) -> (Document, Segmentation) {
    doc_of("Mexico", "MEX", text, path)
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

both_backends!(
    round_trip_and_idempotence,
    other_text_from_another_source_is_a_conflict_but_same_source_replaces,
    a_failed_write_leaves_nothing_half_written,
    reopening_a_store_keeps_data_and_schema,
    worksheets_save_and_list_newest_first,
    files_are_recorded_and_deleted_with_their_document,
    facts_are_replaced_and_stale_documents_found,
    narratives_are_listed_in_byte_order,
    a_commit_by_another_connection_changes_the_data_version,
    a_second_writer_waits_for_the_first,
    a_store_opens_and_closes_on_an_async_thread,
    users_are_added_listed_and_disabled,
    facts_of_one_kind_are_read_across_narratives,
);

fn round_trip_and_idempotence(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
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
    assert_eq!(store.sources(&d.id.0).unwrap(), got.sources);
    assert_eq!(got.extractor_set_version, Some(1));
    // What the search index reads: the same document and paragraphs, nothing else.
    assert_eq!(store.get_paragraphs("MEX", 2018).unwrap(), Some((d.clone(), seg.paragraphs.clone())));
    assert!(store.get_paragraphs("MEX", 2019).unwrap().is_none());
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].iso3.as_str(), list[0].report_year, list[0].facts), ("MEX", 2018, 1));
    assert_eq!(list[0].sections, vec![SectionKind::Intro]);
    // A newer reader deriving other metadata from the same text at the same path refreshes it.
    let mut newer = d.clone();
    newer.metadata.stated_tier = Some(Tier::Tier2WatchList);
    assert_eq!(store.put_document(&newer, &seg, &facts, 1, false).unwrap(), PutOutcome::Refreshed);
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.metadata.stated_tier, Some(Tier::Tier2WatchList));
    assert_eq!(store.put_document(&newer, &seg, &facts, 1, false).unwrap(), PutOutcome::Unchanged);
    assert!(store.get("MEX", 2019).unwrap().is_none());
}

fn other_text_from_another_source_is_a_conflict_but_same_source_replaces(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    let (d, seg) = doc("MEXICO: TIER 2 first text", "a.txt");
    store.put_document(&d, &seg, &[], 1, false).unwrap();
    let (other, _) = doc("MEXICO: TIER 2 other text", "b.txt");
    assert_eq!(store.put_document(&other, &seg, &[], 1, false).unwrap(), PutOutcome::Conflict { existing_path: "a.txt".into() });
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.text, "MEXICO: TIER 2 first text");
    let (changed, _) = doc("MEXICO: TIER 2 changed text", "a.txt");
    assert_eq!(store.put_document(&changed, &seg, &[], 1, false).unwrap(), PutOutcome::Replaced);
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.text, "MEXICO: TIER 2 changed text");
    // `replace` forces it from another source.
    assert_eq!(store.put_document(&other, &seg, &[], 1, true).unwrap(), PutOutcome::Replaced);
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().document.text, "MEXICO: TIER 2 other text");
    assert!(store.delete_document("MEX", 2018).unwrap());
    assert!(store.get("MEX", 2018).unwrap().is_none());
    assert!(!store.delete_document("MEX", 2018).unwrap());
    assert_eq!(db.count("paragraphs"), 0, "a deleted document's rows go with it");
}

fn a_failed_write_leaves_nothing_half_written(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    let (good, seg) = doc("MEXICO: TIER 2 stored first", "a.txt");
    store.put_document(&good, &seg, &[], 1, false).unwrap();
    // Make the fourth fact row of any later write of a text with "fails" in it fail.
    db.raw(
        "CREATE TRIGGER boom BEFORE INSERT ON facts WHEN NEW.idx = 3 AND (SELECT text FROM documents WHERE id = NEW.document_id) LIKE '%fails%' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF NEW.idx = 3 AND (SELECT text FROM documents WHERE id = NEW.document_id) LIKE '%fails%' THEN RAISE EXCEPTION 'boom'; END IF;
             RETURN NEW;
         END $$;
         CREATE TRIGGER boom BEFORE INSERT ON facts FOR EACH ROW EXECUTE FUNCTION boom();",
    );
    let (bad, _) = doc("MEXICO: TIER 2 replacement that fails", "a.txt");
    let facts = vec![fact(&bad); 5];
    let err = store.put_document(&bad, &seg, &facts, 1, false).unwrap_err();
    assert!(err.to_string().contains("boom"), "{err}");
    let got = store.get("MEX", 2018).unwrap().unwrap();
    assert_eq!(got.document.text, "MEXICO: TIER 2 stored first");
    assert_eq!(got.segmentation.sentences.len(), 5);
    assert_eq!(db.count("documents"), 1);
    assert_eq!(db.count("paragraphs"), 1);
    assert_eq!(db.count("facts"), 0);
    assert_eq!(db.count("audit_log"), 1, "the failed write left no audit entry");
    // The connection is usable after the failed transaction.
    let (next, _) = doc_of("Peru", "PER", "PERU: TIER 2 next", "p.txt");
    assert_eq!(store.put_document(&next, &seg, &[], 1, false).unwrap(), PutOutcome::Inserted);
}

fn reopening_a_store_keeps_data_and_schema(b: Backend) {
    let db = TestDb::new(b);
    {
        let mut store = db.open();
        let (d, seg) = doc("MEXICO: TIER 2 persisted", "a.txt");
        store.put_document(&d, &seg, &[], 1, false).unwrap();
    }
    let store = db.open();
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(db.count("schema_migrations"), latest_version(), "each migration applied once");
    assert_eq!(store.backend(), if b == Backend::Sqlite { "sqlite" } else { "postgres" });
}

fn worksheets_save_and_list_newest_first(b: Backend) {
    let db = TestDb::new(b);
    let store = db.open();
    let mk = |analyst: &'static str, outcome: &'static str| NewWorksheet {
        iso3: "MEX",
        report_year: 2007,
        analyst,
        saved_at: "2026-01-01T00:00:00Z",
        overrides_json: r#"[{"finding":"significant_efforts","value":"false"}]"#,
        outcome,
        original_outcome: "tier2",
        note: "",
        proposed_tier: None,
        fact_ids_json: "[]",
    };
    let a = store.save_worksheet(&mk("Ana", "tier3")).unwrap();
    let b2 = store.save_worksheet(&mk("Bo", "tier2_watch_list")).unwrap();
    assert!(b2 > a);
    let got = store.worksheets("MEX", 2007).unwrap();
    assert_eq!(got.iter().map(|w| w.id).collect::<Vec<_>>(), vec![b2, a]);
    assert_eq!(got[1].analyst, "Ana");
    assert_eq!(got[1].overrides[0]["finding"], "significant_efforts");
    assert_eq!(got[0].report_year, 2007);
    assert!(store.worksheets("MEX", 2018).unwrap().is_empty());
}

fn files_are_recorded_and_deleted_with_their_document(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    assert!(!store.file_unchanged("a.txt", "h1").unwrap());
    store.record_file("a.txt", "h1", 10).unwrap();
    store.record_file("other.txt", "h9", 3).unwrap();
    assert!(store.file_unchanged("a.txt", "h1").unwrap());
    store.record_file("a.txt", "h2", 11).unwrap();
    assert!(!store.file_unchanged("a.txt", "h1").unwrap(), "a new hash replaces the old");
    let hashes = store.file_hashes().unwrap();
    assert_eq!(hashes.get("a.txt").map(String::as_str), Some("h2"));
    assert_eq!(hashes.len(), 2);
    let (d, seg) = doc("MEXICO: TIER 2 from a", "a.txt");
    store.put_document(&d, &seg, &[], 1, false).unwrap();
    store.delete_document("MEX", 2018).unwrap();
    assert!(!store.file_unchanged("a.txt", "h2").unwrap(), "deleting a document forgets its files, so they are read again");
    assert!(store.file_unchanged("other.txt", "h9").unwrap());
}

fn facts_are_replaced_and_stale_documents_found(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    let (d, seg) = doc("MEXICO: TIER 2 facts", "a.txt");
    store.put_document(&d, &seg, &[], 1, false).unwrap();
    let (p, pseg) = doc_of("Peru", "PER", "PERU: TIER 2 facts", "p.txt");
    store.put_document(&p, &pseg, &[], 2, false).unwrap();
    assert_eq!(store.stale_documents(2).unwrap(), vec![("MEX".to_string(), 2018)]);
    store.replace_facts(&d.id.0, &[fact(&d), fact(&d)], 2).unwrap();
    assert!(store.stale_documents(2).unwrap().is_empty());
    assert_eq!(store.get("MEX", 2018).unwrap().unwrap().facts.len(), 2);
    // An unchanged document stored by a newer extractor set gets the new facts.
    assert_eq!(store.put_document(&d, &seg, &[fact(&d)], 3, false).unwrap(), PutOutcome::Unchanged);
    let got = store.get("MEX", 2018).unwrap().unwrap();
    assert_eq!((got.facts.len(), got.extractor_set_version), (1, Some(3)));
    assert_eq!(store.all_documents().unwrap().len(), 2);
}

fn narratives_are_listed_in_byte_order(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    // Byte order puts capitals before small letters, whatever the server's locale.
    for (country, iso3) in [("bosnia (test)", "BIH"), ("Zambia", "ZMB"), ("Côte d'Ivoire", "CIV"), ("Cabo Verde", "CPV")] {
        let (d, seg) = doc_of(country, iso3, &format!("{country}: TIER 2"), &format!("{iso3}.txt"));
        store.put_document(&d, &seg, &[], 1, false).unwrap();
    }
    let got: Vec<String> = store.list().unwrap().into_iter().map(|s| s.country).collect();
    assert_eq!(got, vec!["Cabo Verde", "Côte d'Ivoire", "Zambia", "bosnia (test)"]);
}

fn a_commit_by_another_connection_changes_the_data_version(b: Backend) {
    let db = TestDb::new(b);
    let watch = db.open();
    let v0 = watch.data_version().unwrap();
    let _ = watch.list().unwrap();
    assert_eq!(watch.data_version().unwrap(), v0, "nothing committed");
    let other = db.open();
    other.record_file("x.txt", "abc", 3).unwrap();
    let v1 = watch.data_version().unwrap();
    assert_ne!(v1, v0);
    assert_eq!(watch.data_version().unwrap(), v1);
}

fn a_second_writer_waits_for_the_first(b: Backend) {
    let db = TestDb::new(b);
    drop(db.open()); // create the store
    let first = StoreWriterLock::acquire(&db.location, |_| panic!("free at first")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let location = db.location.clone();
    let second = std::thread::spawn(move || {
        let lock = StoreWriterLock::acquire(&location, |what| tx.send(what.to_string()).unwrap()).unwrap();
        done_tx.send(()).unwrap();
        drop(lock);
    });
    let what = rx.recv().unwrap();
    assert!(what.contains("lock"), "the waiter is told what it waits for: {what}");
    assert!(done_rx.recv_timeout(std::time::Duration::from_millis(300)).is_err(), "still waiting while the first holds it");
    drop(first);
    done_rx.recv_timeout(std::time::Duration::from_secs(10)).expect("the second gets the lock once the first lets go");
    second.join().unwrap();
}

/// `serve` opens its first connection inside the tokio runtime and drops its pool there; the
/// PostgreSQL driver blocks on a runtime of its own, which tokio forbids on such a thread.
fn a_store_opens_and_closes_on_an_async_thread(b: Backend) {
    let db = TestDb::new(b);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store = rt.block_on(async { db.open() });
    let store = rt.block_on(async move { tokio::task::spawn_blocking(move || store.list().map(|l| (l.len(), store))).await.unwrap() }).unwrap().1;
    rt.block_on(async move { drop(store) });
}

fn users_are_added_listed_and_disabled(b: Backend) {
    let db = TestDb::new(b);
    let store = db.open();
    assert!(store.users().unwrap().is_empty(), "a new store has no users");
    let zoe = store.add_user("zoe", Role::Reviewer, "$argon2id$hash-z", "2026-12-01T10:00:00Z").unwrap();
    store.add_user("Ana", Role::Analyst, "$argon2id$hash-a", "2026-12-01T11:00:00Z").unwrap();
    assert_eq!((zoe.name.as_str(), zoe.role, zoe.disabled_at.as_deref()), ("zoe", Role::Reviewer, None));
    let err = store.add_user("zoe", Role::Admin, "x", "t").unwrap_err();
    assert!(err.to_string().contains("\"zoe\" already exists"), "{err}");
    let names: Vec<(String, Role)> = store.users().unwrap().into_iter().map(|u| (u.name, u.role)).collect();
    assert_eq!(names, vec![("Ana".to_string(), Role::Analyst), ("zoe".to_string(), Role::Reviewer)], "by name, byte order");
    assert!(store.disable_user("zoe", "2026-12-02T09:00:00Z").unwrap());
    assert!(store.disable_user("zoe", "2026-12-03T09:00:00Z").unwrap());
    let z = store.user("zoe").unwrap().unwrap();
    assert_eq!(z.disabled_at.as_deref(), Some("2026-12-02T09:00:00Z"), "disabling twice keeps the first time");
    assert_eq!(z.password_hash, "$argon2id$hash-z");
    assert!(!store.disable_user("nobody", "t").unwrap());
    assert!(store.user("nobody").unwrap().is_none());
    // The schema refuses a role tierwatch does not know.
    let bad = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| db.raw(
        "INSERT INTO users (name, role, password_hash, created_at) VALUES ('x', 'root', 'h', 't')",
        "INSERT INTO users (name, role, password_hash, created_at) VALUES ('x', 'root', 'h', 't')",
    )));
    assert!(bad.is_err());
}

fn facts_of_one_kind_are_read_across_narratives(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    let (mx, seg_mx) = doc("MEXICO: TIER 2 text about trafficking", "mx.txt");
    let (pe, seg_pe) = doc_of("Peru", "PER", "PERU: TIER 2 text about trafficking", "pe.txt");
    let waiver = |d: &Document| Fact { kind: FactKind::Waiver, value: FactValue::Bool(true), unit: None, ..fact(d) };
    store.put_document(&mx, &seg_mx, &[fact(&mx), waiver(&mx)], 1, false).unwrap();
    store.put_document(&pe, &seg_pe, &[waiver(&pe), fact(&pe)], 1, false).unwrap();
    let all = store.facts_of_kind(FactKind::Waiver, None).unwrap();
    assert_eq!(all, vec![("MEX".to_string(), 2018, waiver(&mx)), ("PER".to_string(), 2018, waiver(&pe))]);
    // the same facts as reading the narratives whole
    assert_eq!(store.get("PER", 2018).unwrap().unwrap().facts.into_iter().filter(|f| f.kind == FactKind::Waiver).collect::<Vec<_>>(), vec![waiver(&pe)]);
    assert_eq!(store.facts_of_kind(FactKind::Waiver, Some("PER")).unwrap(), vec![("PER".to_string(), 2018, waiver(&pe))]);
    assert_eq!(store.facts_of_kind(FactKind::Convictions, Some("MEX")).unwrap().len(), 1);
    assert!(store.facts_of_kind(FactKind::AutoDowngrade, None).unwrap().is_empty());
    assert!(store.facts_of_kind(FactKind::Waiver, Some("CHL")).unwrap().is_empty());
}
