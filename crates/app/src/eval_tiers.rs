//! `eval tiers`: how well tiers are reproduced over every stored narrative with a ranked
//! official tier, at three levels and against three baselines, in one run.
//!
//! - A: the tier the text states (intro sentences; the heading where the intro names none).
//! - B: the engine from the intro's stated findings plus history rules; nothing derived from
//!   the heading line (`assess::without_heading`).
//! - C: the tier estimate from the evidence (`estimate`): a cumulative-logit model over blind
//!   findings and history, statutory rules on top. Every C figure is **out of sample**: each
//!   narrative is scored by the model fitted on the other folds (by country); the in-sample
//!   figures of the model fitted on all narratives are printed beside, labelled.
//! - Baselines, cross-validated the same way: `majority` (the training folds' most common tier,
//!   with their class frequencies as probabilities), `persistence` (the previous tier, the
//!   majority where there is none; probabilities are the training folds' transition
//!   frequencies P(tier | previous tier), add-one smoothed) and `history` (the same model as C
//!   fitted on the previous tier and the watch-list run only).
//!
//! Probabilistic scores: log loss (mean −ln P(official), P floored at [`FLOOR`]) and Brier score
//! (mean squared error over the four ranked tiers). Special Case narratives are left out (no
//! ranked tier to predict) and listed.

use crate::assess::{findings, without_heading, Mode};
use crate::estimate::{self, fold_of, Row, FOLDS, L2};
use crate::AppError;
use serde::Serialize;
use std::collections::BTreeMap;
use tierwatch_law::estimate::{class_of, Coefficient, Estimate, FeatureSet, TierModel, CLASSES};
use tierwatch_law::{assess, AssessmentInput, Law};
use tierwatch_model::{FactKind, SectionKind, Tier};
use tierwatch_store::Store;

/// Probabilities below this count as this in log loss.
pub const FLOOR: f64 = 1e-3;

/// One narrative's prediction that disagrees with the official tier.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub country: String,
    pub iso3: String,
    pub report_year: u16,
    pub official: Tier,
    pub predicted: Option<Tier>,
    /// The predictor's probability of the official tier, where it gives probabilities.
    pub probability_official: Option<f64>,
    /// The rules, or the strongest evidence, behind the prediction.
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
    /// Out of sample where the predictor is fitted (C, majority, persistence, history).
    pub exact_rate: f64,
    pub within_one_rate: f64,
    /// Mean −ln P(official); None for predictors without probabilities.
    pub log_loss: Option<f64>,
    pub brier: Option<f64>,
    /// The same figures for the predictor fitted on every narrative and scored on them (in sample).
    pub in_sample_exact_rate: Option<f64>,
    pub in_sample_within_one_rate: Option<f64>,
    pub in_sample_log_loss: Option<f64>,
    pub in_sample_brier: Option<f64>,
    /// official tier code -> predicted tier code ("undetermined" when none) -> count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub disagreements: Vec<Disagreement>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TierEvalReport {
    pub narratives: usize,
    pub skipped_without_official_tier: Vec<String>,
    pub special_case_excluded: Vec<String>,
    pub folds: usize,
    pub l2: f64,
    pub levels: Vec<LevelReport>,
    pub baselines: Vec<LevelReport>,
    /// C's model fitted on every narrative, coefficients by weight (in sample; + toward Tier 1).
    pub coefficients: Vec<Coefficient>,
    /// That model, as `--fit` writes it.
    #[serde(skip)]
    pub model: TierModel,
    pub notes: Vec<String>,
}

/// Running totals of one predictor.
struct Scorer {
    report: LevelReport,
    ll: f64,
    brier: f64,
    probabilistic: bool,
}

/// Scores of one pass (exact, within one, log loss, Brier) without the details.
#[derive(Default)]
struct Summary {
    n: usize,
    exact: usize,
    within: usize,
    ll: f64,
    brier: f64,
}

impl Summary {
    fn add(&mut self, official: Tier, predicted: Option<Tier>, probs: Option<&[f64]>) {
        self.n += 1;
        if predicted == Some(official) {
            self.exact += 1;
        }
        if within_one(official, predicted) {
            self.within += 1;
        }
        if let Some(p) = probs {
            let (ll, b) = prob_scores(official, p);
            self.ll += ll;
            self.brier += b;
        }
    }
    fn rates(&self) -> (f64, f64, f64, f64) {
        let n = self.n.max(1) as f64;
        (self.exact as f64 / n, self.within as f64 / n, self.ll / n, self.brier / n)
    }
}

