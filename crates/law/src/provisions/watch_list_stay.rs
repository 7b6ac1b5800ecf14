//! Length of the watch-list stay (7107(b)(2)(A)(iii) read with the (D) limit): when a country
//! stays on the watch list without needing a waiver, this explains from history which
//! consecutive years it has already spent there and why that is still allowed.


use crate::assessment::{Outcome, Premise, RuleStatus};
use crate::engine::{Ctx, Placement};
use crate::history::watch_list_run;
use crate::judgment::finding_premises;
use crate::param::Confidence;
use crate::provisions::{ordinal, years_text, Rule};

pub const RULE: &str = "watch_list_stay";

pub fn apply(ctx: &mut Ctx, p: &mut Placement) {
    let r = Rule::new(
        RULE,
        "Consecutive years on the watch list",
        "22 U.S.C. 7107(b)(2)(A)(iii), (D)",
        Confidence::Confirmed,
    );
    if p.outcome != Outcome::Tier2WatchList
        || p.reasons.iter().any(|x| x.rule.starts_with("waiver."))
    {
        ctx.considered.push(r.trace(
            RuleStatus::NotApplicable,
            "no watch-list stay to explain (other outcome, or a waiver explains it)",
            vec![],
        ));
        return;
    }
    let d = ctx.edition.downgrade.clone();
    let run = watch_list_run(&ctx.history, ctx.year.previous(), ctx.edition);
    let n = run.len() + 1;
    let mut years = run.years.clone();
    years.push(ctx.year);
    let mut premises: Vec<Premise> = super::run_premises(&ctx.history, &run.years);
    premises.extend(finding_premises(
        "consecutive_watch_list_years",
        &ctx.findings.consecutive_watch_list_years_stated,
    ));
    premises.push(d.in_force.premise("downgrade.in_force"));
    premises.push(
        d.counting_first_report_year
            .premise("downgrade.counting_first_report_year"),
    );
    let limit = if d.in_force.value {
        premises.push(d.consecutive_years.premise("downgrade.consecutive_years"));
        format!(
            "{} of them counted for the automatic downgrade ({}), below the trigger of {}",
            run.counted_len(),
            years_text(&run.counted),
            d.consecutive_years.value
        )
    } else {
        format!(
            "the {} edition sets no limit: the automatic downgrade counts from the {} report",
            ctx.edition.span(),
            d.counting_first_report_year.value
        )
    };
    let summary = if run.is_empty() {
        format!("First year on the Tier 2 Watch List ({}).", ctx.year)
    } else {
        format!(
            "{} consecutive year on the Tier 2 Watch List ({}); {limit}.",
            capitalize(&ordinal(n)),
            years_text(&years)
        )
    };
    ctx.considered
        .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
    if !run.is_empty() {
        p.reasons.push(r.reason(summary, premises));
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
