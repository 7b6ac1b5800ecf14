//! 22 U.S.C. 7107(b)(1), the tier lists: full compliance -> Tier 1; otherwise significant efforts
//! -> Tier 2, else Tier 3.

use crate::assessment::{Outcome, Premise, RuleStatus, Severity};
use crate::engine::{Ctx, Placement};
use crate::findings::WatchListBasis;
use crate::judgment::Judged;
use crate::param::Confidence;
use crate::provisions::Rule;

pub const FULL_COMPLIANCE: &str = "full_compliance";
pub const SIGNIFICANT_EFFORTS: &str = "significant_efforts";
pub const NO_SIGNIFICANT_EFFORTS: &str = "no_significant_efforts";

fn rules() -> [Rule; 3] {
    [
        Rule::new(
            FULL_COMPLIANCE,
            "Tier 1: fully meets the minimum standards",
            "22 U.S.C. 7107(b)(1)(A)",
            Confidence::Confirmed,
        ),
        Rule::new(
            SIGNIFICANT_EFFORTS,
            "Tier 2: does not fully meet the standards but makes significant efforts",
            "22 U.S.C. 7107(b)(1)(B)",
            Confidence::Confirmed,
        ),
        Rule::new(
            NO_SIGNIFICANT_EFFORTS,
            "Tier 3: does not fully meet the standards and makes no significant efforts",
            "22 U.S.C. 7107(b)(1)(C)",
            Confidence::Confirmed,
        ),
    ]
}

/// The versions this module implements (named by editions' `provisions.tier_lists`).
pub const VERSIONS: &[&str] = &["since_2001", "since_2019"];

/// The version the edition names.
pub fn place(ctx: &mut Ctx, fully: &Judged, significant: &Judged) -> Placement {
    match ctx.edition.provisions.tier_lists.value.as_str() {
        "since_2019" => since_2019(ctx, fully, significant),
        _ => since_2001(ctx, fully, significant),
    }
}

/// TVPA 2000 version (2001-2018 reports).
pub fn since_2001(ctx: &mut Ctx, fully: &Judged, significant: &Judged) -> Placement {
    decide(ctx, fully, significant, Vec::new())
}

/// 2019 version: Tier 1 and Tier 2 rest only on concrete actions of the reporting period, and
/// commitments to act next year cannot support Tier 2. The decision is the same; what changed is
/// that a significant-efforts finding said to rest on commitments is flagged, and the parameter
/// is shown among the premises.
pub fn since_2019(ctx: &mut Ctx, fully: &Judged, significant: &Judged) -> Placement {
    let p = ctx.edition.tier_placement.concrete_actions_only.clone();
    let commitments = ctx
        .findings
        .watch_list_basis
        .value
        .as_ref()
        .is_some_and(|b| b.contains(&WatchListBasis::FutureCommitments));
    if p.value && commitments {
        ctx.diag(
            Severity::Warning,
            "commitments_excluded",
            "from the 2019 report commitments to act next year cannot support Tier 2; the significant-efforts finding is taken to rest on concrete actions",
            ctx.findings.watch_list_basis.facts.iter().map(|f| f.id()).collect(),
        );
    }
    decide(
        ctx,
        fully,
        significant,
        vec![p.premise("tier_placement.concrete_actions_only")],
    )
}

fn decide(ctx: &mut Ctx, fully: &Judged, significant: &Judged, extra: Vec<Premise>) -> Placement {
    let [r1, r2, r3] = rules();
    let with = |j: &Judged| -> Vec<Premise> {
        j.premises
            .iter()
            .cloned()
            .chain(extra.iter().cloned())
            .collect()
    };
    if fully.value == Some(true) {
        ctx.considered.push(r1.trace(
            RuleStatus::Fired,
            format!("full compliance: {}", fully.basis),
            with(fully),
        ));
        ctx.considered.push(r2.trace(
            RuleStatus::NotApplicable,
            "the country fully meets the standards",
            vec![],
        ));
        ctx.considered.push(r3.trace(
            RuleStatus::NotApplicable,
            "the country fully meets the standards",
            vec![],
        ));
        return Placement {
            outcome: Outcome::Tier1,
            reasons: vec![r1.reason(
                format!("Fully meets the minimum standards ({}).", fully.basis),
                with(fully),
            )],
        };
    }
    let full_note = match fully.value {
        Some(false) => format!("does not fully meet the standards ({})", fully.basis),
        _ => "no finding on full compliance".to_string(),
    };
    ctx.considered.push(r1.trace(
        RuleStatus::NotFired,
        full_note.clone(),
        fully.premises.clone(),
    ));
    if fully.value.is_none() && significant.value.is_some() {
        ctx.diag(Severity::Info, "full_compliance_implied", "no finding on full compliance; a finding on significant efforts implies the standards are not fully met", vec![]);
    }
    let mut premises = fully.premises.clone();
    premises.extend(with(significant));
    match significant.value {
        Some(true) => {
            ctx.considered.push(r2.trace(
                RuleStatus::Fired,
                format!("significant efforts: {}", significant.basis),
                premises.clone(),
            ));
            ctx.considered.push(r3.trace(
                RuleStatus::NotFired,
                "the country makes significant efforts",
                vec![],
            ));
            Placement {
                outcome: Outcome::Tier2,
                reasons: vec![r2.reason(
                    format!(
                        "Does not fully meet the standards but makes significant efforts ({}).",
                        significant.basis
                    ),
                    premises,
                )],
            }
        }
        Some(false) => {
            ctx.considered.push(r2.trace(
                RuleStatus::NotFired,
                format!("no significant efforts: {}", significant.basis),
                vec![],
            ));
            ctx.considered.push(r3.trace(
                RuleStatus::Fired,
                format!("no significant efforts: {}", significant.basis),
                premises.clone(),
            ));
            Placement {
                outcome: Outcome::Tier3,
                reasons: vec![r3.reason(
                    format!(
                        "Does not fully meet the standards and makes no significant efforts ({}).",
                        significant.basis
                    ),
                    premises,
                )],
            }
        }
        None => {
            ctx.considered.push(r2.trace(
                RuleStatus::NotFired,
                "significant efforts unknown",
                vec![],
            ));
            ctx.considered.push(r3.trace(
                RuleStatus::NotFired,
                "significant efforts unknown",
                vec![],
            ));
            ctx.diag(
                Severity::Warning,
                "missing_finding",
                format!(
                    "cannot place the country: {}; {}",
                    full_note, significant.basis
                ),
                vec![],
            );
            Placement {
                outcome: Outcome::Undetermined,
                reasons: Vec::new(),
            }
        }
    }
}
