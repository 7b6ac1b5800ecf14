//! The re-runnable build of `data/tiers.csv` from the third-party reference folder.
//!
//! ```text
//! cargo run -p tierwatch-history --example build_tiers -- ../shared/reference data/tiers.csv
//! ```
//!
//! Inputs (paths relative to the reference folder), one source name each (see [`crate::sources`]):
//! - `andrewheiss__jk_misc/data/map_tiers.csv` and
//!   `andrewheiss__From-the-Trenches-Anti-TIP-NGOs-and-US/data/tip_tiers_orig.csv`: 2001-2015,
//!   kept as two sources so they cross-check each other (`heiss.rs`);
//! - `benjaminleroy__sure2018/data/country_summary_data.csv`: tier2002..tier2017 (`sure2018.rs`);
//! - `trex0092__HAWKEYE-STERLING-RA/derived/tip2025_tiers.csv`: the 2025 list (`hawkeye.rs`);
//! - `MilkMp__CIA-World-Factbooks-Archive-1990-2025/derived/factbook_trafficking_in_persons_2006_2025.csv`:
//!   Watch List / Tier 3 ratings with the TIP report year they quote (`factbook.rs`).
//!
//! Every country name goes through the [`CountryRegistry`]; names that do not resolve are
//! listed in the [`BuildReport`] (with how many values were lost), never guessed. Values a
//! source leaves empty ("NA") are counted in the report, not written. The output is sorted, so
//! two runs over the same folder give byte-identical files.

mod factbook;
mod hawkeye;
mod heiss;
mod sure2018;
mod table;

use crate::error::HistoryError;
use crate::history::TierHistory;
use crate::record::TierRecord;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use tierwatch_model::CountryRegistry;

/// A source name the registry does not know, and how many values it carried.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unresolved {
    pub source: String,
    pub name: String,
    pub values_lost: usize,
}

/// What the build did: records per source, what it skipped and why, names it could not
/// resolve, conflicts, and oddities noticed in the reference data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub records_by_source: BTreeMap<String, usize>,
    /// `"<source>: <reason>"` -> number of source values not written.
    pub skipped: BTreeMap<String, usize>,
    pub unresolved: Vec<Unresolved>,
    /// Country-years on which sources disagree.
    pub conflicts: usize,
    /// `(source a, source b)` -> country-years on which the two give different tiers.
    pub conflicts_by_pair: BTreeMap<(String, String), usize>,
    /// Oddities in the reference data, one sentence each, sorted.
    pub notes: Vec<String>,
}

/// Shared state of one build: the registry and the report being written.
pub(crate) struct Ctx<'a> {
    registry: &'a CountryRegistry,
    skipped: BTreeMap<String, usize>,
    unresolved: BTreeMap<(String, String), usize>,
    notes: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn skip(&mut self, source: &str, reason: &str) {
        *self
            .skipped
            .entry(format!("{source}: {reason}"))
            .or_insert(0) += 1;
    }

    fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Resolve the first usable name through the registry. `iso_hint` (the source's own code
    /// column) is used only when no name is usable, and a disagreement between the two is
    /// noted. Failures are recorded as unresolved with the number of values the row carried.
    fn resolve(
        &mut self,
        source: &str,
        names: &[&str],
        iso_hint: Option<&str>,
        values: usize,
    ) -> Option<String> {
        let usable = |s: &&str| !is_missing(s);
        let names: Vec<&str> = names.iter().copied().filter(usable).collect();
        let hint = iso_hint
            .filter(usable)
            .map(|s| s.trim().to_ascii_uppercase());
        for name in &names {
            if let Some(c) = self.registry.lookup(name) {
                if let Some(h) = &hint {
                    if *h != c.iso3 {
                        self.note(format!(
                            "{source}: name {name:?} resolves to {} but the row's code is {h}",
                            c.iso3
                        ));
                    }
                }
                return Some(c.iso3.clone());
            }
        }
        if let Some(c) = hint.as_deref().and_then(|h| self.registry.by_iso3(h)) {
            if !names.is_empty() {
                self.note(format!(
                    "{source}: name {:?} not in registry; used the row's code {}",
                    names[0], c.iso3
                ));
            }
            return Some(c.iso3.clone());
        }
        let shown = names
            .first()
            .map_or("(no name)".to_string(), |n| n.trim().to_string());
        *self
            .unresolved
            .entry((source.to_string(), shown))
            .or_insert(0) += values;
        None
    }

    /// Resolve by Correlates-of-War code when a row has neither name nor ISO3; only a code
    /// that names exactly one registry entry is used.
    fn resolve_cow(&mut self, source: &str, cow: &str) -> Option<String> {
        let code: u16 = cow.trim().parse().ok()?;
        let mut hits = self.registry.all().iter().filter(|c| c.cow == Some(code));
        let first = hits.next()?;
        if hits.next().is_some() {
            return None;
        }
        self.note(format!(
            "{source}: rows with name and ISO3 \"NA\" resolved by COW code {code} to {}",
            first.iso3
        ));
        Some(first.iso3.clone())
    }
}

