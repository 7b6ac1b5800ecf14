//! `eval tiers`: how well tiers are reproduced over every stored narrative, at three levels,
//! with two baselines computed in the same run.
//!
//! - A: the tier the text states (intro sentences; the heading where the intro names none).
//! - B: the engine from the narrative's own stated findings plus history rules.
//! - C (blind): the engine from prosecution/protection/prevention evidence and prior tiers
//!   only; conclusions are masked (see `assess::mask_conclusions`).
//! - Baselines: the majority class, and "same tier as the previous report".
//!
//! The official tier is the placement the chapter heading gives; where a document has no
//! tier heading, the tier table's value for that year.

use crate::assess::{findings, Mode};
use crate::tiers::{law_history, stated_events, tier_history};
use crate::AppError;
use serde::Serialize;
use std::collections::BTreeMap;
use tierwatch_law::{assess, AssessmentInput, CountryRef, Law};
use tierwatch_model::{FactKind, ReportYear, SectionKind, Tier};
use tierwatch_store::Store;

/// One narrative's prediction that disagrees with the official tier.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub country: String,
    pub iso3: String,
    pub report_year: u16,
    pub official: Tier,
    pub predicted: Option<Tier>,
    /// The rules (and their one-line summaries) behind the prediction.
    pub reasons: Vec<String>,
}

/// Agreement of one predictor with the official tiers.
#[derive(Debug, Clone, Serialize)]
pub struct LevelReport {
    pub level: String,
    pub description: String,
    pub n: usize,
    pub exact: usize,
    pub within_one: usize,
    pub exact_rate: f64,
    pub within_one_rate: f64,
    /// official tier code -> predicted tier code ("undetermined" when none) -> count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub disagreements: Vec<Disagreement>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TierEvalReport {
    pub narratives: usize,
    pub skipped_without_official_tier: Vec<String>,
    pub levels: Vec<LevelReport>,
    pub baselines: Vec<LevelReport>,
    pub notes: Vec<String>,
}

struct Level {
    report: LevelReport,
}

impl Level {
    fn new(level: &str, description: &str) -> Level {
        Level {
            report: LevelReport {
                level: level.into(),
                description: description.into(),
                n: 0,
                exact: 0,
                within_one: 0,
                exact_rate: 0.0,
                within_one_rate: 0.0,
                confusion: BTreeMap::new(),
                disagreements: vec![],
            },
        }
    }

    fn add(&mut self, doc: (&str, &str, u16), official: Tier, predicted: Option<Tier>, reasons: impl FnOnce() -> Vec<String>) {
        let r = &mut self.report;
        r.n += 1;
        let code = predicted.map(|t| t.code()).unwrap_or("undetermined");
        *r.confusion.entry(official.code().into()).or_default().entry(code.into()).or_default() += 1;
        if predicted == Some(official) {
            r.exact += 1;
            r.within_one += 1;
            return;
        }
        if let (Some(a), Some(b)) = (official.ordinal(), predicted.and_then(Tier::ordinal)) {
            if a.abs_diff(b) <= 1 {
                r.within_one += 1;
            }
        }
        r.disagreements.push(Disagreement {
            country: doc.0.into(),
            iso3: doc.1.into(),
            report_year: doc.2,
            official,
            predicted,
            reasons: reasons(),
        });
    }

    fn finish(mut self) -> LevelReport {
        let n = self.report.n.max(1) as f64;
        self.report.exact_rate = self.report.exact as f64 / n;
        self.report.within_one_rate = self.report.within_one as f64 / n;
        self.report
    }
}

