//! Scorer tests on hand-made gold and facts.

use super::*;
use tierwatch_model::{DocId, Fact, FactKind, FactValue, Period, Provenance, Qualifier, TextRange};

fn fact(kind: FactKind, value: FactValue, period: Period) -> Fact {
    Fact {
        kind,
        value,
        period,
        qualifier: Qualifier::Exact,
        scope: None,
        unit: None,
        confidence: 0.8,
        provenance: Provenance {
            document: DocId("d".into()),
            range: TextRange::new(0, 1),
            quote: "x".into(),
            section: None,
            extractor: "t".into(),
            extractor_version: 1,
        },
    }
}

fn gold() -> GoldDoc {
    serde_json::from_str(
        r#"{"document":"tip-2018/x.txt","country":"X","report_year":2018,"tier":"tier2","tier_movement":"remained",
        "watch_list":{"consecutive_years":null,"waiver":false,"auto_downgrade":false},
        "roles":["source"],"forms":["forced_labor","sex_trafficking"],
        "counts":[{"kind":"investigations","value":6,"period":2017,"qualifier":"exact","quote":"q1"},
                  {"kind":"convictions","value":0,"period":null,"qualifier":"exact","quote":"q2"}],
        "penalty_years":{"min":null,"max":"life","quote":"q3"},"recommendations":2,"official_complicity":true}"#,
    )
    .unwrap()
}

#[test]
fn perfect_and_imperfect_extractions() {
    let text = |s: &str| FactValue::Text(s.into());
    let mut main = fact(FactKind::Penalty, FactValue::Penalty { min: None, max: Some(tierwatch_model::PenaltyMax::Life) }, Period::Unknown);
    main.scope = Some("main".into());
    let facts = vec![
        fact(FactKind::Tier, text("tier2"), Period::Unknown),
        fact(FactKind::TierMovement, text("remained"), Period::Unknown),
        fact(FactKind::Role, text("source"), Period::Unknown),
        fact(FactKind::Form, text("forced_labor"), Period::Unknown),
        fact(FactKind::Form, text("forced_begging"), Period::Unknown),
        fact(FactKind::Investigations, FactValue::Int(6), Period::Year(2016)),
        fact(FactKind::Prosecutions, FactValue::Int(3), Period::Unknown),
        main,
        fact(FactKind::Recommendation, text("a"), Period::Unknown),
        fact(FactKind::Recommendation, text("b"), Period::Unknown),
        fact(FactKind::OfficialComplicity, FactValue::Bool(true), Period::Unknown),
    ];
    let r = score(&[(gold(), facts)]);
    assert_eq!(r.tier.value, 1.0);
    assert_eq!(r.movement.value, 1.0);
    assert_eq!(r.roles.value, 1.0);
    assert_eq!((r.forms.true_positives, r.forms.false_positives, r.forms.false_negatives), (1, 1, 1));
    assert_eq!((r.counts.prf.true_positives, r.counts.prf.false_positives, r.counts.prf.false_negatives), (1, 1, 1));
    assert_eq!(r.counts.period.value, 0.0);
    // per kind: the investigation matched (its period not), the prosecution is a false
    // positive, the conviction a miss
    let kind = |k: &str| {
        let s = r.counts.by_kind[k];
        (s.prf.true_positives, s.prf.false_positives, s.prf.false_negatives, s.period.correct, s.period.total)
    };
    assert_eq!(kind("investigations"), (1, 0, 0, 0, 1));
    assert_eq!(kind("prosecutions"), (0, 1, 0, 0, 0));
    assert_eq!(kind("convictions"), (0, 0, 1, 0, 0));
    assert_eq!(r.counts.by_kind["investigations"].prf.precision, 1.0);
    assert!(!r.counts.by_kind.contains_key("victims_identified"));
    assert_eq!(r.penalty.value, 1.0);
    assert_eq!(r.recommendations.value, 1.0);
    assert_eq!(r.complicity.value, 1.0);
    let text = r.render_text();
    assert!(text.contains("false_positive"), "{text}");
    assert!(serde_json::to_value(&r).is_ok());
}

#[test]
fn a_second_annotators_file_scored_as_predictions() {
    // the same file twice: full agreement on every field
    let g = gold();
    let r = score_predicted(&[(&g, Predicted::from_gold(&g))]);
    for acc in [&r.tier, &r.movement, &r.watch_list_consecutive_years, &r.roles, &r.penalty, &r.recommendations, &r.complicity] {
        assert_eq!(acc.value, 1.0);
    }
    assert_eq!((r.counts.prf.true_positives, r.counts.prf.false_positives, r.counts.prf.false_negatives), (2, 0, 0));
    assert_eq!(r.counts.period.value, 1.0);
    assert!(r.errors.is_empty());
    // another reading: one count differs, a form is missing, complicity is not reported
    let mut other = gold();
    other.counts[1].value = 3;
    other.forms = Some(vec!["forced_labor".into()]);
    other.official_complicity = Some(false);
    let r = score_predicted(&[(&g, Predicted::from_gold(&other))]);
    assert_eq!((r.counts.prf.true_positives, r.counts.prf.false_positives, r.counts.prf.false_negatives), (1, 1, 1));
    assert_eq!((r.forms.true_positives, r.forms.false_positives, r.forms.false_negatives), (1, 0, 1));
    assert_eq!(r.complicity.value, 0.0);
    assert_eq!(r.tier.value, 1.0);
}
