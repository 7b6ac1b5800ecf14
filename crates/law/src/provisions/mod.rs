//! One module per statutory provision. Where a provision's logic changed, both versions sit side
//! by side as functions named by their first report year (`since_2009`, `since_2019`).

pub mod auto_downgrade;
pub mod consequences;
pub mod data_presumption;
pub mod indicia;
pub mod previously_downgraded;
pub mod proof_of_failure;
pub mod special_case;
pub mod special_watch_list;
pub mod standards;
pub mod tier_lists;
pub mod waiver;
pub mod watch_list;
pub mod watch_list_stay;

/// The versions a provision module implements, by the name editions use (`[provisions]`).
pub fn versions(provision: &str) -> &'static [&'static str] {
    match provision {
        "tier_lists" => tier_lists::VERSIONS,
        "watch_list" => watch_list::VERSIONS,
        "waiver" => waiver::VERSIONS,
        "data_presumption" => data_presumption::VERSIONS,
        _ => &[],
    }
}

use crate::assessment::{Premise, Reason, RuleStatus, RuleTrace};
use crate::param::Confidence;

/// A rule's identity: stable id, title, the provision it encodes and how sure we are of it.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    pub citation: String,
    pub confidence: Confidence,
}

impl Rule {
    pub fn new(
        id: &'static str,
        title: &'static str,
        citation: impl Into<String>,
        confidence: Confidence,
    ) -> Rule {
        Rule {
            id,
            title,
            citation: citation.into(),
            confidence,
        }
    }

    pub fn trace(
        &self,
        status: RuleStatus,
        note: impl Into<String>,
        premises: Vec<Premise>,
    ) -> RuleTrace {
        RuleTrace {
            rule: self.id.to_string(),
            title: self.title.to_string(),
            citation: self.citation.clone(),
            confidence: self.confidence,
            status,
            note: note.into(),
            premises,
        }
    }

    pub fn reason(&self, summary: impl Into<String>, premises: Vec<Premise>) -> Reason {
        Reason {
            rule: self.id.to_string(),
            title: self.title.to_string(),
            citation: self.citation.clone(),
            confidence: self.confidence,
            summary: summary.into(),
            premises,
        }
    }
}

/// One `Prior` premise per year of a watch-list run, with the tier history gives for it
/// (a run year missing from history can only have been a watch-list year).
pub fn run_premises(history: &crate::input::History, years: &[tierwatch_model::ReportYear]) -> Vec<Premise> {
    years
        .iter()
        .map(|y| Premise::Prior {
            report_year: *y,
            tier: history.tiers.get(y).copied().unwrap_or(tierwatch_model::Tier::Tier2WatchList),
        })
        .collect()
}

/// "2004-2006" / "2004, 2006" style rendering of a list of years.
pub fn years_text(years: &[tierwatch_model::ReportYear]) -> String {
    if years.is_empty() {
        return "none".into();
    }
    let contiguous = years.windows(2).all(|w| w[1].get() == w[0].get() + 1);
    if contiguous && years.len() > 1 {
        format!("{}-{}", years[0], years[years.len() - 1])
    } else {
        years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "first", "second", ... for consecutive-year sentences.
pub fn ordinal(n: u32) -> String {
    const W: [&str; 10] = [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth",
    ];
    W.get(n as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| format!("{n}th"))
}
