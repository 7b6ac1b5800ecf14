//! `tierwatch worksheets COUNTRY YEAR [--json]`: a country-year's team assessments, newest
//! first, with their review states, proposed tiers and who decided when.

use crate::render;
use std::process::ExitCode;
use tierwatch_store::Location;

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code.
    country: String,
    /// Report year.
    year: u16,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let list = tierwatch_app::worksheet::list(&store, &args.country, args.year)?;
    if args.json {
        render::json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        println!("no worksheets for {} {}", args.country, args.year);
        return Ok(ExitCode::SUCCESS);
    }
    let dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|w| {
            vec![
                w.id.to_string(),
                w.state.code().to_string(),
                w.analyst.clone(),
                w.saved_at.clone(),
                dash(w.proposed_tier.as_deref()),
                format!("{} -> {}", w.original_outcome, w.outcome),
                dash(w.decided_by.as_deref()),
                dash(w.decided_at.as_deref()),
                w.review_comment.clone(),
            ]
        })
        .collect();
    print!("{}", render::table(&["id", "state", "analyst", "saved", "proposed", "outcome", "decided by", "decided at", "comment"], &rows));
    Ok(ExitCode::SUCCESS)
}
