//! `eval extraction`: run the pipeline over the documents named by a folder of gold files
//! (../shared/gold/SCHEMA.md) and score the facts against them.

use crate::{AppError, Pipeline};
use std::path::{Path, PathBuf};
use tierwatch_extract::gold::{score, ExtractionReport, GoldDoc};
use tierwatch_ingest::{read_path, ReadOptions};

/// Score extraction over every `*.json` gold file under `gold_dir`; each names its document
/// relative to `docs_dir`.
pub fn eval_extraction(gold_dir: &Path, docs_dir: &Path, pipeline: &Pipeline) -> Result<ExtractionReport, AppError> {
    let mut gold_files: Vec<PathBuf> = walkdir::WalkDir::new(gold_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| e.into_path())
        .collect();
    gold_files.sort();
    if gold_files.is_empty() {
        return Err(AppError::Invalid(format!("no gold files (*.json) under {}", gold_dir.display())));
    }
    let mut pairs = Vec::new();
    for gf in gold_files {
        let name = gf.display().to_string();
        let text = std::fs::read_to_string(&gf).map_err(|source| AppError::Io { path: name.clone(), source })?;
        let gold: GoldDoc = serde_json::from_str(&text).map_err(|e| AppError::Invalid(format!("{name}: not a gold file: {e}")))?;
        let doc_path = docs_dir.join(&gold.document);
        let opts = ReadOptions { year: gold.report_year, ..Default::default() };
        let out = read_path(&doc_path, &opts).map_err(|e| AppError::Invalid(e.to_string()))?;
        let doc = out
            .documents
            .into_iter()
            .next()
            .ok_or_else(|| AppError::Invalid(format!("{}: no narrative read", doc_path.display())))?;
        let (_, facts) = pipeline.process(&doc);
        pairs.push((gold, facts));
    }
    Ok(score(&pairs))
}
