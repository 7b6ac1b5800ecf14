//! 22 U.S.C. 7107(b)(2)(A), special watch list membership (2004+): (i) Tier 1 after Tier 2,
//! (ii) Tier 2 or Watch List after Tier 3 (an upgrade from Tier 3), (iii) the Tier 2 Watch List.
//! Membership brings the February 1 interim assessment; it does not itself change the tier.

use tierwatch_model::Tier;

use crate::assessment::{Outcome, Premise, RuleStatus, SwlCategory, SwlMembership};
use crate::engine::Ctx;
use crate::provisions::Rule;

pub const RULE: &str = "special_watch_list";

pub fn membership(ctx: &mut Ctx, outcome: Outcome) -> Vec<SwlMembership> {
    let swl = ctx.edition.special_watch_list.in_force.clone();
    let r = Rule::new(
        RULE,
        "Special watch list membership",
        "22 U.S.C. 7107(b)(2)(A)",
        swl.confidence,
    );
    if !swl.value {
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            format!(
                "no special watch list in the {} edition",
                ctx.edition.span()
            ),
            vec![swl.premise("special_watch_list.in_force")],
        ));
        return Vec::new();
    }
    let prev = ctx.previous();
    let prior: Vec<Premise> = ctx.prior_premise().into_iter().collect();
    let mut out = Vec::new();
    let mut add = |category, citation: &str, premises: Vec<Premise>| {
        out.push(SwlMembership {
            category,
            citation: citation.into(),
            premises,
        })
    };
    match (outcome, prev.map(|p| p.1)) {
        (Outcome::Tier1, Some(Tier::Tier2 | Tier::Tier2WatchList)) => add(
            SwlCategory::UpgradedToTier1,
            "22 U.S.C. 7107(b)(2)(A)(i)",
            prior.clone(),
        ),
        (Outcome::Tier2 | Outcome::Tier2WatchList, Some(Tier::Tier3)) => add(
            SwlCategory::UpgradedFromTier3,
            "22 U.S.C. 7107(b)(2)(A)(ii)",
            prior.clone(),
        ),
        _ => {}
    }
    if outcome == Outcome::Tier2WatchList {
        add(
            SwlCategory::WatchList,
            "22 U.S.C. 7107(b)(2)(A)(iii)",
            Vec::new(),
        );
    }
    let note = if out.is_empty() {
        "not on the special watch list".to_string()
    } else {
        format!(
            "on the special watch list: {}",
            out.iter()
                .map(|m| format!("{:?}", m.category))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let status = if out.is_empty() {
        RuleStatus::NotFired
    } else {
        RuleStatus::Fired
    };
    ctx.considered.push(r.trace(status, note, prior));
    out
}
