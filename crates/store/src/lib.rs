//! Persistence: one store interface over two backends — SQLite (an embedded file, the
//! default) and PostgreSQL (a team's server) — chosen by [`Location`], their migrations and
//! the queries, written once against [`sql::Sql`].
//!
//! Architecture invariant: this is the only crate that speaks SQL. Every write of a
//! document (text, sources, segmentation, facts) happens in one transaction, so a failure
//! leaves nothing half-written. All statements are parameterised.

mod audit;
mod location;
mod migrate;
mod pg;
mod rows;
mod sql;
mod sqlite;
mod sessions;
mod users;
mod worksheets;
pub mod writer_lock;

pub use audit::{AuditCheck, AuditEntry, AuditFilter, AuditProblem, GENESIS};
pub use location::{Location, PgUrl};
pub use migrate::latest_version;
pub use rows::{DocumentSummary, StoredDocument};
pub use sessions::Viewer;
pub use users::{Role, User};
pub use worksheets::{NewWorksheet, ReviewState, Revision, Worksheet};
pub use writer_lock::{StoreWriterLock, WriterLock};

use sql::{args, Sql};
use std::cell::RefCell;
use std::path::Path;
use tierwatch_model::{Document, Fact, FactKind, Paragraph, Segmentation};

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database error: {}", pg::message(.0))]
    Postgres(#[from] postgres::Error),
    #[error("cannot connect to {location}: {message} (is the PostgreSQL server running and the URL right?)")]
    Connect { location: String, message: String },
    #[error("bad store location: {0}")]
    BadLocation(String),
    #[error("{0}")]
    Unsupported(String),
    /// The change contradicts what is stored (a user name already taken).
    #[error("{0}")]
    Conflict(String),
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

/// A store: one connection to a SQLite file or a PostgreSQL database. Not `Sync` (neither
/// connection is); a server keeps a pool of them.
pub struct Store {
    db: Backend,
    /// Who changes through this connection are by, for the audit trail.
    actor: RefCell<String>,
}

enum Backend {
    Sqlite(sqlite::Lite),
    Postgres(RefCell<pg::Pg>),
}

impl Store {
    fn new(db: Backend) -> Store {
        Store { db, actor: RefCell::new("unknown".into()) }
    }

    /// Open (creating if needed) a SQLite store file and bring it to the newest schema.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store::new(Backend::Sqlite(sqlite::Lite::open(path)?)))
    }

    /// Open the store at `location` (a SQLite file, created if needed, or a PostgreSQL
    /// database, which must exist) and bring it to the newest schema.
    pub fn connect(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Store::open(path),
            Location::Postgres(url) => Ok(Store::new(Backend::Postgres(RefCell::new(pg::Pg::connect(url, &location.to_string())?)))),
        }
    }

    /// A SQLite store that lives in memory (tests, one-off evaluation).
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store::new(Backend::Sqlite(sqlite::Lite::open_in_memory()?)))
    }

    /// Which backend this is: `"sqlite"` or `"postgres"`.
    pub fn backend(&self) -> &'static str {
        match &self.db {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// `f` with one consistent snapshot of the store.
    fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        match &self.db {
            Backend::Sqlite(l) => l.read(f),
            Backend::Postgres(p) => p.borrow_mut().read(f),
        }
    }

    /// `f` in one write transaction: committed if it returns `Ok`, rolled back otherwise.
    fn write<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        match &self.db {
            Backend::Sqlite(l) => l.write(f),
            Backend::Postgres(p) => p.borrow_mut().write(f),
        }
    }

    /// A number that changes whenever a change has been committed since this connection
    /// last asked: SQLite's `data_version` (commits by other connections, of this or
    /// another process), PostgreSQL's generation counter (commits by anyone). Only values
    /// from the same connection compare: keep one connection to watch with.
    pub fn data_version(&self) -> Result<i64> {
        match &self.db {
            Backend::Sqlite(l) => l.data_version(),
            Backend::Postgres(p) => p.borrow_mut().data_version(),
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, else what is wrong.
    /// PostgreSQL checks its own pages; asking there is an error.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        match &self.db {
            Backend::Sqlite(l) => l.integrity_check(),
            Backend::Postgres(_) => Err(StoreError::Unsupported("integrity_check is a SQLite check; PostgreSQL verifies its own pages".into())),
        }
    }

    /// `synchronous=FULL` (an fsync at every commit) instead of the default NORMAL, on this
    /// SQLite connection: for measuring what NORMAL saves. PostgreSQL syncs as its server
    /// is configured (`synchronous_commit`); asking there is an error.
    pub fn set_synchronous_full(&self, full: bool) -> Result<()> {
        match &self.db {
            Backend::Sqlite(l) => l.set_synchronous_full(full),
            Backend::Postgres(_) => Err(StoreError::Unsupported("synchronous=FULL is a SQLite setting; PostgreSQL follows its server's synchronous_commit".into())),
        }
    }

    /// Every file recorded as read completely: path -> content hash.
    pub fn file_hashes(&self) -> Result<std::collections::HashMap<String, String>> {
        self.read(|c| c.query("SELECT path, sha256 FROM files", args![])?.iter().map(|r| Ok((r.text(0)?, r.text(1)?))).collect())
    }

    /// Country-years whose facts were not produced by extractor set `version`, in the order
    /// of [`Store::list`] (country, then year).
    pub fn stale_documents(&self, version: u32) -> Result<Vec<(String, u16)>> {
        self.read(|c| {
            c.query(
                "SELECT iso3, report_year FROM documents WHERE extractor_set_version IS DISTINCT FROM ?1 ORDER BY country, report_year",
                args![version as i64],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.u16(1)?)))
            .collect()
        })
    }

    /// True if this exact file content was already read from this path.
    pub fn file_unchanged(&self, path: &str, sha256: &str) -> Result<bool> {
        let found = self.read(|c| c.query_opt("SELECT sha256 FROM files WHERE path = ?1", args![path])?.map(|r| r.text(0)).transpose())?;
        Ok(found.as_deref() == Some(sha256))
    }

    /// Remember that a file was read completely.
    pub fn record_file(&self, path: &str, sha256: &str, size: u64) -> Result<()> {
        self.write(|c| {
            c.exec(
                "INSERT INTO files (path, sha256, size) VALUES (?1, ?2, ?3)
                 ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size",
                args![path, sha256, size as i64],
            )?;
            Ok(())
        })
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
        let derived = rows::derived_hash(doc, seg)?;
        let actor = self.actor();
        let iso3 = doc.metadata.iso3.as_str();
        let subject = format!("document {iso3} {year}");
        let change = |action: &'static str, before: Option<serde_json::Value>, after: Option<serde_json::Value>| audit::Change {
            action,
            subject: subject.clone(),
            iso3: Some(iso3),
            report_year: Some(year as u16),
            document_id: Some(doc.id.0.as_str()),
            before,
            after,
            reason: "",
        };
        self.write(|tx| {
            let existing = tx
                .query_opt(
                    "SELECT id, source_path, extractor_set_version, derived_hash FROM documents WHERE iso3 = ?1 AND report_year = ?2",
                    args![iso3, year],
                )?
                .map(|r| Ok::<_, StoreError>((r.text(0)?, r.text(1)?, r.opt_int(2)?, r.opt_text(3)?)))
                .transpose()?;
            let before = rows::summary(tx, iso3, year)?;
            let (outcome, action) = match existing {
                Some((id, path, _, hash)) if id == doc.id.0 && path == doc.source_path && hash.as_deref() != Some(derived.as_str()) => {
                    tx.exec("DELETE FROM documents WHERE id = ?1", args![&id])?;
                    (PutOutcome::Refreshed, "document.refresh")
                }
                Some((id, _, version, _)) if id == doc.id.0 => {
                    let added = rows::add_source(tx, &id, &doc.source_path, doc.format.code())?;
                    let refacted = version != Some(extractor_set_version as i64);
                    if refacted {
                        rows::replace_facts(tx, &doc.id.0, facts, extractor_set_version)?;
                    }
                    if added || refacted {
                        let action = if refacted { "document.facts" } else { "document.source" };
                        let mut after = rows::summary(tx, iso3, year)?;
                        if let (Some(a), true) = (after.as_mut(), added) {
                            a["source_added"] = serde_json::Value::from(doc.source_path.as_str());
                        }
                        audit::append(tx, &actor, &change(action, before, after))?;
                    }
                    return Ok(PutOutcome::Unchanged);
                }
                Some((_, path, _, _)) if path != doc.source_path && !replace => {
                    return Ok(PutOutcome::Conflict { existing_path: path });
                }
                Some((id, _, _, _)) => {
                    tx.exec("DELETE FROM documents WHERE id = ?1", args![&id])?;
                    (PutOutcome::Replaced, "document.replace")
                }
                None => (PutOutcome::Inserted, "document.ingest"),
            };
            rows::insert_document(tx, doc, seg, year, &derived)?;
            rows::insert_segmentation(tx, &doc.id.0, seg)?;
            rows::replace_facts(tx, &doc.id.0, facts, extractor_set_version)?;
            let after = rows::summary(tx, iso3, year)?;
            audit::append(tx, &actor, &change(action, before, after))?;
            Ok(outcome)
        })
    }

    /// Replace a stored document's facts (after the extractors changed).
    pub fn replace_facts(&mut self, doc_id: &str, facts: &[Fact], extractor_set_version: u32) -> Result<()> {
        let actor = self.actor();
        self.write(|tx| {
            let Some(r) = tx.query_opt("SELECT iso3, report_year FROM documents WHERE id = ?1", args![doc_id])? else {
                return Err(StoreError::Corrupt(format!("no stored document {doc_id}")));
            };
            let (iso3, year) = (r.text(0)?, r.u16(1)?);
            let before = rows::summary(tx, &iso3, year as i64)?;
            rows::replace_facts(tx, doc_id, facts, extractor_set_version)?;
            let after = rows::summary(tx, &iso3, year as i64)?;
            let change = audit::Change {
                action: "document.facts",
                subject: format!("document {iso3} {year}"),
                iso3: Some(iso3.as_str()),
                report_year: Some(year),
                document_id: Some(doc_id),
                before,
                after,
                reason: "",
            };
            audit::append(tx, &actor, &change)?;
            Ok(())
        })
    }

    /// Delete a country-year's document (and everything hanging off it).
    pub fn delete_document(&mut self, iso3: &str, year: u16) -> Result<bool> {
        let actor = self.actor();
        self.write(|tx| {
            let ids: Vec<String> = tx
                .query("SELECT id FROM documents WHERE iso3 = ?1 AND report_year = ?2", args![iso3, year])?
                .iter()
                .map(|r| r.text(0))
                .collect::<Result<_>>()?;
            let before = rows::summary(tx, iso3, year as i64)?;
            for id in &ids {
                for p in rows::sources(tx, id)? {
                    tx.exec("DELETE FROM files WHERE path = ?1", args![p])?;
                }
                tx.exec("DELETE FROM documents WHERE id = ?1", args![id])?;
            }
            if let Some(id) = ids.first() {
                let change = audit::Change {
                    action: "document.delete",
                    subject: format!("document {iso3} {year}"),
                    iso3: Some(iso3),
                    report_year: Some(year),
                    document_id: Some(id.as_str()),
                    before,
                    after: None,
                    reason: "",
                };
                audit::append(tx, &actor, &change)?;
            }
            Ok(!ids.is_empty())
        })
    }

    /// One row per stored narrative, ordered by country then year.
    pub fn list(&self) -> Result<Vec<DocumentSummary>> {
        self.read(rows::list)
    }

    /// A stored narrative with its segmentation and facts.
    pub fn get(&self, iso3: &str, year: u16) -> Result<Option<StoredDocument>> {
        self.read(|c| rows::get(c, iso3, year))
    }

    /// A stored narrative's document and paragraphs, without its sections, sentences, facts
    /// or sources: what the search index is built from, read at a fraction of [`Store::get`]'s cost.
    pub fn get_paragraphs(&self, iso3: &str, year: u16) -> Result<Option<(Document, Vec<Paragraph>)>> {
        self.read(|c| rows::get_paragraphs(c, iso3, year))
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

    /// A stored narrative's facts alone, in their order, by document id (none for an unknown id).
    pub fn facts(&self, doc_id: &str) -> Result<Vec<Fact>> {
        self.read(|c| rows::facts(c, doc_id))
    }

    /// The facts of one kind in every stored narrative, or in one country's (`iso3`), each
    /// with its narrative's country and year, ordered by country, year and position: what
    /// needs a few facts of every narrative reads them without reading the narratives.
    pub fn facts_of_kind(&self, kind: FactKind, iso3: Option<&str>) -> Result<Vec<(String, u16, Fact)>> {
        self.read(|c| rows::facts_of_kind(c, kind, iso3))
    }

    /// Paths recorded as sources of a document.
    pub fn sources(&self, doc_id: &str) -> Result<Vec<String>> {
        self.read(|c| rows::sources(c, doc_id))
    }
}
