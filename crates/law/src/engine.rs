//! The orchestrator: `assess` runs the provisions in statutory order over one input. Pure: no IO,
//! no clock; the engine never aborts, it reports what it could not decide as diagnostics.

use tierwatch_model::{ReportYear, Tier};

use crate::assessment::{
    Assessment, Diagnostic, EditionRef, Outcome, Premise, Reason, RuleTrace, Severity,
};
use crate::edition::Edition;
use crate::findings::Findings;
use crate::input::{AssessmentInput, History};
use crate::judgment;
use crate::load::Law;
use crate::provisions::{
    auto_downgrade, consequences, indicia, previously_downgraded, proof_of_failure, special_case,
    special_watch_list, standards, tier_lists, waiver, watch_list, watch_list_stay,
};

/// Working state shared by the provisions during one assessment.
pub struct Ctx<'a> {
    pub law: &'a Law,
    pub edition: &'a Edition,
    pub year: ReportYear,
    /// History strictly before the report year.
    pub history: History,
    /// Findings after analyst overrides.
    pub findings: Findings,
    pub considered: Vec<RuleTrace>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn diag(
        &mut self,
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        facts: Vec<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            facts,
        });
    }

    /// The placement in the previous report, if known.
    pub fn previous(&self) -> Option<(ReportYear, Tier)> {
        let p = self.year.previous();
        self.history.tiers.get(&p).map(|t| (p, *t))
    }

    pub fn prior_premise(&self) -> Option<Premise> {
        self.previous()
            .map(|(report_year, tier)| Premise::Prior { report_year, tier })
    }

    /// Mark an earlier trace as overridden by an exception.
    pub fn mark_overridden(&mut self, rule: &str, by: &str) {
        if let Some(t) = self.considered.iter_mut().rev().find(|t| t.rule == rule) {
            t.status = crate::assessment::RuleStatus::Overridden;
            t.note = format!("{} Displaced by {by}.", t.note);
        }
    }
}

/// The outcome under construction and the reasons that got it there.
#[derive(Debug, Clone)]
pub struct Placement {
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
}

/// The statutory history rules alone (rule (F), automatic downgrade, waiver, length of stay)
/// applied to a proposed placement, for estimates that propose tiers from evidence: returns the
/// placement the statute allows, the reasons when it moved, and the special-watch-list
/// membership of the result. `None` when no edition covers the year.
pub fn statutory_rules(input: &AssessmentInput, law: &Law, proposed: Outcome) -> Option<(Placement, Vec<crate::assessment::SwlMembership>)> {
    let edition = law.edition(input.report_year)?;
    let mut ctx = Ctx {
        law,
        edition,
        year: input.report_year,
        history: input.history.before(input.report_year),
        findings: input.findings.clone(),
        considered: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut p = Placement { outcome: proposed, reasons: Vec::new() };
    previously_downgraded::apply(&mut ctx, &mut p);
    let downgrade = auto_downgrade::apply(&mut ctx, &mut p);
    waiver::apply(&mut ctx, &mut p, downgrade.as_ref());
    watch_list_stay::apply(&mut ctx, &mut p);
    let swl = special_watch_list::membership(&mut ctx, p.outcome);
    Some((p, swl))
}

/// Assess one country for one report year under the law in force that year.
pub fn assess(input: &AssessmentInput, law: &Law) -> Assessment {
    let year = input.report_year;
    let mut assessment = Assessment {
        country: input.country.clone(),
        report_year: year,
        edition: None,
        outcome: Outcome::Undetermined,
        reasons: Vec::new(),
        considered: Vec::new(),
        diagnostics: Vec::new(),
        standards: Vec::new(),
        indicia: Vec::new(),
        special_watch_list: Vec::new(),
        consequences: Vec::new(),
        overrides: input.overrides.clone(),
    };
    let Some(edition) = law.edition(year) else {
        assessment.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: "no_edition".into(),
            message: format!("no edition of the law covers report year {year}"),
            facts: Vec::new(),
        });
        return assessment;
    };
    assessment.edition = Some(EditionRef {
        id: edition.id.clone(),
        title: edition.title.clone(),
        first_report_year: edition.first_report_year,
        last_report_year: edition.last_report_year,
    });

    let mut ctx = Ctx {
        law,
        edition,
        year,
        history: input.history.before(year),
        findings: input.findings.clone(),
        considered: Vec::new(),
        diagnostics: Vec::new(),
    };
    if input.history.tiers.range(year..).next().is_some() {
        ctx.diag(
            Severity::Info,
            "history_ignored",
            format!("history entries for {year} and later are ignored"),
            vec![],
        );
    }
    for c in input.findings.conflicts.clone() {
        ctx.diag(
            Severity::Warning,
            "conflicting_facts",
            format!(
                "facts disagree on `{}`; the most confident one ({}) was used",
                c.finding, c.chosen
            ),
            c.facts,
        );
    }
    for o in &input.overrides {
        if let Err(e) = o.apply(&mut ctx.findings) {
            ctx.diag(Severity::Warning, "bad_override", e.to_string(), vec![]);
        }
    }

    // 7106: findings per indicium and per minimum standard.
    let increasing = judgment::increasing_efforts(&mut ctx);
    assessment.indicia = indicia::evaluate(&mut ctx, &increasing);
    assessment.standards = standards::evaluate(&mut ctx, &assessment.indicia);

    // 7107(b)(1): the tier lists, then the statutory overrides in order.
    let fully = judgment::fully_meets(&mut ctx, &assessment.standards);
    let significant = judgment::significant_efforts(&mut ctx, &assessment.indicia);
    let placement = match special_case::apply(&mut ctx) {
        Some(p) => p,
        None => {
            let mut p = tier_lists::place(&mut ctx, &fully, &significant);
            proof_of_failure::apply(&mut ctx, &mut p);
            watch_list::apply(&mut ctx, &increasing, &mut p);
            // Rule (F) runs first; if it fired the outcome is Tier 3 and the downgrade does not apply.
            previously_downgraded::apply(&mut ctx, &mut p);
            let downgrade = auto_downgrade::apply(&mut ctx, &mut p);
            waiver::apply(&mut ctx, &mut p, downgrade.as_ref());
            watch_list_stay::apply(&mut ctx, &mut p);
            p
        }
    };
    assessment.special_watch_list = special_watch_list::membership(&mut ctx, placement.outcome);
    assessment.consequences = consequences::list(&mut ctx, &placement);
    crate::checks::claims(&mut ctx, &placement);

    assessment.outcome = placement.outcome;
    assessment.reasons = placement.reasons;
    assessment.considered = ctx.considered;
    assessment.diagnostics = ctx.diagnostics;
    assessment
}
