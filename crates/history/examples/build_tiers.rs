//! Regenerate `data/tiers.csv` from the reference folder and print the build report.
//!
//! ```text
//! cargo run -p tierwatch-history --example build_tiers -- ../shared/reference data/tiers.csv
//! ```
//!
//! Paths are relative to where cargo is run (the workspace root above). Without an output
//! path the table is written to stdout and the report to stderr.

use std::path::PathBuf;
use std::process::ExitCode;
use tierwatch_history::build_from_reference;
use tierwatch_model::CountryRegistry;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(reference) = args.next().map(PathBuf::from) else {
        eprintln!("usage: build_tiers REFERENCE_DIR [OUTPUT_CSV]");
        return ExitCode::from(2);
    };
    let output = args.next().map(PathBuf::from);
    let registry = CountryRegistry::embedded();
    let result = build_from_reference(&reference, registry)
        .and_then(|(history, report)| Ok((history.to_csv(registry)?, report)));
    let (csv, report) = match result {
        Ok(done) => done,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, csv) {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {}", path.display());
        }
        None => print!("{csv}"),
    }
    eprint!("{report}");
    ExitCode::SUCCESS
}