fn within_one(official: Tier, predicted: Option<Tier>) -> bool {
    match (official.ordinal(), predicted.and_then(Tier::ordinal)) {
        (Some(a), Some(b)) => a.abs_diff(b) <= 1,
        _ => false,
    }
}

/// (−ln P(official) floored, Brier over the classes) for probabilities over [`CLASSES`].
fn prob_scores(official: Tier, probs: &[f64]) -> (f64, f64) {
    let k = class_of(official).expect("ranked");
    let ll = -probs[k].max(FLOOR).ln();
    let b = probs.iter().enumerate().map(|(i, p)| (p - if i == k { 1.0 } else { 0.0 }).powi(2)).sum();
    (ll, b)
}

impl Scorer {
    fn new(level: &str, description: &str, probabilistic: bool) -> Scorer {
        Scorer {
            report: LevelReport {
                level: level.into(),
                description: description.into(),
                n: 0,
                exact: 0,
                within_one: 0,
                exact_rate: 0.0,
                within_one_rate: 0.0,
                log_loss: None,
                brier: None,
                in_sample_exact_rate: None,
                in_sample_within_one_rate: None,
                in_sample_log_loss: None,
                in_sample_brier: None,
                confusion: BTreeMap::new(),
                disagreements: vec![],
            },
            ll: 0.0,
            brier: 0.0,
            probabilistic,
        }
    }

    fn add(&mut self, row: &Row, predicted: Option<Tier>, probs: Option<&[f64]>, reasons: impl FnOnce() -> Vec<String>) {
        let official = row.official;
        let r = &mut self.report;
        r.n += 1;
        let code = predicted.map(|t| t.code()).unwrap_or("undetermined");
        *r.confusion.entry(official.code().into()).or_default().entry(code.into()).or_default() += 1;
        if let Some(p) = probs {
            let (ll, b) = prob_scores(official, p);
            self.ll += ll;
            self.brier += b;
        }
        if within_one(official, predicted) {
            r.within_one += 1;
        }
        if predicted == Some(official) {
            r.exact += 1;
            return;
        }
        r.disagreements.push(Disagreement {
            country: row.country.clone(),
            iso3: row.iso3.clone(),
            report_year: row.year,
            official,
            predicted,
            probability_official: probs.map(|p| p[class_of(official).unwrap()]),
            reasons: reasons(),
        });
    }

    fn finish(mut self, in_sample: Option<Summary>) -> LevelReport {
        let n = self.report.n.max(1) as f64;
        self.report.exact_rate = self.report.exact as f64 / n;
        self.report.within_one_rate = self.report.within_one as f64 / n;
        if self.probabilistic {
            self.report.log_loss = Some(self.ll / n);
            self.report.brier = Some(self.brier / n);
        }
        if let Some(s) = in_sample {
            let (e, w, ll, b) = s.rates();
            self.report.in_sample_exact_rate = Some(e);
            self.report.in_sample_within_one_rate = Some(w);
            if self.probabilistic {
                self.report.in_sample_log_loss = Some(ll);
                self.report.in_sample_brier = Some(b);
            }
        }
        // Most confident misses first where there are probabilities; then by country.
        self.report.disagreements.sort_by(|a, b| {
            a.probability_official.unwrap_or(1.0).total_cmp(&b.probability_official.unwrap_or(1.0)).then_with(|| (&a.country, a.report_year).cmp(&(&b.country, b.report_year)))
        });
        self.report
    }
}

/// The strongest reasons of an estimate, as lines.
pub fn estimate_reasons(e: &Estimate, n: usize) -> Vec<String> {
    let odds: Vec<String> = e.probabilities.iter().map(|p| format!("{} {:.0}%", p.tier.label(), 100.0 * p.probability)).collect();
    let mut out = vec![format!("odds: {}", odds.join(", "))];
    out.extend(e.contributions.iter().take(n).map(|c| format!("{:+.2} {}", c.effect, c.what)));
    out.extend(e.statutory.iter().map(|r| format!("{}: {}", r.rule, r.summary)));
    out
}

/// Probabilities over [`CLASSES`] of an estimate.
pub fn class_probs(e: &Estimate) -> Vec<f64> {
    CLASSES.iter().map(|t| e.probability(*t)).collect()
}

/// Class frequencies and transition frequencies P(tier | previous tier), add-one smoothed.
struct Frequencies {
    classes: Vec<f64>,
    transitions: BTreeMap<usize, Vec<f64>>,
    majority: usize,
}

fn previous_class(r: &Row) -> Option<usize> {
    r.input.history.tiers.get(&r.input.report_year.previous()).copied().and_then(class_of)
}

