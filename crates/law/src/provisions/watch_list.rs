//! 22 U.S.C. 7107(b)(2)(A)(iii), the Tier 2 Watch List: a Tier 2 country that meets one of the
//! watch-list criteria of the edition goes on the watch list (the special watch list's
//! watch-list category, which the report presents as its own tier).

use crate::assessment::{Outcome, Premise, RuleStatus, Severity};
use crate::edition::WatchListCriterion as C;
use crate::engine::{Ctx, Placement};
use crate::findings::{FindingSource, WatchListBasis};
use crate::judgment::{finding_premises, Judged};
use crate::provisions::Rule;
use tierwatch_model::Tier;

pub const SINCE_2004: &str = "watch_list.since_2004";
pub const SINCE_2019: &str = "watch_list.since_2019";

/// One criterion's evaluation: met? (None = unknown), why, on what.
struct Eval {
    criterion: C,
    met: Option<bool>,
    why: String,
    premises: Vec<Premise>,
}

/// The versions this module implements (named by editions' `provisions.watch_list`).
pub const VERSIONS: &[&str] = &["since_2004", "since_2019"];

/// Apply the version the edition names.
pub fn apply(ctx: &mut Ctx, increasing: &Judged, p: &mut Placement) {
    match ctx.edition.provisions.watch_list.value.as_str() {
        "since_2019" => since_2019(ctx, increasing, p),
        _ => since_2004(ctx, increasing, p),
    }
}

/// TVPRA 2003 version (2004-2018 reports): (a) the absolute number of victims is very
/// significant or significantly increasing; (b) no evidence of increasing efforts; (c) the
/// significant-efforts finding rested on commitments to act over the next year.
pub fn since_2004(ctx: &mut Ctx, increasing: &Judged, p: &mut Placement) {
    let r = rule(ctx, SINCE_2004);
    if !ready(ctx, &r, p) {
        return;
    }
    let mut evals = Vec::new();
    for c in ctx.edition.watch_list.criteria.value.clone() {
        evals.push(match c {
            C::VictimsNumberAbsolute => victims(ctx, c, false),
            C::NoIncreasingEfforts => no_increase(ctx, increasing),
            C::FutureCommitments => commitments(ctx),
            C::VictimsNumberEstimated => continue,
        });
    }
    decide(ctx, r, evals, p);
}

/// 2019 version: (I) now reads "estimated" number and adds "and is not taking proportional
/// concrete actions"; (II) is unchanged; (III), commitments, is removed.
pub fn since_2019(ctx: &mut Ctx, increasing: &Judged, p: &mut Placement) {
    let r = rule(ctx, SINCE_2019);
    if !ready(ctx, &r, p) {
        return;
    }
    if has_basis(ctx, WatchListBasis::FutureCommitments) {
        ctx.diag(
            Severity::Warning,
            "criterion_removed",
            "future commitments are no longer a watch-list criterion from the 2019 report",
            basis_ids(ctx),
        );
    }
    let mut evals = Vec::new();
    for c in ctx.edition.watch_list.criteria.value.clone() {
        evals.push(match c {
            C::VictimsNumberEstimated => victims(ctx, c, true),
            C::NoIncreasingEfforts => no_increase(ctx, increasing),
            C::VictimsNumberAbsolute | C::FutureCommitments => continue,
        });
    }
    decide(ctx, r, evals, p);
}

fn rule(ctx: &Ctx, id: &'static str) -> Rule {
    let c = &ctx.edition.watch_list.criteria;
    Rule::new(
        id,
        "Tier 2 Watch List criteria",
        "22 U.S.C. 7107(b)(2)(A)(iii)",
        c.confidence,
    )
}