/// "NA", "N/A" and blanks are missing values in these files ("-" is handled per source).
pub(crate) fn is_missing(s: &str) -> bool {
    matches!(s.trim(), "" | "NA" | "N/A")
}

/// Build the tier history from the reference folder (see the module docs for the inputs).
pub fn build_from_reference(
    reference_dir: &Path,
    registry: &CountryRegistry,
) -> Result<(TierHistory, BuildReport), HistoryError> {
    let mut ctx = Ctx {
        registry,
        skipped: BTreeMap::new(),
        unresolved: BTreeMap::new(),
        notes: Vec::new(),
    };
    let mut records: Vec<TierRecord> = Vec::new();
    records.extend(heiss::read_both(reference_dir, &mut ctx)?);
    records.extend(sure2018::read(reference_dir, &mut ctx)?);
    records.extend(hawkeye::read(reference_dir, &mut ctx)?);
    records.extend(factbook::read(reference_dir, &mut ctx)?);
    let history = TierHistory::from_records(records);

    let mut report = BuildReport {
        records_by_source: history
            .count_by_source()
            .into_iter()
            .map(|(s, n)| (s.to_string(), n))
            .collect(),
        skipped: ctx.skipped,
        unresolved: ctx
            .unresolved
            .into_iter()
            .map(|((source, name), values_lost)| Unresolved {
                source,
                name,
                values_lost,
            })
            .collect(),
        ..BuildReport::default()
    };
    for conflict in history.conflicts() {
        report.conflicts += 1;
        let values = &conflict.placement.values;
        for (i, a) in values.iter().enumerate() {
            for b in &values[i + 1..] {
                if a.tier.is_some() && b.tier.is_some() && a.tier != b.tier {
                    let mut pair = [a.source.clone(), b.source.clone()];
                    pair.sort();
                    let [x, y] = pair;
                    *report.conflicts_by_pair.entry((x, y)).or_insert(0) += 1;
                }
            }
        }
    }
    ctx.notes.sort();
    ctx.notes.dedup();
    report.notes = ctx.notes;
    Ok((history, report))
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: usize = self.records_by_source.values().sum();
        writeln!(f, "records: {total}")?;
        for (source, n) in &self.records_by_source {
            writeln!(f, "  {n:>5}  {source}")?;
        }
        writeln!(f, "conflicting country-years: {}", self.conflicts)?;
        for ((a, b), n) in &self.conflicts_by_pair {
            writeln!(f, "  {n:>5}  {a}  vs  {b}")?;
        }
        writeln!(f, "skipped values:")?;
        for (why, n) in &self.skipped {
            writeln!(f, "  {n:>5}  {why}")?;
        }
        writeln!(f, "unresolved names: {}", self.unresolved.len())?;
        for u in &self.unresolved {
            writeln!(f, "  {:>5}  {:?}  ({})", u.values_lost, u.name, u.source)?;
        }
        writeln!(f, "notes:")?;
        for n in &self.notes {
            writeln!(f, "  - {n}")?;
        }
        Ok(())
    }
}
