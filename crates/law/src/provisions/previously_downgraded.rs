//! 22 U.S.C. 7107(b)(2)(F), rule (F) (2019+): a country that was on the watch list for the
//! counted consecutive years (plus any waiver years) and was then placed on Tier 3 may not stay
//! on the watch list for more than one consecutive year thereafter. No waiver applies.

use crate::assessment::{Outcome, Premise, RuleStatus};
use crate::engine::{Ctx, Placement};
use crate::history::{previous_downgrade, watch_list_run};
use crate::provisions::{years_text, Rule};

pub const RULE: &str = "previously_downgraded.since_2019";

/// Returns whether rule (F) fired (the country goes to Tier 3).
pub fn apply(ctx: &mut Ctx, p: &mut Placement) -> bool {
    since_2019(ctx, p)
}

/// The only version: added by Pub. L. 115-425 s. 203 for the 2019 report on.
pub fn since_2019(ctx: &mut Ctx, p: &mut Placement) -> bool {
    let f = ctx.edition.previously_downgraded.clone();
    let r = Rule::new(
        RULE,
        "Previously downgraded countries: one watch-list year at most",
        "22 U.S.C. 7107(b)(2)(F)",
        f.in_force.confidence,
    );
    if !f.in_force.value {
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            format!(
                "rule (F) starts with the 2019 report; not in the {} edition",
                ctx.edition.span()
            ),
            vec![f.in_force.premise("previously_downgraded.in_force")],
        ));
        return false;
    }
    if p.outcome != Outcome::Tier2WatchList {
        ctx.considered.push(r.trace(
            RuleStatus::NotApplicable,
            "the country is not proposed for the watch list",
            vec![],
        ));
        return false;
    }
    let Some(down) = previous_downgrade(&ctx.history, ctx.year, ctx.law) else {
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            "no earlier placement on Tier 3 after a counted watch-list run",
            vec![],
        ));
        return false;
    };
    let before = ctx
        .law
        .edition(down)
        .map(|ed| watch_list_run(&ctx.history, down.previous(), ed))
        .unwrap_or_default();
    let run = watch_list_run(&ctx.history, ctx.year.previous(), ctx.edition);
    let since: Vec<_> = run.counted.iter().copied().filter(|y| *y > down).collect();
    let mut premises: Vec<Premise> = super::run_premises(&ctx.history, &before.counted);
    premises.push(Premise::Prior {
        report_year: down,
        tier: tierwatch_model::Tier::Tier3,
    });
    premises.extend(super::run_premises(&ctx.history, &since));
    premises.push(
        f.max_consecutive_years
            .premise("previously_downgraded.max_consecutive_years"),
    );
    let max = f.max_consecutive_years.value;
    if (since.len() as u32) < max {
        ctx.considered.push(r.trace(RuleStatus::NotFired, format!("placed on Tier 3 in {down} after watch-list years {}; {} watch-list year(s) since, within the limit of {max}", years_text(&before.counted), since.len()), premises));
        return false;
    }
    let summary = format!(
        "Placed on Tier 3 in {down} after watch-list years {}, then on the watch list in {}: rule (F) allows at most {max} consecutive watch-list year(s), so Tier 3.",
        years_text(&before.counted),
        years_text(&since)
    );
    ctx.considered
        .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
    p.outcome = Outcome::Tier3;
    p.reasons.push(r.reason(summary, premises));
    true
}