/// In force, and a Tier 2 proposal to test?
fn ready(ctx: &mut Ctx, r: &Rule, p: &Placement) -> bool {
    let swl = ctx.edition.special_watch_list.in_force.clone();
    if !swl.value || ctx.edition.watch_list.criteria.value.is_empty() {
        let note = format!(
            "no watch list in the {} edition (the special watch list starts with the 2004 report)",
            ctx.edition.span()
        );
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            note,
            vec![swl.premise("special_watch_list.in_force")],
        ));
        return false;
    }
    if p.outcome != Outcome::Tier2 {
        ctx.considered.push(r.trace(
            RuleStatus::NotApplicable,
            format!(
                "only a Tier 2 country can go on the watch list; here {}",
                p.outcome
            ),
            vec![],
        ));
        return false;
    }
    true
}

fn has_basis(ctx: &Ctx, b: WatchListBasis) -> bool {
    ctx.findings
        .watch_list_basis
        .value
        .as_ref()
        .is_some_and(|v| v.contains(&b))
}

fn basis_ids(ctx: &Ctx) -> Vec<String> {
    ctx.findings
        .watch_list_basis
        .facts
        .iter()
        .map(|f| f.id())
        .collect()
}

fn basis_premises(ctx: &Ctx) -> Vec<Premise> {
    finding_premises("watch_list_basis", &ctx.findings.watch_list_basis)
}

fn victims(ctx: &Ctx, c: C, estimated: bool) -> Eval {
    let f = &ctx.findings;
    if has_basis(ctx, WatchListBasis::VictimsNumber) {
        return Eval {
            criterion: c,
            met: Some(true),
            why: "the narrative gives the number of victims as the basis".into(),
            premises: basis_premises(ctx),
        };
    }
    let mut premises =
        finding_premises("victims_number_significant", &f.victims_number_significant);
    let sig = f.victims_number_significant.value;
    if !estimated {
        return Eval {
            criterion: c,
            met: sig,
            why: "number of victims very significant or significantly increasing".into(),
            premises,
        };
    }
    premises.extend(finding_premises(
        "proportional_concrete_actions",
        &f.proportional_concrete_actions,
    ));
    let met = match (sig, f.proportional_concrete_actions.value) {
        (Some(false), _) | (_, Some(true)) => Some(false),
        (Some(true), Some(false)) => Some(true),
        _ => None,
    };
    Eval {
        criterion: c,
        met,
        why: "estimated number of victims significant without proportional concrete actions".into(),
        premises,
    }
}

fn no_increase(ctx: &Ctx, increasing: &Judged) -> Eval {
    let c = C::NoIncreasingEfforts;
    if has_basis(ctx, WatchListBasis::NoIncreasingEfforts) {
        return Eval {
            criterion: c,
            met: Some(true),
            why: "the narrative gives a failure to increase efforts as the basis".into(),
            premises: basis_premises(ctx),
        };
    }
    let upgrade = &ctx.law.thresholds.history.tier3_upgrade_to_watch_list;
    if upgrade.value && ctx.findings.watch_list_basis.value.is_none() {
        if let Some((y, Tier::Tier3)) = ctx.previous() {
            return Eval {
                criterion: c,
                met: Some(true),
                why: format!("on Tier 3 in {y}: a country upgraded from Tier 3 goes to the watch list first"),
                premises: vec![Premise::Prior { report_year: y, tier: Tier::Tier3 }, upgrade.premise("thresholds.history.tier3_upgrade_to_watch_list")],
            };
        }
    }
    // Under `prior_first`, a country already on the watch list whose evidence shows no
    // increase stays on it: the absence of evidence of increasing efforts is the criterion.
    let prior_first = &ctx.law.thresholds.history.prior_first;
    if increasing.value.is_none() && prior_first.value && implied(ctx).is_none() {
        if let Some((y, Tier::Tier2WatchList)) = ctx.previous() {
            let mut premises = increasing.premises.clone();
            premises.push(Premise::Prior { report_year: y, tier: Tier::Tier2WatchList });
            premises.push(prior_first.premise("thresholds.history.prior_first"));
            return Eval {
                criterion: c,
                met: Some(true),
                why: format!("on the watch list in {y} and no evidence of increasing efforts since ({})", increasing.basis),
                premises,
            };
        }
    }
    Eval {
        criterion: c,
        met: increasing.value.map(|v| !v),
        why: format!("no evidence of increasing efforts ({})", increasing.basis),
        premises: increasing.premises.clone(),
    }
}

