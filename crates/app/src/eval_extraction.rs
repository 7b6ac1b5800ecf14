//! `eval extraction`: run the pipeline over the documents named by folders of gold files and
//! score the facts against them, one report per gold set.
//!
//! Two gold layouts are read: the full one (../shared/gold/SCHEMA.md) and the smaller one of
//! the excerpts (tier, movement, consecutive watch-list years, counts); a field a gold file
//! leaves out is not scored. A document that cannot be read is reported and scored as if
//! nothing was extracted from it, so an unreadable file lowers the figures instead of
//! vanishing from them.

use crate::{AppError, Pipeline};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tierwatch_extract::gold::{score, ExtractionReport, GoldDoc};
use tierwatch_ingest::{read_path, ReadOptions};

/// One set of gold files and the folder their `document` paths are relative to.
#[derive(Debug, Clone, Serialize)]
pub struct GoldSet {
    /// A short name for reports ("shared gold", "own gold", "excerpts").
    pub name: String,
    pub gold: PathBuf,
    pub docs: PathBuf,
    /// A held-out set: only its figures are reported. Its disagreements are dropped before
    /// the report leaves this module (text and JSON alike), so nobody tunes a rule to them
    /// by reading them.
    #[serde(default)]
    pub blind: bool,
}

/// The figures for one gold set.
#[derive(Debug, Clone, Serialize)]
pub struct SetReport {
    pub set: GoldSet,
    /// Documents the reader refused, with its message (scored with no facts).
    pub unreadable: Vec<Unreadable>,
    pub report: ExtractionReport,
    /// How many disagreements a blind set had (they are not in `report.errors`).
    pub hidden_disagreements: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unreadable {
    pub document: String,
    pub error: String,
}

impl SetReport {
    pub fn render_text(&self) -> String {
        let mut s = format!("== {} ({} -> {})\n", self.set.name, self.set.gold.display(), self.set.docs.display());
        for u in &self.unreadable {
            s.push_str(&format!("  unreadable: {}: {}\n", u.document, u.error));
        }
        s.push_str(&self.report.render_text());
        if self.set.blind {
            s.push_str(&format!("  ({} disagreements, not shown: a held-out set is scored, never read)\n", self.hidden_disagreements));
        }
        s
    }
}

/// Score extraction over every `*.json` gold file under `gold_dir`; each names its document
/// relative to `docs_dir`.
pub fn eval_extraction(gold_dir: &Path, docs_dir: &Path, pipeline: &Pipeline) -> Result<ExtractionReport, AppError> {
    let set = GoldSet { name: "gold".into(), gold: gold_dir.into(), docs: docs_dir.into(), blind: false };
    Ok(eval_set(&set, pipeline)?.report)
}

/// Score each set apart.
pub fn eval_sets(sets: &[GoldSet], pipeline: &Pipeline) -> Result<Vec<SetReport>, AppError> {
    sets.iter().map(|s| eval_set(s, pipeline)).collect()
}

/// Every gold file under `dir` (sorted by path), parsed; a file that is not a gold file is
/// an error naming it.
pub(crate) fn read_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, AppError> {
    gold_files(dir)?
        .into_iter()
        .map(|gf| {
            let name = gf.display().to_string();
            let text = std::fs::read_to_string(&gf).map_err(|source| AppError::Io { path: name.clone(), source })?;
            serde_json::from_str(&text).map_err(|e| AppError::Invalid(format!("{name}: not a gold file: {e}")))
        })
        .collect()
}

fn gold_files(dir: &Path) -> Result<Vec<PathBuf>, AppError> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(AppError::Invalid(format!("no gold files (*.json) under {}", dir.display())));
    }
    Ok(files)
}

/// Score one set.
pub fn eval_set(set: &GoldSet, pipeline: &Pipeline) -> Result<SetReport, AppError> {
    let mut pairs = Vec::new();
    let mut unreadable = Vec::new();
    for gold in read_gold_dir(&set.gold)? {
        let doc_path = set.docs.join(&gold.document);
        let opts = ReadOptions { year: gold.report_year, ..Default::default() };
        let doc = match read_path(&doc_path, &opts) {
            Ok(out) => match out.documents.into_iter().next() {
                Some(d) => Some(d),
                None => {
                    let error = out.errors.first().map(|e| e.to_string()).unwrap_or_else(|| "no narrative read".into());
                    unreadable.push(Unreadable { document: gold.document.clone(), error });
                    None
                }
            },
            Err(e) => {
                unreadable.push(Unreadable { document: gold.document.clone(), error: e.to_string() });
                None
            }
        };
        let facts = doc.map(|d| pipeline.process(&d).1).unwrap_or_default();
        pairs.push((gold, facts));
    }
    let mut report = score(&pairs);
    let hidden_disagreements = if set.blind { std::mem::take(&mut report.errors).len() } else { 0 };
    Ok(SetReport { set: set.clone(), unreadable, report, hidden_disagreements })
}
