//! The audit trail, the review workflow's transitions and login sessions, one suite run
//! against each backend (see `common`): every change appends a hash-chained entry in its own
//! transaction, the table refuses updates, and a row edited behind tierwatch's back (raw SQL,
//! trigger dropped) makes `verify_audit` name it.

mod common;

use common::{Backend, TestDb};
use tierwatch_model::*;
use tierwatch_store::{AuditFilter, NewWorksheet, ReviewState, Revision, Role, StoreError, GENESIS};

both_backends!(
    every_change_is_an_entry_in_one_chain,
    an_edited_row_fails_verification_naming_it,
    an_entry_and_its_change_are_one_transaction,
    worksheets_go_through_the_review_states,
    sessions_match_until_they_expire_or_the_account_is_disabled,
);

fn doc(iso3: &str, country: &str, text: &str, path: &str) -> (Document, Segmentation) {
    let meta = Metadata { country: country.into(), iso3: iso3.into(), report_year: ReportYear::new(2018), stated_tier: Some(Tier::Tier2), ..Default::default() };
    let d = Document::new(text.to_string(), path.to_string(), DocumentFormat::ChapterText, meta, SourceMap::offset(text.len(), 0));
    let seg = Segmentation {
        sections: vec![Section { kind: SectionKind::Intro, range: TextRange::new(0, text.len()), heading: None, method: SegmentMethod::Content, confidence: 0.8 }],
        paragraphs: vec![],
        sentences: vec![],
    };
    (d, seg)
}

fn draft<'a>(analyst: &'a str) -> NewWorksheet<'a> {
    NewWorksheet {
        iso3: "MEX",
        report_year: 2018,
        analyst,
        saved_at: "2026-12-02T10:00:00Z",
        overrides_json: r#"[{"finding":"significant_efforts","value":"false"}]"#,
        outcome: "tier3",
        original_outcome: "tier2",
        note: "see fact abc",
        proposed_tier: Some("tier3"),
        fact_ids_json: r#"["abc"]"#,
    }
}

fn every_change_is_an_entry_in_one_chain(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    store.set_actor("cli:ops");
    let (d, seg) = doc("MEX", "Mexico", "MEXICO: TIER 2 first", "mex.txt");
    store.put_document(&d, &seg, &[], 1, false).unwrap();
    store.put_document(&d, &seg, &[], 1, false).unwrap(); // unchanged: no entry
    store.put_document(&d, &seg, &[], 2, false).unwrap(); // facts of a newer extractor set
    let (d2, _) = doc("MEX", "Mexico", "MEXICO: TIER 2 second text", "mex.txt");
    store.put_document(&d2, &seg, &[], 2, false).unwrap(); // replaced
    let (p, _) = doc("PER", "Peru", "PERU: TIER 2", "per.txt");
    store.put_document(&p, &seg, &[], 2, false).unwrap();
    store.delete_document("PER", 2018).unwrap();
    store.delete_document("PER", 2018).unwrap(); // nothing there: no entry
    store.add_user("ana", Role::Analyst, "$argon2id$h", "2026-12-02T10:00:00Z").unwrap();
    store.disable_user("ana", "2026-12-02T11:00:00Z").unwrap();
    store.disable_user("ana", "2026-12-02T12:00:00Z").unwrap(); // already disabled: no entry
    store.set_actor("ana");
    let id = store.save_worksheet(&draft("ana")).unwrap();
    store.transition_worksheet(id, &[ReviewState::Draft], ReviewState::Submitted, "").unwrap();

    let all = store.audit(&AuditFilter::default()).unwrap();
    let actions: Vec<&str> = all.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["document.ingest", "document.facts", "document.replace", "document.ingest", "document.delete", "user.add", "user.disable", "worksheet.save", "worksheet.submit"]
    );
    assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
    assert_eq!(all[0].prev_hash, GENESIS);
    for w in all.windows(2) {
        assert_eq!(w[1].prev_hash, w[0].hash, "each entry carries the previous entry's hash");
    }
    let ingest = &all[0];
    assert_eq!((ingest.actor.as_str(), ingest.subject.as_str(), ingest.iso3.as_deref(), ingest.report_year), ("cli:ops", "document MEX 2018", Some("MEX"), Some(2018)));
    assert!(ingest.before.is_none());
    assert_eq!(ingest.after.as_ref().unwrap()["source_path"], "mex.txt");
    assert!(ingest.at.len() == 20 && ingest.at.ends_with('Z') && ingest.at.as_bytes()[10] == b'T', "{}", ingest.at);
    assert_eq!(all[1].before.as_ref().unwrap()["extractor_set_version"], 1);
    assert_eq!(all[1].after.as_ref().unwrap()["extractor_set_version"], 2);
    assert_ne!(all[2].before.as_ref().unwrap()["document_id"], all[2].after.as_ref().unwrap()["document_id"]);
    assert!(all[4].after.is_none() && all[4].before.is_some());
    let disable = &all[6];
    assert_eq!(disable.before.as_ref().unwrap()["disabled_at"], serde_json::Value::Null);
    assert_eq!(disable.after.as_ref().unwrap()["disabled_at"], "2026-12-02T11:00:00Z");
    assert!(!serde_json::to_string(&all).unwrap().contains("argon2"), "no password hash in the trail");
    let submit = &all[8];
    assert_eq!((submit.actor.as_str(), submit.subject.clone()), ("ana", format!("worksheet {id}")));
    assert_eq!(submit.before.as_ref().unwrap()["state"], "draft");
    assert_eq!(submit.after.as_ref().unwrap()["state"], "submitted");

    let per = store.audit(&AuditFilter { iso3: Some("PER".into()), since: None }).unwrap();
    assert_eq!(per.iter().map(|e| e.id).collect::<Vec<_>>(), vec![4, 5]);
    assert_eq!(store.audit(&AuditFilter { iso3: None, since: Some("2999-01-01".into()) }).unwrap().len(), 0);
    assert_eq!(store.audit(&AuditFilter { iso3: None, since: Some("2000-01-01".into()) }).unwrap().len(), 9);

    let check = store.verify_audit().unwrap();
    assert_eq!((check.entries, check.problems.len()), (9, 0), "{:?}", check.problems);
    assert_eq!(check.head.as_deref(), Some(all[8].hash.as_str()));
}

