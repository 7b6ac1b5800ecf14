//! `tierwatch audit [--country C] [--since DATE] [--json]` lists the audit trail, oldest
//! first; `tierwatch audit verify` recomputes its hash chain and exits 1, naming each row
//! that no longer fits, when a row was edited or removed behind tierwatch's back.

use crate::render;
use std::process::ExitCode;
use tierwatch_store::{AuditEntry, Location};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Only entries about this country (name, alias or ISO3 code).
    #[arg(long)]
    country: Option<String>,
    /// Only entries at or after this date (YYYY-MM-DD, UTC).
    #[arg(long)]
    since: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Check the hash chain: exit code 1, naming the rows, if any row was edited or deleted.
    Verify {
        #[arg(long)]
        json: bool,
    },
}

/// What changed, in a few words: a state move, or the fields whose values differ.
fn change(e: &AuditEntry) -> String {
    let (Some(b), Some(a)) = (e.before.as_ref().and_then(|v| v.as_object()), e.after.as_ref().and_then(|v| v.as_object())) else {
        return String::new();
    };
    if let (Some(x), Some(y)) = (b.get("state"), a.get("state")) {
        if x != y {
            return format!("{} -> {}", x.as_str().unwrap_or("?"), y.as_str().unwrap_or("?"));
        }
    }
    let changed: Vec<&str> = a.iter().filter(|(k, v)| b.get(k.as_str()) != Some(v)).map(|(k, _)| k.as_str()).collect();
    if changed.is_empty() { String::new() } else { format!("changed {}", changed.join(", ")) }
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    if let Some(Action::Verify { json }) = args.action {
        let check = tierwatch_app::audit::verify(&store)?;
        if json {
            render::json(&check)?;
        } else if check.problems.is_empty() {
            println!("audit trail: {} entries, hash chain intact; head {}", check.entries, check.head.as_deref().unwrap_or("(empty)"));
        } else {
            for p in &check.problems {
                println!("{}", p.message);
            }
            eprintln!("audit trail: {} entries, {} problem(s): the chain is broken", check.entries, check.problems.len());
        }
        return Ok(if check.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    let entries = tierwatch_app::audit::list(&store, args.country.as_deref(), args.since.as_deref())?;
    if args.json {
        render::json(&entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        println!("no audit entries");
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| vec![e.id.to_string(), e.at.clone(), e.actor.clone(), e.action.clone(), e.subject.clone(), change(e), e.reason.clone()])
        .collect();
    print!("{}", render::table(&["id", "at", "actor", "action", "subject", "change", "reason"], &rows));
    Ok(ExitCode::SUCCESS)
}
