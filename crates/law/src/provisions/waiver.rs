//! 22 U.S.C. 7107(b)(2)(D)(ii), the written-plan waiver: an exception that overrides the
//! automatic downgrade, if waiver years remain under the edition's limit and a waiver is found
//! (or, when unknown, presumed per `law/thresholds.toml`).


use crate::assessment::{Outcome, Premise, RuleStatus, Severity};
use crate::engine::{Ctx, Placement};
use crate::history::waivers_used;
use crate::judgment::finding_premises;
use crate::provisions::auto_downgrade::{self, Fired};
use crate::provisions::{years_text, Rule};

pub const SINCE_2009: &str = "waiver.since_2009";
pub const SINCE_2019: &str = "waiver.since_2019";

/// The versions this module implements (named by editions' `provisions.waiver`).
pub const VERSIONS: &[&str] = &["since_2009", "since_2019"];

/// Apply the version the edition names.
pub fn apply(ctx: &mut Ctx, p: &mut Placement, downgrade: Option<&Fired>) {
    match ctx.edition.provisions.waiver.value.as_str() {
        "since_2019" => since_2019(ctx, p, downgrade),
        _ => since_2009(ctx, p, downgrade),
    }
}

/// TVPRA 2008 version (2009-2018 reports): waivable for up to two years.
pub fn since_2009(ctx: &mut Ctx, p: &mut Placement, downgrade: Option<&Fired>) {
    let r = rule(ctx, SINCE_2009);
    common(ctx, r, p, downgrade, Vec::new())
}

/// 2019 version: waivable for one year only. How waiver years granted before 2019 count against
/// the new limit is unknown; the edition's `waiver.transition` parameter decides.
pub fn since_2019(ctx: &mut Ctx, p: &mut Placement, downgrade: Option<&Fired>) {
    let r = rule(ctx, SINCE_2019);
    let t = ctx.edition.waiver.transition.premise("waiver.transition");
    common(ctx, r, p, downgrade, vec![t])
}

fn rule(ctx: &Ctx, id: &'static str) -> Rule {
    Rule::new(
        id,
        "Written-plan waiver of the automatic downgrade",
        "22 U.S.C. 7107(b)(2)(D)(ii)",
        ctx.edition.waiver.max_years.confidence,
    )
}

fn common(
    ctx: &mut Ctx,
    r: Rule,
    p: &mut Placement,
    downgrade: Option<&Fired>,
    extra: Vec<Premise>,
) {
    let w = ctx.edition.waiver.clone();
    if !w.in_force.value {
        ctx.considered.push(r.trace(
            RuleStatus::NotInForce,
            format!("no waiver in the {} edition", ctx.edition.span()),
            vec![w.in_force.premise("waiver.in_force")],
        ));
        return;
    }
    let Some(fired) = downgrade else {
        ctx.considered
            .push(r.trace(RuleStatus::NotApplicable, "no downgrade to waive", vec![]));
        return;
    };
    let used = waivers_used(&ctx.history, ctx.year.previous(), ctx.edition, ctx.law);
    let max = w.max_years.value;
    let mut premises: Vec<Premise> = super::run_premises(&ctx.history, &fired.run.counted);
    premises.push(w.max_years.premise("waiver.max_years"));
    premises.extend(extra);
    let stated = ctx.findings.waiver_stated.clone();
    if used.len() as u32 >= max {
        if stated.value == Some(true) {
            ctx.diag(
                Severity::Warning,
                "waiver_beyond_limit",
                format!(
                    "a waiver is stated, but the {max}-year limit is used up ({})",
                    years_text(&used)
                ),
                stated.facts.iter().map(|f| f.id()).collect(),
            );
        }
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            format!(
                "waivers used up: {} waiver year(s) ({}) of {max} allowed",
                used.len(),
                years_text(&used)
            ),
            premises,
        ));
        return;
    }
    let granted = match stated.value {
        Some(v) => {
            premises.extend(finding_premises("waiver", &stated));
            v
        }
        None => {
            let presume = ctx.law.thresholds.waiver.presume_when_unknown.clone();
            premises.push(presume.premise("thresholds.waiver.presume_when_unknown"));
            ctx.diag(
                Severity::Info,
                "waiver_presumed",
                format!(
                    "no finding on a waiver; presumed {}",
                    if presume.value {
                        "granted"
                    } else {
                        "not granted"
                    }
                ),
                vec![],
            );
            presume.value
        }
    };
    let left = max - used.len() as u32;
    if !granted {
        ctx.considered.push(r.trace(
            RuleStatus::NotFired,
            format!("{left} waiver year(s) available, but no waiver was granted"),
            premises,
        ));
        return;
    }
    let summary = format!(
        "Waiver year {} of at most {max}: the downgrade after {} counted watch-list years is waived, so the country stays on the Tier 2 Watch List.",
        used.len() + 1,
        fired.run.counted_len()
    );
    ctx.considered
        .push(r.trace(RuleStatus::Fired, summary.clone(), premises.clone()));
    ctx.mark_overridden(auto_downgrade::RULE, r.id);
    p.reasons.retain(|x| x.rule != auto_downgrade::RULE);
    p.outcome = Outcome::Tier2WatchList;
    p.reasons.push(r.reason(summary, premises));
}
