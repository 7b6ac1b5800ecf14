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
///
/// Files are read, hashed, decoded, segmented and extracted in parallel (rayon, on all cores
/// but the one this thread needs: see [`prepare_threads`]), a chunk at a time; this thread
/// stores and indexes them one after the other in name order, each document in its own
/// transaction, so the store ends the same as with one thread (same documents, ids, facts
/// and order).
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
    let known = store.file_hashes()?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Prepared>(PREPARE_CHUNK);
    let written = std::thread::scope(|scope| {
        let known = &known;
        let files = &files;
        scope.spawn(move || {
            use rayon::prelude::*;
            let pool = rayon::ThreadPoolBuilder::new().num_threads(prepare_threads()).build();
            for chunk in files.chunks(PREPARE_CHUNK) {
                let work = || chunk.par_iter().map(|f| prepare(f, opts, pipeline, known)).collect::<Vec<Prepared>>();
                let prepared = match &pool {
                    Ok(pool) => pool.install(work),
                    Err(_) => work(), // no pool: rayon's global one
                };
                for p in prepared {
                    if tx.send(p).is_err() {
                        return; // the writer stopped on an error
                    }
                }
            }
        });
        let mut result = Ok(());
        for p in rx.iter() {
            progress(Progress::File { path: &p.name });
            match write_file(store, index.as_deref_mut(), p, opts, pipeline, &mut summary) {
                Ok(report) => reports.push(report),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        drop(rx);
        result
    });
    written?;
    progress(Progress::Done);
    summary.documents_reextracted = refresh_stale_facts(store, index.as_deref_mut(), pipeline)?;
    if let Some(index) = index {
        // Commit what this batch indexed first: sync compares the store with the committed
        // index, and would otherwise read every narrative of the batch back from the store
        // and index it a second time (the first copies left as deleted documents, counted in
        // BM25's document and term statistics until a merge drops them).
        index.commit()?;
        crate::search::sync(store, index)?;
    }
    summary.files_failed = reports.iter().filter(|r| matches!(r.status, FileStatus::Failed { .. } | FileStatus::Partial { .. })).count();
    summary.files_unchanged = reports.iter().filter(|r| r.status == FileStatus::Unchanged).count();
    summary.files = reports;
    Ok(summary)
}

/// How many threads prepare files: `RAYON_NUM_THREADS` when set (0 lets rayon read it), else one per core but one,
/// since the writer (store and index, a third of the work) keeps a core busy itself. On the
/// 2-core machine, one preparing thread beside the writer took the same wall time as two
/// and 6% less CPU and 37% less peak memory (each thread holds its own regex caches):
/// 10 copies of the 2018 corpus, 7.87 against 8.36 CPU-s, 4.78 against 4.62 s wall, 172
/// against 270 MB (`cargo bench -p tierwatch-app --bench ingest`, 2026-12-03).
fn prepare_threads() -> usize {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return 0; // rayon reads it itself
    }
    std::thread::available_parallelism().map(|n| n.get().saturating_sub(1).max(1)).unwrap_or(1)
}

/// Files prepared in parallel before the writer stores them (bounds the memory held).
const PREPARE_CHUNK: usize = 32;

/// A file read and processed, waiting for the writer.
struct Prepared {
    name: String,
    /// The store's key for the file: its canonical path.
    key: String,
    read: Result<ReadFile, String>,
}

struct ReadFile {
    sha: String,
    size: u64,
    /// `None` when the store already had these bytes from this path when the batch began.
    out: Option<Result<Processed, String>>,
}

/// The documents of a file with their segmentation and facts, and what the reader said.
struct Processed {
    documents: Vec<(tierwatch_model::Document, tierwatch_model::Segmentation, Vec<tierwatch_model::Fact>)>,
    errors: Vec<String>,
    notes: Vec<String>,
}

/// Everything about one file that needs no store: read, hash, decode, segment, extract.
fn prepare(file: &Path, opts: &IngestOptions, pipeline: &Pipeline, known: &std::collections::HashMap<String, String>) -> Prepared {
    let name = file.display().to_string();
    // The same file named by another relative path is still the same file.
    let key = file.canonicalize().map(|p| p.display().to_string()).unwrap_or_else(|_| name.clone());
    let read = read_limited(file, &name, opts.read.max_file_bytes).map_err(|e| e.to_string()).map(|bytes| {
        // The content hash, qualified by the reader version: a newer reader reads files again.
        let sha = format!("{}+reader{}", hex::encode(Sha256::digest(&bytes)), tierwatch_ingest::READER_VERSION);
        let out = (known.get(&key) != Some(&sha)).then(|| process(&bytes, &name, opts, pipeline));
        ReadFile { sha, size: bytes.len() as u64, out }
    });
    Prepared { name, key, read }
}

