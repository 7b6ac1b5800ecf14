//! Findings: the answers the statute asks for (fully meets? significant efforts? ...), and the
//! evidence-level inputs (counts, penalties, protection facts), each with the facts behind it.
//!
//! Two ways in: [`Findings::from_facts`] takes what the narrative states (levels A/B of
//! `tierwatch eval tiers`); [`Findings::blind_from_facts`] ignores every sentence that states a
//! tier, compliance, efforts, watch-list basis or waiver, and every heading/intro fact, and keeps
//! only evidence (level C). Value conventions for each fact kind are listed on [`Findings`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tierwatch_model::{Fact, FactKind, FactValue, PenaltyMax, Period, ReportYear, SectionKind};

/// Where a finding's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSource {
    #[default]
    Absent,
    /// A sentence of the narrative states it.
    Stated,
    /// Read from evidence (counts, penalties, protection facts).
    Evidence,
    /// Set by an analyst (`--set FINDING=VALUE`).
    Override,
}

/// One finding: a value (None = unknown) and the facts that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding<T> {
    pub value: Option<T>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub source: FindingSource,
}

impl<T> Default for Finding<T> {
    fn default() -> Self {
        Finding {
            value: None,
            facts: Vec::new(),
            source: FindingSource::Absent,
        }
    }
}

impl<T> Finding<T> {
    pub fn set(value: T, source: FindingSource) -> Self {
        Finding {
            value: Some(value),
            facts: Vec::new(),
            source,
        }
    }
}

impl<T: Copy> Finding<T> {
    pub fn get(&self) -> Option<T> {
        self.value
    }
}

/// The basis the narrative gives for a watch-list placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchListBasis {
    FutureCommitments,
    VictimsNumber,
    NoIncreasingEfforts,
}

impl WatchListBasis {
    pub fn parse(s: &str) -> Option<WatchListBasis> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "future_commitments" | "commitments" => Some(WatchListBasis::FutureCommitments),
            "victims_number" | "number_of_victims" | "victims" => {
                Some(WatchListBasis::VictimsNumber)
            }
            "no_increasing_efforts" | "failure_to_increase_efforts" => {
                Some(WatchListBasis::NoIncreasingEfforts)
            }
            _ => None,
        }
    }
}

/// A count for the reporting period and for the previous one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CountPair {
    pub current: Finding<i64>,
    pub previous: Finding<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnforcementCounts {
    pub investigations: CountPair,
    pub prosecutions: CountPair,
    pub convictions: CountPair,
    pub victims_identified: CountPair,
}

impl EnforcementCounts {
    pub fn all(&self) -> [(&'static str, &CountPair); 4] {
        [
            ("investigations", &self.investigations),
            ("prosecutions", &self.prosecutions),
            ("convictions", &self.convictions),
            ("victims_identified", &self.victims_identified),
        ]
    }

    /// Whether any enforcement count (investigations, prosecutions, convictions) is known.
    pub fn any_enforcement_data(&self) -> bool {
        [&self.investigations, &self.prosecutions, &self.convictions]
            .iter()
            .any(|p| p.current.value.is_some() || p.previous.value.is_some())
    }
}

/// Two facts of one kind that disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub finding: String,
    pub chosen: String,
    pub facts: Vec<String>,
}

