//! `tierwatch flows compare|graphml`

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
    /// Overlap of extracted flows with third-party edge lists (nearest year).
    Compare {
        /// Folder of edgelistYYYY.txt files ("Source,Destination" lines).
        #[arg(long, default_value = "../shared/reference/cib117__trafficking/data/edgelists")]
        reference: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write every extracted flow as a GraphML directed graph.
    Graphml {
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    match args.what {
        What::Compare { reference, json } => {
            let years = tierwatch_app::flows::compare_with_edgelists(&store, &reference)?;
            if json {
                render::json(&years)?;
                return Ok(ExitCode::SUCCESS);
            }
            for y in &years {
                println!(
                    "{} report vs edgelist{}: {} extracted pairs, {} reference pairs in scope, {} shared ({:.1}% of extracted are in the reference, {:.1}% of the reference found)",
                    y.report_year,
                    y.reference_year,
                    y.extracted_pairs,
                    y.reference_pairs_in_scope,
                    y.shared_pairs,
                    100.0 * y.share_of_extracted_in_reference,
                    100.0 * y.share_of_reference_found
                );
                if !y.reference_names_unresolved.is_empty() {
                    println!("  reference names not in the registry (skipped): {}", y.reference_names_unresolved.join(", "));
                }
            }
        }
        What::Graphml { out } => {
            let flows = tierwatch_app::flows::flows(&store)?;
            std::fs::write(&out, tierwatch_app::flows::graphml(&flows))?;
            println!("wrote {} flows to {}", flows.len(), out.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