fn commitments(ctx: &Ctx) -> Eval {
    let c = C::FutureCommitments;
    let stated = ctx.findings.watch_list_basis.value.is_some();
    let met = if has_basis(ctx, WatchListBasis::FutureCommitments) {
        Some(true)
    } else if stated {
        Some(false)
    } else {
        None
    };
    Eval {
        criterion: c,
        met,
        why: "the significant-efforts finding rests on commitments to act over the next year"
            .into(),
        premises: basis_premises(ctx),
    }
}

fn decide(ctx: &mut Ctx, r: Rule, evals: Vec<Eval>, p: &mut Placement) {
    let criteria = ctx
        .edition
        .watch_list
        .criteria
        .premise("watch_list.criteria");
    let fired: Vec<&Eval> = evals.iter().filter(|e| e.met == Some(true)).collect();
    if fired.is_empty() {
        if let Some((why, premises)) = implied(ctx) {
            let mut premises = premises;
            premises.push(criteria);
            let summary = format!("Tier 2 country taken to meet the watch-list criteria: {why}.");
            ctx.diag(
                Severity::Info,
                "watch_list_implied",
                summary.clone(),
                vec![],
            );
            ctx.considered
                .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
            p.outcome = Outcome::Tier2WatchList;
            p.reasons.push(r.reason(summary, premises));
            return;
        }
        let unknown: Vec<&str> = evals
            .iter()
            .filter(|e| e.met.is_none())
            .map(|e| e.criterion.code())
            .collect();
        if !unknown.is_empty() {
            ctx.diag(
                Severity::Info,
                "watch_list_criteria_unknown",
                format!(
                    "watch-list criteria not settled by the findings: {}; the country stays on Tier 2",
                    unknown.join(", ")
                ),
                vec![],
            );
        }
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            "no watch-list criterion is met",
            vec![criteria],
        ));
        return;
    }
    let mut premises: Vec<Premise> = Vec::new();
    for e in &fired {
        for pr in &e.premises {
            if !premises.contains(pr) {
                premises.push(pr.clone());
            }
        }
    }
    premises.push(criteria);
    let what: Vec<String> = fired
        .iter()
        .map(|e| format!("{} ({})", e.criterion.code(), e.why))
        .collect();
    let summary = format!(
        "Tier 2 country meeting the watch-list criteria: {}.",
        what.join("; ")
    );
    ctx.considered
        .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
    p.outcome = Outcome::Tier2WatchList;
    p.reasons.push(r.reason(summary, premises));
}

/// When no criterion is settled but the narrative states a waiver, an automatic downgrade or a
/// count of consecutive watch-list years, it found the criteria met: each of those presupposes
/// that the country would otherwise be (or is) on the watch list this year. Only findings read
/// from the narrative count: an analyst override such as `waiver=true` asks "what if a waiver
/// were granted", not whether the country is on the watch list.
fn implied(ctx: &Ctx) -> Option<(String, Vec<Premise>)> {
    let f = &ctx.findings;
    let stated = |s: FindingSource| s == FindingSource::Stated;
    if f.waiver_stated.value == Some(true) && stated(f.waiver_stated.source) {
        return Some((
            "the narrative states a waiver of the downgrade, which presupposes a watch-list placement".into(),
            finding_premises("waiver", &f.waiver_stated),
        ));
    }
    if f.auto_downgrade_stated.value == Some(true) && stated(f.auto_downgrade_stated.source) {
        return Some((
            "the narrative states an automatic downgrade, which presupposes a watch-list placement"
                .into(),
            finding_premises("auto_downgrade", &f.auto_downgrade_stated),
        ));
    }
    match f.consecutive_watch_list_years_stated.value {
        Some(n) if n >= 1 && stated(f.consecutive_watch_list_years_stated.source) => Some((
            format!("the narrative counts this as watch-list year {n} in a row"),
            finding_premises(
                "consecutive_watch_list_years",
                &f.consecutive_watch_list_years_stated,
            ),
        )),
        _ => None,
    }
}