/// Evaluate every stored narrative.
pub fn eval_tiers(store: &Store, law: &Law) -> Result<TierEvalReport, AppError> {
    let history = tier_history(store)?;
    let mut a = Level::new("A", "the tier the text states");
    let mut b = Level::new("B", "engine: stated findings + history rules");
    let mut c = Level::new("C", "engine, blind: evidence and prior tiers only");
    let mut persistence = Level::new("persistence", "baseline: same tier as the previous report");
    let mut skipped = Vec::new();
    let mut no_previous = 0;
    let docs = store.all_documents()?;
    let mut official_tiers: Vec<(usize, Tier)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let m = &d.document.metadata;
        let year = m.report_year.expect("stored documents have a year");
        let official = m.stated_tier.or_else(|| {
            history.placement(&m.iso3, year).and_then(|p| p.values.iter().filter(|v| !v.source.starts_with("narrative:")).find_map(|v| v.tier))
        });
        let Some(official) = official else {
            skipped.push(format!("{} {}", m.country, year));
            continue;
        };
        official_tiers.push((i, official));
        let key = (m.country.as_str(), m.iso3.as_str(), year.get());
        // A: intro statements first, then the heading.
        let heading = d.segmentation.sections.iter().find(|s| s.kind == SectionKind::Heading).map(|s| s.range);
        let in_heading = |f: &tierwatch_model::Fact| heading.is_some_and(|h| h.contains(&f.provenance.range));
        let stated = d
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Tier)
            .min_by_key(|f| (in_heading(f), f.provenance.range.start))
            .and_then(|f| f.value.as_text().and_then(Tier::parse));
        a.add(key, official, stated, || vec!["tier statements in the text disagree with the official tier".into()]);
        let events = stated_events(store, &m.iso3)?;
        let prior = law_history(&history, &m.iso3, &events).before(year);
        for (level, mode) in [(&mut b, Mode::Stated), (&mut c, Mode::Blind)] {
            let input = AssessmentInput {
                country: CountryRef { iso3: m.iso3.clone(), name: m.country.clone() },
                report_year: year,
                findings: findings(&d.facts, year, mode),
                history: prior.clone(),
                overrides: vec![],
            };
            let result = assess(&input, law);
            level.add(key, official, result.outcome.tier(), || result.reasons.iter().map(|r| format!("{}: {}", r.rule, r.summary)).collect());
        }
        let previous = prior.tiers.get(&ReportYear(year.get() - 1)).copied();
        if previous.is_none() {
            no_previous += 1;
        }
        persistence.add(key, official, previous, || vec![format!("previous report: {}", previous.map(|t| t.label()).unwrap_or("unknown"))]);
    }
    // Majority class, counted over the same narratives.
    let mut counts: BTreeMap<Tier, usize> = BTreeMap::new();
    for (_, t) in &official_tiers {
        *counts.entry(*t).or_default() += 1;
    }
    let majority_tier = counts.iter().max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t))).map(|(t, _)| *t);
    let mut majority = Level::new("majority", "baseline: always the most common official tier");
    for (i, official) in &official_tiers {
        let m = &docs[*i].document.metadata;
        let key = (m.country.as_str(), m.iso3.as_str(), m.report_year.map(|y| y.get()).unwrap_or_default());
        majority.add(key, *official, majority_tier, || vec![format!("always {}", majority_tier.map(|t| t.label()).unwrap_or("-"))]);
    }
    let mut notes = vec![];
    if no_previous > 0 {
        notes.push(format!("{no_previous} narratives have no known tier for the previous report; the persistence baseline counts them as misses"));
    }
    Ok(TierEvalReport {
        narratives: docs.len(),
        skipped_without_official_tier: skipped,
        levels: vec![a.finish(), b.finish(), c.finish()],
        baselines: vec![majority.finish(), persistence.finish()],
        notes,
    })
}

impl TierEvalReport {
    /// A plain-text rendering: the figures, confusion matrices, then every disagreement.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("tier evaluation over {} narratives ({} without an official tier skipped)\n\n", self.narratives, self.skipped_without_official_tier.len()));
        out.push_str(&format!("{:<12} {:>5} {:>8} {:>11}  {}\n", "LEVEL", "N", "EXACT", "WITHIN-ONE", "WHAT"));
        for l in self.levels.iter().chain(&self.baselines) {
            out.push_str(&format!("{:<12} {:>5} {:>7.1}% {:>10.1}%  {}\n", l.level, l.n, 100.0 * l.exact_rate, 100.0 * l.within_one_rate, l.description));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        for l in self.levels.iter().chain(&self.baselines) {
            out.push_str(&format!("\n== {} ({}): confusion, official -> predicted\n", l.level, l.description));
            for (official, row) in &l.confusion {
                let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}: {n}")).collect();
                out.push_str(&format!("  {official:<18} {}\n", cells.join(", ")));
            }
        }
        for l in &self.levels {
            if l.disagreements.is_empty() {
                continue;
            }
            out.push_str(&format!("\n== {} disagreements ({})\n", l.level, l.disagreements.len()));
            for d in &l.disagreements {
                out.push_str(&format!(
                    "  {} {}: official {}, predicted {}\n",
                    d.country,
                    d.report_year,
                    d.official.label(),
                    d.predicted.map(|t| t.label()).unwrap_or("undetermined")
                ));
                for r in &d.reasons {
                    out.push_str(&format!("      {r}\n"));
                }
            }
        }
        out
    }
}
