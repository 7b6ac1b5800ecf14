//! The acceptance scenario: Mexico 2007 stays on the Tier 2 Watch List for the fourth year on
//! future commitments, and the explanation says there is no automatic downgrade in 2007.

use tierwatch_law::{
    assess, render_explanation, Assessment, AssessmentInput, CountryRef, Findings, History, Law,
    Outcome, Premise, RuleStatus,
};
use tierwatch_model::{
    DocId, Fact, FactKind, FactValue, Period, Provenance, Qualifier, ReportYear, SectionKind,
    TextRange, Tier,
};

const BASIS: &str = "The Government of Mexico remains on Tier 2 Watch List for the fourth consecutive year based on future commitments to take additional action over the coming year";

fn fact(kind: FactKind, value: FactValue, start: usize, quote: &str) -> Fact {
    Fact {
        kind,
        value,
        period: Period::Unknown,
        qualifier: Qualifier::Exact,
        scope: None,
        unit: None,
        confidence: 0.9,
        provenance: Provenance {
            document: DocId("mexico-2007".into()),
            range: TextRange::new(start, start + quote.len()),
            quote: quote.into(),
            section: Some(SectionKind::Intro),
            extractor: "tier".into(),
            extractor_version: 1,
        },
    }
}

fn mexico() -> (Assessment, Fact) {
    let basis = fact(
        FactKind::WatchListBasis,
        FactValue::Text("future_commitments".into()),
        400,
        BASIS,
    );
    let facts = vec![
        fact(
            FactKind::FullyMeetsStandards,
            FactValue::Bool(false),
            100,
            "The Government of Mexico does not fully comply with the minimum standards",
        ),
        fact(
            FactKind::SignificantEfforts,
            FactValue::Bool(true),
            200,
            "it is making significant efforts to do so",
        ),
        basis.clone(),
    ];
    let mut history = History::default();
    for y in 2004..=2006 {
        history.tiers.insert(ReportYear(y), Tier::Tier2WatchList);
    }
    let input = AssessmentInput {
        country: CountryRef {
            iso3: "MEX".into(),
            name: "Mexico".into(),
        },
        report_year: ReportYear(2007),
        findings: Findings::from_facts(&facts, ReportYear(2007)),
        history,
        overrides: vec![],
    };
    (assess(&input, &Law::embedded().unwrap()), basis)
}

#[test]
fn mexico_2007_stays_on_the_watch_list() {
    let (a, _) = mexico();
    assert_eq!(a.outcome, Outcome::Tier2WatchList);
    assert_eq!(
        a.reason_rules(),
        [
            "significant_efforts",
            "watch_list.since_2004",
            "watch_list_stay"
        ]
    );
    assert_eq!(a.edition.as_ref().unwrap().id, "tvpra-2003");
}

#[test]
fn reasons_cite_the_future_commitments_sentence() {
    let (a, basis) = mexico();
    let wl = &a.reasons[1];
    assert!(wl.summary.contains("future_commitments"), "{}", wl.summary);
    let quoted = wl.premises.iter().any(|p| matches!(p, Premise::Fact { fact, provenance, .. } if *fact == basis.id() && provenance.quote == BASIS));
    assert!(quoted, "{:?}", wl.premises);
}

#[test]
fn reasons_cite_the_consecutive_watch_list_years_from_history() {
    let (a, _) = mexico();
    let stay = &a.reasons[2];
    let priors: Vec<u16> = stay
        .premises
        .iter()
        .filter_map(|p| match p {
            Premise::Prior {
                report_year,
                tier: Tier::Tier2WatchList,
            } => Some(report_year.get()),
            _ => None,
        })
        .collect();
    assert_eq!(priors, [2004, 2005, 2006]);
    assert!(
        stay.summary
            .starts_with("Fourth consecutive year on the Tier 2 Watch List (2004-2007)"),
        "{}",
        stay.summary
    );
    assert!(
        stay.summary.contains("counts from the 2009 report"),
        "{}",
        stay.summary
    );
}

#[test]
fn considered_says_there_is_no_automatic_downgrade_in_2007() {
    let (a, _) = mexico();
    let t = a
        .trace("auto_downgrade.since_2009")
        .expect("the downgrade rule is considered");
    assert_eq!(t.status, RuleStatus::NotInForce);
    assert!(
        t.note
            .contains("no automatic downgrade in the 2006-2007 edition"),
        "{}",
        t.note
    );
    assert!(!a.reason_rules().contains(&"auto_downgrade.since_2009"));
    let text = render_explanation(&a);
    assert!(text.contains("Outcome: Tier 2 Watch List"));
    assert!(text.contains(BASIS));
    assert!(text.contains("[auto_downgrade.since_2009]") && text.contains("not in force"));
    assert!(text.contains("2006: Tier 2 Watch List"));
}

#[test]
fn assessment_round_trips_through_json() {
    let (a, _) = mexico();
    let json = serde_json::to_string_pretty(&a).unwrap();
    assert!(json.contains("\"outcome\": \"tier2_watch_list\""));
    assert!(json.contains("\"type\": \"prior\""));
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

#[test]
fn an_override_shows_the_alternative() {
    let (base, _) = mexico();
    let mut history = History::default();
    for y in 2004..=2006 {
        history.tiers.insert(ReportYear(y), Tier::Tier2WatchList);
    }
    let input = AssessmentInput {
        country: base.country.clone(),
        report_year: ReportYear(2007),
        findings: Findings::default(),
        history,
        overrides: vec![
            tierwatch_law::Override::parse("fully_meets_standards=false").unwrap(),
            tierwatch_law::Override::parse("significant_efforts = false").unwrap(),
        ],
    };
    let a = assess(&input, &Law::embedded().unwrap());
    assert_eq!(a.outcome, Outcome::Tier3);
    assert_eq!(a.reason_rules(), ["no_significant_efforts"]);
    assert!(render_explanation(&a).contains("analyst override: significant_efforts=false"));
}