fn an_edited_row_fails_verification_naming_it(b: Backend) {
    let db = TestDb::new(b);
    let store = db.open();
    store.set_actor("admin");
    for name in ["ana", "bo", "cy"] {
        store.add_user(name, Role::Analyst, "$argon2id$h", "2026-12-02T10:00:00Z").unwrap();
    }
    assert!(store.verify_audit().unwrap().problems.is_empty());
    // The table refuses changes...
    let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        db.raw("UPDATE audit_log SET actor = 'mallory' WHERE id = 2", "UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    }));
    assert!(refused.is_err(), "an UPDATE of the audit table is refused");
    let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| db.raw("DELETE FROM audit_log WHERE id = 3", "DELETE FROM audit_log WHERE id = 3")));
    assert!(refused.is_err(), "a DELETE of the audit table is refused");
    assert!(store.verify_audit().unwrap().problems.is_empty());
    // ...but someone with the database's rights can drop the guard and edit a row.
    db.raw(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 2",
        "DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET actor = 'mallory' WHERE id = 2",
    );
    let check = store.verify_audit().unwrap();
    assert_eq!(check.problems.iter().map(|p| p.id).collect::<Vec<_>>(), vec![2], "{:?}", check.problems);
    assert!(check.problems[0].message.contains("row 2 was edited"), "{:?}", check.problems);
    // Rewriting the row's hash to match does not hide it: the next row recorded the old one.
    let entry = store.audit(&AuditFilter::default()).unwrap().remove(1);
    let forged = forge_hash(&entry);
    db.raw(&format!("UPDATE audit_log SET hash = '{forged}' WHERE id = 2"), &format!("UPDATE audit_log SET hash = '{forged}' WHERE id = 2"));
    let check = store.verify_audit().unwrap();
    assert_eq!(check.problems.iter().map(|p| p.id).collect::<Vec<_>>(), vec![2], "{:?}", check.problems);
    assert!(check.problems[0].message.contains("row 3 recorded another hash"), "{:?}", check.problems);
}

