//! Special cases: State Department practice of listing a country without a tier (e.g. Libya,
//! Somalia and Yemen in 2019). Not a statutory tier; neither 7106 nor 7107 mentions it.

use crate::assessment::{Outcome, RuleStatus};
use crate::engine::{Ctx, Placement};
use crate::judgment::finding_premises;
use crate::param::Confidence;
use crate::provisions::Rule;

fn rule() -> Rule {
    Rule::new(
        "special_case",
        "Special case (unranked)",
        "State Department practice, not statutory (CRS R44953)",
        Confidence::Confirmed,
    )
}

pub fn apply(ctx: &mut Ctx) -> Option<Placement> {
    let r = rule();
    let f = &ctx.findings.special_case;
    if f.value != Some(true) {
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            "no finding that the country is left unranked",
            vec![],
        ));
        return None;
    }
    let premises = finding_premises("special_case", f);
    ctx.considered.push(r.trace(
        RuleStatus::Fired,
        "the country is listed without a tier",
        premises.clone(),
    ));
    Some(Placement {
        outcome: Outcome::SpecialCase,
        reasons: vec![r.reason(
            "The report lists the country as a special case, without a tier.",
            premises,
        )],
    })
}
