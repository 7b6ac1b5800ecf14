//! `tierwatch eval extraction --gold DIR --docs DIR`

use crate::render;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Score extracted facts against gold annotations (../shared/gold/SCHEMA.md).
    Extraction {
        /// Folder of gold JSON files.
        #[arg(long)]
        gold: PathBuf,
        /// Folder the gold files' `document` paths are relative to.
        #[arg(long)]
        docs: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Reproduce the official tiers of every stored narrative: levels A, B, C and baselines.
    Tiers {
        /// Use the law in this folder instead of the built-in copy.
        #[arg(long)]
        law: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Extraction { gold, docs, json } => {
            let report = tierwatch_app::eval_extraction::eval_extraction(&gold, &docs, &super::pipeline())?;
            if json {
                render::json(&report)?;
            } else {
                print!("{}", report.render_text());
            }
            Ok(ExitCode::SUCCESS)
        }
        What::Tiers { law, json } => {
            let store = super::open_store(db)?;
            let law = super::assess::load_law(law.as_deref())?;
            let report = tierwatch_app::eval_tiers::eval_tiers(&store, &law)?;
            if json {
                render::json(&report)?;
            } else {
                print!("{}", report.render_text());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
