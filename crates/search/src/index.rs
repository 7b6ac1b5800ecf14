//! The index on disk (or in memory): open, update per narrative, list what is indexed.

use crate::error::{Result, SearchError};
use crate::schema::{self, Fields, KIND_NARRATIVE, KIND_PARAGRAPH};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use tierwatch_model::{CountryRegistry, Document, Paragraph, SectionKind, Segmentation};

/// Memory the single indexing thread may use before it flushes a segment.
const WRITER_HEAP_BYTES: usize = 64 * 1024 * 1024;

/// One narrative as the index knows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct IndexedNarrative {
    pub iso3: String,
    pub report_year: u16,
    pub document_id: String,
}

/// A paragraph index. Writes are buffered until [`SearchIndex::commit`].
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    writer: Option<IndexWriter>,
    /// How long to wait for another process's writer (an `ingest` beside a `serve`).
    lock_wait: std::time::Duration,
}

/// How long a writer waits, by default, for another process to release the index.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

impl SearchIndex {
    /// Open the index in `dir`, creating it (and the directory) if needed.
    ///
    /// An index written with another schema is an error that says to rebuild it.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|source| SearchError::Dir { path: dir.display().to_string(), source })?;
        let (schema, _) = schema::build();
        let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(|e| SearchError::Invalid(format!("search index {}: {e}", dir.display())))?;
        let index = Index::open_or_create(mmap, schema).map_err(|e| match e {
            tantivy::TantivyError::SchemaError(_) => SearchError::Invalid(format!(
                "search index {} was written by another version; run `tierwatch index rebuild`",
                dir.display()
            )),
            e => SearchError::Index(e),
        })?;
        SearchIndex::from_index(index)
    }

    /// Delete whatever is in `dir` and open a new, empty index there.
    pub fn recreate(dir: &Path) -> Result<SearchIndex> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|source| SearchError::Dir { path: dir.display().to_string(), source })?;
        }
        SearchIndex::open(dir)
    }

    /// An index that lives in memory (tests, benchmarks).
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, _) = schema::build();
        SearchIndex::from_index(Index::create_in_ram(schema))
    }

    fn from_index(index: Index) -> Result<SearchIndex> {
        // the same tokens as tantivy's `en_stem`, each word stemmed once (see `stem`)
        index.tokenizers().register(schema::TEXT_ANALYZER, crate::stem::analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let (_, fields) = schema::build();
        Ok(SearchIndex { index, reader, fields, writer: None, lock_wait: LOCK_WAIT })
    }

    /// The writer, taken when first needed and given up at each commit, so that two processes
    /// (`serve` and `ingest`) can take turns; another process's writer is waited for up to
    /// the lock wait, then [`SearchError::is_index_busy`].
    fn writer(&mut self) -> Result<&IndexWriter> {
        if self.writer.is_none() {
            let started = std::time::Instant::now();
            loop {
                match self.index.writer_with_num_threads(1, WRITER_HEAP_BYTES) {
                    Ok(w) => break self.writer = Some(w),
                    Err(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _)) if started.elapsed() < self.lock_wait => {
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(self.writer.as_ref().expect("just set"))
    }

    /// How long to wait for another process's writer before giving up (default 30 s).
    pub fn set_lock_wait(&mut self, wait: std::time::Duration) {
        self.lock_wait = wait;
    }

    /// See what other processes committed since this index was opened or last reloaded.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Replace a narrative's entries (its country-year's, whatever text they had) with
    /// one entry per non-heading paragraph of `doc`. Takes effect at [`commit`](Self::commit).
    pub fn upsert(&mut self, doc: &Document, seg: &Segmentation) -> Result<usize> {
        self.upsert_paragraphs(doc, &seg.paragraphs)
    }

    /// [`upsert`](Self::upsert) from the document's paragraphs alone (the only part of its
    /// segmentation the index reads).
    pub fn upsert_paragraphs(&mut self, doc: &Document, paragraphs: &[Paragraph]) -> Result<usize> {
        let m = &doc.metadata;
        let year = m.report_year.ok_or_else(|| SearchError::Invalid(format!("{}: document without a report year", m.country)))?.get();
        let region = CountryRegistry::embedded().by_iso3(&m.iso3).map(|c| c.region.clone()).unwrap_or_else(|| "unknown".into());
        let tier = m.stated_tier.map(|t| t.code()).unwrap_or("none");
        let key = schema::key(&m.iso3, year);
        let f = self.fields;
        let mut texts = Vec::new();
        for p in paragraphs.iter().filter(|p| p.section != SectionKind::Heading && !p.range.is_empty()) {
            let Some(text) = doc.text.get(p.range.start..p.range.end) else {
                return Err(SearchError::Invalid(format!("{} {year}: paragraph {} is not in the text (stale segmentation?)", m.country, p.range)));
            };
            texts.push((p, text));
        }
        self.remove(&m.iso3, year)?;
        let writer = self.writer()?;
        let mut n = 0;
        for (p, text) in texts {
            let mut d = TantivyDocument::new();
            d.add_text(f.kind, KIND_PARAGRAPH);
            d.add_text(f.key, &key);
            d.add_text(f.doc_id, &doc.id.0);
            d.add_text(f.country, &m.country);
            d.add_text(f.iso3, &m.iso3);
            d.add_text(f.region, &region);
            d.add_u64(f.year, year as u64);
            d.add_text(f.tier, tier);
            d.add_text(f.section, p.section.code());
            d.add_u64(f.start, p.range.start as u64);
            d.add_u64(f.end, p.range.end as u64);
            d.add_text(f.text, text);
            d.add_text(f.text_exact, text);
            d.add_facet(f.f_country, Facet::from_path([m.iso3.as_str()]));
            d.add_facet(f.f_region, Facet::from_path([region.as_str()]));
            d.add_facet(f.f_year, Facet::from_path([year.to_string()]));
            d.add_facet(f.f_tier, Facet::from_path([tier]));
            d.add_facet(f.f_section, Facet::from_path([p.section.code()]));
            writer.add_document(d)?;
            n += 1;
        }
        let mut marker = TantivyDocument::new();
        marker.add_text(f.kind, KIND_NARRATIVE);
        marker.add_text(f.key, &key);
        marker.add_text(f.doc_id, &doc.id.0);
        marker.add_text(f.iso3, &m.iso3);
        marker.add_u64(f.year, year as u64);
        writer.add_document(marker)?;
        Ok(n)
    }

    /// Remove a country-year's entries. Takes effect at [`commit`](Self::commit).
    pub fn remove(&mut self, iso3: &str, year: u16) -> Result<()> {
        let term = Term::from_field_text(self.fields.key, &schema::key(iso3, year));
        self.writer()?.delete_term(term);
        Ok(())
    }

    /// Remove everything. Takes effect at [`commit`](Self::commit).
    pub fn clear(&mut self) -> Result<()> {
        self.writer()?.delete_all_documents()?;
        Ok(())
    }

    /// Make buffered changes durable and visible to searches.
    pub fn commit(&mut self) -> Result<()> {
        if let Some(mut w) = self.writer.take() {
            w.commit()?;
            // Dropping the writer releases the index's lock for other processes.
            drop(w);
            self.reader.reload()?;
        }
        Ok(())
    }

    /// Every indexed narrative, sorted by ISO3 then year.
    pub fn narratives(&self) -> Result<Vec<IndexedNarrative>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.fields.kind, KIND_NARRATIVE), IndexRecordOption::Basic);
        let addrs = searcher.search(&q, &DocSetCollector)?;
        let mut out = Vec::with_capacity(addrs.len());
        let mut seen = HashSet::new();
        for a in addrs {
            let d: TantivyDocument = searcher.doc(a)?;
            let iso3 = d.get_first(self.fields.iso3).and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            let report_year = d.get_first(self.fields.year).and_then(|v| v.as_u64()).unwrap_or(0) as u16;
            let document_id = d.get_first(self.fields.doc_id).and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            if seen.insert((iso3.clone(), report_year)) {
                out.push(IndexedNarrative { iso3, report_year, document_id });
            }
        }
        out.sort();
        Ok(out)
    }

    /// Number of indexed paragraphs.
    pub fn paragraph_count(&self) -> Result<u64> {
        let q = TermQuery::new(Term::from_field_text(self.fields.kind, KIND_PARAGRAPH), IndexRecordOption::Basic);
        Ok(self.reader.searcher().search(&q, &tantivy::collector::Count)? as u64)
    }
}