impl Frequencies {
    fn fit(rows: &[&Row]) -> Frequencies {
        let k = CLASSES.len();
        let mut classes = vec![1.0; k];
        let mut transitions: BTreeMap<usize, Vec<f64>> = (0..k).map(|c| (c, vec![1.0; k])).collect();
        for r in rows {
            let c = class_of(r.official).unwrap();
            classes[c] += 1.0;
            if let Some(p) = previous_class(r) {
                transitions.get_mut(&p).unwrap()[c] += 1.0;
            }
        }
        let norm = |v: &mut Vec<f64>| {
            let s: f64 = v.iter().sum();
            v.iter_mut().for_each(|x| *x /= s);
        };
        let majority = tierwatch_law::estimate::argmax(&classes);
        norm(&mut classes);
        transitions.values_mut().for_each(norm);
        Frequencies { classes, transitions, majority }
    }
}

/// Evaluate every stored narrative; `fitted_date` stamps the model fitted on all of them.
pub fn eval_tiers(store: &Store, law: &Law, fitted_date: &str) -> Result<TierEvalReport, AppError> {
    let data = estimate::rows(store)?;
    let rows = &data.rows;
    let mut a = Scorer::new("A", "the tier the text states", false);
    let mut b = Scorer::new("B", "engine: the intro's stated findings + history rules (nothing from the heading)", false);
    let mut c = Scorer::new("C", "estimate from the evidence (cumulative logit + statutory rules), cross-validated by country", true);
    let mut majority = Scorer::new("majority", "baseline: the training folds' most common tier", true);
    let mut persistence = Scorer::new("persistence", "baseline: the previous tier (majority where none); P = transition frequencies", true);
    let mut hist = Scorer::new("history", "baseline: the same model on previous tier and watch-list run only", true);

    let c_oos = estimate::cross_validate(rows, law, FeatureSet::Evidence);
    let h_oos = estimate::cross_validate(rows, law, FeatureSet::History);
    let model = estimate::fit_all(rows, law, FeatureSet::Evidence, fitted_date);
    let history_model = estimate::fit_all(rows, law, FeatureSet::History, fitted_date);
    let c_in = estimate::in_sample(rows, law, &model);
    let h_in = estimate::in_sample(rows, law, &history_model);
    let folds: Vec<Frequencies> = (0..FOLDS)
        .map(|f| Frequencies::fit(&rows.iter().filter(|r| fold_of(&r.iso3) != f).collect::<Vec<_>>()))
        .collect();
    let all = Frequencies::fit(&rows.iter().collect::<Vec<_>>());
    let (mut c_is, mut h_is, mut m_is, mut p_is) = (Summary::default(), Summary::default(), Summary::default(), Summary::default());
    let mut no_previous = 0;

    for (i, row) in rows.iter().enumerate() {
        let year = row.input.report_year;
        // A: intro statements first, then the heading.
        let in_heading = |f: &tierwatch_model::Fact| f.provenance.section == Some(SectionKind::Heading);
        let stated = row
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Tier)
            .min_by_key(|f| (in_heading(f), f.provenance.range.start))
            .and_then(|f| f.value.as_text().and_then(Tier::parse));
        a.add(row, stated, None, || vec!["tier statements in the text disagree with the official tier".into()]);
        // B: the intro's stated findings, no heading.
        let input = AssessmentInput { findings: findings(&without_heading(&row.facts), year, Mode::Stated), ..row.input.clone() };
        let result = assess(&input, law);
        b.add(row, result.outcome.tier(), None, || result.reasons.iter().map(|r| format!("{}: {}", r.rule, r.summary)).collect());
        // C and the history model.
        let (e, eh) = (&c_oos[i], &h_oos[i]);
        c.add(row, Some(e.tier), Some(&class_probs(e)), || estimate_reasons(e, 4));
        hist.add(row, Some(eh.tier), Some(&class_probs(eh)), || estimate_reasons(eh, 2));
        c_is.add(row.official, Some(c_in[i].tier), Some(&class_probs(&c_in[i])));
        h_is.add(row.official, Some(h_in[i].tier), Some(&class_probs(&h_in[i])));
        // Frequency baselines.
        let fr = &folds[fold_of(&row.iso3)];
        let m_tier = CLASSES[fr.majority];
        majority.add(row, Some(m_tier), Some(&fr.classes), || vec![format!("always {}", m_tier.label())]);
        m_is.add(row.official, Some(CLASSES[all.majority]), Some(&all.classes));
        let prev = previous_class(row);
        if prev.is_none() {
            no_previous += 1;
        }
        let (p_tier, p_probs) = match prev {
            Some(p) => (CLASSES[p], fr.transitions[&p].clone()),
            None => (m_tier, fr.classes.clone()),
        };
        persistence.add(row, Some(p_tier), Some(&p_probs), || vec![format!("previous report: {}", prev.map(|p| CLASSES[p].label()).unwrap_or("unknown (majority)"))]);
        let (pa_tier, pa_probs) = match prev {
            Some(p) => (CLASSES[p], all.transitions[&p].clone()),
            None => (CLASSES[all.majority], all.classes.clone()),
        };
        p_is.add(row.official, Some(pa_tier), Some(&pa_probs));
    }
    let mut notes = vec![
        format!("C, majority, persistence and history are cross-validated: {FOLDS} folds by a hash of the ISO3 code, so no narrative is scored by a model fitted on its country; in-sample figures (fitted and scored on all {} narratives) are labelled as such", rows.len()),
        format!("log loss floors probabilities at {FLOOR}; L2 penalty {L2} on coefficients, fixed in advance"),
    ];
    if no_previous > 0 {
        notes.push(format!("{no_previous} narratives have no ranked tier for the previous report; persistence predicts the majority tier for them"));
    }
    if !data.special_case.is_empty() {
        notes.push(format!("{} Special Case narratives are left out: {}", data.special_case.len(), data.special_case.join(", ")));
    }
    let mut coefficients = model.coefficients.clone();
    coefficients.sort_by(|x, y| y.weight.abs().total_cmp(&x.weight.abs()).then_with(|| x.feature.cmp(&y.feature)));
    Ok(TierEvalReport {
        narratives: rows.len() + data.special_case.len() + data.without_official_tier.len(),
        skipped_without_official_tier: data.without_official_tier,
        special_case_excluded: data.special_case,
        folds: FOLDS,
        l2: L2,
        levels: vec![a.finish(None), b.finish(None), c.finish(Some(c_is))],
        baselines: vec![majority.finish(Some(m_is)), persistence.finish(Some(p_is)), hist.finish(Some(h_is))],
        coefficients,
        model,
        notes,
    })
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}%", 100.0 * x)).unwrap_or_else(|| "-".into())
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
}

