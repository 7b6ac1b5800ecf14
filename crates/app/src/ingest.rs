//! Ingest files and folders: read, segment, extract and store each narrative, one
//! transaction per document. A bad file is reported and the rest of the batch goes on.

use crate::{AppError, Pipeline};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tierwatch_ingest::{read_bytes, IngestError, ReadOptions};
use tierwatch_store::{PutOutcome, Store};

/// Options for a batch.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub read: ReadOptions,
    /// Replace a country-year stored from another source with different text.
    pub replace: bool,
}

/// What happened to one file.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileStatus {
    /// Read; counts per outcome of its documents.
    Read { inserted: usize, replaced: usize, unchanged: usize, conflicts: Vec<String> },
    /// The same bytes were read from this path before: nothing to do.
    Unchanged,
    /// Some documents stored, some parts failed.
    Partial { stored: usize, errors: Vec<String> },
    Failed { error: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    #[serde(flatten)]
    pub status: FileStatus,
    pub notes: Vec<String>,
}

/// The whole batch.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    pub files: Vec<FileReport>,
    pub documents_inserted: usize,
    pub documents_replaced: usize,
    pub documents_unchanged: usize,
    pub files_unchanged: usize,
    pub files_failed: usize,
    pub conflicts: usize,
    /// Stored documents whose facts came from an older extractor set and were re-extracted.
    pub documents_reextracted: usize,
    pub bytes_read: u64,
}

impl IngestSummary {
    /// True if any file (or part of one) could not be ingested.
    pub fn has_failures(&self) -> bool {
        self.files_failed > 0
    }
}

/// Progress events for a face to show.
pub enum Progress<'a> {
    Start { files: usize },
    File { path: &'a str },
    Done,
}

/// Every file under `paths` (folders recursively, in name order; hidden files skipped).
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walker = walkdir::WalkDir::new(p).sort_by_file_name().into_iter().filter_entry(|e| {
                e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
            });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                    Ok(_) => {}
                    Err(e) => missing.push(failed(&p.display().to_string(), e.to_string())),
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            missing.push(failed(&p.display().to_string(), "no such file or folder".into()));
        }
    }
    (files, missing)
}

fn failed(path: &str, error: String) -> FileReport {
    FileReport { path: path.to_string(), status: FileStatus::Failed { error }, notes: vec![] }
}

/// Ingest a batch into the store.
pub fn ingest_paths(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &IngestOptions,
    pipeline: &Pipeline,
    progress: &mut dyn FnMut(Progress),
) -> Result<IngestSummary, AppError> {
    ingest_paths_indexed(store, None, paths, opts, pipeline, progress)
}

/// Ingest a batch into the store and keep a search index in step: each stored document
/// is (re)indexed after its put, and the index is synced with the store at the end.
pub fn ingest_paths_indexed(
    store: &mut Store,
    mut index: Option<&mut tierwatch_search::SearchIndex>,
    paths: &[PathBuf],
    opts: &IngestOptions,
    pipeline: &Pipeline,
    progress: &mut dyn FnMut(Progress),
) -> Result<IngestSummary, AppError> {
    let (files, mut reports) = collect_files(paths);
    let mut summary = IngestSummary::default();
    progress(Progress::Start { files: files.len() });
    for file in &files {
        let name = file.display().to_string();
        progress(Progress::File { path: &name });
        let report = ingest_file(store, index.as_deref_mut(), file, &name, opts, pipeline, &mut summary)?;
        reports.push(report);
    }
    progress(Progress::Done);
    summary.documents_reextracted = refresh_stale_facts(store, pipeline)?;
    if let Some(index) = index {
        crate::search::sync(store, index)?;
    }
    summary.files_failed = reports.iter().filter(|r| matches!(r.status, FileStatus::Failed { .. } | FileStatus::Partial { .. })).count();
    summary.files_unchanged = reports.iter().filter(|r| r.status == FileStatus::Unchanged).count();
    summary.files = reports;
    Ok(summary)
}

fn ingest_file(
    store: &mut Store,
    mut index: Option<&mut tierwatch_search::SearchIndex>,
    file: &Path,
    name: &str,
    opts: &IngestOptions,
    pipeline: &Pipeline,
    summary: &mut IngestSummary,
) -> Result<FileReport, AppError> {
    let bytes = match read_limited(file, name, opts.read.max_file_bytes) {
        Ok(b) => b,
        Err(e) => return Ok(failed(name, e.to_string())),
    };
    summary.bytes_read += bytes.len() as u64;
    // The content hash, qualified by the reader version: a newer reader reads files again.
    let sha = format!("{}+reader{}", hex::encode(Sha256::digest(&bytes)), tierwatch_ingest::READER_VERSION);
    // The same file named by another relative path is still the same file.
    let key = file.canonicalize().map(|p| p.display().to_string()).unwrap_or_else(|_| name.to_string());
    if store.file_unchanged(&key, &sha)? {
        return Ok(FileReport { path: name.to_string(), status: FileStatus::Unchanged, notes: vec![] });
    }
    let out = match read_bytes(&bytes, name, &opts.read) {
        Ok(o) => o,
        Err(e) => return Ok(failed(name, e.to_string())),
    };
    let (mut inserted, mut replaced, mut unchanged, mut conflicts) = (0, 0, 0, Vec::new());
    for doc in &out.documents {
        let (seg, facts) = pipeline.process(doc);
        let outcome = store.put_document(doc, &seg, &facts, pipeline.extractor_version, opts.replace)?;
        if let (PutOutcome::Inserted | PutOutcome::Replaced | PutOutcome::Refreshed, Some(index)) = (&outcome, index.as_deref_mut()) {
            index.upsert(doc, &seg)?;
        }
        match outcome {
            PutOutcome::Inserted => inserted += 1,
            PutOutcome::Replaced | PutOutcome::Refreshed => replaced += 1,
            PutOutcome::Unchanged => unchanged += 1,
            PutOutcome::Conflict { existing_path } => conflicts.push(format!(
                "{} {}: already stored from {existing_path} with different text; kept it (use --replace to overwrite)",
                doc.metadata.country,
                doc.metadata.report_year.map(|y| y.to_string()).unwrap_or_default()
            )),
        }
    }
    summary.documents_inserted += inserted;
    summary.documents_replaced += replaced;
    summary.documents_unchanged += unchanged;
    summary.conflicts += conflicts.len();
    let status = if out.errors.is_empty() {
        store.record_file(&key, &sha, bytes.len() as u64)?;
        FileStatus::Read { inserted, replaced, unchanged, conflicts }
    } else {
        let mut errors: Vec<String> = out.errors.iter().map(IngestError::to_string).collect();
        errors.extend(conflicts);
        FileStatus::Partial { stored: inserted + replaced + unchanged, errors }
    };
    Ok(FileReport { path: name.to_string(), status, notes: out.notes })
}

fn read_limited(file: &Path, name: &str, max: u64) -> Result<Vec<u8>, IngestError> {
    tierwatch_ingest::file::read_stable(file, name, max)
}

/// Re-extract the facts of stored documents that an older extractor set produced.
pub fn refresh_stale_facts(store: &mut Store, pipeline: &Pipeline) -> Result<usize, AppError> {
    let mut n = 0;
    for stored in store.all_documents()? {
        if stored.extractor_set_version == Some(pipeline.extractor_version) {
            continue;
        }
        let facts = (pipeline.extract)(&stored.document, &stored.segmentation);
        store.replace_facts(&stored.document.id.0, &facts, pipeline.extractor_version)?;
        n += 1;
    }
    Ok(n)
}
