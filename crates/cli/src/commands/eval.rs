//! `tierwatch eval extraction [--gold DIR --docs DIR]`, `tierwatch eval agreement
//! --reference DIR --other DIR` and `tierwatch eval tiers`.
//!
//! Without `--gold`, extraction is scored on eight sets, each reported apart: the shared gold
//! (`SHARED/gold` over `SHARED/corpus`), our own blind-annotated gold (`data/gold/dev`,
//! `data/gold/heldout`, `data/gold/dev3`, `data/gold/heldout2`, `data/gold/heldout3` and
//! `data/gold/dev4` over `SHARED/corpus`; see
//! data/gold/README.md)
//! and the other-year excerpts (`SHARED/excerpts/gold` over
//! `SHARED/excerpts`), with `SHARED` = `--shared` (default `../shared`).

use crate::render;
use tierwatch_store::Location;
use std::path::PathBuf;
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
        /// Folder of gold JSON files (one set); without it, the eight default sets.
        #[arg(long, requires = "docs")]
        gold: Option<PathBuf>,
        /// Folder the gold files' `document` paths are relative to.
        #[arg(long, requires = "gold")]
        docs: Option<PathBuf>,
        /// Where the shared corpus, gold and excerpts are (for the default sets).
        #[arg(long, default_value = "../shared")]
        shared: PathBuf,
        /// Our own gold (for the default sets).
        #[arg(long, default_value = "data/gold")]
        own_gold: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// How far two annotators agree: the other folder's gold files scored against the
    /// reference's, document by document, with the figures of `eval extraction`.
    Agreement {
        /// The reference annotation (e.g. ../shared/gold).
        #[arg(long)]
        reference: PathBuf,
        /// A second, independent annotation of some of the same documents.
        #[arg(long)]
        other: PathBuf,
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

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Extraction { gold, docs, shared, own_gold, json } => {
            use tierwatch_app::eval_extraction::{eval_sets, GoldSet};
            let set = |name: &str, gold: PathBuf, docs: PathBuf| GoldSet { name: name.into(), gold, docs, blind: false };
            let blind = |name: &str, gold: PathBuf, docs: PathBuf| GoldSet { name: name.into(), gold, docs, blind: true };
            let sets = match (gold, docs) {
                (Some(gold), Some(docs)) => vec![set("gold", gold, docs)],
                _ => vec![
                    set("shared gold (dev set 1)", shared.join("gold"), shared.join("corpus")),
                    set("own gold, dev half (dev set 2, blind-annotated)", own_gold.join("dev"), shared.join("corpus")),
                    blind("own gold, held-out half (blind-annotated; errors never shown)", own_gold.join("heldout"), shared.join("corpus")),
                    set("own gold, dev set 3 (blind-annotated 2026-12-03)", own_gold.join("dev3"), shared.join("corpus")),
                    blind("own gold, held-out set 2 (blind-annotated 2026-12-07; errors never shown)", own_gold.join("heldout2"), shared.join("corpus")),
                    blind("own gold, held-out set 3 (blind-annotated 2026-12-07, later; errors never shown)", own_gold.join("heldout3"), shared.join("corpus")),
                    set("own gold, dev set 4 (blind-annotated 2026-12-08)", own_gold.join("dev4"), shared.join("corpus")),
                    set("excerpts (other years)", shared.join("excerpts/gold"), shared.join("excerpts")),
                ],
            };
            for s in &sets {
                if !s.gold.is_dir() {
                    anyhow::bail!("gold folder {} not found (run from the repository root, or pass --shared / --own-gold / --gold)", s.gold.display());
                }
            }
            let reports = eval_sets(&sets, &super::pipeline())?;
            if json {
                render::json(&reports)?;
            } else {
                for r in &reports {
                    println!("{}", r.render_text());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        What::Agreement { reference, other, json } => {
            let report = tierwatch_app::eval_agreement::eval_agreement(&reference, &other)?;
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
