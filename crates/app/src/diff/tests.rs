//! Diff over hand-made narratives: count slots change, penalties change, listed values come
//! and go, tiers move, and sentences are kept, added and removed per section.

use super::*;
use crate::testutil::{narrative, with_fact};
use tierwatch_model::{FactValue, PenaltyMax};
use SectionKind::{Prosecution, Protection};

fn pair() -> (StoredDocument, StoredDocument) {
    let old = narrative(
        "MEX",
        2007,
        Some(Tier::Tier2WatchList),
        &[
            (Prosecution, "The law prescribes five to 10 years. In 2006, the government convicted 12 traffickers. It was a source country."),
            (Protection, "Victims received visas. Shelters were open."),
        ],
    );
    let old = with_fact(old, FactKind::Convictions, FactValue::Int(12), Period::Year(2006), None, "convicted 12 traffickers");
    let old = with_fact(old, FactKind::Penalty, FactValue::Penalty { min: Some(5.0), max: Some(PenaltyMax::Years(10.0)) }, Period::Unknown, Some("main"), "five to 10 years");
    let old = with_fact(old, FactKind::Role, FactValue::Text("source".into()), Period::Unknown, None, "source country");
    let new = narrative(
        "MEX",
        2018,
        Some(Tier::Tier2),
        &[
            (Prosecution, "The law prescribes five to 30 years. During the reporting period, the government convicted 4 traffickers. It was a source and destination country."),
            (Protection, "Victims received visas. A new hotline opened."),
        ],
    );
    let new = with_fact(new, FactKind::Convictions, FactValue::Int(4), Period::ReportingPeriod, None, "convicted 4 traffickers");
    let new = with_fact(new, FactKind::Penalty, FactValue::Penalty { min: Some(5.0), max: Some(PenaltyMax::Years(30.0)) }, Period::Unknown, Some("main"), "five to 30 years");
    let new = with_fact(new, FactKind::Role, FactValue::Text("source".into()), Period::Unknown, None, "source and destination");
    let new = with_fact(new, FactKind::Role, FactValue::Text("destination".into()), Period::Unknown, None, "destination country");
    (old, new)
}

#[test]
fn counts_and_penalties_change_with_both_quotes_and_roles_are_added() {
    let (old, new) = pair();
    let d = diff(&old, &new);
    assert_eq!(d.tier, TierChange { from: Some(Tier::Tier2WatchList), to: Some(Tier::Tier2), movement: "upgraded" });
    let conv = d.facts.changed.iter().find(|c| c.from.kind == FactKind::Convictions).expect("convictions changed");
    assert_eq!((conv.from.value.as_str(), conv.to.value.as_str()), ("12", "4"));
    assert_eq!(conv.from.period, Period::ReportingPeriod, "2006 in the 2007 report is its reporting period");
    assert_eq!(conv.from.quote, "convicted 12 traffickers");
    assert_eq!(conv.to.quote, "convicted 4 traffickers");
    let pen = d.facts.changed.iter().find(|c| c.from.kind == FactKind::Penalty).expect("penalty changed");
    assert_eq!((pen.from.value.as_str(), pen.to.value.as_str()), ("5-10 years", "5-30 years"));
    assert_eq!(d.facts.added.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(), ["destination"]);
    assert!(d.facts.removed.is_empty());
    assert_eq!(d.facts.unchanged, 1, "the source role");
}

#[test]
fn sentence_diff_per_section() {
    let (old, new) = pair();
    let d = diff(&old, &new);
    let prot = d.sections.iter().find(|s| s.section == Protection).unwrap();
    assert_eq!((prot.kept, prot.removed, prot.added), (1, 1, 1));
    assert_eq!(prot.ops[0].op, Op::Kept);
    let removed = prot.ops.iter().find(|o| o.op == Op::Removed).unwrap();
    assert_eq!(removed.text, "Shelters were open.");
    assert_eq!(removed.from.unwrap().slice(&old.document.text), "Shelters were open.");
    let added = prot.ops.iter().find(|o| o.op == Op::Added).unwrap();
    assert_eq!(added.to.unwrap().slice(&new.document.text), "A new hotline opened.");
}

#[test]
fn identical_narratives_have_no_changes() {
    let (old, _) = pair();
    let d = diff(&old, &old);
    assert_eq!(d.tier.movement, "unchanged");
    assert!(d.facts.added.is_empty() && d.facts.removed.is_empty() && d.facts.changed.is_empty());
    assert!(d.sections.iter().all(|s| s.added == 0 && s.removed == 0));
}
