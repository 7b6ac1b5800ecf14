//! Analyst-readable law cases (`law/cases/*.toml`): a history, findings (as `FINDING=VALUE`
//! settings and/or quoted facts), and the expected tier, reasons, considered rules and
//! diagnostics. [`Case::check`] runs one against a [`Law`] and lists every mismatch.

use std::collections::BTreeMap;

use serde::Deserialize;
use tierwatch_model::{
    DocId, Fact, FactKind, FactValue, Period, Provenance, Qualifier, ReportYear, SectionKind,
    TextRange, Tier,
};

use crate::assessment::{Assessment, RuleStatus, Status, SwlCategory};
use crate::findings::Findings;
use crate::input::{AssessmentInput, CountryRef, History};
use crate::load::Law;
use crate::overrides::Override;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A full sentence saying what the case shows.
    pub name: String,
    #[serde(default)]
    pub country: Option<CountryRef>,
    pub report_year: u16,
    #[serde(default)]
    pub waiver_years: Vec<u16>,
    #[serde(default)]
    pub auto_downgrades: Vec<u16>,
    /// Earlier placements: `2004 = "tier2_watch_list"`.
    #[serde(default)]
    pub history: BTreeMap<String, String>,
    /// Findings as `name = value` (booleans, numbers, strings, lists).
    #[serde(default)]
    pub findings: BTreeMap<String, toml::Value>,
    /// Quoted facts, read with `Findings::from_facts`.
    #[serde(default)]
    pub facts: Vec<CaseFact>,
    /// Analyst overrides applied by the engine on top of the findings.
    #[serde(default)]
    pub overrides: Vec<String>,
    pub expect: Expect,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFact {
    pub kind: String,
    pub value: toml::Value,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub tier: String,
    /// The rule ids of the reasons, exactly and in order.
    pub reasons: Vec<String>,
    /// Rule id -> status (`fired`, `not_fired`, `not_in_force`, `not_applicable`, `overridden`).
    #[serde(default)]
    pub considered: BTreeMap<String, String>,
    /// Diagnostic codes that must be present.
    #[serde(default)]
    pub diagnostics: Vec<String>,
    /// Indicium id -> `met` / `not_met` / `unknown`.
    #[serde(default)]
    pub indicia: BTreeMap<String, String>,
    #[serde(default)]
    pub standards: BTreeMap<String, String>,
    #[serde(default)]
    pub special_watch_list: Vec<String>,
    /// Consequence ids that must be present.
    #[serde(default)]
    pub consequences: Vec<String>,
}

