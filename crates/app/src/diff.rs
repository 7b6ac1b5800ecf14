//! What changed in a country's narrative between two report years: tier, facts (added,
//! removed, changed, each with its quote) and a sentence-level text diff per section.
//!
//! Pure over two stored narratives. Facts are matched by a slot key: (kind, period
//! normalised to the report year, scope, unit), plus the value for kinds that list things
//! (roles, forms, flows, groups, laws, recommendations, watch-list bases, penalty
//! judgments). A slot with exactly one distinct value on each side that differ is
//! **changed** (convictions 12 -> 4); otherwise values only in the older narrative are
//! **removed** and values only in the newer one **added**. Periods are normalised so that
//! "in 2006" in the 2007 report and "in 2017" in the 2018 report are both the reporting
//! period (report year − 1), and report year − 2 is the previous period.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tierwatch_model::{Fact, FactKind, Period, SectionKind, TextRange, Tier};
use tierwatch_store::StoredDocument;

/// A fact as the diff shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRef {
    pub kind: FactKind,
    /// The normalised period: a year, "reporting_period", "previous_period" or null.
    pub period: Period,
    pub scope: Option<String>,
    pub unit: Option<String>,
    pub value: String,
    pub quote: String,
    pub range: TextRange,
    pub section: Option<SectionKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactChange {
    pub from: FactRef,
    pub to: FactRef,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FactDiff {
    pub added: Vec<FactRef>,
    pub removed: Vec<FactRef>,
    pub changed: Vec<FactChange>,
    /// Slots with the same value(s) in both years.
    pub unchanged: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierChange {
    pub from: Option<Tier>,
    pub to: Option<Tier>,
    /// upgraded | downgraded | unchanged | unknown
    pub movement: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Kept,
    Removed,
    Added,
}

/// One sentence of the text diff; `from` / `to` are ranges into the older / newer text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceOp {
    pub op: Op,
    pub from: Option<TextRange>,
    pub to: Option<TextRange>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    pub section: SectionKind,
    pub kept: usize,
    pub removed: usize,
    pub added: usize,
    pub ops: Vec<SentenceOp>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NarrativeDiff {
    pub country: String,
    pub iso3: String,
    pub from_year: u16,
    pub to_year: u16,
    pub from_document: String,
    pub to_document: String,
    pub tier: TierChange,
    pub facts: FactDiff,
    pub sections: Vec<SectionDiff>,
}

/// Kinds whose value is part of what they are (a list of things), not a measurement.
fn is_listing(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::Role
            | FactKind::Form
            | FactKind::Flow
            | FactKind::VulnerableGroup
            | FactKind::Law
            | FactKind::Recommendation
            | FactKind::WatchListBasis
            | FactKind::PenaltyJudgment
    )
}

/// A period relative to the report year: year − 1 is the reporting period, year − 2 the previous one.
pub fn normalize_period(period: Period, report_year: u16) -> Period {
    match period {
        Period::Year(y) if y + 1 == report_year => Period::ReportingPeriod,
        Period::Year(y) if y + 2 == report_year => Period::PreviousPeriod,
        p => p,
    }
}

type SlotKey = (FactKind, Period, Option<String>, Option<String>, Option<String>);

fn slots(doc: &StoredDocument) -> BTreeMap<SlotKey, Vec<FactRef>> {
    let year = doc.document.metadata.report_year.map(|y| y.get()).unwrap_or(0);
    let mut out: BTreeMap<SlotKey, Vec<FactRef>> = BTreeMap::new();
    for f in &doc.facts {
        let r = fact_ref(f, year);
        let listed = is_listing(f.kind).then(|| r.value.to_lowercase());
        let key = (f.kind, r.period, f.scope.clone(), f.unit.clone(), listed);
        let values = out.entry(key).or_default();
        // One representative (the first in text order) per distinct value.
        if !values.iter().any(|v| v.value == r.value) {
            values.push(r);
        }
    }
    out
}

fn fact_ref(f: &Fact, report_year: u16) -> FactRef {
    FactRef {
        kind: f.kind,
        period: normalize_period(f.period, report_year),
        scope: f.scope.clone(),
        unit: f.unit.clone(),
        value: f.value.render(),
        quote: f.provenance.quote.clone(),
        range: f.provenance.range,
        section: f.provenance.section,
    }
}

/// Facts added, removed and changed from `old` to `new`.
pub fn diff_facts(old: &StoredDocument, new: &StoredDocument) -> FactDiff {
    let (a, b) = (slots(old), slots(new));
    let keys: BTreeSet<&SlotKey> = a.keys().chain(b.keys()).collect();
    let mut out = FactDiff::default();
    for key in keys {
        let empty = Vec::new();
        let (va, vb) = (a.get(key).unwrap_or(&empty), b.get(key).unwrap_or(&empty));
        let set_a: BTreeSet<&str> = va.iter().map(|f| f.value.as_str()).collect();
        let set_b: BTreeSet<&str> = vb.iter().map(|f| f.value.as_str()).collect();
        if set_a == set_b {
            out.unchanged += 1;
        } else if va.len() == 1 && vb.len() == 1 {
            out.changed.push(FactChange { from: va[0].clone(), to: vb[0].clone() });
        } else {
            out.removed.extend(va.iter().filter(|f| !set_b.contains(f.value.as_str())).cloned());
            out.added.extend(vb.iter().filter(|f| !set_a.contains(f.value.as_str())).cloned());
        }
    }
    out
}

fn tier_change(old: &StoredDocument, new: &StoredDocument) -> TierChange {
    let tier_of = |d: &StoredDocument| {
        d.document.metadata.stated_tier.or_else(|| {
            d.facts.iter().find(|f| f.kind == FactKind::Tier).and_then(|f| f.value.as_text().and_then(Tier::parse))
        })
    };
    let (from, to) = (tier_of(old), tier_of(new));
    let movement = match (from.and_then(Tier::ordinal), to.and_then(Tier::ordinal)) {
        (Some(a), Some(b)) if a == b => "unchanged",
        (Some(a), Some(b)) if b < a => "upgraded",
        (Some(_), Some(_)) => "downgraded",
        _ if from.is_some() && from == to => "unchanged",
        _ => "unknown",
    };
    TierChange { from, to, movement }
}

/// Sentences compare equal when their words are (case and spacing ignored).
fn sentence_key(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn section_sentences(doc: &StoredDocument, kind: SectionKind) -> Vec<(TextRange, String)> {
    let text = &doc.document.text;
    doc.segmentation.sentences_in(kind).map(|s| (s.range, sentence_key(s.range.slice(text)))).collect()
}

/// Longest-common-subsequence diff of two sentence lists.
pub fn diff_sentences(a: &[(TextRange, String)], b: &[(TextRange, String)], a_text: &str, b_text: &str) -> Vec<SentenceOp> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i].1 == b[j].1 { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i].1 == b[j].1 {
            ops.push(SentenceOp { op: Op::Kept, from: Some(a[i].0), to: Some(b[j].0), text: b[j].0.slice(b_text).to_string() });
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(SentenceOp { op: Op::Added, from: None, to: Some(b[j].0), text: b[j].0.slice(b_text).to_string() });
            j += 1;
        } else {
            ops.push(SentenceOp { op: Op::Removed, from: Some(a[i].0), to: None, text: a[i].0.slice(a_text).to_string() });
            i += 1;
        }
    }
    ops
}

