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

use anyhow::Context;
use std::path::Path;
use tierwatch_store::Store;

/// Open the store, naming the file in any error.
pub fn open_store(db: &Path) -> anyhow::Result<Store> {
    Store::open(db).with_context(|| format!("cannot open store {}", db.display()))
}

/// The per-document pipeline this binary ships.
pub fn pipeline() -> tierwatch_app::Pipeline {
    tierwatch_app::Pipeline::standard()
}
