//! 22 U.S.C. 7107(b)(2)(D)(i), automatic downgrade: a country on the watch list for the counted
//! number of consecutive years (counted from the 2009 report) that would be on it again goes to
//! Tier 3. (Exceptions are separate rules; see `waiver`.)

use serde::{Deserialize, Serialize};

use crate::assessment::{Outcome, Premise, RuleStatus, Severity};
use crate::engine::{Ctx, Placement};
use crate::history::{watch_list_run, WatchListRun};
use crate::provisions::{years_text, Rule};

pub const RULE: &str = "auto_downgrade.since_2009";

/// The downgrade fired on this run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    pub run: WatchListRun,
}

pub fn apply(ctx: &mut Ctx, p: &mut Placement) -> Option<Fired> {
    since_2009(ctx, p)
}

/// The only version: added by Pub. L. 110-457 (December 2008), counting from the 2009 report.
pub fn since_2009(ctx: &mut Ctx, p: &mut Placement) -> Option<Fired> {
    let d = ctx.edition.downgrade.clone();
    let r = Rule::new(
        RULE,
        "Automatic downgrade after consecutive watch-list years",
        "22 U.S.C. 7107(b)(2)(D)(i)",
        d.in_force.confidence,
    );
    let params = vec![
        d.in_force.premise("downgrade.in_force"),
        d.counting_first_report_year
            .premise("downgrade.counting_first_report_year"),
        d.consecutive_years.premise("downgrade.consecutive_years"),
        d.counting_base.premise("downgrade.counting_base"),
        d.special_case_years.premise("downgrade.special_case_years"),
    ];
    if !d.in_force.value {
        let note = format!(
            "no automatic downgrade in the {} edition ({}): the 2008 law counts consecutive watch-list years only from the {} report, so a watch-list stay of any length is allowed",
            ctx.edition.span(),
            ctx.edition.id,
            d.counting_first_report_year.value
        );
        ctx.considered
            .push(r.trace(RuleStatus::NotInForce, note, params[..2].to_vec()));
        return None;
    }
    if p.outcome != Outcome::Tier2WatchList {
        ctx.considered.push(r.trace(
            RuleStatus::NotApplicable,
            format!(
                "the country is not proposed for the watch list ({})",
                p.outcome
            ),
            vec![],
        ));
        return None;
    }
    let run = watch_list_run(&ctx.history, ctx.year.previous(), ctx.edition);
    if let Some(gap) = run
        .gap
        .filter(|g| g.get() >= d.counting_first_report_year.value)
    {
        ctx.diag(
            Severity::Warning,
            "history_gap",
            format!("no tier is known for {gap}; the watch-list run is taken to end there"),
            vec![],
        );
    }
    let mut premises: Vec<Premise> = super::run_premises(&ctx.history, &run.counted);
    premises.extend(params);
    let k = d.consecutive_years.value;
    if run.counted_len() < k {
        let note = format!(
            "{} counted consecutive watch-list year(s) before {} ({}); the downgrade needs {k}",
            run.counted_len(),
            ctx.year,
            years_text(&run.counted)
        );
        ctx.considered
            .push(r.trace(RuleStatus::NotFired, note, premises));
        return None;
    }
    let summary = format!(
        "On the watch list for {} counted consecutive years ({}); {k} consecutive years trigger the automatic downgrade, so Tier 3.",
        run.counted_len(),
        years_text(&run.counted)
    );
    ctx.considered
        .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
    p.outcome = Outcome::Tier3;
    p.reasons.push(r.reason(summary, premises));
    Some(Fired { run })
}
