//! Judgments the statute leaves to the assessor: full compliance, significant efforts and
//! increasing efforts. A stated (or overridden) finding wins; otherwise the answer is derived
//! from the standards, the indicia or the counts with the thresholds of `law/thresholds.toml`,
//! and, if the parameter allows, from the previous report's tier. Never a buried constant.

use serde::Serialize;
use tierwatch_model::{ReportYear, Tier};

use crate::assessment::{CriterionFinding, Premise, Severity, Status};
use crate::engine::Ctx;
use crate::findings::{Finding, FindingSource};

/// A judgment with how it was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub value: Option<bool>,
    pub basis: String,
    pub premises: Vec<Premise>,
}

impl Judged {
    fn unknown(basis: &str) -> Judged {
        Judged {
            value: None,
            basis: basis.into(),
            premises: Vec::new(),
        }
    }
}

/// The premises behind a finding: its facts, or the override that set it.
pub fn finding_premises<T: Serialize>(name: &str, f: &Finding<T>) -> Vec<Premise> {
    match f.source {
        FindingSource::Override => vec![Premise::Override {
            finding: name.into(),
            value: f
                .value
                .as_ref()
                .map(crate::param::render_value)
                .unwrap_or_else(|| "unknown".into()),
        }],
        _ => f.facts.iter().map(Premise::fact).collect(),
    }
}

fn from_finding(name: &str, f: &Finding<bool>) -> Option<Judged> {
    let v = f.value?;
    let how = match f.source {
        FindingSource::Override => "set by an analyst override",
        FindingSource::Stated => "stated in the narrative",
        _ => "from evidence",
    };
    Some(Judged {
        value: Some(v),
        basis: how.into(),
        premises: finding_premises(name, f),
    })
}

/// Increasing efforts over the previous period: stated, or from the four counts.
pub fn increasing_efforts(ctx: &mut Ctx) -> Judged {
    if let Some(j) = from_finding("increasing_efforts", &ctx.findings.increasing_efforts) {
        return j;
    }
    let t = &ctx.law.thresholds.efforts;
    let (mut up, mut down, mut pairs) = (0u32, 0u32, 0u32);
    let mut premises = Vec::new();
    for (name, pair) in ctx.findings.counts.all() {
        let (Some(cur), Some(prev)) = (pair.current.value, pair.previous.value) else {
            continue;
        };
        pairs += 1;
        premises.extend(finding_premises(name, &pair.current));
        premises.extend(finding_premises(
            &format!("{name}_previous"),
            &pair.previous,
        ));
        if cur > prev {
            up += 1;
        } else if (cur as f64) < (prev as f64) * (1.0 - t.decline_tolerance.value) {
            down += 1;
        }
    }
    if pairs == 0 {
        return Judged::unknown("no finding and no pair of counts to compare");
    }
    premises.push(
        t.increasing_min_counts_up
            .premise("thresholds.efforts.increasing_min_counts_up"),
    );
    premises.push(
        t.decline_tolerance
            .premise("thresholds.efforts.decline_tolerance"),
    );
    if up + down == 0 {
        return Judged {
            value: None,
            basis: format!("from counts: none of {pairs} rose or fell beyond the tolerance"),
            premises,
        };
    }
    // Evidence moves the answer only by a clear margin of counts that rose over counts that fell.
    let margin = t.increasing_margin.value as i64;
    premises.push(t.increasing_margin.premise("thresholds.efforts.increasing_margin"));
    let net = up as i64 - down as i64;
    let value = if net >= margin && up >= t.increasing_min_counts_up.value {
        Some(true)
    } else if -net >= margin {
        Some(false)
    } else {
        None
    };
    Judged {
        value,
        basis: format!("from counts: {up} of {pairs} rose, {down} fell beyond the tolerance"),
        premises,
    }
}

/// Full compliance as the previous placement implies it.
fn compliance_implied_by(t: Tier) -> Option<bool> {
    match t {
        Tier::Tier1 => Some(true),
        Tier::Tier2 | Tier::Tier2WatchList | Tier::Tier3 => Some(false),
        Tier::SpecialCase => None,
    }
}

/// Significant efforts as the previous placement implies them.
fn efforts_implied_by(t: Tier) -> Option<bool> {
    match t {
        Tier::Tier1 | Tier::Tier2 | Tier::Tier2WatchList => Some(true),
        Tier::Tier3 => Some(false),
        Tier::SpecialCase => None,
    }
}

/// The two threshold parameters that let the previous placement answer a question.
#[derive(Clone, Copy)]
enum FromPrevious {
    /// `prior_first`: before evidence is counted.
    PriorFirst,
    /// `lean_on_previous_tier`: only when evidence leaves the question open.
    Lean,
}

