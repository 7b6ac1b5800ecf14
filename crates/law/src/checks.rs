//! Consistency checks between what the narrative claims and what history and the engine say:
//! stated consecutive watch-list years, stated waivers and downgrades, and history stays longer
//! than their edition allows. They only add diagnostics.

use crate::assessment::{Outcome, Severity};
use crate::engine::{Ctx, Placement};
use crate::history::{stay_exceeds_limit, watch_list_run};
use crate::provisions::auto_downgrade;

pub fn claims(ctx: &mut Ctx, p: &Placement) {
    let ids = |f: &[tierwatch_model::Fact]| f.iter().map(|x| x.id()).collect::<Vec<_>>();
    let stated = ctx.findings.consecutive_watch_list_years_stated.clone();
    if let Some(n) = stated.value {
        let run = watch_list_run(&ctx.history, ctx.year.previous(), ctx.edition);
        let computed = run.len() as i64 + 1;
        if computed != n {
            ctx.diag(
                Severity::Warning,
                "claim_consecutive_years",
                format!(
                    "the narrative says {n} consecutive watch-list years; history gives {computed}"
                ),
                ids(&stated.facts),
            );
        }
    }
    let waived = p.reasons.iter().any(|r| r.rule.starts_with("waiver."));
    let waiver = ctx.findings.waiver_stated.clone();
    if waiver.value == Some(true) && !waived {
        ctx.diag(
            Severity::Warning,
            "claim_waiver",
            "the narrative states a waiver, but the engine applied none",
            ids(&waiver.facts),
        );
    }
    let downgraded = p.reasons.iter().any(|r| r.rule == auto_downgrade::RULE);
    let stated_down = ctx.findings.auto_downgrade_stated.clone();
    match (stated_down.value, downgraded) {
        (Some(true), false) => ctx.diag(
            Severity::Warning,
            "claim_auto_downgrade",
            "the narrative states an automatic downgrade, but the engine applied none",
            ids(&stated_down.facts),
        ),
        (Some(false), true) if p.outcome == Outcome::Tier3 => ctx.diag(
            Severity::Warning,
            "claim_auto_downgrade",
            "the engine applied an automatic downgrade the narrative denies",
            ids(&stated_down.facts),
        ),
        _ => {}
    }
    let years: Vec<_> = ctx.history.tiers.keys().copied().collect();
    for y in years {
        if let Some(x) = stay_exceeds_limit(&ctx.history, y, ctx.law) {
            ctx.diag(
                Severity::Warning,
                "stay_exceeds_limit",
                format!(
                    "history has {} counted consecutive watch-list years ending {y}, more than the {} the {y} edition allows{}",
                    x.counted_years,
                    x.allowed,
                    if x.rule_f { " under rule (F)" } else { "" }
                ),
                vec![],
            );
        }
    }
}
