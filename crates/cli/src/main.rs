//! `tierwatch`: the command-line face. Parses arguments, calls the app layer, renders
//! plain text or JSON. `anyhow` lives here only.

mod commands;
mod render;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Read Trafficking in Persons Report narratives, extract facts with provenance, and
/// assess tiers under the law in force for each report year.
#[derive(Parser)]
#[command(name = "tierwatch", version, about)]
struct Cli {
    /// The store: a SQLite file (created on first use) or a PostgreSQL database URL,
    /// postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (the database must exist).
    #[arg(long, global = true, env = "TIERWATCH_DB", default_value = "tierwatch.sqlite")]
    // Read as text and parsed in `main`: clap would echo a bad value, password and all.
    db: String,
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
    /// Accounts: `user add NAME --role analyst|reviewer|admin`, `user list`, `user disable NAME`.
    User(commands::user::Args),
    /// The audit trail: list entries (`--country`, `--since`, `--json`), or `audit verify` the hash chain.
    Audit(commands::audit::Args),
    /// A country-year's team assessments (worksheets) with their review states.
    Worksheets(commands::worksheets::Args),
}

/// `tierwatch facts mexico 2018 | head`: when the reader of standard output goes away, the
/// program ends quietly, as `cat` or `grep` do (status 141, the shells' code for a closed
/// pipe), instead of `println!` panicking with a backtrace. Only that panic is caught; any
/// other reaches the default hook. Nothing is left half-written: a store transaction not
/// committed is rolled back by the store when it is next opened.
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    let db = match tierwatch_store::Location::parse(&cli.db) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: --db / TIERWATCH_DB: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(&db, args),
        Command::List(args) => commands::list::run(&db, args),
        Command::Show(args) => commands::show::run(&db, args),
        Command::Facts(args) => commands::facts::run(&db, args),
        Command::Eval(args) => commands::eval::run(&db, args),
        Command::Fetch(args) => commands::fetch::run(&db, args),
        Command::Assess(args) => commands::assess::run(&db, args),
        Command::History(args) => commands::history::run(&db, args),
        Command::Check(args) => commands::check::run(&db, args),
        Command::Flows(args) => commands::flows::run(&db, args),
        Command::Search(args) => commands::search::run(&db, args),
        Command::Index(args) => commands::index::run(&db, args),
        Command::Delete(args) => commands::delete::run(&db, args),
        Command::Diff(args) => commands::diff::run(&db, args),
        Command::Followup(args) => commands::followup::run(&db, args),
        Command::Export(args) => commands::export::run(&db, args),
        Command::Serve(args) => commands::serve::run(&db, args),
        Command::User(args) => commands::user::run(&db, args),
        Command::Audit(args) => commands::audit::run(&db, args),
        Command::Worksheets(args) => commands::worksheets::run(&db, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
