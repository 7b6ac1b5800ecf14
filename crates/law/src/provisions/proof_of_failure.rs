//! 22 U.S.C. 7107(b)(3)(B), proof of failure (2019+): a government policy or pattern of
//! trafficking, trafficking in government-funded programs, forced labor in government-affiliated
//! sectors, sexual slavery in government camps, or child soldiers proves a failure to make
//! significant efforts, so the country goes to Tier 3 whatever the other findings say.

use crate::assessment::{Outcome, RuleStatus, Severity};
use crate::engine::{Ctx, Placement};
use crate::judgment::finding_premises;
use crate::provisions::Rule;

pub const RULE: &str = "proof_of_failure.since_2019";

pub fn apply(ctx: &mut Ctx, p: &mut Placement) {
    since_2019(ctx, p)
}

/// The only version: the knock-out arrived with the 2019 laws (attribution LIKELY Pub. L. 115-425 s. 203).
pub fn since_2019(ctx: &mut Ctx, p: &mut Placement) {
    let param = ctx.edition.proof_of_failure.in_force.clone();
    let r = Rule::new(
        RULE,
        "Proof of failure to make significant efforts",
        "22 U.S.C. 7107(b)(3)(B)",
        param.confidence,
    );
    let finding = ctx.findings.proof_of_failure.clone();
    if !param.value {
        if finding.value == Some(true) {
            ctx.diag(
                Severity::Warning,
                "proof_of_failure_not_in_force",
                format!(
                    "a proof-of-failure finding has no effect before the 2019 report ({})",
                    ctx.year
                ),
                vec![],
            );
        }
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            format!("not in the {} edition", ctx.edition.span()),
            vec![param.premise("proof_of_failure.in_force")],
        ));
        return;
    }
    if finding.value != Some(true) {
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            "no finding of a government policy or pattern of trafficking",
            vec![],
        ));
        return;
    }
    let mut premises = finding_premises("proof_of_failure", &finding);
    premises.push(param.premise("proof_of_failure.in_force"));
    for rule in p.reasons.iter().map(|r| r.rule.clone()).collect::<Vec<_>>() {
        ctx.mark_overridden(&rule, RULE);
    }
    p.reasons.clear();
    p.outcome = Outcome::Tier3;
    ctx.considered.push(r.trace(
        RuleStatus::Fired,
        "a government policy or pattern of trafficking proves a failure of significant efforts",
        premises.clone(),
    ));
    p.reasons.push(r.reason("A government policy or pattern of trafficking proves a failure to make significant efforts: Tier 3.", premises));
}
