//! `tierwatch`: the command-line face. Parses arguments, calls the app layer, renders
//! plain text or JSON. `anyhow` lives here only.

mod commands;
mod render;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read Trafficking in Persons Report narratives, extract facts with provenance, and
/// assess tiers under the law in force for each report year.
#[derive(Parser)]
#[command(name = "tierwatch", version, about)]
struct Cli {
    /// The SQLite store (created on first use).
    #[arg(long, global = true, env = "TIERWATCH_DB", default_value = "tierwatch.sqlite")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read narrative files or folders (recursively) into the store.
    Ingest(commands::ingest::Args),
    /// List stored narratives: country, ISO3, report year, stated tier, sections.
    List(commands::list::Args),
    /// Show one narrative: metadata, sections with byte ranges, and text.
    Show(commands::show::Args),
    /// The facts extracted from one narrative, each with its quote and byte range.
    Facts(commands::facts::Args),
    /// Measure extraction (or tier assessment) against references.
    Eval(commands::eval::Args),
    /// Download a report year's country pages (state.gov or a mirror), optionally ingest them.
    Fetch(commands::fetch::Args),
    /// Assess a narrative under the law in force for its report year, with reasons.
    Assess(commands::assess::Args),
    /// A country's tier timeline with sources, watch-list runs, waivers and downgrades.
    History(commands::history::Args),
    /// Narrative claims against tier history and the law; sources that disagree.
    Check(commands::check::Args),
    /// Victim flows: compare with reference edge lists, or write GraphML.
    Flows(commands::flows::Args),
    /// Full-text search over every stored narrative (paragraphs, ranked, with facets).
    Search(commands::search::Args),
    /// The search index beside the store: `index rebuild`.
    Index(commands::index::Args),
    /// Delete a country-year's narrative from the store and the search index.
    Delete(commands::delete::Args),
    /// What changed for a country between two report years: tier, facts, text.
    Diff(commands::diff::Args),
    /// Match the previous report's recommendations to the sentences of this year's report.
    Followup(commands::followup::Args),
    /// Export tidy tables (facts, tiers, flows, assessments) as CSV, JSON or Parquet, with a codebook.
    Export(commands::export::Args),
    /// Serve the JSON API (/openapi.json) and the web app: map, country pages, worksheet, search.
    Serve(commands::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(&cli.db, args),
        Command::List(args) => commands::list::run(&cli.db, args),
        Command::Show(args) => commands::show::run(&cli.db, args),
        Command::Facts(args) => commands::facts::run(&cli.db, args),
        Command::Eval(args) => commands::eval::run(&cli.db, args),
        Command::Fetch(args) => commands::fetch::run(&cli.db, args),
        Command::Assess(args) => commands::assess::run(&cli.db, args),
        Command::History(args) => commands::history::run(&cli.db, args),
        Command::Check(args) => commands::check::run(&cli.db, args),
        Command::Flows(args) => commands::flows::run(&cli.db, args),
        Command::Search(args) => commands::search::run(&cli.db, args),
        Command::Index(args) => commands::index::run(&cli.db, args),
        Command::Delete(args) => commands::delete::run(&cli.db, args),
        Command::Diff(args) => commands::diff::run(&cli.db, args),
        Command::Followup(args) => commands::followup::run(&cli.db, args),
        Command::Export(args) => commands::export::run(&cli.db, args),
        Command::Serve(args) => commands::serve::run(&cli.db, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