impl TierEvalReport {
    /// A plain-text rendering: the figures, coefficients, confusion matrices, every disagreement.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "tier evaluation over {} narratives ({} without an official tier skipped, {} Special Case left out)\n\n",
            self.narratives,
            self.skipped_without_official_tier.len(),
            self.special_case_excluded.len()
        ));
        out.push_str("out of sample (cross-validated by country) where a predictor is fitted:\n");
        out.push_str(&format!("{:<12} {:>5} {:>8} {:>11} {:>9} {:>7}  {}\n", "LEVEL", "N", "EXACT", "WITHIN-ONE", "LOG-LOSS", "BRIER", "WHAT"));
        for l in self.levels.iter().chain(&self.baselines) {
            out.push_str(&format!(
                "{:<12} {:>5} {:>7.1}% {:>10.1}% {:>9} {:>7}  {}\n",
                l.level, l.n, 100.0 * l.exact_rate, 100.0 * l.within_one_rate, num(l.log_loss), num(l.brier), l.description
            ));
        }
        out.push_str("\nin sample (fitted on all narratives and scored on them; not a measure of prediction):\n");
        for l in self.levels.iter().chain(&self.baselines).filter(|l| l.in_sample_exact_rate.is_some()) {
            out.push_str(&format!(
                "{:<12} {:>5} {:>8} {:>11} {:>9} {:>7}\n",
                l.level,
                l.n,
                pct(l.in_sample_exact_rate),
                pct(l.in_sample_within_one_rate),
                num(l.in_sample_log_loss),
                num(l.in_sample_brier)
            ));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        out.push_str("\n== C's coefficients, fitted on all narratives (in sample; + toward Tier 1, − toward Tier 3)\n");
        for c in &self.coefficients {
            out.push_str(&format!("  {:+.3}  {}\n", c.weight, c.feature));
        }
        for l in self.levels.iter().chain(&self.baselines) {
            out.push_str(&format!("\n== {} ({}): confusion, official -> predicted\n", l.level, l.description));
            for (official, row) in &l.confusion {
                let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}: {n}")).collect();
                out.push_str(&format!("  {official:<18} {}\n", cells.join(", ")));
            }
        }
        for l in self.levels.iter().chain(&self.baselines) {
            if l.disagreements.is_empty() {
                continue;
            }
            out.push_str(&format!("\n== {} disagreements ({})\n", l.level, l.disagreements.len()));
            for d in &l.disagreements {
                let p = d.probability_official.map(|p| format!(" (P(official) {:.0}%)", 100.0 * p)).unwrap_or_default();
                out.push_str(&format!(
                    "  {} {}: official {}, predicted {}{p}\n",
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
