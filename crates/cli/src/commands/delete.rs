//! `tierwatch delete COUNTRY YEAR`: remove a narrative from the store and the search index.

use tierwatch_store::Location;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// Report year.
    year: u16,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(db)?;
    let mut index = super::search::open_index(db)?;
    let c = tierwatch_app::lookup::country(&args.country)?;
    if tierwatch_app::search::delete(&mut store, &mut index, &args.country, args.year)? {
        println!("deleted {} ({}) {}", c.name, c.iso3, args.year);
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: no {} narrative for {} ({}) in the store", args.year, c.name, c.iso3);
        Ok(ExitCode::FAILURE)
    }
}
