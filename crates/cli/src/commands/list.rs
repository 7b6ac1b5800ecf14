//! `tierwatch list`

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let rows = store.list()?;
    if args.json {
        render::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.country.clone(),
                r.iso3.clone(),
                r.report_year.to_string(),
                r.stated_tier.map(|t| t.label().to_string()).unwrap_or_else(|| "-".into()),
                r.sections.iter().map(|s| s.code()).collect::<Vec<_>>().join(","),
                r.facts.to_string(),
            ]
        })
        .collect();
    print!("{}", render::table(&["COUNTRY", "ISO3", "YEAR", "STATED TIER", "SECTIONS", "FACTS"], &table));
    println!("{} narratives", rows.len());
    Ok(ExitCode::SUCCESS)
}
