//! A human rendering of an assessment: outcome, reasons with their premises, every rule
//! considered, findings per standard and indicium, consequences and diagnostics. Uncertain
//! (LIKELY / UNVERIFIED) rules and values carry their label inline.

use std::fmt::Write;

use crate::assessment::{Assessment, CriterionFinding, Premise, RuleStatus, Status};
use crate::param::Confidence;

fn label(c: Confidence) -> String {
    if c.is_uncertain() {
        format!(" [{c}]")
    } else {
        String::new()
    }
}

pub fn render_premise(p: &Premise) -> String {
    match p {
        Premise::Fact {
            fact,
            kind,
            value,
            provenance,
        } => format!(
            "fact {fact} ({} = {value}): \"{}\" [{} {}]",
            kind.code(),
            provenance.quote,
            provenance.document.short(),
            provenance.range
        ),
        Premise::Param {
            name,
            value,
            citation,
            confidence,
        } => format!("{name} = {value} ({citation}) [{confidence}]"),
        Premise::Prior { report_year, tier } => format!("{report_year}: {tier}"),
        Premise::Absent { what, presumption } => format!("absent: {what} -> {presumption}"),
        Premise::Override { finding, value } => format!("analyst override: {finding}={value}"),
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "NOT MET",
        Status::Unknown => "unknown",
    }
}

fn rule_status(s: RuleStatus) -> &'static str {
    match s {
        RuleStatus::NotInForce => "not in force",
        RuleStatus::NotApplicable => "not applicable",
        RuleStatus::NotFired => "did not fire",
        RuleStatus::Fired => "fired",
        RuleStatus::Overridden => "overridden",
    }
}

fn criteria(out: &mut String, heading: &str, list: &[CriterionFinding]) {
    let _ = writeln!(out, "\n{heading}");
    for c in list {
        let _ = writeln!(
            out,
            "  ({}) {} — {}{}: {} ({})",
            c.number,
            c.title,
            c.citation,
            label(c.confidence),
            status(c.status),
            c.basis
        );
        for p in &c.premises {
            let _ = writeln!(out, "      - {}", render_premise(p));
        }
    }
}

/// The explanation printed by `tierwatch assess --explain`.
pub fn render_explanation(a: &Assessment) -> String {
    let mut out = String::new();
    let name = if a.country.name.is_empty() {
        a.country.iso3.clone()
    } else {
        format!("{} ({})", a.country.name, a.country.iso3)
    };
    let _ = writeln!(out, "{name}, {} report", a.report_year);
    if let Some(e) = &a.edition {
        let _ = writeln!(
            out,
            "Law applied: {} — {} ({}-{})",
            e.id, e.title, e.first_report_year, e.last_report_year
        );
    }
    let _ = writeln!(out, "Outcome: {}", a.outcome);
    for o in &a.overrides {
        let _ = writeln!(out, "Override: {o}");
    }
    let _ = writeln!(out, "\nReasons");
    if a.reasons.is_empty() {
        let _ = writeln!(out, "  (none: see diagnostics)");
    }
    for (i, r) in a.reasons.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. [{}] {} — {}{}",
            i + 1,
            r.rule,
            r.title,
            r.citation,
            label(r.confidence)
        );
        let _ = writeln!(out, "     {}", r.summary);
        for p in &r.premises {
            let _ = writeln!(out, "       - {}", render_premise(p));
        }
    }
    let _ = writeln!(out, "\nConsidered");
    for t in &a.considered {
        let _ = writeln!(
            out,
            "  - [{}] {}{}: {} — {}",
            t.rule,
            t.citation,
            label(t.confidence),
            rule_status(t.status),
            t.note
        );
    }
    if !a.special_watch_list.is_empty() {
        let _ = writeln!(out, "\nSpecial watch list");
        for m in &a.special_watch_list {
            let _ = writeln!(out, "  - {:?} ({})", m.category, m.citation);
        }
    }
    if !a.consequences.is_empty() {
        let _ = writeln!(out, "\nConsequences");
        for c in &a.consequences {
            let _ = writeln!(
                out,
                "  - {} ({}{})",
                c.description,
                c.citation,
                label(c.confidence)
            );
        }
    }
    criteria(&mut out, "Minimum standards", &a.standards);
    criteria(
        &mut out,
        &format!("Indicia in force ({})", a.indicia.len()),
        &a.indicia,
    );
    if !a.diagnostics.is_empty() {
        let _ = writeln!(out, "\nDiagnostics");
        for d in &a.diagnostics {
            let _ = writeln!(out, "  - {:?} {}: {}", d.severity, d.code, d.message);
        }
    }
    let _ = writeln!(out, "\nValues labelled LIKELY or UNVERIFIED rest on research that could not be confirmed; they are parameters in law/.");
    out
}
