//! What the engine returns: an outcome with the reasons that determined it, every rule it
//! considered, diagnostics, and a finding per minimum standard and indicium, all serialisable.

use serde::{Deserialize, Serialize};
use tierwatch_model::{Fact, FactKind, Provenance, ReportYear, Tier};

use crate::input::CountryRef;
use crate::overrides::Override;
use crate::param::Confidence;

/// The placement the engine arrives at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[serde(rename = "tier1")]
    Tier1,
    #[serde(rename = "tier2")]
    Tier2,
    #[serde(rename = "tier2_watch_list")]
    Tier2WatchList,
    #[serde(rename = "tier3")]
    Tier3,
    SpecialCase,
    /// The findings do not settle the tier (see diagnostics).
    Undetermined,
}

impl Outcome {
    pub fn tier(self) -> Option<Tier> {
        match self {
            Outcome::Tier1 => Some(Tier::Tier1),
            Outcome::Tier2 => Some(Tier::Tier2),
            Outcome::Tier2WatchList => Some(Tier::Tier2WatchList),
            Outcome::Tier3 => Some(Tier::Tier3),
            Outcome::SpecialCase => Some(Tier::SpecialCase),
            Outcome::Undetermined => None,
        }
    }

    pub fn from_tier(t: Tier) -> Outcome {
        match t {
            Tier::Tier1 => Outcome::Tier1,
            Tier::Tier2 => Outcome::Tier2,
            Tier::Tier2WatchList => Outcome::Tier2WatchList,
            Tier::Tier3 => Outcome::Tier3,
            Tier::SpecialCase => Outcome::SpecialCase,
        }
    }

    pub fn code(self) -> &'static str {
        self.tier().map(Tier::code).unwrap_or("undetermined")
    }

    pub fn label(self) -> &'static str {
        self.tier().map(Tier::label).unwrap_or("Undetermined")
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What a reason or a finding rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Premise {
    /// A sentence in a document.
    Fact {
        fact: String,
        kind: FactKind,
        value: String,
        provenance: Provenance,
    },
    /// A value of the law (or a judgment threshold), with its citation and label.
    Param {
        name: String,
        value: String,
        citation: String,
        confidence: Confidence,
    },
    /// A placement in an earlier report.
    Prior { report_year: ReportYear, tier: Tier },
    /// Something missing, and the presumption that fills the gap.
    Absent { what: String, presumption: String },
    /// A finding set by an analyst (`--set FINDING=VALUE`).
    Override { finding: String, value: String },
}

impl Premise {
    pub fn fact(f: &Fact) -> Premise {
        Premise::Fact {
            fact: f.id(),
            kind: f.kind,
            value: f.value.render(),
            provenance: f.provenance.clone(),
        }
    }
}

/// A rule that determined the outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable rule id, e.g. `auto_downgrade.since_2009`.
    pub rule: String,
    pub title: String,
    pub citation: String,
    pub confidence: Confidence,
    /// One sentence: what the rule found here.
    pub summary: String,
    pub premises: Vec<Premise>,
}

/// How a considered rule turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// The edition for the report year does not have this rule.
    NotInForce,
    /// In force, but its preconditions did not arise (e.g. no watch-list proposal).
    NotApplicable,
    /// Evaluated; its condition was not met.
    NotFired,
    /// Fired and shaped the outcome.
    Fired,
    /// Fired, but a later rule (an exception) displaced its effect.
    Overridden,
}

/// Every rule the engine evaluated, fired or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleTrace {
    pub rule: String,
    pub title: String,
    pub citation: String,
    pub confidence: Confidence,
    pub status: RuleStatus,
    pub note: String,
    pub premises: Vec<Premise>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
}

/// Missing or conflicting facts, presumptions used, claims that disagree with history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    /// Ids of the facts concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    Standard,
    Indicium,
}

/// The finding on one minimum standard or one indicium in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionFinding {
    pub id: String,
    pub kind: CriterionKind,
    /// The number in force in the report year.
    pub number: u8,
    pub title: String,
    pub citation: String,
    pub confidence: Confidence,
    pub status: Status,
    /// How the status was reached.
    pub basis: String,
    pub premises: Vec<Premise>,
}

/// Which special-watch-list category (7107(b)(2)(A)) the outcome puts the country in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwlCategory {
    /// (i) Tier 1 now, Tier 2 (or Watch List) in the previous report.
    UpgradedToTier1,
    /// (ii) Tier 2 or Watch List now, Tier 3 in the previous report.
    UpgradedFromTier3,
    /// (iii) the Tier 2 Watch List.
    WatchList,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SwlMembership {
    pub category: SwlCategory,
    pub citation: String,
    pub premises: Vec<Premise>,
}

/// A legal consequence or duty that follows from the outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consequence {
    pub id: String,
    pub description: String,
    pub citation: String,
    pub confidence: Confidence,
}

/// The edition applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionRef {
    pub id: String,
    pub title: String,
    pub first_report_year: u16,
    pub last_report_year: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub country: CountryRef,
    pub report_year: ReportYear,
    pub edition: Option<EditionRef>,
    pub outcome: Outcome,
    /// Only the rules that determined the outcome, in the order they applied.
    pub reasons: Vec<Reason>,
    /// Every rule evaluated, fired or not.
    pub considered: Vec<RuleTrace>,
    pub diagnostics: Vec<Diagnostic>,
    pub standards: Vec<CriterionFinding>,
    pub indicia: Vec<CriterionFinding>,
    pub special_watch_list: Vec<SwlMembership>,
    pub consequences: Vec<Consequence>,
    /// Analyst overrides that were applied.
    pub overrides: Vec<Override>,
}

impl Assessment {
    /// The rule ids of the reasons, in order.
    pub fn reason_rules(&self) -> Vec<&str> {
        self.reasons.iter().map(|r| r.rule.as_str()).collect()
    }

    pub fn trace(&self, rule: &str) -> Option<&RuleTrace> {
        self.considered.iter().find(|t| t.rule == rule)
    }
}
