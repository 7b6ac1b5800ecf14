//! Output helpers shared by commands: JSON printing and plain-text tables.

use serde::Serialize;

/// Print a value as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A plain-text table with left-aligned columns.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(headers.to_vec());
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// `check --evidence` as text: each surprising placement, its odds, the evidence against it.
pub fn evidence_check(r: &tierwatch_app::check_evidence::EvidenceCheck) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} of {} narratives: the official tier has an out-of-sample probability below {:.0}% under the evidence (most surprising first)",
        r.surprises.len(),
        r.narratives,
        100.0 * r.threshold
    );
    for s in &r.surprises {
        let odds: Vec<String> = s.probabilities.iter().map(|p| format!("{} {:.0}%", p.tier.label(), 100.0 * p.probability)).collect();
        let _ = writeln!(
            out,
            "\n{} {}: official {} has P {:.1}%; the evidence points to {} ({})",
            s.country,
            s.report_year,
            s.official.label(),
            100.0 * s.probability_official,
            s.estimate.label(),
            odds.join(", ")
        );
        for c in &s.against {
            let _ = writeln!(out, "  {:+.2}  {}", c.effect, c.what);
            for p in c.premises.iter().filter(|p| matches!(p, tierwatch_law::Premise::Fact { .. } | tierwatch_law::Premise::Prior { .. })).take(2) {
                let _ = writeln!(out, "         {}", tierwatch_law::explain::render_premise(p));
            }
        }
        for x in &s.statutory {
            let _ = writeln!(out, "  [{}] {}", x.rule, x.summary);
        }
    }
    out
}