/// Everything the engine needs to know about the country's efforts in one report year.
///
/// Fact value conventions: `fully_meets_standards`, `significant_efforts`, `increasing_efforts`,
/// `waiver`, `auto_downgrade` are booleans; `watch_list_basis` is text (`future_commitments`,
/// `victims_number`, `no_increasing_efforts`); `tier` = `special_case` marks an unranked year;
/// counts are integers (facts scoped to officials are ignored here); `penalty` is a range;
/// `penalty_judgment` is text such as `sufficiently_stringent`, `commensurate`,
/// `not_sufficiently_stringent`, `not_commensurate`; `official_complicity`, `shelter`,
/// `victim_care_funding`, `national_action_plan` are booleans (true = present; integers > 0 and
/// text also count as true); `non_penalization` true = victims are not punished for acts they were
/// compelled to commit, false = they are.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Findings {
    // Stated findings (what the report concludes).
    pub fully_meets_standards: Finding<bool>,
    pub significant_efforts: Finding<bool>,
    pub increasing_efforts: Finding<bool>,
    pub watch_list_basis: Finding<Vec<WatchListBasis>>,
    pub waiver_stated: Finding<bool>,
    pub auto_downgrade_stated: Finding<bool>,
    pub consecutive_watch_list_years_stated: Finding<i64>,
    pub special_case: Finding<bool>,
    /// 2019+: a government policy or pattern of trafficking (7107(b)(3)(B)).
    pub proof_of_failure: Finding<bool>,
    /// Watch-list criterion (a)/(I): the number of victims is very significant or significantly increasing.
    pub victims_number_significant: Finding<bool>,
    /// 2019+ part of criterion (I): the government takes concrete actions proportional to that number.
    pub proportional_concrete_actions: Finding<bool>,
    // Evidence.
    pub counts: EnforcementCounts,
    pub prohibits_trafficking: Finding<bool>,
    pub penalty_max: Finding<PenaltyMax>,
    pub penalties_deterrent: Finding<bool>,
    pub penalties_grave_crime: Finding<bool>,
    pub official_complicity: Finding<bool>,
    pub shelters: Finding<bool>,
    pub victim_care_funding: Finding<bool>,
    pub non_penalization: Finding<bool>,
    pub national_action_plan: Finding<bool>,
    /// The report's judgment opening each area's section (`law_enforcement`, `protection`,
    /// `prevention`) -> trend value (see `FactKind::EffortsTrend`). Evidence, kept in blind mode.
    #[serde(default)]
    pub efforts_trend: BTreeMap<String, Finding<String>>,
    /// Officials prosecuted or convicted for complicity (a count scoped to officials above zero).
    #[serde(default)]
    pub officials_prosecuted: Finding<bool>,
    /// Analyst settings of a criterion directly: `standard.<id>` / `indicium.<id>` -> met?
    pub criteria: BTreeMap<String, Finding<bool>>,
    /// Facts of one kind that disagreed; the engine reports them as diagnostics.
    pub conflicts: Vec<Conflict>,
}

/// The fact kinds that state a conclusion rather than evidence: the blind variant drops them.
pub const STATED_KINDS: &[FactKind] = &[
    FactKind::Tier,
    FactKind::TierMovement,
    FactKind::PreviousTier,
    FactKind::FullyMeetsStandards,
    FactKind::SignificantEfforts,
    FactKind::IncreasingEfforts,
    FactKind::WatchListBasis,
    FactKind::WatchListConsecutiveYears,
    FactKind::Waiver,
    FactKind::AutoDowngrade,
    FactKind::SpecialCaseConsecutiveYears,
    FactKind::PolicyOrPattern,
];

impl Findings {
    /// Stated findings plus evidence, from the facts of one narrative for `report_year`.
    pub fn from_facts(facts: &[Fact], report_year: ReportYear) -> Findings {
        let mut f = Findings::default();
        f.read_stated(facts);
        f.read_evidence(facts, report_year);
        f
    }

    /// Evidence only: drops conclusion sentences ([`STATED_KINDS`]) and heading/intro facts.
    pub fn blind_from_facts(facts: &[Fact], report_year: ReportYear) -> Findings {
        let kept: Vec<Fact> = facts
            .iter()
            .filter(|f| !STATED_KINDS.contains(&f.kind))
            .filter(|f| {
                !matches!(
                    f.provenance.section,
                    Some(SectionKind::Heading | SectionKind::Intro)
                )
            })
            .cloned()
            .collect();
        let mut f = Findings::default();
        f.read_evidence(&kept, report_year);
        f
    }

    fn read_stated(&mut self, facts: &[Fact]) {
        let of = |k: FactKind| facts.iter().filter(move |f| f.kind == k);
        self.fully_meets_standards = self.bool_finding(
            "fully_meets_standards",
            of(FactKind::FullyMeetsStandards),
            FindingSource::Stated,
        );
        self.significant_efforts = self.bool_finding(
            "significant_efforts",
            of(FactKind::SignificantEfforts),
            FindingSource::Stated,
        );
        self.increasing_efforts = self.bool_finding(
            "increasing_efforts",
            of(FactKind::IncreasingEfforts),
            FindingSource::Stated,
        );
        self.waiver_stated =
            self.bool_finding("waiver_stated", of(FactKind::Waiver), FindingSource::Stated);
        self.auto_downgrade_stated = self.bool_finding(
            "auto_downgrade_stated",
            of(FactKind::AutoDowngrade),
            FindingSource::Stated,
        );
        self.proof_of_failure = self.bool_finding(
            "proof_of_failure",
            of(FactKind::PolicyOrPattern),
            FindingSource::Stated,
        );
        let special: Vec<&Fact> = of(FactKind::Tier)
            .filter(|f| f.value.as_text().map(str::trim) == Some("special_case"))
            .chain(of(FactKind::SpecialCaseConsecutiveYears))
            .collect();
        if !special.is_empty() {
            self.special_case = Finding {
                value: Some(true),
                facts: special.into_iter().cloned().collect(),
                source: FindingSource::Stated,
            };
        }
        let basis: Vec<&Fact> = of(FactKind::WatchListBasis).collect();
        if !basis.is_empty() {
            let mut v: Vec<WatchListBasis> = basis
                .iter()
                .filter_map(|f| f.value.as_text().and_then(WatchListBasis::parse))
                .collect();
            v.sort();
            v.dedup();
            self.watch_list_basis = Finding {
                value: Some(v),
                facts: basis.into_iter().cloned().collect(),
                source: FindingSource::Stated,
            };
        }
        let years: Vec<&Fact> = of(FactKind::WatchListConsecutiveYears)
            .filter(|f| f.value.as_int().is_some())
            .collect();
        if let Some(best) = best_fact(&years) {
            self.consecutive_watch_list_years_stated = Finding {
                value: best.value.as_int(),
                facts: years.into_iter().cloned().collect(),
                source: FindingSource::Stated,
            };
        }
    }

