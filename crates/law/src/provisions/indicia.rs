//! 22 U.S.C. 7106(b), indicia of serious and sustained efforts: a met / not met / unknown finding
//! for each indicium in force in the report year, from evidence, overrides and (for (1)) the data
//! presumption. Indicia with no evidence type stay unknown unless an analyst sets them.

use crate::assessment::{CriterionFinding, CriterionKind, Premise, Status};
use crate::criteria::InForce;
use crate::engine::Ctx;
use crate::findings::Finding;
use crate::judgment::{finding_premises, Judged};
use crate::provisions::data_presumption;

pub fn evaluate(ctx: &mut Ctx, increasing: &Judged) -> Vec<CriterionFinding> {
    let law = ctx.law;
    let mut out = Vec::new();
    for ind in law.criteria.indicia_in_force(ctx.year.get()) {
        let (status, basis, mut premises) = match ctx
            .findings
            .criteria
            .get(&format!("indicium.{}", ind.criterion.id))
        {
            Some(f) if f.value.is_some() => from_bool(
                &format!("indicium.{}", ind.criterion.id),
                f,
                "set by an analyst override",
            ),
            _ => judge(ctx, &ind, increasing),
        };
        if let Some((name, p)) = &ind.start_param {
            premises.push(p.premise(&format!("criteria.{name}")));
        }
        out.push(finding(&ind, status, basis, premises));
    }
    out
}

fn finding(
    ind: &InForce,
    status: Status,
    basis: String,
    premises: Vec<Premise>,
) -> CriterionFinding {
    CriterionFinding {
        id: ind.criterion.id.clone(),
        kind: CriterionKind::Indicium,
        number: ind.number,
        title: ind.criterion.title.clone(),
        citation: ind.citation.clone(),
        confidence: ind.criterion.confidence,
        status,
        basis,
        premises,
    }
}

fn from_bool(name: &str, f: &Finding<bool>, basis: &str) -> (Status, String, Vec<Premise>) {
    let status = match f.value {
        Some(true) => Status::Met,
        Some(false) => Status::NotMet,
        None => Status::Unknown,
    };
    (status, basis.to_string(), finding_premises(name, f))
}

fn unknown(basis: &str) -> (Status, String, Vec<Premise>) {
    (Status::Unknown, basis.to_string(), Vec::new())
}

fn judge(ctx: &mut Ctx, ind: &InForce, increasing: &Judged) -> (Status, String, Vec<Premise>) {
    let f = &ctx.findings;
    match ind.criterion.id.as_str() {
        "enforcement" => enforcement(ctx),
        "victim_protection" => {
            let victims = f.counts.victims_identified.current.value;
            let care = f.shelters.value == Some(true) || f.victim_care_funding.value == Some(true);
            let mut premises = finding_premises("non_penalization", &f.non_penalization);
            premises.extend(finding_premises("shelters", &f.shelters));
            premises.extend(finding_premises(
                "victim_care_funding",
                &f.victim_care_funding,
            ));
            premises.extend(finding_premises(
                "victims_identified",
                &f.counts.victims_identified.current,
            ));
            if f.non_penalization.value == Some(false) {
                (
                    Status::NotMet,
                    "victims are penalized for acts they were compelled to commit".into(),
                    premises,
                )
            } else if victims == Some(0) {
                (Status::NotMet, "no victims identified".into(), premises)
            } else if victims.is_some_and(|v| v > 0) && care {
                (
                    Status::Met,
                    "victims identified and given shelter or funded care".into(),
                    premises,
                )
            } else if f.shelters.value == Some(false) && f.victim_care_funding.value == Some(false)
            {
                (
                    Status::NotMet,
                    "no shelter and no funded care".into(),
                    premises,
                )
            } else {
                unknown("not enough protection evidence")
            }
        }
        "prevention" => match f.national_action_plan.value {
            Some(v) => from_bool(
                "national_action_plan",
                &f.national_action_plan,
                if v {
                    "a national action plan exists"
                } else {
                    "no national action plan"
                },
            ),
            None => unknown("no prevention evidence"),
        },
        "official_complicity" => match f.official_complicity.value {
            Some(true) => (
                Status::NotMet,
                "official complicity is reported, with no finding that it was punished".into(),
                finding_premises("official_complicity", &f.official_complicity),
            ),
            Some(false) => (
                Status::Met,
                "no official complicity reported".into(),
                finding_premises("official_complicity", &f.official_complicity),
            ),
            None => unknown("no complicity evidence"),
        },
        "appreciable_progress" => match increasing.value {
            Some(v) => (
                if v { Status::Met } else { Status::NotMet },
                format!("increasing efforts: {}", increasing.basis),
                increasing.premises.clone(),
            ),
            None => unknown("no evidence of progress either way"),
        },
        _ => unknown("tierwatch has no evidence type for this indicium; set it with an override"),
    }
}

/// Indicium (1): vigorous investigation, prosecution, conviction and sentencing.
fn enforcement(ctx: &mut Ctx) -> (Status, String, Vec<Premise>) {
    if let Some(presumed) = data_presumption::apply(ctx) {
        return presumed;
    }
    let t = ctx.law.thresholds.enforcement.clone();
    let c = &ctx.findings.counts;
    let (conv, pros) = (c.convictions.current.value, c.prosecutions.current.value);
    let mut premises = finding_premises("convictions", &c.convictions.current);
    premises.extend(finding_premises("prosecutions", &c.prosecutions.current));
    premises.push(
        t.vigorous_min_convictions
            .premise("thresholds.enforcement.vigorous_min_convictions"),
    );
    premises.push(
        t.vigorous_min_prosecutions
            .premise("thresholds.enforcement.vigorous_min_prosecutions"),
    );
    let min_c = t.vigorous_min_convictions.value;
    let min_p = t.vigorous_min_prosecutions.value;
    if conv.is_some_and(|v| v >= min_c) && pros.is_none_or(|v| v >= min_p) {
        return (
            Status::Met,
            format!("{} convictions in the reporting period", conv.unwrap_or(0)),
            premises,
        );
    }
    if let Some(v) = conv.filter(|v| *v < min_c) {
        return (
            Status::NotMet,
            format!("{v} convictions in the reporting period"),
            premises,
        );
    }
    if let Some(v) = pros.filter(|v| *v < min_p) {
        return (
            Status::NotMet,
            format!("{v} prosecutions in the reporting period"),
            premises,
        );
    }
    unknown("enforcement data does not settle it")
}
