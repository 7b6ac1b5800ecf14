//! One module per subcommand.

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

use anyhow::Context;
use tierwatch_store::{Location, Store};

/// Open the store (a SQLite file or a PostgreSQL database), naming it in any error
/// (a URL without its password).
pub fn open_store(db: &Location) -> anyhow::Result<Store> {
    Store::connect(db).with_context(|| format!("cannot open store {db}"))
}

/// The per-document pipeline this binary ships.
pub fn pipeline() -> tierwatch_app::Pipeline {
    tierwatch_app::Pipeline::standard()
}
