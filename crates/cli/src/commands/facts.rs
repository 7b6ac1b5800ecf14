//! `tierwatch facts COUNTRY YEAR`

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;
use tierwatch_model::{Fact, FactKind, Period};

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// Report year.
    year: u16,
    /// Only facts of this kind (e.g. convictions, penalty, role).
    #[arg(long)]
    kind: Option<String>,
    /// Print JSON: an array of facts with kind, value, period, qualifier, start, end, quote.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let stored = tierwatch_app::lookup::narrative(&store, &args.country, args.year)?;
    let kind = match &args.kind {
        Some(k) => Some(FactKind::parse(k).ok_or_else(|| anyhow::anyhow!("unknown fact kind {k:?}"))?),
        None => None,
    };
    let facts: Vec<&Fact> = stored.facts.iter().filter(|f| kind.is_none_or(|k| f.kind == k)).collect();
    let map = &stored.document.source_map;
    // Where each fact sits in the source file: byte range, and the printed page for PDFs.
    let located = |f: &Fact| map.to_source(f.provenance.range);
    if args.json {
        let rows: Vec<serde_json::Value> = facts
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).expect("facts serialise");
                // f32 widened to f64 prints as 0.800000011920929; keep three decimals.
                v["confidence"] = serde_json::json!((f.confidence as f64 * 1000.0).round() / 1000.0);
                if let (Some((src, page)), Some(obj)) = (located(f), v.as_object_mut()) {
                    obj.insert("source_start".into(), src.start.into());
                    obj.insert("source_end".into(), src.end.into());
                    obj.insert("page".into(), page.map(serde_json::Value::from).unwrap_or(serde_json::Value::Null));
                }
                v
            })
            .collect();
        render::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let m = &stored.document.metadata;
    println!("{} ({}) {} — {} facts", m.country, m.iso3, args.year, facts.len());
    for f in facts {
        let period = match f.period {
            Period::Year(y) => y.to_string(),
            Period::ReportingPeriod => "reporting period".into(),
            Period::PreviousPeriod => "previous period".into(),
            Period::Unknown => "-".into(),
        };
        let qualifier = serde_json::to_value(f.qualifier)?.as_str().unwrap_or_default().replace('_', " ");
        let extra: Vec<String> = [f.scope.clone(), f.unit.clone()].into_iter().flatten().collect();
        let page = located(f).and_then(|(_, p)| p).map(|p| format!(" page {p}")).unwrap_or_default();
        println!(
            "\n{} = {}  [{}; {}{}]  {}..{} {}{}",
            f.kind.code(),
            f.value.render(),
            period,
            qualifier,
            if extra.is_empty() { String::new() } else { format!("; {}", extra.join(", ")) },
            f.provenance.range.start,
            f.provenance.range.end,
            f.provenance.section.map(|s| s.code()).unwrap_or("-"),
            page,
        );
        println!("    \"{}\"", f.provenance.quote);
    }
    Ok(ExitCode::SUCCESS)
}
