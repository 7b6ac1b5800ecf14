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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(&cli.db, args),
        Command::List(args) => commands::list::run(&cli.db, args),
        Command::Show(args) => commands::show::run(&cli.db, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
