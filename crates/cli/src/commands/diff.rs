//! `tierwatch diff COUNTRY YEAR1 YEAR2 [--json]`

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;
use tierwatch_app::diff::{FactRef, Op};
use tierwatch_model::Period;

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// One report year.
    year1: u16,
    /// The other report year (the older one is compared to the newer one).
    year2: u16,
    /// Also list the sentences both years share.
    #[arg(long)]
    kept: bool,
    /// Print JSON: tier, facts {added, removed, changed, unchanged}, sections with sentence ops.
    #[arg(long)]
    json: bool,
}

fn period(p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::ReportingPeriod => "reporting period".into(),
        Period::PreviousPeriod => "previous period".into(),
        Period::Unknown => "-".into(),
    }
}

fn slot(f: &FactRef) -> String {
    let mut parts = vec![period(f.period)];
    parts.extend(f.scope.clone());
    parts.extend(f.unit.clone());
    format!("{} [{}]", f.kind.code(), parts.join("; "))
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let d = tierwatch_app::diff::diff_stored(&store, &args.country, args.year1, args.year2)?;
    if args.json {
        render::json(&d)?;
        return Ok(ExitCode::SUCCESS);
    }
    let label = |t: Option<tierwatch_model::Tier>| t.map(|t| t.label()).unwrap_or("not stated");
    println!("{} ({}) {} -> {}", d.country, d.iso3, d.from_year, d.to_year);
    println!("\nTIER  {} -> {}  ({})", label(d.tier.from), label(d.tier.to), d.tier.movement);
    let f = &d.facts;
    println!(
        "\nFACTS  {} changed, {} added, {} removed, {} unchanged",
        f.changed.len(),
        f.added.len(),
        f.removed.len(),
        f.unchanged
    );
    for c in &f.changed {
        println!("\n  ~ {}: {} -> {}", slot(&c.from), c.from.value, c.to.value);
        println!("      {}: \"{}\"", d.from_year, c.from.quote);
        println!("      {}: \"{}\"", d.to_year, c.to.quote);
    }
    for (sign, list, year) in [("+", &f.added, d.to_year), ("-", &f.removed, d.from_year)] {
        for a in list {
            println!("\n  {sign} {} = {}", slot(a), a.value);
            println!("      {year}: \"{}\"", a.quote);
        }
    }
    println!("\nTEXT (sentences per section)");
    for s in &d.sections {
        println!("\n  {}: {} kept, {} removed, {} added", s.section, s.kept, s.removed, s.added);
        for op in &s.ops {
            match op.op {
                Op::Removed => println!("    - {}", op.text),
                Op::Added => println!("    + {}", op.text),
                Op::Kept if args.kept => println!("      {}", op.text),
                Op::Kept => {}
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
