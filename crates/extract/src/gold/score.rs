//! Scoring extracted facts (or a second annotator's gold) against gold documents, field by
//! field.

use std::collections::BTreeSet;

use tierwatch_model::{Fact, PenaltyMax, Period};

use super::predict::{gold_counts, predict, Predicted};
use super::report::{ErrorItem, ExtractionReport};
use super::GoldDoc;
use crate::forms::VOCABULARY;

fn err(doc: &GoldDoc, field: &str, error: &str, expected: String, got: String, quote: &str) -> ErrorItem {
    ErrorItem {
        document: doc.document.clone(),
        field: field.into(),
        error: error.into(),
        expected,
        got,
        quote: quote.to_string(),
    }
}

fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_else(|| "null".into())
}

fn period(p: &Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::ReportingPeriod => "reporting_period".into(),
        Period::PreviousPeriod => "previous_period".into(),
        Period::Unknown => "null".into(),
    }
}

fn max_str(m: &Option<PenaltyMax>) -> String {
    match m {
        Some(PenaltyMax::Years(y)) => y.to_string(),
        Some(PenaltyMax::Life) => "life".into(),
        None => "null".into(),
    }
}

fn same_max(a: &Option<PenaltyMax>, b: &Option<PenaltyMax>) -> bool {
    match (a, b) {
        (Some(PenaltyMax::Years(x)), Some(PenaltyMax::Years(y))) => (x - y).abs() < 1e-6,
        (Some(PenaltyMax::Life), Some(PenaltyMax::Life)) | (None, None) => true,
        _ => false,
    }
}

/// Score every (gold document, extracted facts) pair.
pub fn score(pairs: &[(GoldDoc, Vec<Fact>)]) -> ExtractionReport {
    let predicted: Vec<(&GoldDoc, Predicted)> = pairs.iter().map(|(g, facts)| (g, predict(facts))).collect();
    score_predicted(&predicted)
}

