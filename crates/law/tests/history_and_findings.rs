//! History helpers (runs, implied waivers, rule (F) condition, over-long stays) and the reading
//! of facts into findings (stated vs blind, count periods, conflicts, overrides).

use tierwatch_law::history::{
    previous_downgrade, stay_exceeds_limit, waiver_years, watch_list_run,
};
use tierwatch_law::{Findings, History, Law, Override, OverrideError, WatchListBasis};
use tierwatch_model::{
    DocId, Fact, FactKind, FactValue, Period, Provenance, Qualifier, ReportYear, SectionKind,
    TextRange, Tier,
};

fn law() -> Law {
    Law::embedded().unwrap()
}

fn history(entries: &[(u16, Tier)]) -> History {
    History {
        tiers: entries.iter().map(|(y, t)| (ReportYear(*y), *t)).collect(),
        ..History::default()
    }
}

use Tier::{SpecialCase as SC, Tier2 as T2, Tier2WatchList as WL, Tier3 as T3};

#[test]
fn run_counts_only_from_2009_but_reports_every_year() {
    let law = law();
    let h = history(&[(2006, WL), (2007, WL), (2008, WL), (2009, WL), (2010, WL)]);
    let ed = law.edition(ReportYear(2011)).unwrap();
    let run = watch_list_run(&h, ReportYear(2010), ed);
    assert_eq!(run.len(), 5);
    assert_eq!(run.counted, vec![ReportYear(2009), ReportYear(2010)]);
    assert_eq!(run.gap, Some(ReportYear(2005)));
}

#[test]
fn special_case_setting_changes_the_run() {
    let mut law = law();
    let h = history(&[(2010, WL), (2011, SC), (2012, WL)]);
    let mut counted = Vec::new();
    for (setting, name) in [
        (tierwatch_law::edition::SpecialCaseCounting::Break, "break"),
        (tierwatch_law::edition::SpecialCaseCounting::Skip, "skip"),
        (
            tierwatch_law::edition::SpecialCaseCounting::Continue,
            "continue",
        ),
    ] {
        for e in &mut law.editions {
            e.downgrade.special_case_years.value = setting;
        }
        let run = watch_list_run(&h, ReportYear(2012), law.edition(ReportYear(2013)).unwrap());
        counted.push((name, run.counted_len()));
    }
    assert_eq!(counted, [("break", 1), ("skip", 2), ("continue", 3)]);
}

#[test]
fn swl_counting_base_counts_upgrades() {
    let mut law = law();
    let h = history(&[(2009, T3), (2010, T2), (2011, WL)]);
    let t2wl =
        watch_list_run(&h, ReportYear(2011), law.edition(ReportYear(2012)).unwrap()).counted_len();
    for e in &mut law.editions {
        e.downgrade.counting_base.value = tierwatch_law::edition::CountingBase::Swl;
    }
    let swl =
        watch_list_run(&h, ReportYear(2011), law.edition(ReportYear(2012)).unwrap()).counted_len();
    assert_eq!((t2wl, swl), (1, 2));
}

#[test]
fn waiver_years_are_implied_by_history() {
    let law = law();
    let h = history(&[
        (2009, WL),
        (2010, WL),
        (2011, WL),
        (2012, WL),
        (2013, T3),
        (2014, WL),
    ]);
    let w: Vec<u16> = waiver_years(&h, &law)
        .into_iter()
        .map(|y| y.get())
        .collect();
    assert_eq!(w, [2011, 2012]);
    assert_eq!(
        previous_downgrade(&h, ReportYear(2020), &law),
        Some(ReportYear(2013))
    );
    assert_eq!(previous_downgrade(&h, ReportYear(2013), &law), None);
}

#[test]
fn over_long_stays_are_found() {
    let law = law();
    // Five counted years in 2009-2013: the fifth is one more than 2 + 2 waivers.
    let h = history(&[(2009, WL), (2010, WL), (2011, WL), (2012, WL), (2013, WL)]);
    assert_eq!(stay_exceeds_limit(&h, ReportYear(2012), &law), None);
    let x = stay_exceeds_limit(&h, ReportYear(2013), &law).unwrap();
    assert_eq!((x.counted_years, x.allowed, x.rule_f), (5, 4, false));
    // Before counting starts nothing is too long.
    let old = history(&[(2004, WL), (2005, WL), (2006, WL), (2007, WL), (2008, WL)]);
    assert_eq!(stay_exceeds_limit(&old, ReportYear(2008), &law), None);
    // Rule (F): two watch-list years after a downgrade in a 2019+ report.
    let f = history(&[(2015, WL), (2016, WL), (2017, T3), (2018, WL), (2019, WL)]);
    let x = stay_exceeds_limit(&f, ReportYear(2019), &law).unwrap();
    assert!(x.rule_f);
    // 2019 one-year waiver: four counted years exceed 2 + 1.
    let y = history(&[(2016, WL), (2017, WL), (2018, WL), (2019, WL)]);
    assert_eq!(
        stay_exceeds_limit(&y, ReportYear(2019), &law)
            .unwrap()
            .allowed,
        3
    );
}

