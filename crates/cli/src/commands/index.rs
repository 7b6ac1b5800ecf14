//! `tierwatch index rebuild`: throw the search index away and index every stored narrative.

use crate::render;
use tierwatch_store::Location;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Delete `<db>.index/` and index every stored narrative again.
    Rebuild {
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let Action::Rebuild { json } = args.action;
    let store = super::open_store(db)?;
    let dir = db.local_path(".index");
    let (_, report) = tierwatch_app::search::rebuild(&store, &dir)?;
    if json {
        render::json(&report)?;
    } else {
        println!("indexed {} narratives ({} paragraphs) into {}", report.narratives, report.paragraphs, dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