/// The hash a forger would compute for an edited row (the canonical serialisation, as the
/// store writes it: a JSON array of the stored values).
fn forge_hash(e: &tierwatch_store::AuditEntry) -> String {
    use sha2::{Digest, Sha256};
    let text = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    let canonical = serde_json::json!([e.id, e.at, e.actor, e.action, e.subject, e.iso3, e.report_year, e.document_id, text(&e.before), text(&e.after), e.reason, e.prev_hash]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

fn an_entry_and_its_change_are_one_transaction(b: Backend) {
    let db = TestDb::new(b);
    let mut store = db.open();
    store.add_user("ana", Role::Analyst, "$argon2id$h", "t").unwrap();
    // An audit insert that fails takes the change with it.
    db.raw(
        "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'document.ingest' BEGIN SELECT RAISE(ABORT, 'audit refused'); END;",
        "CREATE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF NEW.action = 'document.ingest' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
         CREATE TRIGGER no_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION no_audit();",
    );
    let (d, seg) = doc("MEX", "Mexico", "MEXICO: TIER 2", "mex.txt");
    let err = store.put_document(&d, &seg, &[], 1, false).unwrap_err();
    assert!(err.to_string().contains("audit refused"), "{err}");
    assert!(store.get("MEX", 2018).unwrap().is_none(), "no change without its entry");
    assert_eq!(db.count("documents"), 0);
    // A change that fails leaves no entry.
    assert!(store.add_user("ana", Role::Admin, "$argon2id$h", "t").is_err());
    assert!(store.transition_worksheet(99, &[ReviewState::Draft], ReviewState::Submitted, "").is_err());
    assert_eq!(db.count("audit_log"), 1, "no entry without its change");
}

fn worksheets_go_through_the_review_states(b: Backend) {
    let db = TestDb::new(b);
    let store = db.open();
    store.set_actor("ana");
    let id = store.save_worksheet(&draft("ana")).unwrap();
    let w = store.worksheet(id).unwrap().unwrap();
    assert_eq!((w.state, w.proposed_tier.as_deref(), w.fact_ids.clone()), (ReviewState::Draft, Some("tier3"), vec!["abc".to_string()]));
    let err = store.transition_worksheet(id, &[ReviewState::Submitted], ReviewState::Approved, "").unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)) && err.to_string().contains("is draft, not submitted"), "{err}");
    store.transition_worksheet(id, &[ReviewState::Draft, ReviewState::Returned], ReviewState::Submitted, "").unwrap();
    assert!(store.revise_worksheet(id, &revision("tier2")).is_err(), "a submitted worksheet is not revised");
    store.set_actor("rev-a");
    let returned = store.transition_worksheet(id, &[ReviewState::Submitted], ReviewState::Returned, "cite the convictions").unwrap();
    assert_eq!((returned.state, returned.decided_by.as_deref(), returned.review_comment.as_str()), (ReviewState::Returned, Some("rev-a"), "cite the convictions"));
    assert!(returned.decided_at.is_some());
    store.set_actor("ana");
    let revised = store.revise_worksheet(id, &revision("tier2_watch_list")).unwrap();
    assert_eq!((revised.state, revised.proposed_tier.as_deref()), (ReviewState::Draft, Some("tier2_watch_list")));
    store.transition_worksheet(id, &[ReviewState::Draft, ReviewState::Returned], ReviewState::Submitted, "").unwrap();
    assert!(store.approved_worksheets(Some(2018)).unwrap().is_empty());
    store.set_actor("rev-b");
    let approved = store.transition_worksheet(id, &[ReviewState::Submitted], ReviewState::Approved, "agreed").unwrap();
    assert_eq!((approved.state, approved.decided_by.as_deref()), (ReviewState::Approved, Some("rev-b")));
    let shown = store.approved_worksheets(Some(2018)).unwrap();
    assert_eq!(shown.iter().map(|w| w.id).collect::<Vec<_>>(), vec![id]);
    assert_eq!(store.approved_worksheets(None).unwrap().len(), 1);
    assert!(store.approved_worksheets(Some(2017)).unwrap().is_empty());
    let trail: Vec<(String, String, String)> = store
        .audit(&AuditFilter { iso3: Some("MEX".into()), since: None })
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor, e.reason))
        .collect();
    let expect = [
        ("worksheet.save", "ana", ""),
        ("worksheet.submit", "ana", ""),
        ("worksheet.return", "rev-a", "cite the convictions"),
        ("worksheet.revise", "ana", ""),
        ("worksheet.submit", "ana", ""),
        ("worksheet.approve", "rev-b", "agreed"),
    ];
    assert_eq!(trail, expect.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
}

fn revision(tier: &str) -> Revision<'_> {
    Revision {
        overrides_json: r#"[{"finding":"significant_efforts","value":"true"}]"#,
        outcome: "tier2",
        original_outcome: "tier2",
        note: "revised",
        proposed_tier: Some(tier),
        fact_ids_json: "[]",
    }
}

fn sessions_match_until_they_expire_or_the_account_is_disabled(b: Backend) {
    let db = TestDb::new(b);
    let store = db.open();
    let none = store.viewer(Some("t1")).unwrap();
    assert!(!none.accounts_exist && none.user.is_none());
    let ana = store.add_user("ana", Role::Analyst, "$argon2id$h", "t").unwrap();
    store.create_session("t1", ana.id, 3600).unwrap();
    store.create_session("t-old", ana.id, -1).unwrap();
    let v = store.viewer(Some("t1")).unwrap();
    assert!(v.accounts_exist);
    assert_eq!(v.user.map(|u| u.name), Some("ana".to_string()));
    assert!(store.viewer(Some("t-old")).unwrap().user.is_none(), "an expired session does not match");
    assert!(store.viewer(Some("nope")).unwrap().user.is_none());
    assert!(store.viewer(None).unwrap().user.is_none());
    store.create_session("t2", ana.id, 3600).unwrap();
    assert_eq!(db.count("sessions"), 2, "expired sessions are dropped when a new one opens");
    store.delete_session("t1").unwrap();
    assert!(store.viewer(Some("t1")).unwrap().user.is_none(), "logged out");
    store.disable_user("ana", "t").unwrap();
    assert!(store.viewer(Some("t2")).unwrap().user.is_none(), "a disabled account's sessions end");
    assert_eq!(db.count("sessions"), 0);
}
