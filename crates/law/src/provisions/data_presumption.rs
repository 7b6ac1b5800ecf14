//! 22 U.S.C. 7106(b)(1) and (b)(7), data presumption: a government that, after reasonable
//! requests, gives no enforcement data is presumed not to have enforced vigorously.
//! Applied here to indicium (1) when no investigation, prosecution or conviction count is known;
//! (7) needs data on officials, which findings do not carry, so it is not presumed.

use crate::assessment::{Premise, RuleStatus, Status};
use crate::engine::Ctx;
use crate::provisions::Rule;

/// The outcome of the presumption for indicium (1): status, basis, premises.
pub type Presumed = (Status, String, Vec<Premise>);

fn rule(ctx: &Ctx, id: &'static str) -> Rule {
    let p = &ctx.edition.data_presumption;
    Rule::new(
        id,
        "Data presumption for enforcement",
        "22 U.S.C. 7106(b)(1), (b)(7)",
        p.in_force.confidence,
    )
}

/// The versions this module implements (named by editions' `provisions.data_presumption`).
pub const VERSIONS: &[&str] = &["since_2004", "since_2019"];

/// Apply the version the edition names (none in force before 2004).
pub fn apply(ctx: &mut Ctx) -> Option<Presumed> {
    match ctx.edition.provisions.data_presumption.value.as_str() {
        "since_2019" => since_2019(ctx),
        _ => since_2004(ctx),
    }
}

/// TVPRA 2003 version (2004-2018 reports): presumption "consistent with its capacity"; for the
/// 2004 and 2005 reports the Secretary may disregard it if some data was given in good faith.
pub fn since_2004(ctx: &mut Ctx) -> Option<Presumed> {
    let r = rule(ctx, "data_presumption.since_2004");
    common(ctx, r, "the government's capacity to obtain it")
}

/// 2019 version: the test becomes "demonstrably increasing capacity" and the 2004/2005 grace
/// sentences are gone (Pub. L. 115-425 s. 202).
pub fn since_2019(ctx: &mut Ctx) -> Option<Presumed> {
    let r = rule(ctx, "data_presumption.since_2019");
    common(ctx, r, "a demonstrably increasing capacity to obtain it")
}

fn common(ctx: &mut Ctx, r: Rule, capacity: &str) -> Option<Presumed> {
    let p = ctx.edition.data_presumption.clone();
    let params = vec![
        p.in_force.premise("data_presumption.in_force"),
        p.capacity_test.premise("data_presumption.capacity_test"),
    ];
    if !p.in_force.value {
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            format!("no data presumption in the {} edition", ctx.edition.span()),
            params,
        ));
        return None;
    }
    if ctx.findings.counts.any_enforcement_data() {
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            "enforcement data is available",
            params,
        ));
        return None;
    }
    let mut premises = vec![Premise::Absent {
        what: "investigation, prosecution, conviction and sentencing data for the reporting period".into(),
        presumption: format!("{}: without such data, consistent with {capacity}, enforcement is presumed not vigorous", r.citation),
    }];
    premises.extend(params);
    let mut note = "no enforcement count is known, so indicium (1) is presumed not met".to_string();
    if p.grace.value {
        premises.push(p.grace.premise("data_presumption.grace"));
        note.push_str("; the grace clause of this edition needs some data, which is absent");
    }
    ctx.considered
        .push(r.trace(RuleStatus::Fired, note.clone(), premises.clone()));
    Some((Status::NotMet, note, premises))
}