/// The whole comparison of two narratives of one country (older first).
pub fn diff(old: &StoredDocument, new: &StoredDocument) -> NarrativeDiff {
    let year = |d: &StoredDocument| d.document.metadata.report_year.map(|y| y.get()).unwrap_or(0);
    let mut kinds: Vec<SectionKind> = old.segmentation.kinds();
    for k in new.segmentation.kinds() {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds.sort();
    let sections = kinds
        .into_iter()
        .filter(|k| *k != SectionKind::Heading)
        .map(|kind| {
            let ops = diff_sentences(
                &section_sentences(old, kind),
                &section_sentences(new, kind),
                &old.document.text,
                &new.document.text,
            );
            let count = |op: Op| ops.iter().filter(|o| o.op == op).count();
            SectionDiff { section: kind, kept: count(Op::Kept), removed: count(Op::Removed), added: count(Op::Added), ops }
        })
        .collect();
    NarrativeDiff {
        country: new.document.metadata.country.clone(),
        iso3: new.document.metadata.iso3.clone(),
        from_year: year(old),
        to_year: year(new),
        from_document: old.document.id.0.clone(),
        to_document: new.document.id.0.clone(),
        tier: tier_change(old, new),
        facts: diff_facts(old, new),
        sections,
    }
}

/// `diff` over the store: a country's narratives of two report years (older first either way).
pub fn diff_stored(store: &tierwatch_store::Store, name: &str, year_a: u16, year_b: u16) -> Result<NarrativeDiff, crate::AppError> {
    let (y1, y2) = (year_a.min(year_b), year_a.max(year_b));
    let old = crate::lookup::narrative(store, name, y1)?;
    let new = crate::lookup::narrative(store, name, y2)?;
    Ok(diff(&old, &new))
}

#[cfg(test)]
mod tests;
