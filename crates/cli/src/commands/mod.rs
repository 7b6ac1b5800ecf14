//! One module per subcommand.

pub mod audit;
pub mod delete;
pub mod diff;
pub mod assess;
pub mod check;
pub mod eval;
pub mod export;
pub mod facts;
pub mod fetch;
pub mod history;
pub mod flows;
pub mod followup;
pub mod index;
pub mod ingest;
pub mod list;
pub mod search;
pub mod serve;
pub mod show;
pub mod user;
pub mod worksheets;

use anyhow::Context;
use tierwatch_store::{Location, Store};

/// Open the store (a SQLite file or a PostgreSQL database), naming it in any error
/// (a URL without its password).
/// Changes made through it are recorded in the audit trail as by `cli:USER` (the login
/// name from `$USER` or `$LOGNAME`, else `cli:unknown`).
pub fn open_store(db: &Location) -> anyhow::Result<Store> {
    let store = Store::connect(db).with_context(|| format!("cannot open store {db}"))?;
    let user = ["USER", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty())).unwrap_or_else(|| "unknown".into());
    store.set_actor(&format!("cli:{user}"));
    Ok(store)
}

/// The per-document pipeline this binary ships.
pub fn pipeline() -> tierwatch_app::Pipeline {
    tierwatch_app::Pipeline::standard()
}
