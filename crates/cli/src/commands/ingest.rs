//! `tierwatch ingest PATH...`

use crate::render;
use indicatif::{ProgressBar, ProgressStyle};
use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;
use tierwatch_app::{ingest_paths_indexed, FileStatus, IngestOptions, Progress};
use tierwatch_ingest::ReadOptions;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (read recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Report year for documents that state none (an error if a document states another).
    #[arg(long)]
    year: Option<u16>,
    /// Replace a country-year already stored from another source with different text.
    #[arg(long)]
    replace: bool,
    /// Refuse files larger than this many MiB.
    #[arg(long, default_value_t = 32)]
    max_file_mb: u64,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    // One ingest per store at a time: a second one waits for the first (readers never do).
    let _writer = tierwatch_store::StoreWriterLock::acquire(db, |what| {
        eprintln!("waiting: another `tierwatch ingest` is writing {db} ({what}); this one starts when it finishes")
    })?;
    let mut store = super::open_store(db)?;
    let opts = IngestOptions {
        read: ReadOptions { year: args.year, max_file_bytes: args.max_file_mb * 1024 * 1024 },
        replace: args.replace,
    };
    let bar = if args.json { ProgressBar::hidden() } else { ProgressBar::new(0) };
    bar.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}").expect("valid template"));
    let mut progress = |p: Progress| match p {
        Progress::Start { files } => bar.set_length(files as u64),
        Progress::File { path } => {
            bar.set_message(path.to_string());
            bar.inc(1);
        }
        Progress::Done => bar.finish_and_clear(),
    };
    let mut index = super::search::open_index(db)?;
    let summary = ingest_paths_indexed(&mut store, Some(&mut index), &args.paths, &opts, &crate::commands::pipeline(), &mut progress)?;
    if args.json {
        render::json(&summary)?;
    } else {
        for f in &summary.files {
            for n in &f.notes {
                eprintln!("note: {n}");
            }
            match &f.status {
                FileStatus::Failed { error } => eprintln!("failed: {error}"),
                FileStatus::Partial { errors, .. } => errors.iter().for_each(|e| eprintln!("failed: {e}")),
                FileStatus::Read { conflicts, .. } => conflicts.iter().for_each(|c| eprintln!("conflict: {}: {c}", f.path)),
                FileStatus::Unchanged => {}
            }
        }
        println!(
            "ingested {} new, {} replaced, {} already stored; {} files unchanged; {} files failed; {} conflicts",
            summary.documents_inserted,
            summary.documents_replaced,
            summary.documents_unchanged,
            summary.files_unchanged,
            summary.files_failed,
            summary.conflicts
        );
        if summary.documents_reextracted > 0 {
            println!("re-extracted the facts of {} stored narratives (newer extractors)", summary.documents_reextracted);
        }
    }
    Ok(if summary.has_failures() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
