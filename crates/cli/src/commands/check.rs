//! `tierwatch check`

use crate::render;
use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only this country (name, alias or ISO3).
    #[arg(long)]
    country: Option<String>,
    /// Use the law in this folder instead of the built-in copy.
    #[arg(long)]
    law: Option<PathBuf>,
    #[arg(long)]
    json: bool,
    /// Instead: narratives whose official tier the evidence does not support (out-of-sample
    /// probability below `--threshold`), most surprising first, with the evidence and quotes.
    #[arg(long)]
    evidence: bool,
    /// The probability below which `--evidence` lists an official tier.
    #[arg(long, default_value_t = tierwatch_app::check_evidence::THRESHOLD)]
    threshold: f64,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let law = super::assess::load_law(args.law.as_deref())?;
    let only = args.country.as_deref().map(tierwatch_app::lookup::country).transpose()?;
    if args.evidence {
        let mut report = tierwatch_app::check_evidence::check_evidence(&store, &law, args.threshold)?;
        report.surprises.retain(|s| only.is_none_or(|c| c.iso3 == s.iso3));
        if args.json {
            render::json(&report)?;
        } else {
            print!("{}", render::evidence_check(&report));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let issues: Vec<_> = tierwatch_app::check::check(&store, &law)?
        .into_iter()
        .filter(|i| only.is_none_or(|c| c.iso3 == i.iso3))
        .collect();
    if args.json {
        render::json(&issues)?;
        return Ok(ExitCode::SUCCESS);
    }
    for i in &issues {
        println!("{} {} [{}] {}", i.country, i.report_year, i.check, i.message);
        if let Some(q) = &i.quote {
            println!("    \"{q}\"");
        }
    }
    let mut by_check = std::collections::BTreeMap::<&str, usize>::new();
    for i in &issues {
        *by_check.entry(i.check.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = by_check.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    println!("{} issues ({})", issues.len(), summary.join(", "));
    Ok(ExitCode::SUCCESS)
}
