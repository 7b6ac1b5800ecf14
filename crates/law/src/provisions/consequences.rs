//! What follows from the outcome: Tier 3 consequences (22 U.S.C. 7107(a), (c), (d); 19 U.S.C.
//! 4205(b)(6)) and the duties the outcome triggers (interim assessment, waiver publication,
//! action plans, tier-change explanation), each only if the edition has it.

use tierwatch_model::Tier;

use crate::assessment::{Consequence, Outcome, RuleStatus};
use crate::engine::{Ctx, Placement};
use crate::param::Param;
use crate::provisions::Rule;

pub const RULE: &str = "tier3_consequences";

fn item(id: &str, description: &str, p: &Param<bool>) -> Consequence {
    Consequence {
        id: id.into(),
        description: description.into(),
        citation: p.citation.clone(),
        confidence: p.confidence,
    }
}

pub fn list(ctx: &mut Ctx, p: &Placement) -> Vec<Consequence> {
    let c = ctx.edition.consequences.clone();
    let mut out = Vec::new();
    let prev = ctx.previous().map(|x| x.1);
    let r = Rule::new(
        RULE,
        "Tier 3 consequences",
        "22 U.S.C. 7107(a), (c), (d)",
        c.assistance_withholding.confidence,
    );
    if p.outcome == Outcome::Tier3 {
        if c.assistance_withholding.value {
            out.push(item(
                "assistance_withholding",
                "Within 45 to 90 days of the report the President determines whether to withhold nonhumanitarian, nontrade-related assistance for the next fiscal year and to have U.S. directors oppose multilateral-bank and IMF lending, unless an exception or a national-interest waiver applies.",
                &c.assistance_withholding,
            ));
        }
        if c.trade_promotion.value {
            out.push(item("trade_promotion", "Trade-promotion (fast-track) procedures do not apply to trade agreements with a country on Tier 3 in the latest report.", &c.trade_promotion));
        }
        let note = if out.is_empty() {
            format!(
                "Tier 3 carries no statutory consequence in the {} edition",
                ctx.edition.span()
            )
        } else {
            format!("{} consequence(s) listed", out.len())
        };
        let status = if out.is_empty() {
            RuleStatus::NotInForce
        } else {
            RuleStatus::Fired
        };
        ctx.considered.push(r.trace(
            status,
            note,
            vec![
                    c.assistance_withholding
                        .premise("consequences.assistance_withholding"),
                    c.trade_promotion.premise("consequences.trade_promotion"),
                ],
        ));
    } else {
        ctx.considered.push(r.trace(
            RuleStatus::NotApplicable,
            format!("the outcome is {}", p.outcome),
            vec![],
        ));
    }
    if p.outcome == Outcome::Tier2WatchList && prev == Some(Tier::Tier3) && c.action_plans.value {
        out.push(item("action_plan", "Upgraded from Tier 3 to the watch list: State prepares an action plan within 180 days and presents it to the government.", &c.action_plans));
    }
    if p.reasons.iter().any(|x| x.rule.starts_with("waiver.")) && c.waiver_publication.value {
        out.push(item("waiver_publication", "Within 30 days of notifying Congress of the waiver, State posts the credible evidence behind it and offers a briefing on the written plan.", &c.waiver_publication));
    }
    if let (Some(now), Some(before)) = (p.outcome.tier(), prev) {
        if now != before && c.tier_change_explanation.value {
            out.push(item("tier_change_explanation", "The report must explain how concrete actions taken or not taken caused the change of tier.", &c.tier_change_explanation));
        }
    }
    out
}
