//! `tierwatch assess COUNTRY YEAR [--explain] [--set FINDING=VALUE ...]`

use crate::render;
use anyhow::Context;
use tierwatch_store::Location;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tierwatch_app::assess::{assess_narrative, Mode};
use tierwatch_law::estimate::render_estimate;
use tierwatch_law::{render_explanation, Assessment, Law, Override};

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// Report year.
    year: u16,
    /// Print every reason with its premises, the standards and indicia, and every rule considered.
    #[arg(long)]
    explain: bool,
    /// Override a finding, e.g. `significant_efforts=false`; shows the new outcome beside the original.
    #[arg(long = "set", value_name = "FINDING=VALUE")]
    set: Vec<String>,
    /// Decide from evidence only: mask the sentences that state tier, compliance or efforts, and
    /// print the tier estimate (probability of each tier, the evidence behind it with quotes).
    #[arg(long)]
    blind: bool,
    /// Use the law in this folder instead of the built-in copy (editions, criteria, thresholds).
    #[arg(long)]
    law: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

/// The law in force: the embedded copy or an analyst's folder.
pub fn load_law(dir: Option<&Path>) -> anyhow::Result<Law> {
    match dir {
        Some(d) => Law::from_dir(d).with_context(|| format!("cannot load the law from {}", d.display())),
        None => Law::embedded().context("the built-in law data is invalid"),
    }
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let law = load_law(args.law.as_deref())?;
    let overrides: Vec<Override> = args.set.iter().map(|s| Override::parse(s)).collect::<Result<_, _>>()?;
    let mode = if args.blind { Mode::Blind } else { Mode::Stated };
    let out = assess_narrative(&store, &law, &args.country, args.year, &overrides, mode)?;
    if args.json {
        render::json(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let show = |label: &str, a: &Assessment| {
        if args.explain {
            println!("{label}\n{}", render_explanation(a));
        } else {
            println!("{label}{} {}: {}", a.country.name, a.report_year, a.outcome.label());
            for r in &a.reasons {
                println!("  - {} [{}]: {}", r.rule, r.citation, r.summary);
            }
        }
    };
    if let Some(e) = &out.estimate {
        println!("{} {} (blind)", out.assessment.country.name, out.assessment.report_year);
        print!("{}", render_estimate(e, if args.explain { 0 } else { 4 }));
        println!("\nThe rules-only engine on the same evidence (thresholds.history.prior_first, UNVERIFIED):");
    }
    match &out.original {
        Some(original) => {
            show("ORIGINAL  ", original);
            println!();
            show(&format!("WITH {}  ", args.set.join(", ")), &out.assessment);
        }
        None => show("", &out.assessment),
    }
    Ok(ExitCode::SUCCESS)
}