fn fact(
    kind: FactKind,
    value: FactValue,
    period: Period,
    section: SectionKind,
    confidence: f32,
) -> Fact {
    Fact {
        kind,
        value,
        period,
        qualifier: Qualifier::Exact,
        scope: None,
        unit: None,
        confidence,
        provenance: Provenance {
            document: DocId("d".into()),
            range: TextRange::new(0, 4),
            quote: "text".into(),
            section: Some(section),
            extractor: "t".into(),
            extractor_version: 1,
        },
    }
}

#[test]
fn counts_go_to_the_current_or_previous_period() {
    use FactKind::*;
    use SectionKind::Prosecution as P;
    let facts = vec![
        fact(Convictions, FactValue::Int(3), Period::Year(2016), P, 0.9),
        fact(Convictions, FactValue::Int(5), Period::Year(2016), P, 0.9),
        fact(Convictions, FactValue::Int(7), Period::Year(2015), P, 0.9),
        fact(Convictions, FactValue::Int(99), Period::Year(2010), P, 0.9),
        fact(Prosecutions, FactValue::Int(40), Period::Unknown, P, 0.9),
        fact(
            Prosecutions,
            FactValue::Int(12),
            Period::ReportingPeriod,
            P,
            0.9,
        ),
    ];
    let f = Findings::from_facts(&facts, ReportYear(2017));
    assert_eq!(f.counts.convictions.current.value, Some(5));
    assert_eq!(f.counts.convictions.previous.value, Some(7));
    assert_eq!(
        f.counts.prosecutions.current.value,
        Some(12),
        "an explicit period beats an unknown one"
    );
}

#[test]
fn blind_findings_drop_conclusions_and_intro_facts() {
    use FactKind::*;
    let facts = vec![
        fact(
            SignificantEfforts,
            FactValue::Bool(true),
            Period::Unknown,
            SectionKind::Intro,
            0.9,
        ),
        fact(
            WatchListBasis,
            FactValue::Text("future_commitments".into()),
            Period::Unknown,
            SectionKind::Intro,
            0.9,
        ),
        fact(
            Shelter,
            FactValue::Bool(true),
            Period::Unknown,
            SectionKind::Protection,
            0.9,
        ),
        fact(
            Convictions,
            FactValue::Int(2),
            Period::ReportingPeriod,
            SectionKind::Intro,
            0.9,
        ),
        fact(
            PenaltyJudgment,
            FactValue::Text("not_sufficiently_stringent".into()),
            Period::Unknown,
            SectionKind::Prosecution,
            0.9,
        ),
    ];
    let stated = Findings::from_facts(&facts, ReportYear(2010));
    assert_eq!(stated.significant_efforts.value, Some(true));
    assert_eq!(
        stated.watch_list_basis.value,
        Some(vec![tierwatch_law::WatchListBasis::FutureCommitments])
    );
    assert_eq!(stated.counts.convictions.current.value, Some(2));
    let blind = Findings::blind_from_facts(&facts, ReportYear(2010));
    assert_eq!(blind.significant_efforts.value, None);
    assert_eq!(blind.watch_list_basis.value, None);
    assert_eq!(
        blind.counts.convictions.current.value, None,
        "intro facts are masked"
    );
    assert_eq!(blind.shelters.value, Some(true));
    assert_eq!(blind.penalties_deterrent.value, Some(false));
}

#[test]
fn conflicting_facts_are_recorded() {
    let facts = vec![
        fact(
            FactKind::IncreasingEfforts,
            FactValue::Bool(true),
            Period::Unknown,
            SectionKind::Intro,
            0.6,
        ),
        fact(
            FactKind::IncreasingEfforts,
            FactValue::Bool(false),
            Period::Unknown,
            SectionKind::Intro,
            0.9,
        ),
    ];
    let f = Findings::from_facts(&facts, ReportYear(2010));
    assert_eq!(f.increasing_efforts.value, Some(false));
    assert_eq!(f.conflicts.len(), 1);
    assert_eq!(f.conflicts[0].finding, "increasing_efforts");
}

#[test]
fn overrides_parse_and_fail_clearly() {
    let mut f = Findings::default();
    Override::parse("significant_efforts=false")
        .unwrap()
        .apply(&mut f)
        .unwrap();
    assert_eq!(f.significant_efforts.value, Some(false));
    Override::parse("watch_list_basis=victims_number,future_commitments")
        .unwrap()
        .apply(&mut f)
        .unwrap();
    assert_eq!(
        f.watch_list_basis.value,
        Some(vec![
            WatchListBasis::VictimsNumber,
            WatchListBasis::FutureCommitments
        ])
    );
    Override::parse("indicium.extradition=true")
        .unwrap()
        .apply(&mut f)
        .unwrap();
    Override::parse("penalty_max_years=life")
        .unwrap()
        .apply(&mut f)
        .unwrap();
    Override::parse("significant_efforts=unknown")
        .unwrap()
        .apply(&mut f)
        .unwrap();
    assert_eq!(f.significant_efforts.value, None);
    assert!(matches!(
        Override::parse("nonsense"),
        Err(OverrideError::Syntax(_))
    ));
    assert!(matches!(
        Override::parse("vigour=high").unwrap().apply(&mut f),
        Err(OverrideError::UnknownFinding(_))
    ));
    assert!(matches!(
        Override::parse("convictions=many").unwrap().apply(&mut f),
        Err(OverrideError::BadValue { .. })
    ));
}
