//! 22 U.S.C. 7106(a), the four minimum standards: a met / not met / unknown finding for each,
//! from penalties, the prohibition, the indicia (standard 4) or a stated full-compliance finding.

use crate::assessment::{CriterionFinding, CriterionKind, Premise, Status};
use crate::engine::Ctx;
use crate::findings::{years_of, Finding};
use crate::judgment::finding_premises;

type Judged = (Status, String, Vec<Premise>);

pub fn evaluate(ctx: &mut Ctx, indicia: &[CriterionFinding]) -> Vec<CriterionFinding> {
    let law = ctx.law;
    let mut out = Vec::new();
    for st in law.criteria.standards_in_force(ctx.year.get()) {
        let id = st.criterion.id.as_str();
        let key = format!("standard.{id}");
        let (status, basis, premises) = match ctx.findings.criteria.get(&key) {
            Some(f) if f.value.is_some() => bool_status(&key, f, "set by an analyst override"),
            _ => {
                let judged = judge(ctx, id, indicia);
                let stated = &ctx.findings.fully_meets_standards;
                if judged.0 == Status::Unknown && stated.value == Some(true) {
                    (
                        Status::Met,
                        "the narrative finds full compliance".into(),
                        finding_premises("fully_meets_standards", stated),
                    )
                } else {
                    judged
                }
            }
        };
        out.push(CriterionFinding {
            id: id.to_string(),
            kind: CriterionKind::Standard,
            number: st.number,
            title: st.criterion.title.clone(),
            citation: st.citation.clone(),
            confidence: st.criterion.confidence,
            status,
            basis,
            premises,
        });
    }
    out
}

fn bool_status(name: &str, f: &Finding<bool>, basis: &str) -> Judged {
    let s = match f.value {
        Some(true) => Status::Met,
        Some(false) => Status::NotMet,
        None => Status::Unknown,
    };
    (s, basis.into(), finding_premises(name, f))
}

fn judge(ctx: &Ctx, id: &str, indicia: &[CriterionFinding]) -> Judged {
    let f = &ctx.findings;
    let t = &ctx.law.thresholds;
    let penalty = |judged_name: &str,
                   judged: &Finding<bool>,
                   name: &str,
                   min: &crate::param::Param<f64>|
     -> Judged {
        if judged.value.is_some() {
            return bool_status(judged_name, judged, "the narrative judges the penalties");
        }
        match f.penalty_max.value {
            Some(m) => {
                let mut p = finding_premises("penalty_max", &f.penalty_max);
                p.push(min.premise(&format!("thresholds.penalties.{name}")));
                let ok = years_of(m) >= min.value;
                let s = if ok { Status::Met } else { Status::NotMet };
                (
                    s,
                    format!(
                        "maximum penalty {} against a threshold of {} years",
                        render(m),
                        min.value
                    ),
                    p,
                )
            }
            None => (Status::Unknown, "no penalty evidence".into(), Vec::new()),
        }
    };
    match id {
        "prohibition" => match (f.prohibits_trafficking.value, f.penalty_max.value) {
            (Some(_), _) => bool_status(
                "prohibits_trafficking",
                &f.prohibits_trafficking,
                "from the law facts",
            ),
            (None, Some(_)) => (
                Status::Met,
                "a penalty for trafficking is prescribed".into(),
                finding_premises("penalty_max", &f.penalty_max),
            ),
            _ => (
                Status::Unknown,
                "no evidence of a prohibition".into(),
                Vec::new(),
            ),
        },
        "grave_crime_penalties" => penalty(
            "penalties_grave_crime",
            &f.penalties_grave_crime,
            "grave_crime_min_max_years",
            &t.penalties.grave_crime_min_max_years,
        ),
        "deterrent_penalties" => penalty(
            "penalties_deterrent",
            &f.penalties_deterrent,
            "deterrent_min_max_years",
            &t.penalties.deterrent_min_max_years,
        ),
        "serious_sustained_efforts" => {
            let met = indicia.iter().filter(|i| i.status == Status::Met).count();
            let known = indicia
                .iter()
                .filter(|i| i.status != Status::Unknown)
                .count();
            let e = &t.efforts;
            if known as u32 >= e.min_indicia_known.value && known > 0 {
                let share = met as f64 / known as f64;
                let s = if share >= e.serious_sustained_min_share_met.value {
                    Status::Met
                } else {
                    Status::NotMet
                };
                let p = vec![
                    e.serious_sustained_min_share_met
                        .premise("thresholds.efforts.serious_sustained_min_share_met"),
                    e.min_indicia_known
                        .premise("thresholds.efforts.min_indicia_known"),
                ];
                (s, format!("{met} of {known} evaluated indicia met"), p)
            } else {
                (
                    Status::Unknown,
                    format!("only {known} indicia evaluated"),
                    Vec::new(),
                )
            }
        }
        _ => (
            Status::Unknown,
            "no evidence type for this standard".into(),
            Vec::new(),
        ),
    }
}

fn render(m: tierwatch_model::PenaltyMax) -> String {
    match m {
        tierwatch_model::PenaltyMax::Years(y) => format!("{y} years"),
        tierwatch_model::PenaltyMax::Life => "life".into(),
    }
}
