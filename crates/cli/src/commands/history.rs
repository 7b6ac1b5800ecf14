//! `tierwatch history COUNTRY`

use crate::render;
use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// Use the law in this folder instead of the built-in copy.
    #[arg(long)]
    law: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let law = super::assess::load_law(args.law.as_deref())?;
    let t = tierwatch_app::timeline::timeline(&store, &law, &args.country)?;
    if args.json {
        render::json(&t)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} ({}) — tier history", t.country, t.iso3);
    for y in &t.years {
        let tier = y.tier.map(|t| t.label()).unwrap_or("unknown");
        let mut marks = Vec::new();
        if let (Some(run), Some(counted)) = (y.watch_list_run, y.counted_run) {
            marks.push(format!("watch list year {run} ({counted} counted)"));
        }
        if let Some(w) = &y.waiver {
            marks.push(format!("waiver: {w}"));
        }
        if let Some(d) = &y.auto_downgrade {
            marks.push(format!("automatic downgrade: {d}"));
        }
        if y.conflict {
            marks.push("SOURCES DISAGREE".into());
        }
        println!("  {}  {:<18} {}", y.report_year, tier, marks.join("; "));
        for s in &y.sources {
            println!(
                "        {:<18} {}{}",
                s.tier.map(|t| t.label()).unwrap_or("unknown"),
                s.source,
                s.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()
            );
        }
    }
    if !t.watch_list_runs.is_empty() {
        let runs: Vec<String> = t.watch_list_runs.iter().map(|(a, b, n)| format!("{a}-{b} ({n} years)")).collect();
        println!("watch-list runs: {}", runs.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
