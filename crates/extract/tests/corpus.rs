//! Corpus-level invariants over every real document: each fact quotes exactly the text at
//! its range, ranges are ordered, and the 2007 Mexico acceptance facts come out.

mod common;

use tierwatch_extract::extract;
use tierwatch_ingest::segment;
use tierwatch_model::{FactKind, FactValue, PenaltyMax, Period, Qualifier};

#[test]
fn every_quote_is_the_text_at_its_range() {
    let mut docs = 0;
    let mut facts = 0;
    for path in common::corpus_files() {
        for doc in common::read(&path) {
            let seg = segment(&doc.text);
            let fs = extract(&doc, &seg);
            for f in &fs {
                let r = f.provenance.range;
                assert_eq!(f.provenance.quote, &doc.text[r.start..r.end], "{}", path.display());
                assert_eq!(f.provenance.document, doc.id);
                assert!(!f.provenance.quote.is_empty());
            }
            let keys: Vec<_> = fs.iter().map(|f| (f.provenance.range.start, f.provenance.range.end, f.kind)).collect();
            assert!(keys.windows(2).all(|w| w[0] <= w[1]), "facts not sorted in {}", path.display());
            facts += fs.len();
            docs += 1;
        }
    }
    assert!(docs >= 290, "only {docs} documents");
    assert!(facts > docs * 20, "only {facts} facts");
}

/// A gate skips a sentence only when its pattern cannot match: checked on every paragraph
/// and every sentence-like piece (split at ". ") of every corpus document.
#[test]
fn gates_never_shut_on_a_match() {
    let mut pieces = 0;
    for path in common::corpus_files() {
        for doc in common::read(&path) {
            for para in doc.text.lines() {
                for piece in std::iter::once(para).chain(para.split(". ")) {
                    pieces += 1;
                    let forms = tierwatch_extract::forms::gate_misses(piece);
                    assert!(forms.is_empty(), "{}: forms gate shut for {forms:?} on {piece:?}", path.display());
                    assert!(!tierwatch_extract::groups::gate_misses(piece), "{}: groups gate shut on {piece:?}", path.display());
                    assert!(!tierwatch_extract::complicity::gate_misses(piece), "{}: complicity gate shut on {piece:?}", path.display());
                    assert!(!tierwatch_extract::roles::gate_misses(piece), "{}: roles gate shut on {piece:?}", path.display());
                    assert!(!tierwatch_extract::protection::gate_misses(piece), "{}: protection gate shut on {piece:?}", path.display());
                    assert!(!tierwatch_extract::penalties::gate_misses(piece), "{}: penalties gate shut on {piece:?}", path.display());
                }
            }
        }
    }
    assert!(pieces > 10_000, "only {pieces} pieces");
}

#[test]
fn extraction_is_deterministic() {
    let path = common::corpus().join("tip-2018/mexico.txt");
    let doc = common::read(&path).remove(0);
    let seg = segment(&doc.text);
    assert_eq!(extract(&doc, &seg), extract(&doc, &seg));
}

#[test]
fn mexico_2007_acceptance() {
    let doc = common::read(&common::corpus().join("refworld/2007-mexico.txt")).remove(0);
    let seg = segment(&doc.text);
    let fs = extract(&doc, &seg);
    let has = |kind: FactKind, v: FactValue| fs.iter().any(|f| f.kind == kind && f.value == v);
    let count = |kind: FactKind, v: i64, p: Period| fs.iter().any(|f| f.kind == kind && f.value == FactValue::Int(v) && f.period == p);
    let text = |s: &str| FactValue::Text(s.into());

    assert!(fs.iter().any(|f| f.kind == FactKind::Investigations
        && f.value == FactValue::Int(13)
        && f.period == Period::Year(2006)
        && f.qualifier == Qualifier::AtLeast));
    assert!(count(FactKind::Investigations, 8, Period::Year(2005)));
    assert!(count(FactKind::Convictions, 1, Period::Year(2006)));
    assert!(fs.iter().any(|f| f.kind == FactKind::Law && f.value.as_text().is_some_and(|v| v.starts_with("Article 201"))));
    assert!(fs.iter().any(|f| f.kind == FactKind::Law && f.value.as_text().is_some_and(|v| v.starts_with("Article 365"))));
    assert!(has(FactKind::Penalty, FactValue::Penalty { min: None, max: Some(PenaltyMax::Years(10.0)) }));
    assert!(has(FactKind::Penalty, FactValue::Penalty { min: None, max: Some(PenaltyMax::Years(1.0)) }));
    assert!(has(FactKind::PenaltyJudgment, text("not_sufficiently_stringent")));
    assert!(has(FactKind::VictimVisas, FactValue::Int(11)));
    assert!(has(FactKind::Tier, text("tier2_watch_list")));
    assert!(has(FactKind::WatchListConsecutiveYears, FactValue::Int(4)));
    assert!(has(FactKind::WatchListBasis, text("future_commitments")));
    for role in ["source", "transit", "destination"] {
        assert!(has(FactKind::Role, text(role)), "{role}");
    }
}
