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
        /// Refit the tier model on every stored narrative and write it (with today's date and
        /// the set it was fitted on) to `--model-out`.
        #[arg(long)]
        fit: bool,
        /// Where `--fit` writes the model.
        #[arg(long, default_value = "law/model/tier-estimate.toml")]
        model_out: PathBuf,
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
        What::Tiers { law, json, fit, model_out } => {
            let store = super::open_store(db)?;
            let law = super::assess::load_law(law.as_deref())?;
            let report = tierwatch_app::eval_tiers::eval_tiers(&store, &law, &today())?;
            if fit {
                tierwatch_app::estimate::write_model(&report.model, &model_out)?;
                eprintln!("wrote the tier model fitted on {} to {}", report.model.fitted_on, model_out.display());
            }
            if json {
                render::json(&report)?;
            } else {
                print!("{}", report.render_text());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Today's date (UTC, YYYY-MM-DD) for the model `--fit` writes: the one clock read outside `serve`.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}