fn process(bytes: &[u8], name: &str, opts: &IngestOptions, pipeline: &Pipeline) -> Result<Processed, String> {
    let out = read_bytes(bytes, name, &opts.read).map_err(|e| e.to_string())?;
    let mut notes = out.notes;
    let documents = out
        .documents
        .into_iter()
        .map(|mut doc| {
            let (seg, facts) = pipeline.process(&doc);
            if doc.metadata.stated_tier.is_none() {
                if let Some((tier, quote)) = tier_stated_in_text(&facts) {
                    notes.push(format!("{name}: no tier in a heading; stated tier {} taken from the text: \"{quote}\"", tier.label()));
                    doc.metadata.stated_tier = Some(tier);
                }
            }
            (doc, seg, facts)
        })
        .collect();
    Ok(Processed { documents, errors: out.errors.iter().map(IngestError::to_string).collect(), notes })
}

/// The tier a narrative without a tier heading states in its own words ("Russia remained on
/// Tier 3.", "Yemen is placed on Tier 2 Watch List for the third consecutive year"): the first
/// tier fact the extractors found, with its quote. A heading's tier, when there is one, is the
/// reader's and is never replaced.
fn tier_stated_in_text(facts: &[tierwatch_model::Fact]) -> Option<(tierwatch_model::Tier, &str)> {
    facts
        .iter()
        .filter(|f| f.kind == tierwatch_model::FactKind::Tier)
        .min_by_key(|f| f.provenance.range.start)
        .and_then(|f| Some((tierwatch_model::Tier::parse(f.value.as_text()?)?, f.provenance.quote.as_str())))
}

/// Store (and index) one prepared file, in batch order.
fn write_file(
    store: &mut Store,
    mut index: Option<&mut tierwatch_search::SearchIndex>,
    p: Prepared,
    opts: &IngestOptions,
    pipeline: &Pipeline,
    summary: &mut IngestSummary,
) -> Result<FileReport, AppError> {
    let Prepared { name, key, read } = p;
    let ReadFile { sha, size, out } = match read {
        Ok(r) => r,
        Err(e) => return Ok(failed(&name, e)),
    };
    summary.bytes_read += size;
    if store.file_unchanged(&key, &sha)? {
        return Ok(FileReport { path: name, status: FileStatus::Unchanged, notes: vec![] });
    }
    let out = match out {
        Some(out) => out,
        // Recorded when the batch began but changed since (by another process): read it now.
        None => match read_limited(Path::new(&name), &name, opts.read.max_file_bytes) {
            Ok(bytes) => process(&bytes, &name, opts, pipeline),
            Err(e) => Err(e.to_string()),
        },
    };
    let out = match out {
        Ok(o) => o,
        Err(e) => return Ok(failed(&name, e)),
    };
    let (mut inserted, mut replaced, mut unchanged, mut conflicts) = (0, 0, 0, Vec::new());
    for (doc, seg, facts) in &out.documents {
        let outcome = store.put_document(doc, seg, facts, pipeline.extractor_version, opts.replace)?;
        if let (PutOutcome::Inserted | PutOutcome::Replaced | PutOutcome::Refreshed, Some(index)) = (&outcome, index.as_deref_mut()) {
            index.upsert(doc, seg)?;
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
        store.record_file(&key, &sha, size)?;
        FileStatus::Read { inserted, replaced, unchanged, conflicts }
    } else {
        let mut errors = out.errors;
        errors.extend(conflicts);
        FileStatus::Partial { stored: inserted + replaced + unchanged, errors }
    };
    Ok(FileReport { path: name, status, notes: out.notes })
}

fn read_limited(file: &Path, name: &str, max: u64) -> Result<Vec<u8>, IngestError> {
    tierwatch_ingest::file::read_stable(file, name, max)
}

/// Re-extract the facts of stored documents that an older extractor set produced. A
/// narrative whose heading states no tier takes the tier its text states, as at ingest
/// ([`tier_stated_in_text`]): a narrative stored before that rule, or whose stated tier the
/// new extractors read differently, is stored again with it (and re-indexed, so the tier
/// facet agrees). A tier a heading states is never touched.
pub fn refresh_stale_facts(
    store: &mut Store,
    mut index: Option<&mut tierwatch_search::SearchIndex>,
    pipeline: &Pipeline,
) -> Result<usize, AppError> {
    let mut n = 0;
    for (iso3, year) in store.stale_documents(pipeline.extractor_version)? {
        let Some(stored) = store.get(&iso3, year)? else { continue };
        let facts = (pipeline.extract)(&stored.document, &stored.segmentation);
        let text_tier = |facts: &[tierwatch_model::Fact]| tier_stated_in_text(facts).map(|(t, _)| t);
        let stated = stored.document.metadata.stated_tier;
        // the stored tier came from the text when no heading states one and the old facts
        // stated that tier (or there is none)
        let from_text = tierwatch_model::heading::chapter_heading(&stored.document.text).is_none()
            && (stated.is_none() || stated == text_tier(&stored.facts));
        let tier = text_tier(&facts);
        if from_text && tier.is_some() && tier != stated {
            let mut doc = stored.document.clone();
            doc.metadata.stated_tier = tier;
            store.put_document(&doc, &stored.segmentation, &facts, pipeline.extractor_version, false)?;
            if let Some(index) = index.as_deref_mut() {
                index.upsert(&doc, &stored.segmentation)?;
            }
        } else {
            store.replace_facts(&stored.document.id.0, &facts, pipeline.extractor_version)?;
        }
        n += 1;
    }
    Ok(n)
}
