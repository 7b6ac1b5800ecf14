//! Keeping the search index (`<db>.index/`) in step with the store, and the use cases
//! that touch both: sync, rebuild, delete, search.
//!
//! The store is the truth; the index is derived. Ingest updates the index per stored
//! document; [`sync`] then compares the two by (ISO3, year, document id) and repairs any
//! difference (an index left behind by a crash, a store written by an older binary), so a
//! search never shows a narrative the store no longer has.

use crate::AppError;
use serde::Serialize;
use std::collections::BTreeMap;
use tierwatch_search::{IndexedNarrative, SearchIndex, SearchRequest, SearchResults};
use tierwatch_store::Store;

/// What a sync or rebuild changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Narratives (re)indexed.
    pub indexed: usize,
    /// Country-years removed from the index.
    pub removed: usize,
    /// Narratives in the index after the change.
    pub narratives: usize,
    pub paragraphs: u64,
}

/// Bring the index in line with the store and commit.
pub fn sync(store: &Store, index: &mut SearchIndex) -> Result<SyncReport, AppError> {
    // Another process (an ingest beside a serve) may have committed since this index was read.
    index.reload()?;
    let stored: BTreeMap<(String, u16), String> =
        store.list()?.into_iter().map(|s| ((s.iso3, s.report_year), s.document_id)).collect();
    let indexed: BTreeMap<(String, u16), String> = index
        .narratives()?
        .into_iter()
        .map(|IndexedNarrative { iso3, report_year, document_id }| ((iso3, report_year), document_id))
        .collect();
    let mut report = SyncReport::default();
    for (key, _) in indexed.iter().filter(|(k, _)| !stored.contains_key(*k)) {
        index.remove(&key.0, key.1)?;
        report.removed += 1;
    }
    for ((iso3, year), id) in &stored {
        if indexed.get(&(iso3.clone(), *year)) == Some(id) {
            continue;
        }
        // Only the document and its paragraphs: all the index needs.
        if let Some((document, paragraphs)) = store.get_paragraphs(iso3, *year)? {
            index.upsert_paragraphs(&document, &paragraphs)?;
            report.indexed += 1;
        }
    }
    index.commit()?;
    report.narratives = stored.len();
    report.paragraphs = index.paragraph_count()?;
    Ok(report)
}

/// An index with the store generation it was last synced at, for a long-running face
/// (the server) that knows when the store changed: the generation is the caller's number
/// (it only grows, and changes whenever the store may have), not the store's.
///
/// While another process (an `ingest`) holds the index's writer, [`sync_at`] does not wait
/// for it: the index is reloaded as that process last committed it, and searches leave out
/// hits on narratives the store no longer holds, until a later sync succeeds. In that window
/// the total and facet counts are the index's as last committed, so they may count a few hits
/// that were left out.
pub struct SyncedIndex {
    index: SearchIndex,
    synced_at: Option<u64>,
    /// Document ids the store held when a sync found the index busy; `None` once synced.
    only: Option<std::collections::HashSet<String>>,
}

impl SyncedIndex {
    pub fn new(mut index: SearchIndex) -> SyncedIndex {
        index.set_lock_wait(std::time::Duration::ZERO);
        SyncedIndex { index, synced_at: None, only: None }
    }

    /// The generation the index was last synced at.
    pub fn synced_at(&self) -> Option<u64> {
        self.synced_at
    }

    /// Search; call [`sync_at`] first with the current generation.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, AppError> {
        let mut res = self.index.search(req)?;
        if let Some(only) = &self.only {
            res.hits.retain(|h| only.contains(&h.document_id));
        }
        Ok(res)
    }
}

/// [`sync`] unless the index was already synced at `generation` (or a newer one): the
/// check a search needs, done once per store change instead of once per search. When
/// another process holds the index, see what it committed instead (and try again next time).
pub fn sync_at(store: &Store, ix: &mut SyncedIndex, generation: u64) -> Result<(), AppError> {
    if ix.synced_at.is_some_and(|g| g >= generation) {
        return Ok(());
    }
    match sync(store, &mut ix.index) {
        Ok(_) => {
            ix.synced_at = Some(generation);
            ix.only = None;
        }
        Err(AppError::Search(e)) if e.is_index_busy() => {
            ix.index.reload()?;
            ix.only = Some(store.list()?.into_iter().map(|s| s.document_id).collect());
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

/// Throw the index away and index every stored narrative again.
pub fn rebuild(store: &Store, dir: &std::path::Path) -> Result<(SearchIndex, SyncReport), AppError> {
    let mut index = SearchIndex::recreate(dir)?;
    let report = sync(store, &mut index)?;
    Ok((index, report))
}

/// Search after making sure the index reflects the store.
pub fn search(store: &Store, index: &mut SearchIndex, req: &SearchRequest) -> Result<SearchResults, AppError> {
    // While an ingest in another process holds the index, search what it has committed and
    // leave out hits the store no longer holds; the next search after it finishes syncs.
    index.set_lock_wait(std::time::Duration::ZERO);
    let synced = match sync(store, index) {
        Ok(_) => true,
        Err(AppError::Search(e)) if e.is_index_busy() => false,
        Err(e) => return Err(e),
    };
    if !synced {
        index.reload()?;
    }
    // A query the user mistyped is their mistake to fix (400 in the API), not a failure.
    let mut res = index.search(req).map_err(|e| if e.is_user_error() { AppError::Invalid(e.to_string()) } else { AppError::from(e) })?;
    if !synced {
        let stored: std::collections::HashSet<String> = store.list()?.into_iter().map(|s| s.document_id).collect();
        res.hits.retain(|h| stored.contains(&h.document_id));
    }
    Ok(res)
}

/// Delete a country-year from the store and the index. Returns false if nothing was stored.
pub fn delete(store: &mut Store, index: &mut SearchIndex, name: &str, year: u16) -> Result<bool, AppError> {
    let c = crate::lookup::country(name)?;
    let deleted = store.delete_document(&c.iso3, year)?;
    index.remove(&c.iso3, year)?;
    index.commit()?;
    Ok(deleted)
}

/// A region as the registry spells it, from any casing or spacing the user types.
pub fn resolve_region(input: &str) -> Result<String, AppError> {
    let key = tierwatch_model::country::normalize_name(input);
    let mut regions: Vec<&str> = tierwatch_model::CountryRegistry::embedded().all().iter().map(|c| c.region.as_str()).collect();
    regions.sort();
    regions.dedup();
    regions
        .iter()
        .find(|r| tierwatch_model::country::normalize_name(r) == key)
        .map(|r| r.to_string())
        .ok_or_else(|| AppError::Invalid(format!("unknown region {input:?}; regions: {}", regions.join(", "))))
}
