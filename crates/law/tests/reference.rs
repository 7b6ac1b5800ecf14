//! A deliberately naive reference implementation of the tier procedure, written straight from
//! tvpa-rules.md (sections 1, 4 and 6.3, with the default parameters of law/), and property
//! tests that check the engine against it over random histories and findings.
//!
//! The reference knows nothing of the engine: no editions, no history helpers, just years.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tierwatch_law::{
    assess, AssessmentInput, CountryRef, Findings, History, Law, Outcome, RuleStatus,
    WatchListBasis,
};
use tierwatch_law::{Finding, FindingSource};
use tierwatch_model::{ReportYear, Tier};

#[derive(Debug, Clone, Copy)]
struct Flags {
    fully_meets: bool,
    significant: bool,
    increasing: bool,
    victims_significant: bool,
    proportional_actions: bool,
    commitments: bool,
    waiver: bool,
    proof_of_failure: bool,
}

/// Tier procedure by hand. Defaults: only T2WL years count, a special-case or unknown year ends a
/// run, waiver years before 2019 count against the one-year limit.
fn reference(year: u16, hist: &BTreeMap<u16, Tier>, f: Flags) -> Tier {
    if year >= 2019 && f.proof_of_failure {
        return Tier::Tier3;
    }
    if f.fully_meets {
        return Tier::Tier1;
    }
    if !f.significant {
        return Tier::Tier3;
    }
    let watch = if year < 2004 {
        false
    } else if year <= 2018 {
        f.victims_significant || !f.increasing || f.commitments
    } else {
        (f.victims_significant && !f.proportional_actions) || !f.increasing
    };
    if !watch {
        return Tier::Tier2;
    }
    if year <= 2008 {
        return Tier::Tier2WatchList;
    }
    let is_wl = |y: u16| hist.get(&y) == Some(&Tier::Tier2WatchList);
    let mut count = 0;
    let mut y = year - 1;
    while y >= 2009 && is_wl(y) {
        count += 1;
        y -= 1;
    }
    let f_flag = hist.iter().any(|(&t, &tier)| {
        t < year && tier == Tier::Tier3 && t >= 2011 && is_wl(t - 1) && is_wl(t - 2)
    });
    if year >= 2019 && f_flag && count >= 1 {
        return Tier::Tier3;
    }
    if count >= 2 {
        let waivers_used = count - 2;
        let max_waivers = if year <= 2018 { 2 } else { 1 };
        if waivers_used < max_waivers && f.waiver {
            return Tier::Tier2WatchList;
        }
        return Tier::Tier3;
    }
    Tier::Tier2WatchList
}

/// Set as an analyst would (`--set`): these are inputs to the procedure, not narrative claims.
fn set(v: bool) -> Finding<bool> {
    Finding::set(v, FindingSource::Override)
}

fn findings(f: Flags) -> Findings {
    let basis = if f.commitments {
        vec![WatchListBasis::FutureCommitments]
    } else {
        vec![]
    };
    Findings {
        fully_meets_standards: set(f.fully_meets),
        significant_efforts: set(f.significant),
        increasing_efforts: set(f.increasing),
        victims_number_significant: set(f.victims_significant),
        proportional_concrete_actions: set(f.proportional_actions),
        waiver_stated: set(f.waiver),
        proof_of_failure: set(f.proof_of_failure),
        watch_list_basis: Finding::set(basis, FindingSource::Override),
        ..Findings::default()
    }
}

fn input(year: u16, hist: &BTreeMap<u16, Tier>, f: Flags) -> AssessmentInput {
    let history = History {
        tiers: hist.iter().map(|(y, t)| (ReportYear(*y), *t)).collect(),
        ..History::default()
    };
    AssessmentInput {
        country: CountryRef {
            iso3: "XXX".into(),
            name: "Example".into(),
        },
        report_year: ReportYear(year),
        findings: findings(f),
        history,
        overrides: vec![],
    }
}

