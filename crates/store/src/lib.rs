//! Persistence: the SQLite store (the embedded default), its migrations and queries.
//!
//! Architecture invariant: this is the only crate that speaks SQL. Every write of a
//! document (text, sources, segmentation, facts) happens in one transaction, so a failure
//! leaves nothing half-written. All statements are parameterised.

mod migrate;
mod rows;
mod worksheets;
pub mod writer_lock;

pub use migrate::latest_version;
pub use rows::{DocumentSummary, StoredDocument};
pub use worksheets::{NewWorksheet, Worksheet};
pub use writer_lock::WriterLock;

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use tierwatch_model::{Document, Fact, Segmentation};

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data is malformed: {0}")]
    Corrupt(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What storing a document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new country-year.
    Inserted,
    /// The same text was already stored; this source was recorded beside it.
    Unchanged,
    /// The country-year was stored from the same source path with other text; replaced.
    Replaced,
    /// The same text from the same path, but a newer reader derived other metadata or
    /// sections from it; rewritten.
    Refreshed,
    /// The country-year is stored from another source with different text; kept as it was.
    Conflict { existing_path: String },
}

/// The SQLite store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) a store file and bring it to the newest schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::init(conn)
    }

    /// A store that lives in memory (tests, one-off evaluation).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a commit is
        // still atomic (a transaction is in the database whole or not at all, after a crash
        // of the program or of the machine), and durable once the program has returned from
        // it unless the machine itself loses power before the next checkpoint, which can
        // only undo the newest whole transactions (see ARCHITECTURE.md, store).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        migrate::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// A number that changes whenever another connection (of this or another process) has
    /// committed a change since this connection last asked (SQLite's `data_version`). Only
    /// values from the same connection compare: keep one connection to watch with.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, else what is wrong.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// `synchronous=FULL` (an fsync at every commit) instead of the default NORMAL, on this
    /// connection: for measuring what NORMAL saves.
    pub fn set_synchronous_full(&self, full: bool) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", if full { "FULL" } else { "NORMAL" })?;
        Ok(())
    }

    /// Every file recorded as read completely: path -> content hash.
    pub fn file_hashes(&self) -> Result<std::collections::HashMap<String, String>> {
        let mut st = self.conn.prepare("SELECT path, sha256 FROM files")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Country-years whose facts were not produced by extractor set `version`, in the order
    /// of [`Store::list`] (country, then year).
    pub fn stale_documents(&self, version: u32) -> Result<Vec<(String, u16)>> {
        let mut st = self.conn.prepare(
            "SELECT iso3, report_year FROM documents WHERE extractor_set_version IS NOT ?1 ORDER BY country, report_year",
        )?;
        let rows = st.query_map([version as i64], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// True if this exact file content was already read from this path.
    pub fn file_unchanged(&self, path: &str, sha256: &str) -> Result<bool> {
        let found: Option<String> =
            self.conn.query_row("SELECT sha256 FROM files WHERE path = ?1", [path], |r| r.get(0)).optional()?;
        Ok(found.as_deref() == Some(sha256))
    }

    /// Remember that a file was read completely.
    pub fn record_file(&self, path: &str, sha256: &str, size: u64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO files (path, sha256, size) VALUES (?1, ?2, ?3)
             ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size",
            params![path, sha256, size as i64],
        )?;
        Ok(())
    }

    /// Store a document with its segmentation and facts, in one transaction.
    ///
    /// `replace` forces a replacement when the country-year is stored from another source.
    pub fn put_document(
        &mut self,
        doc: &Document,
        seg: &Segmentation,
        facts: &[Fact],
        extractor_set_version: u32,
        replace: bool,
    ) -> Result<PutOutcome> {
        let year = doc.metadata.report_year.map(|y| y.get() as i64).ok_or_else(|| StoreError::Corrupt("document without a report year".into()))?;
        let tx = self.conn.transaction()?;
        let derived = rows::derived_hash(doc, seg)?;
        let existing: Option<(String, String, Option<i64>, Option<String>)> = tx
            .query_row(
                "SELECT id, source_path, extractor_set_version, derived_hash FROM documents WHERE iso3 = ?1 AND report_year = ?2",
                params![doc.metadata.iso3, year],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let outcome = match existing {
            Some((id, path, _, hash)) if id == doc.id.0 && path == doc.source_path && hash.as_deref() != Some(derived.as_str()) => {
                tx.execute("DELETE FROM documents WHERE id = ?1", [&id])?;
                PutOutcome::Refreshed
            }
            Some((id, _, version, _)) if id == doc.id.0 => {
                tx.execute(
                    "INSERT OR IGNORE INTO document_sources (document_id, path, format) VALUES (?1, ?2, ?3)",
                    params![id, doc.source_path, doc.format.code()],
                )?;
                if version != Some(extractor_set_version as i64) {
                    rows::replace_facts(&tx, &doc.id.0, facts, extractor_set_version)?;
                }
                tx.commit()?;
                return Ok(PutOutcome::Unchanged);
            }
            Some((_, path, _, _)) if path != doc.source_path && !replace => {
                return Ok(PutOutcome::Conflict { existing_path: path });
            }
            Some((id, _, _, _)) => {
                tx.execute("DELETE FROM documents WHERE id = ?1", [&id])?;
                PutOutcome::Replaced
            }
            None => PutOutcome::Inserted,
        };
        rows::insert_document(&tx, doc, year, &derived)?;
        rows::insert_segmentation(&tx, &doc.id.0, seg)?;
        rows::replace_facts(&tx, &doc.id.0, facts, extractor_set_version)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Replace a stored document's facts (after the extractors changed).
    pub fn replace_facts(&mut self, doc_id: &str, facts: &[Fact], extractor_set_version: u32) -> Result<()> {
        let tx = self.conn.transaction()?;
        rows::replace_facts(&tx, doc_id, facts, extractor_set_version)?;
        tx.commit()?;
        Ok(())
    }

    /// Delete a country-year's document (and everything hanging off it).
    pub fn delete_document(&mut self, iso3: &str, year: u16) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let ids: Vec<String> = {
            let mut st = tx.prepare("SELECT id FROM documents WHERE iso3 = ?1 AND report_year = ?2")?;
            let ids = st.query_map(params![iso3, year], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            ids
        };
        for id in &ids {
            let paths: Vec<String> = {
                let mut st = tx.prepare("SELECT path FROM document_sources WHERE document_id = ?1")?;
                let p = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                p
            };
            for p in paths {
                tx.execute("DELETE FROM files WHERE path = ?1", [p])?;
            }
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(!ids.is_empty())
    }

    /// One row per stored narrative, ordered by country then year.
    pub fn list(&self) -> Result<Vec<DocumentSummary>> {
        rows::list(&self.conn)
    }

    /// A stored narrative with its segmentation and facts.
    pub fn get(&self, iso3: &str, year: u16) -> Result<Option<StoredDocument>> {
        rows::get(&self.conn, iso3, year)
    }

    /// Every stored narrative, ordered by country then year (for evaluation and exports).
    pub fn all_documents(&self) -> Result<Vec<StoredDocument>> {
        let mut out = Vec::new();
        for s in self.list()? {
            if let Some(d) = self.get(&s.iso3, s.report_year)? {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// Paths recorded as sources of a document.
    pub fn sources(&self, doc_id: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("SELECT path FROM document_sources WHERE document_id = ?1 ORDER BY path")?;
        let rows = st.query_map([doc_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
