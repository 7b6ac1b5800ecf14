//! `tierwatch fetch --year Y [--base-url URL] [--out DIR] [--ingest]`

use crate::render;
use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use tierwatch_app::fetch::{fetch_year, FetchOptions, PageStatus};
use tierwatch_app::{ingest_paths, IngestOptions};
use tierwatch_ingest::ReadOptions;

#[derive(clap::Args)]
pub struct Args {
    /// Report year whose country pages to fetch.
    #[arg(long)]
    year: u16,
    /// state.gov or a mirror with the same paths.
    #[arg(long, default_value = "https://www.state.gov")]
    base_url: String,
    /// Folder for the pages (they go to DIR/tip-YEAR/).
    #[arg(long, default_value = "tip-pages")]
    out: PathBuf,
    /// Then ingest the folder into the store.
    #[arg(long)]
    ingest: bool,
    /// Least milliseconds between two requests.
    #[arg(long, default_value_t = 1000)]
    delay_ms: u64,
    /// Further tries after a transient failure.
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let opts = FetchOptions {
        year: args.year,
        base_url: args.base_url,
        out: args.out,
        delay: Duration::from_millis(args.delay_ms),
        retries: args.retries,
    };
    let quiet = args.json;
    let fetched = fetch_year(&opts, &mut |url| if !quiet { eprintln!("fetching {url}") })?;
    let mut failed = fetched.failed > 0;
    let ingested = if args.ingest {
        let mut store = super::open_store(db)?;
        let read = ReadOptions { year: Some(args.year), ..Default::default() };
        let summary = ingest_paths(&mut store, &[fetched.folder.clone()], &IngestOptions { read, replace: false }, &super::pipeline(), &mut |_| {})?;
        failed |= summary.has_failures();
        Some(summary)
    } else {
        None
    };
    if args.json {
        render::json(&serde_json::json!({ "fetch": fetched, "ingest": ingested }))?;
    } else {
        for p in &fetched.pages {
            if let PageStatus::Failed { error } = &p.status {
                eprintln!("failed: {error}");
            }
        }
        println!(
            "fetched {} pages, {} already present, {} failed ({} requests) into {}",
            fetched.downloaded,
            fetched.present,
            fetched.failed,
            fetched.requests,
            fetched.folder.display()
        );
        if let Some(s) = &ingested {
            for f in &s.files {
                if let tierwatch_app::FileStatus::Failed { error } = &f.status {
                    eprintln!("failed: {error}");
                }
            }
            println!("ingested {} new, {} already stored; {} files failed", s.documents_inserted, s.documents_unchanged, s.files_failed);
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