    fn read_evidence(&mut self, facts: &[Fact], year: ReportYear) {
        let of = |k: FactKind| facts.iter().filter(move |f| f.kind == k);
        let ev = FindingSource::Evidence;
        self.official_complicity =
            self.bool_finding("official_complicity", of(FactKind::OfficialComplicity), ev);
        self.shelters = self.bool_finding("shelters", of(FactKind::Shelter), ev);
        self.victim_care_funding =
            self.bool_finding("victim_care_funding", of(FactKind::VictimCareFunding), ev);
        self.non_penalization =
            self.bool_finding("non_penalization", of(FactKind::NonPenalization), ev);
        self.national_action_plan =
            self.bool_finding("national_action_plan", of(FactKind::NationalActionPlan), ev);
        self.prohibits_trafficking =
            self.bool_finding("prohibits_trafficking", of(FactKind::Law), ev);
        for (slot, kind) in [
            (&mut self.counts.investigations, FactKind::Investigations),
            (&mut self.counts.prosecutions, FactKind::Prosecutions),
            (&mut self.counts.convictions, FactKind::Convictions),
            (
                &mut self.counts.victims_identified,
                FactKind::VictimsIdentified,
            ),
        ] {
            *slot = count_pair(of(kind), year);
        }
        for f in of(FactKind::EffortsTrend) {
            let (Some(area), Some(v)) = (f.scope.clone(), f.value.as_text()) else { continue };
            let slot = self.efforts_trend.entry(area).or_default();
            if slot.value.is_none() {
                *slot = Finding { value: Some(v.to_string()), facts: vec![f.clone()], source: ev };
            }
        }
        let officials: Vec<Fact> = facts
            .iter()
            .filter(|f| {
                // counts scoped to officials, or a complicity sentence telling of officials
                // prosecuted or convicted (counts about complicit officials are complicity)
                matches!(f.kind, FactKind::Prosecutions | FactKind::Convictions)
                    && f.scope.as_deref().is_some_and(|s| s.contains("official"))
                    && f.value.as_int().is_some_and(|n| n > 0)
                    || f.kind == FactKind::OfficialComplicity
                        && f.scope.as_deref() == Some("officials_prosecuted")
                        && f.value.as_bool() == Some(true)
            })
            .cloned()
            .collect();
        if !officials.is_empty() {
            self.officials_prosecuted = Finding { value: Some(true), facts: officials, source: ev };
        }
        let penalties: Vec<&Fact> = of(FactKind::Penalty).collect();
        let max = penalties
            .iter()
            .filter_map(|f| match f.value {
                FactValue::Penalty { max: Some(m), .. } => Some(m),
                _ => None,
            })
            .max_by(|a, b| years_of(*a).total_cmp(&years_of(*b)));
        if let Some(m) = max {
            self.penalty_max = Finding {
                value: Some(m),
                facts: penalties.into_iter().cloned().collect(),
                source: ev,
            };
        }
        for f in of(FactKind::PenaltyJudgment) {
            let (grave, positive) = judge_penalty(&f.value);
            let slot = if grave {
                &mut self.penalties_grave_crime
            } else {
                &mut self.penalties_deterrent
            };
            if slot.value.is_some() && slot.value != Some(positive) {
                self.conflicts.push(Conflict {
                    finding: if grave {
                        "penalties_grave_crime"
                    } else {
                        "penalties_deterrent"
                    }
                    .into(),
                    chosen: slot.value.map(|v| v.to_string()).unwrap_or_default(),
                    facts: slot
                        .facts
                        .iter()
                        .chain(std::iter::once(f))
                        .map(Fact::id)
                        .collect(),
                });
                slot.facts.push(f.clone());
                continue;
            }
            slot.value = Some(positive);
            slot.source = ev;
            slot.facts.push(f.clone());
        }
    }

