//! Tier history: which tier each country was placed on in each TIP Report, and who says so.
//!
//! Every value is a [`TierRecord`] carrying its source. Sources are kept side by side: when
//! two disagree about a country-year the [`Placement`] is flagged as a conflict and both values
//! stay visible. For rules that need one value, [`Placement::effective`] picks by a documented
//! preference order ([`sources::PREFERENCE`]) and says which source it used.
//!
//! The table lives in `data/tiers.csv` (columns `iso3,country,report_year,tier,source,note`,
//! sorted by iso3, report year, source) and is compiled in ([`TierHistory::embedded`]).
//! It is generated from the third-party reference folder by a re-runnable step:
//!
//! ```text
//! cargo run -p tierwatch-history --example build_tiers -- ../shared/reference data/tiers.csv
//! ```
//!
//! which calls [`build_from_reference`]. Placements stated in ingested narratives are added at
//! run time with [`TierHistory::add_stated`] (source `narrative:<doc id short>`).
//!
//! Architecture invariant: only [`build_from_reference`] reads files; everything else is pure
//! over in-memory text and records.

pub mod build;
pub mod error;
pub mod history;
pub mod record;
pub mod sources;
mod table;

pub use build::{build_from_reference, BuildReport, Unresolved};
pub use error::HistoryError;
pub use history::{Conflict, Placement, SourcedTier, TierHistory};
pub use record::TierRecord;
pub use sources::SourceKind;
