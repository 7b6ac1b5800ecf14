//! tierwatch-law: the U.S. TIP Report tier system (TVPA, 22 U.S.C. 7106-7107) as data and as a
//! pure engine that explains every tier it gives.
//!
//! - `law/` at the repository root holds the law as TOML: editions by report year, the minimum
//!   standards and indicia, and the judgment thresholds. [`Law::embedded`] uses the copy compiled
//!   into the binary; [`Law::from_dir`] loads a folder an analyst edits. Both validate.
//! - [`assess`] applies the edition in force for the report year to findings and tier history and
//!   returns an [`Assessment`]: outcome, the reasons that determined it, every rule considered,
//!   diagnostics, and a finding per standard and indicium, each with its premises.
//! - [`history`] has the helpers for watch-list runs, implied waivers and over-long stays.
//!
//! Architecture invariant: the engine does no IO and reads no clock. Only [`Law::from_dir`]
//! touches the file system. Every number the engine uses comes from `law/` with a citation and a
//! confidence label; LIKELY and UNVERIFIED ones are shown as such in explanations.

pub mod assessment;
pub mod cases;
pub mod checks;
pub mod criteria;
pub mod edition;
pub mod engine;
pub mod estimate;
pub mod error;
pub mod explain;
pub mod findings;
pub mod history;
pub mod input;
pub mod judgment;
pub mod load;
pub mod overrides;
pub mod param;
pub mod provisions;
pub mod thresholds;

pub use assessment::{
    Assessment, Consequence, CriterionFinding, CriterionKind, Diagnostic, EditionRef, Outcome,
    Premise, Reason, RuleStatus, RuleTrace, Severity, Status, SwlCategory, SwlMembership,
};
pub use edition::Edition;
pub use engine::assess;
pub use error::LoadError;
pub use explain::render_explanation;
pub use findings::{
    CountPair, EnforcementCounts, Finding, FindingSource, Findings, WatchListBasis,
};
pub use input::{AssessmentInput, CountryRef, History};
pub use load::{Law, EMBEDDED, FIRST_YEAR, LAST_YEAR};
pub use overrides::{Override, OverrideError};
pub use param::{Confidence, Param};
