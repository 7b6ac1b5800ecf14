//! `tierwatch export --what facts|assessments|tiers|flows --format csv|json|parquet --out PATH`

use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;
use tierwatch_app::export::{self, Format, What};

#[derive(clap::Args)]
pub struct Args {
    /// Which table: facts, assessments, tiers or flows.
    #[arg(long)]
    what: String,
    /// csv, json or parquet.
    #[arg(long)]
    format: String,
    /// Output file; the codebook is written beside it as PATH.codebook.md.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let what = What::parse(&args.what).ok_or_else(|| anyhow::anyhow!("unknown --what {:?}: use facts, assessments, tiers or flows", args.what))?;
    let format = Format::parse(&args.format).ok_or_else(|| anyhow::anyhow!("unknown --format {:?}: use csv, json or parquet", args.format))?;
    let store = super::open_store(db)?;
    let table = export::table(&store, what)?;
    let codebook = export::write::write(&table, format, &args.out)?;
    println!("wrote {} rows of {} to {} (codebook: {})", table.rows.len(), what.code(), args.out.display(), codebook.display());
    Ok(ExitCode::SUCCESS)
}
