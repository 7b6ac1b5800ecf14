//! The schema of `law/criteria.toml`: the minimum standards (7106(a)) and the indicia (7106(b)),
//! with their numbering across the 2003 and 2013 versions and the years they are in force.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::param::{Confidence, Param};

/// The name of the parameter that holds the first report year of the post-2013 numbering.
pub const RENUMBERING_PARAM: &str = "renumbering_first_report_year";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// Uncertain boundary years, each labelled (e.g. `renumbering_first_report_year`).
    #[serde(default)]
    pub parameters: BTreeMap<String, Param<u16>>,
    pub standard: Vec<Criterion>,
    pub indicium: Vec<Criterion>,
}

/// A year, or the name of a labelled parameter in `[parameters]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum YearRef {
    Year(u16),
    Param(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    /// The number in the current numbering.
    pub number: u8,
    /// The number before the 2013 renumbering (2000/2003 numbering); absent if it did not exist then.
    #[serde(default)]
    pub number_before_renumbering: Option<u8>,
    pub title: String,
    pub paraphrase: String,
    pub first_report_year: YearRef,
    #[serde(default)]
    pub last_report_year: Option<YearRef>,
    #[serde(default)]
    pub citation: String,
    pub confidence: Confidence,
    /// Whether the 7106(b) data presumption attaches to this indicium.
    #[serde(default)]
    pub data_presumption: bool,
}

/// A criterion as it stands in one report year: its number and citation then, and the labelled
/// parameter that decided it is in force (when its start year is uncertain).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InForce<'a> {
    pub criterion: &'a Criterion,
    pub number: u8,
    pub citation: String,
    pub start_param: Option<(String, &'a Param<u16>)>,
}

impl Criteria {
    /// Resolve a year reference (parameter names were checked by the loader).
    pub fn year(&self, r: &YearRef) -> Option<u16> {
        match r {
            YearRef::Year(y) => Some(*y),
            YearRef::Param(name) => self.parameters.get(name).map(|p| p.value),
        }
    }

    pub fn renumbering_year(&self) -> u16 {
        self.parameters
            .get(RENUMBERING_PARAM)
            .map(|p| p.value)
            .unwrap_or(u16::MAX)
    }

    pub fn standards_in_force(&self, year: u16) -> Vec<InForce<'_>> {
        self.in_force(&self.standard, year)
    }

    /// The indicia in force in `year`, ordered by their number in that year.
    pub fn indicia_in_force(&self, year: u16) -> Vec<InForce<'_>> {
        let mut v = self.in_force(&self.indicium, year);
        v.sort_by_key(|c| c.number);
        v
    }

    fn in_force<'a>(&'a self, list: &'a [Criterion], year: u16) -> Vec<InForce<'a>> {
        let renumbered = year >= self.renumbering_year();
        list.iter()
            .filter(|c| {
                let first = self.year(&c.first_report_year).unwrap_or(u16::MAX);
                let last = c
                    .last_report_year
                    .as_ref()
                    .and_then(|r| self.year(r))
                    .unwrap_or(u16::MAX);
                first <= year && year <= last
            })
            .filter_map(|c| {
                let number = if renumbered {
                    Some(c.number)
                } else {
                    c.number_before_renumbering.or(Some(c.number))
                }?;
                let citation = if number == c.number {
                    c.citation.clone()
                } else {
                    format!(
                        "{} (numbered ({number}) before the renumbering)",
                        c.citation
                    )
                };
                let start_param = match &c.first_report_year {
                    YearRef::Param(name) => self.parameters.get(name).map(|p| (name.clone(), p)),
                    YearRef::Year(_) => None,
                };
                Some(InForce {
                    criterion: c,
                    number,
                    citation,
                    start_param,
                })
            })
            .collect()
    }
}
