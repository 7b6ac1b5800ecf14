//! Plain-text rendering of a tier estimate: the odds, the strongest reasons with their quotes
//! and coefficients, the statutory rules applied on top, and which model gave it.

use std::fmt::Write;

use crate::estimate::model::Estimate;
use crate::explain::render_premise;

/// The estimate as text; `reasons` limits how many contributions are listed (0 = all).
pub fn render_estimate(e: &Estimate, reasons: usize) -> String {
    let mut out = String::new();
    let odds: Vec<String> = e.probabilities.iter().map(|p| format!("{} {:.0}%", p.tier.label(), 100.0 * p.probability)).collect();
    let _ = writeln!(out, "Estimate from the evidence: {} ({})", e.tier.label(), odds.join(", "));
    let raw: Vec<String> = e.model_probabilities.iter().map(|p| format!("{} {:.0}%", p.tier.label(), 100.0 * p.probability)).collect();
    if raw != odds {
        let _ = writeln!(out, "  before the statutory rules: {}", raw.join(", "));
    }
    let m = &e.model;
    let _ = writeln!(
        out,
        "  model: cumulative logit fitted {} on {} ({} narratives) [{}]{}",
        m.fitted_date,
        m.fitted_on,
        m.narratives,
        m.confidence,
        if m.in_sample { "; this narrative was in the fitting set (in-sample estimate)" } else { "" }
    );
    let _ = writeln!(out, "\nEvidence, strongest first (effect on the tier scale: + toward Tier 1, − toward Tier 3)");
    let n = if reasons == 0 { e.contributions.len() } else { reasons.min(e.contributions.len()) };
    for c in &e.contributions[..n] {
        let _ = writeln!(out, "  {:+.2}  {} ({} × {:+.2})", c.effect, c.what, c.value, c.coefficient);
        for p in &c.premises {
            let _ = writeln!(out, "         {}", render_premise(p));
        }
    }
    if n < e.contributions.len() {
        let _ = writeln!(out, "  … {} more with smaller effects", e.contributions.len() - n);
    }
    if !e.statutory.is_empty() {
        let _ = writeln!(out, "\nStatutory rules applied on top");
        for r in &e.statutory {
            let _ = writeln!(out, "  [{}] {}: {}", r.rule, r.citation, r.summary);
        }
    }
    if !e.special_watch_list.is_empty() {
        let cats: Vec<String> = e.special_watch_list.iter().map(|s| format!("{:?} ({})", s.category, s.citation)).collect();
        let _ = writeln!(out, "\nSpecial watch list if placed at {}: {}", e.tier.label(), cats.join("; "));
    }
    out
}