/// Score document-level values against gold, field by field: what [`score`] does after
/// reading the facts, and what an agreement study does with a second annotator's files
/// ([`Predicted::from_gold`]).
pub fn score_predicted(pairs: &[(&GoldDoc, Predicted)]) -> ExtractionReport {
    let mut r = ExtractionReport { documents: pairs.len(), ..Default::default() };
    for &(g, ref p) in pairs {
        let errors = &mut r.errors;

        // tier and movement
        let got = p.tier.as_ref().map(|t| t.0.clone());
        let ok = got == g.tier;
        r.tier.add(ok);
        if !ok {
            errors.push(err(g, "tier", "wrong", opt(&g.tier), opt(&got), p.tier.as_ref().map(|t| t.1.as_str()).unwrap_or("")));
        }
        let got = p.movement.as_ref().map(|t| t.0.clone());
        let ok = got == g.tier_movement;
        r.movement.add(ok);
        if !ok {
            errors.push(err(g, "tier_movement", "wrong", opt(&g.tier_movement), opt(&got), p.movement.as_ref().map(|t| t.1.as_str()).unwrap_or("")));
        }

        // watch list
        let got = p.consecutive_years.as_ref().map(|c| c.0);
        let ok = got == g.watch_list.consecutive_years;
        r.watch_list_consecutive_years.add(ok);
        if !ok {
            let q = p.consecutive_years.as_ref().map(|c| c.1.as_str()).unwrap_or("");
            errors.push(err(g, "watch_list.consecutive_years", "wrong", opt(&g.watch_list.consecutive_years), opt(&got), q));
        }
        for (field, gold, got, acc) in [
            ("watch_list.waiver", g.watch_list.waiver, &p.waiver, &mut r.watch_list_waiver),
            ("watch_list.auto_downgrade", g.watch_list.auto_downgrade, &p.auto_downgrade, &mut r.watch_list_auto_downgrade),
        ] {
            let Some(gold) = gold else { continue };
            let ok = gold == got.is_some();
            acc.add(ok);
            if !ok {
                errors.push(err(g, field, "wrong", gold.to_string(), got.is_some().to_string(), got.as_deref().unwrap_or("")));
            }
        }

        // roles: exact set
        if let Some(roles) = &g.roles {
            let gold_roles: BTreeSet<String> = roles.iter().cloned().collect();
            let ok = gold_roles == p.roles;
            r.roles.add(ok);
            if !ok {
                errors.push(err(g, "roles", "wrong", format!("{gold_roles:?}"), format!("{:?}", p.roles), ""));
            }
        }

        // forms: micro P/R over the gold vocabulary
        if let Some(forms) = &g.forms {
            let gold_forms: BTreeSet<&str> = forms.iter().map(String::as_str).collect();
            for (form, quote) in &p.forms {
                if !VOCABULARY.contains(&form.as_str()) {
                    continue;
                }
                if gold_forms.contains(form.as_str()) {
                    r.forms.true_positives += 1;
                } else {
                    r.forms.false_positives += 1;
                    errors.push(err(g, "forms", "false_positive", String::new(), form.clone(), quote));
                }
            }
            for form in &gold_forms {
                if !p.forms.contains_key(*form) {
                    r.forms.false_negatives += 1;
                    errors.push(err(g, "forms", "miss", form.to_string(), String::new(), ""));
                }
            }
        }

        // counts: distinct (kind, value) pairs
        let gold_pairs = gold_counts(g);
        for (key, (periods, quote)) in &p.counts {
            match gold_pairs.get(key) {
                Some((gold_periods, _)) => {
                    r.counts.prf.true_positives += 1;
                    let ok = periods.iter().any(|x| gold_periods.contains(x));
                    r.counts.period.add(ok);
                    let k = r.counts.by_kind.entry(key.0.clone()).or_default();
                    k.prf.true_positives += 1;
                    k.period.add(ok);
                    if !ok {
                        errors.push(err(
                            g,
                            &format!("counts.{}.period", key.0),
                            "wrong",
                            gold_periods.iter().map(period).collect::<Vec<_>>().join("|"),
                            periods.iter().map(period).collect::<Vec<_>>().join("|"),
                            quote,
                        ));
                    }
                }
                None => {
                    r.counts.prf.false_positives += 1;
                    r.counts.by_kind.entry(key.0.clone()).or_default().prf.false_positives += 1;
                    errors.push(err(g, &format!("counts.{}", key.0), "false_positive", String::new(), key.1.to_string(), quote));
                }
            }
        }
        for (key, (_, quote)) in &gold_pairs {
            if !p.counts.contains_key(key) {
                r.counts.prf.false_negatives += 1;
                r.counts.by_kind.entry(key.0.clone()).or_default().prf.false_negatives += 1;
                errors.push(err(g, &format!("counts.{}", key.0), "miss", key.1.to_string(), String::new(), quote));
            }
        }

        // penalty: min and max of the main statement
        if let Some(gold) = &g.penalty_years {
            let ok = match (gold, &p.penalty) {
                (None, None) => true,
                (Some(gp), Some((min, max, _))) => {
                    let min_ok = match (gp.min, min) {
                        (None, None) => true,
                        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
                        _ => false,
                    };
                    min_ok && same_max(&gp.max, max)
                }
                _ => false,
            };
            r.penalty.add(ok);
            if !ok {
                let expected = gold.as_ref().map(|x| format!("{}-{}", opt(&x.min), max_str(&x.max))).unwrap_or("null".into());
                let got = p.penalty.as_ref().map(|x| format!("{}-{}", opt(&x.0), max_str(&x.1))).unwrap_or("null".into());
                let quote = p.penalty.as_ref().map(|x| x.2.clone()).or(gold.as_ref().map(|x| x.quote.clone())).unwrap_or_default();
                errors.push(err(g, "penalty_years", "wrong", expected, got, &quote));
            }
        }

        // recommendations count
        if let Some(gold) = g.recommendations {
            let ok = p.recommendations == gold;
            r.recommendations.add(ok);
            if !ok {
                errors.push(err(g, "recommendations", "wrong", opt(&gold), opt(&p.recommendations), ""));
            }
        }

        // complicity
        if let Some(gold) = g.official_complicity {
            let got = p.complicity.is_some();
            let ok = got == gold;
            r.complicity.add(ok);
            if !ok {
                errors.push(err(g, "official_complicity", "wrong", gold.to_string(), got.to_string(), p.complicity.as_deref().unwrap_or("")));
            }
        }
    }
    r.forms.finish();
    r.counts.prf.finish();
    for k in r.counts.by_kind.values_mut() {
        k.prf.finish();
    }
    r
}