fn scalar(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(a) if a.is_empty() => "none".into(),
        toml::Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

impl Case {
    pub fn parse(text: &str) -> Result<Case, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The engine input this case describes.
    pub fn input(&self) -> Result<AssessmentInput, String> {
        let year = ReportYear::new(self.report_year)
            .ok_or(format!("bad report year {}", self.report_year))?;
        let mut history = History::default();
        for (y, t) in &self.history {
            let y: u16 = y.parse().map_err(|_| format!("bad history year `{y}`"))?;
            let t = Tier::parse(t).ok_or(format!("bad tier `{t}`"))?;
            history.tiers.insert(ReportYear(y), t);
        }
        history.waiver_years = self.waiver_years.iter().map(|y| ReportYear(*y)).collect();
        history.auto_downgrades = self
            .auto_downgrades
            .iter()
            .map(|y| ReportYear(*y))
            .collect();
        let facts: Vec<Fact> = self
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| f.to_fact(i))
            .collect::<Result<_, _>>()?;
        let mut findings = Findings::from_facts(&facts, year);
        for (k, v) in &self.findings {
            Override {
                finding: k.clone(),
                value: scalar(v),
            }
            .apply(&mut findings)
            .map_err(|e| e.to_string())?;
        }
        let overrides = self
            .overrides
            .iter()
            .map(|s| Override::parse(s).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        Ok(AssessmentInput {
            country: self.country.clone().unwrap_or(CountryRef {
                iso3: "XXX".into(),
                name: "Example".into(),
            }),
            report_year: year,
            findings,
            history,
            overrides,
        })
    }

    /// Run the case; the list of mismatches is empty when it passes.
    pub fn check(&self, law: &Law) -> Result<(Assessment, Vec<String>), String> {
        let a = crate::assess(&self.input()?, law);
        let mut bad = Vec::new();
        let e = &self.expect;
        if a.outcome.code() != e.tier {
            bad.push(format!(
                "tier: expected {}, got {}",
                e.tier,
                a.outcome.code()
            ));
        }
        let got: Vec<String> = a.reasons.iter().map(|r| r.rule.clone()).collect();
        if got != e.reasons {
            bad.push(format!("reasons: expected {:?}, got {:?}", e.reasons, got));
        }
        for (rule, status) in &e.considered {
            match a.trace(rule) {
                None => bad.push(format!("considered: {rule} was not evaluated")),
                Some(t) if rule_status(t.status) != status => bad.push(format!(
                    "considered: {rule} expected {status}, got {}",
                    rule_status(t.status)
                )),
                _ => {}
            }
        }
        for code in &e.diagnostics {
            if !a.diagnostics.iter().any(|d| &d.code == code) {
                bad.push(format!(
                    "diagnostics: {code} missing (got {:?})",
                    a.diagnostics.iter().map(|d| &d.code).collect::<Vec<_>>()
                ));
            }
        }
        for (list, expected) in [(&a.indicia, &e.indicia), (&a.standards, &e.standards)] {
            for (id, status) in expected {
                match list.iter().find(|c| &c.id == id) {
                    None => bad.push(format!("criterion {id} not in force")),
                    Some(c) if criterion_status(c.status) != status => bad.push(format!(
                        "criterion {id}: expected {status}, got {}",
                        criterion_status(c.status)
                    )),
                    _ => {}
                }
            }
        }
        let swl: Vec<String> = a
            .special_watch_list
            .iter()
            .map(|m| swl_code(m.category).to_string())
            .collect();
        if !e.special_watch_list.is_empty() && swl != e.special_watch_list {
            bad.push(format!(
                "special watch list: expected {:?}, got {swl:?}",
                e.special_watch_list
            ));
        }
        for c in &e.consequences {
            if !a.consequences.iter().any(|x| &x.id == c) {
                bad.push(format!("consequence {c} missing"));
            }
        }
        Ok((a, bad))
    }
}

impl CaseFact {
    fn to_fact(&self, i: usize) -> Result<Fact, String> {
        let kind =
            FactKind::parse(&self.kind).ok_or(format!("unknown fact kind `{}`", self.kind))?;
        let value = match &self.value {
            toml::Value::Boolean(b) => FactValue::Bool(*b),
            toml::Value::Integer(n) => FactValue::Int(*n),
            toml::Value::String(s) => FactValue::Text(s.clone()),
            other => return Err(format!("unsupported fact value {other}")),
        };
        Ok(Fact {
            kind,
            value,
            period: Period::ReportingPeriod,
            qualifier: Qualifier::Exact,
            scope: None,
            unit: None,
            confidence: 1.0,
            provenance: Provenance {
                document: DocId("law-case".into()),
                range: TextRange::new(i * 1000, i * 1000 + self.quote.len()),
                quote: self.quote.clone(),
                section: Some(SectionKind::Intro),
                extractor: "law-case".into(),
                extractor_version: 1,
            },
        })
    }
}

pub fn rule_status(s: RuleStatus) -> &'static str {
    match s {
        RuleStatus::NotInForce => "not_in_force",
        RuleStatus::NotApplicable => "not_applicable",
        RuleStatus::NotFired => "not_fired",
        RuleStatus::Fired => "fired",
        RuleStatus::Overridden => "overridden",
    }
}

fn criterion_status(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Unknown => "unknown",
    }
}

fn swl_code(c: SwlCategory) -> &'static str {
    match c {
        SwlCategory::UpgradedToTier1 => "upgraded_to_tier1",
        SwlCategory::UpgradedFromTier3 => "upgraded_from_tier3",
        SwlCategory::WatchList => "watch_list",
    }
}
