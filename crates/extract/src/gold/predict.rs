//! Document-level values read off a document's facts, in the shape of a gold file (or taken
//! from a second annotator's gold file, for an agreement study).

use std::collections::{BTreeMap, BTreeSet};

use tierwatch_model::{Fact, FactKind, FactValue, PenaltyMax, Period};

use super::GoldDoc;

/// What the facts of one document say, field by field (with the quote behind each).
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub tier: Option<(String, String)>,
    pub movement: Option<(String, String)>,
    pub consecutive_years: Option<(u32, String)>,
    pub waiver: Option<String>,
    pub auto_downgrade: Option<String>,
    pub roles: BTreeSet<String>,
    pub forms: BTreeMap<String, String>,
    /// (kind code, value) -> periods and the first quote.
    pub counts: BTreeMap<(String, i64), (Vec<Period>, String)>,
    pub penalty: Option<(Option<f64>, Option<PenaltyMax>, String)>,
    pub recommendations: Option<u32>,
    pub complicity: Option<String>,
}

/// Read document-level values off facts (the highest-confidence, earliest fact wins).
pub fn predict(facts: &[Fact]) -> Predicted {
    let mut p = Predicted::default();
    let best = |kind: FactKind| {
        facts
            .iter()
            .filter(|f| f.kind == kind)
            .fold(None::<&Fact>, |acc, f| match acc {
                Some(a) if a.confidence >= f.confidence => Some(a),
                _ => Some(f),
            })
    };
    let quote = |f: &Fact| f.provenance.quote.clone();
    p.tier = best(FactKind::Tier).and_then(|f| f.value.as_text().map(|v| (v.to_string(), quote(f))));
    p.movement = best(FactKind::TierMovement).and_then(|f| f.value.as_text().map(|v| (v.to_string(), quote(f))));
    p.consecutive_years =
        best(FactKind::WatchListConsecutiveYears).and_then(|f| f.value.as_int().map(|v| (v as u32, quote(f))));
    p.waiver = facts.iter().find(|f| f.kind == FactKind::Waiver && f.value.as_bool() == Some(true)).map(quote);
    p.auto_downgrade =
        facts.iter().find(|f| f.kind == FactKind::AutoDowngrade && f.value.as_bool() == Some(true)).map(quote);
    for f in facts {
        match (f.kind, &f.value) {
            (FactKind::Role, FactValue::Text(v)) => {
                p.roles.insert(v.clone());
            }
            (FactKind::Form, FactValue::Text(v)) => {
                p.forms.entry(v.clone()).or_insert_with(|| quote(f));
            }
            (k, FactValue::Int(v)) if k.is_count() => {
                let e = p.counts.entry((k.code(), *v)).or_insert_with(|| (Vec::new(), quote(f)));
                if !e.0.contains(&f.period) {
                    e.0.push(f.period);
                }
            }
            _ => {}
        }
    }
    p.penalty = facts
        .iter()
        .find(|f| f.kind == FactKind::Penalty && f.scope.as_deref() == Some("main"))
        .and_then(|f| match f.value {
            FactValue::Penalty { min, max } => Some((min, max, quote(f))),
            _ => None,
        });
    let recs = facts.iter().filter(|f| f.kind == FactKind::Recommendation).count() as u32;
    p.recommendations = (recs > 0).then_some(recs);
    p.complicity = facts
        .iter()
        .find(|f| f.kind == FactKind::OfficialComplicity && f.value.as_bool() == Some(true))
        .map(quote);
    p
}

impl Predicted {
    /// A second annotator's file read as if it were predictions, so that [`super::score_predicted`]
    /// measures how far two annotators agree with the same figures as extraction. A field
    /// the file leaves out reads as "none" (the reference's layout decides what is scored).
    pub fn from_gold(g: &GoldDoc) -> Predicted {
        Predicted {
            tier: g.tier.clone().map(|t| (t, String::new())),
            movement: g.tier_movement.clone().map(|m| (m, String::new())),
            consecutive_years: g.watch_list.consecutive_years.map(|y| (y, String::new())),
            waiver: (g.watch_list.waiver == Some(true)).then(String::new),
            auto_downgrade: (g.watch_list.auto_downgrade == Some(true)).then(String::new),
            roles: g.roles.iter().flatten().cloned().collect(),
            forms: g.forms.iter().flatten().map(|f| (f.clone(), String::new())).collect(),
            counts: gold_counts(g),
            penalty: g.penalty_years.clone().flatten().map(|x| (x.min, x.max, x.quote)),
            recommendations: g.recommendations.flatten(),
            complicity: (g.official_complicity == Some(true)).then(String::new),
        }
    }
}

/// A gold file's counts as distinct (kind, value) pairs, each with its periods and first
/// quote: the shape [`Predicted::counts`] has, and what the scorer compares it with.
pub(super) fn gold_counts(g: &GoldDoc) -> BTreeMap<(String, i64), (Vec<Period>, String)> {
    let mut counts: BTreeMap<(String, i64), (Vec<Period>, String)> = BTreeMap::new();
    for c in &g.counts {
        let e = counts.entry((c.kind.clone(), c.value)).or_insert_with(|| (Vec::new(), c.quote.clone()));
        if !e.0.contains(&c.period) {
            e.0.push(c.period);
        }
    }
    counts
}
