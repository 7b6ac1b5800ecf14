//! `check`: what narratives claim against what the tier history says, and what the law
//! allows — stated consecutive watch-list years, stated movements, watch-list stays longer
//! than the edition permits, and sources that disagree.

use crate::tiers::{law_history, stated_events, tier_history};
use crate::AppError;
use serde::Serialize;
use tierwatch_law::history::{stay_exceeds_limit, watch_list_run};
use tierwatch_law::Law;
use tierwatch_model::{FactKind, ReportYear, Tier};
use tierwatch_store::Store;

/// One inconsistency.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckIssue {
    /// consecutive_years | movement | previous_tier | stay_exceeds_limit | sources_disagree
    pub check: String,
    pub country: String,
    pub iso3: String,
    pub report_year: u16,
    pub message: String,
    /// The narrative sentence the claim comes from, if any.
    pub quote: Option<String>,
}

/// Run every check over the stored narratives and the tier history.
pub fn check(store: &Store, law: &Law) -> Result<Vec<CheckIssue>, AppError> {
    let history = tier_history(store)?;
    let registry = tierwatch_model::CountryRegistry::embedded();
    let name = |iso3: &str| registry.by_iso3(iso3).map(|c| c.name.clone()).unwrap_or_else(|| iso3.to_string());
    let mut issues = Vec::new();
    let issue = |check: &str, iso3: &str, year: u16, message: String, quote: Option<String>| CheckIssue {
        check: check.into(),
        country: name(iso3),
        iso3: iso3.into(),
        report_year: year,
        message,
        quote,
    };

    for d in store.all_documents()? {
        let m = &d.document.metadata;
        let year = m.report_year.expect("stored documents have a year");
        let events = stated_events(store, &m.iso3)?;
        let hist = law_history(&history, &m.iso3, &events);
        let previous = hist.tiers.get(&ReportYear(year.get() - 1)).copied();
        let current = m.stated_tier.or_else(|| hist.tiers.get(&year).copied());
        for f in &d.facts {
            let quote = Some(f.provenance.quote.clone());
            match f.kind {
                FactKind::WatchListConsecutiveYears => {
                    let (Some(n), Some(ed)) = (f.value.as_int(), law.edition(year)) else { continue };
                    let mut h = hist.clone();
                    h.tiers.insert(year, Tier::Tier2WatchList);
                    let run = watch_list_run(&h, year, ed);
                    if run.len() as i64 != n {
                        let years: Vec<String> = run.years.iter().map(|y| y.to_string()).collect();
                        issues.push(issue(
                            "consecutive_years",
                            &m.iso3,
                            year.get(),
                            format!("the narrative says {n} consecutive watch-list years; the tier history gives {} ({})", run.len(), years.join(", ")),
                            quote,
                        ));
                    }
                }
                FactKind::TierMovement => {
                    let (Some(prev), Some(cur), Some(movement)) = (previous, current, f.value.as_text()) else { continue };
                    let (Some(p), Some(c)) = (prev.ordinal(), cur.ordinal()) else { continue };
                    let actual = match p.cmp(&c) {
                        std::cmp::Ordering::Equal => "remained",
                        std::cmp::Ordering::Greater => "upgraded",
                        std::cmp::Ordering::Less => "downgraded",
                    };
                    if actual != movement {
                        issues.push(issue(
                            "movement",
                            &m.iso3,
                            year.get(),
                            format!("the narrative says {movement}; the tier history has {} in {} and {} in {}", prev.label(), year.get() - 1, cur.label(), year.get()),
                            quote,
                        ));
                    }
                }
                FactKind::PreviousTier => {
                    let (Some(prev), Some(said)) = (previous, f.value.as_text().and_then(Tier::parse)) else { continue };
                    if prev != said {
                        issues.push(issue(
                            "previous_tier",
                            &m.iso3,
                            year.get(),
                            format!("the narrative implies {} in {}; the tier history has {}", said.label(), year.get() - 1, prev.label()),
                            quote,
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    for iso3 in history.countries() {
        let events = stated_events(store, iso3)?;
        let hist = law_history(&history, iso3, &events);
        for (&year, _) in hist.tiers.iter() {
            if let Some(x) = stay_exceeds_limit(&hist, year, law) {
                let waiver = if events.waivers.contains_key(&year) { "a waiver is stated" } else { "no waiver is stated" };
                issues.push(issue(
                    "stay_exceeds_limit",
                    iso3,
                    year.get(),
                    format!(
                        "{} counted consecutive watch-list years; the {} edition allows {}{}; {waiver}",
                        x.counted_years,
                        year,
                        x.allowed,
                        if x.rule_f { " (rule F: previously downgraded)" } else { "" }
                    ),
                    None,
                ));
            }
        }
    }

    for c in history.conflicts() {
        let values: Vec<String> = c
            .placement
            .values
            .iter()
            .map(|v| format!("{} says {}", v.source, v.tier.map(|t| t.label()).unwrap_or("unknown")))
            .collect();
        issues.push(issue("sources_disagree", &c.iso3, c.placement.report_year.get(), values.join("; "), None));
    }
    issues.sort_by(|a, b| (&a.iso3, a.report_year, &a.check, &a.message).cmp(&(&b.iso3, b.report_year, &b.check, &b.message)));
    issues.dedup();
    Ok(issues)
}
