//! `tierwatch followup COUNTRY YEAR`

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;
use tierwatch_app::followup::Status;

#[derive(clap::Args)]
pub struct Args {
    /// Country name, alias or ISO3 code (case-insensitive).
    country: String,
    /// The report year whose text is checked against the previous stored report's recommendations.
    year: u16,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    let f = tierwatch_app::followup::follow_up_stored(&store, &args.country, args.year)?;
    if args.json {
        render::json(&f)?;
        return Ok(ExitCode::SUCCESS);
    }
    let count = |s: Status| f.items.iter().filter(|i| i.status == s).count();
    println!(
        "{} ({}): {} recommendations of the {} report, checked against the {} report ({} from {})",
        f.country,
        f.iso3,
        f.items.len(),
        f.recommendations_year,
        f.report_year,
        if f.items_from == "facts" { "items" } else { "items split at ';'" },
        if f.items_from == "facts" { "the extractor" } else { "the recommendations section" },
    );
    println!(
        "addressed {}, partly {}, not found {}  (share of the recommendation's idf-weighted words found: >= {} addressed, >= {} partly)",
        count(Status::Addressed),
        count(Status::Partly),
        count(Status::NotFound),
        tierwatch_app::followup::ADDRESSED_AT,
        tierwatch_app::followup::PARTLY_AT
    );
    for (i, item) in f.items.iter().enumerate() {
        println!("\n{}. [{}] {}", i + 1, item.status.label(), item.recommendation);
        if let Some(e) = &item.evidence {
            println!("   evidence ({}, {}..{}, score {:.3}; shared: {}):", e.section, e.range.start, e.range.end, e.score, e.shared_terms.join(", "));
            println!("   \"{}\"", e.text);
        }
    }
    Ok(ExitCode::SUCCESS)
}