    /// A boolean finding from facts of one kind; disagreement is recorded and the most confident fact wins.
    fn bool_finding<'a>(
        &mut self,
        name: &str,
        facts: impl Iterator<Item = &'a Fact>,
        source: FindingSource,
    ) -> Finding<bool> {
        let facts: Vec<&Fact> = facts.filter(|f| fact_bool(&f.value).is_some()).collect();
        let Some(best) = best_fact(&facts) else {
            return Finding::default();
        };
        let value = fact_bool(&best.value);
        if facts.iter().any(|f| fact_bool(&f.value) != value) {
            self.conflicts.push(Conflict {
                finding: name.into(),
                chosen: value.map(|v| v.to_string()).unwrap_or_default(),
                facts: facts.iter().map(|f| f.id()).collect(),
            });
        }
        Finding {
            value,
            facts: facts.into_iter().cloned().collect(),
            source,
        }
    }
}

/// The most confident fact (the first one on ties).
fn best_fact<'a>(facts: &[&'a Fact]) -> Option<&'a Fact> {
    facts
        .iter()
        .copied()
        .reduce(|a, b| if b.confidence > a.confidence { b } else { a })
}

/// Booleans as such; integers > 0 and non-negative text as true.
fn fact_bool(v: &FactValue) -> Option<bool> {
    match v {
        FactValue::Bool(b) => Some(*b),
        FactValue::Int(i) => Some(*i > 0),
        FactValue::Text(s) => {
            let s = s.trim().to_ascii_lowercase();
            if s.is_empty() {
                None
            } else {
                Some(
                    !(s == "false"
                        || s == "no"
                        || s == "none"
                        || s.starts_with("not")
                        || s.starts_with("no_")),
                )
            }
        }
        FactValue::Penalty { .. } | FactValue::Flow { .. } => Some(true),
    }
}

/// (is it about grave-crime comparability?, is it positive?)
fn judge_penalty(v: &FactValue) -> (bool, bool) {
    match v {
        FactValue::Text(s) => {
            let s = s.to_ascii_lowercase();
            let negative = s.starts_with("not")
                || s.contains("not_")
                || s.contains("insufficient")
                || s.contains("inadequate")
                || s.contains("lenient")
                || s.contains("not ");
            let grave = s.contains("commensurate") || s.contains("grave") || s.contains("rape");
            (grave, !negative)
        }
        other => (false, fact_bool(other).unwrap_or(false)),
    }
}

pub(crate) fn years_of(m: PenaltyMax) -> f64 {
    match m {
        PenaltyMax::Years(y) => y,
        PenaltyMax::Life => f64::MAX,
    }
}

/// Which slot a count's period falls in for `year`: 0 = current, 1 = previous, with a priority
/// (explicit beats unknown). Calendar year Y-1 (or Y) is the current period, Y-2 the previous.
fn period_slot(p: Period, year: ReportYear) -> Option<(usize, u8)> {
    let y = year.get();
    match p {
        Period::ReportingPeriod => Some((0, 2)),
        Period::PreviousPeriod => Some((1, 2)),
        Period::Year(c) if c + 1 == y || c == y => Some((0, 2)),
        Period::Year(c) if c + 2 == y => Some((1, 2)),
        Period::Year(_) => None,
        Period::Unknown => Some((0, 1)),
    }
}

/// The largest count of the best period match per slot (totals are at least their parts).
fn count_pair<'a>(facts: impl Iterator<Item = &'a Fact>, year: ReportYear) -> CountPair {
    let mut slots: [(u8, Vec<&Fact>); 2] = [(0, Vec::new()), (0, Vec::new())];
    for f in facts {
        if f.scope.as_deref().is_some_and(|s| s.contains("official")) || f.value.as_int().is_none()
        {
            continue;
        }
        if let Some((slot, prio)) = period_slot(f.period, year) {
            let s = &mut slots[slot];
            if prio > s.0 {
                *s = (prio, vec![f]);
            } else if prio == s.0 {
                s.1.push(f);
            }
        }
    }
    let mk = |(_, fs): &(u8, Vec<&Fact>)| -> Finding<i64> {
        match fs.iter().filter_map(|f| f.value.as_int()).max() {
            Some(v) => Finding {
                value: Some(v),
                facts: fs.iter().map(|f| (*f).clone()).collect(),
                source: FindingSource::Evidence,
            },
            None => Finding::default(),
        }
    };
    CountPair {
        current: mk(&slots[0]),
        previous: mk(&slots[1]),
    }
}