impl FromPrevious {
    fn param(self, law: &crate::load::Law) -> (&crate::param::Param<bool>, &'static str) {
        let h = &law.thresholds.history;
        match self {
            FromPrevious::PriorFirst => (&h.prior_first, "thresholds.history.prior_first"),
            FromPrevious::Lean => (&h.lean_on_previous_tier, "thresholds.history.lean_on_previous_tier"),
        }
    }

    fn basis(self, what: &str, y: ReportYear, t: Tier) -> String {
        match self {
            FromPrevious::PriorFirst => format!("{what}: no stated finding; starting from the {y} placement ({t})"),
            FromPrevious::Lean => format!("{what} unknown from findings and evidence; taken from the {y} placement ({t})"),
        }
    }
}

/// An answer taken from the previous placement when `how`'s parameter is on, noted as a
/// diagnostic.
fn from_previous(ctx: &mut Ctx, how: FromPrevious, what: &str, value: impl Fn(Tier) -> Option<bool>) -> Option<Judged> {
    let (p, name) = how.param(ctx.law);
    if !p.value {
        return None;
    }
    let param = p.premise(name);
    let (y, t) = ctx.previous()?;
    let v = value(t)?;
    let basis = how.basis(what, y, t);
    ctx.diag(Severity::Info, "presumed_from_history", basis.clone(), vec![]);
    Some(Judged { value: Some(v), basis, premises: vec![Premise::Prior { report_year: y, tier: t }, param] })
}

/// Full compliance with the minimum standards (Tier 1 question).
pub fn fully_meets(ctx: &mut Ctx, standards: &[CriterionFinding]) -> Judged {
    if let Some(j) = from_finding("fully_meets_standards", &ctx.findings.fully_meets_standards) {
        return j;
    }
    if let Some(j) = from_previous(ctx, FromPrevious::PriorFirst, "full compliance", compliance_implied_by) {
        return j;
    }
    let premises: Vec<Premise> = standards.iter().flat_map(|s| s.premises.clone()).collect();
    if !standards.is_empty() && standards.iter().all(|s| s.status == Status::Met) {
        return Judged {
            value: Some(true),
            basis: "every minimum standard met on the evidence".into(),
            premises,
        };
    }
    if let Some(s) = standards.iter().find(|s| s.status == Status::NotMet) {
        return Judged {
            value: Some(false),
            basis: format!("minimum standard {} ({}) not met", s.number, s.title),
            premises: s.premises.clone(),
        };
    }
    if let Some(j) = from_previous(ctx, FromPrevious::Lean, "full compliance", compliance_implied_by) {
        return j;
    }
    Judged::unknown("no finding on full compliance and the standards are not all known")
}

/// Significant efforts to meet the standards (Tier 2 vs Tier 3 question).
pub fn significant_efforts(ctx: &mut Ctx, indicia: &[CriterionFinding]) -> Judged {
    if let Some(j) = from_finding("significant_efforts", &ctx.findings.significant_efforts) {
        return j;
    }
    if ctx.law.thresholds.history.prior_first.value {
        let increasing = increasing_efforts(ctx);
        let up = increasing.value == Some(true);
        // A Tier 3 country shows significant efforts by increasing them.
        let implied = |t| if t == Tier::Tier3 { Some(up) } else { efforts_implied_by(t) };
        if let Some(mut j) = from_previous(ctx, FromPrevious::PriorFirst, "significant efforts", implied) {
            if matches!(ctx.previous(), Some((_, Tier::Tier3))) {
                j.basis = format!("{}; increasing efforts: {}", j.basis, increasing.basis);
                j.premises.extend(increasing.premises);
            }
            return j;
        }
    }
    let t = &ctx.law.thresholds.efforts;
    let met = indicia.iter().filter(|i| i.status == Status::Met).count() as u32;
    let known = indicia
        .iter()
        .filter(|i| i.status != Status::Unknown)
        .count() as u32;
    if known >= t.min_indicia_known.value && known > 0 {
        let share = met as f64 / known as f64;
        let mut premises: Vec<Premise> = indicia
            .iter()
            .filter(|i| i.status != Status::Unknown)
            .flat_map(|i| i.premises.clone())
            .collect();
        premises.push(
            t.significant_min_share_met
                .premise("thresholds.efforts.significant_min_share_met"),
        );
        premises.push(
            t.min_indicia_known
                .premise("thresholds.efforts.min_indicia_known"),
        );
        return Judged {
            value: Some(share >= t.significant_min_share_met.value),
            basis: format!("{met} of {known} evaluated indicia met"),
            premises,
        };
    }
    if let Some(j) = from_previous(ctx, FromPrevious::Lean, "significant efforts", efforts_implied_by) {
        return j;
    }
    Judged::unknown("no finding on significant efforts and too few indicia evaluated")
}