fn flags() -> impl Strategy<Value = Flags> {
    // Weighted so that watch-list proposals (significant efforts, no full compliance) dominate.
    (
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.85),
        prop::bool::weighted(0.4),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(
                fully_meets,
                significant,
                increasing,
                victims_significant,
                proportional_actions,
                commitments,
                waiver,
                proof_of_failure,
            )| Flags {
                fully_meets,
                significant,
                increasing,
                victims_significant,
                proportional_actions,
                commitments,
                waiver,
                proof_of_failure,
            },
        )
}

fn tier() -> impl Strategy<Value = Option<Tier>> {
    prop_oneof![
        1 => Just(None),
        2 => Just(Some(Tier::Tier1)),
        4 => Just(Some(Tier::Tier2)),
        10 => Just(Some(Tier::Tier2WatchList)),
        3 => Just(Some(Tier::Tier3)),
        1 => Just(Some(Tier::SpecialCase)),
    ]
}

fn history_and_year() -> impl Strategy<Value = (u16, BTreeMap<u16, Tier>)> {
    (2001u16..=2026).prop_flat_map(|year| {
        prop::collection::vec(tier(), (year - 2001) as usize).prop_map(move |tiers| {
            let hist = tiers
                .into_iter()
                .enumerate()
                .filter_map(|(i, t)| t.map(|t| (2001 + i as u16, t)))
                .collect();
            (year, hist)
        })
    })
}

fn law() -> &'static Law {
    use std::sync::OnceLock;
    static LAW: OnceLock<Law> = OnceLock::new();
    LAW.get_or_init(|| Law::embedded().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn engine_agrees_with_the_naive_reference((year, hist) in history_and_year(), f in flags()) {
        let a = assess(&input(year, &hist, f), law());
        let expected = reference(year, &hist, f);
        prop_assert_eq!(a.outcome, Outcome::from_tier(expected), "{}", tierwatch_law::render_explanation(&a));
    }

    #[test]
    fn every_reason_is_a_fired_rule_that_was_considered((year, hist) in history_and_year(), f in flags()) {
        let a = assess(&input(year, &hist, f), law());
        prop_assert!(!a.reasons.is_empty());
        for r in &a.reasons {
            let t = a.trace(&r.rule);
            prop_assert!(t.is_some_and(|t| t.status == RuleStatus::Fired), "{} not fired", r.rule);
        }
        for rule in ["auto_downgrade.since_2009", "previously_downgraded.since_2019", "proof_of_failure.since_2019", "special_watch_list"] {
            prop_assert_eq!(a.considered.iter().filter(|t| t.rule == rule).count(), 1, "{}", rule);
        }
        if year < 2004 {
            prop_assert_ne!(a.outcome, Outcome::Tier2WatchList);
        }
    }

    #[test]
    fn forward_simulation_never_overstays(per_year in prop::collection::vec(flags(), 26)) {
        // Feed the engine its own outcomes year after year: no stay may exceed its edition's limit.
        let mut hist = BTreeMap::new();
        for (i, f) in per_year.iter().enumerate() {
            let year = 2001 + i as u16;
            let a = assess(&input(year, &hist, *f), law());
            prop_assert_eq!(a.outcome, Outcome::from_tier(reference(year, &hist, *f)));
            hist.insert(year, a.outcome.tier().unwrap());
        }
        let history = History { tiers: hist.iter().map(|(y, t)| (ReportYear(*y), *t)).collect(), ..History::default() };
        for y in 2001..=2026 {
            let x = tierwatch_law::history::stay_exceeds_limit(&history, ReportYear(y), law());
            prop_assert!(x.is_none(), "{:?} in {:?}", x, hist);
        }
    }

    #[test]
    fn assessments_round_trip_through_json((year, hist) in history_and_year(), f in flags()) {
        let a = assess(&input(year, &hist, f), law());
        let back: tierwatch_law::Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(back, a);
    }
}
