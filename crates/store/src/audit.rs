//! The audit trail (migration 0006): an append-only, hash-chained log of every change to
//! worksheets (and their reviews), users and stored documents. An entry is appended by
//! [`append`] inside the write transaction of the change it records, so neither exists
//! without the other; its time is the database's clock and its actor the store's
//! [`Store::set_actor`]. Nothing here (or anywhere in tierwatch) updates or deletes a row;
//! [`Store::verify_audit`] recomputes the chain and names every row that no longer fits.

use crate::sql::{args, Row, Sql};
use crate::{Result, Store, StoreError};
use serde::Serialize;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

/// `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What changed, as the code that made the change describes it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Change<'a> {
    /// `document.ingest`, `worksheet.approve`, `user.add`, …
    pub action: &'a str,
    /// What it changed, for people: `worksheet 3`, `user ana`, `document MEX 2018`.
    pub subject: String,
    pub iso3: Option<&'a str>,
    pub report_year: Option<u16>,
    pub document_id: Option<&'a str>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub reason: &'a str,
}

/// One stored entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub iso3: Option<String>,
    pub report_year: Option<u16>,
    pub document_id: Option<String>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub reason: String,
    pub prev_hash: String,
    pub hash: String,
}

/// Which entries to list: all, or a country's, or those at or after a date (`YYYY-MM-DD`
/// or a full `YYYY-MM-DDTHH:MM:SSZ`; compared as text, which orders these alike).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub iso3: Option<String>,
    pub since: Option<String>,
}

/// A row that does not fit the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditProblem {
    /// The row that was edited (or, for a gap, the first row after it).
    pub id: i64,
    pub message: String,
}

/// What [`Store::verify_audit`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditCheck {
    pub entries: usize,
    /// The newest entry's hash: note it somewhere else to detect later truncation.
    pub head: Option<String>,
    pub problems: Vec<AuditProblem>,
}

/// The stored text of a row, exactly as hashed.
struct Raw {
    id: i64,
    at: String,
    actor: String,
    action: String,
    subject: String,
    iso3: Option<String>,
    report_year: Option<i64>,
    document_id: Option<String>,
    before: Option<String>,
    after: Option<String>,
    reason: String,
    prev_hash: String,
    hash: String,
}

const COLUMNS: &str = "id, at, actor, action, subject, iso3, report_year, document_id, before_json, after_json, reason, prev_hash, hash";

fn raw(r: &Row) -> Result<Raw> {
    Ok(Raw {
        id: r.int(0)?,
        at: r.text(1)?,
        actor: r.text(2)?,
        action: r.text(3)?,
        subject: r.text(4)?,
        iso3: r.opt_text(5)?,
        report_year: r.opt_int(6)?,
        document_id: r.opt_text(7)?,
        before: r.opt_text(8)?,
        after: r.opt_text(9)?,
        reason: r.text(10)?,
        prev_hash: r.text(11)?,
        hash: r.text(12)?,
    })
}

/// The canonical serialisation: a JSON array of the stored values (JSON columns as their
/// stored text) in column order, `hash` left out.
fn canonical(r: &Raw) -> String {
    serde_json::json!([r.id, r.at, r.actor, r.action, r.subject, r.iso3, r.report_year, r.document_id, r.before, r.after, r.reason, r.prev_hash]).to_string()
}

fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

fn json_text(v: &Option<Json>) -> Option<String> {
    v.as_ref().map(Json::to_string)
}

/// Append `change` by `actor`, in the caller's write transaction (which holds the store's
/// write lock, so ids follow each other without gaps); returns the new entry's id.
pub(crate) fn append(tx: &mut dyn Sql, actor: &str, change: &Change<'_>) -> Result<i64> {
    let last = tx.query_opt("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", args![])?;
    let (id, prev_hash) = match last {
        Some(r) => (r.int(0)? + 1, r.text(1)?),
        None => (1, GENESIS.to_string()),
    };
    let mut row = Raw {
        id,
        at: tx.now()?,
        actor: actor.to_string(),
        action: change.action.to_string(),
        subject: change.subject.clone(),
        iso3: change.iso3.map(str::to_string),
        report_year: change.report_year.map(i64::from),
        document_id: change.document_id.map(str::to_string),
        before: json_text(&change.before),
        after: json_text(&change.after),
        reason: change.reason.to_string(),
        prev_hash,
        hash: String::new(),
    };
    row.hash = sha256_hex(&canonical(&row));
    tx.exec(
        &format!("INSERT INTO audit_log ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        args![
            row.id,
            row.at.as_str(),
            row.actor.as_str(),
            row.action.as_str(),
            row.subject.as_str(),
            row.iso3.as_deref(),
            row.report_year,
            row.document_id.as_deref(),
            row.before.as_deref(),
            row.after.as_deref(),
            row.reason.as_str(),
            row.prev_hash.as_str(),
            row.hash.as_str()
        ],
    )?;
    Ok(id)
}

fn parse_json(id: i64, s: &Option<String>) -> Result<Option<Json>> {
    s.as_deref().map(|t| serde_json::from_str(t).map_err(|e| StoreError::Corrupt(format!("audit row {id}: {e}")))).transpose()
}

fn entry(r: Raw) -> Result<AuditEntry> {
    Ok(AuditEntry {
        before: parse_json(r.id, &r.before)?,
        after: parse_json(r.id, &r.after)?,
        report_year: r.report_year.map(|y| u16::try_from(y).map_err(|_| StoreError::Corrupt(format!("audit row {}: year {y}", r.id)))).transpose()?,
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        iso3: r.iso3,
        document_id: r.document_id,
        reason: r.reason,
        prev_hash: r.prev_hash,
        hash: r.hash,
    })
}

/// Check every row against the chain: its contents must hash to its stored hash, its
/// `prev_hash` must be the previous row's hash, and ids must follow each other.
fn check(rows: &[Raw]) -> AuditCheck {
    let mut problems = Vec::new();
    let mut prev: Option<&Raw> = None;
    for r in rows {
        let expected_id = prev.map_or(1, |p| p.id + 1);
        if r.id != expected_id {
            problems.push(AuditProblem { id: r.id, message: format!("audit row {} follows row {}: rows {expected_id}..{} were deleted", r.id, expected_id - 1, r.id - 1) });
        }
        if sha256_hex(&canonical(r)) != r.hash {
            problems.push(AuditProblem { id: r.id, message: format!("audit row {} was edited: its contents no longer match its hash", r.id) });
        }
        let expected_prev = prev.map_or(GENESIS, |p| p.hash.as_str());
        if r.prev_hash != expected_prev && r.id == expected_id {
            let edited = prev.map_or(r.id, |p| p.id);
            problems.push(AuditProblem {
                id: edited,
                message: format!("audit row {edited} was edited: row {} recorded another hash for it (its stored hash was rewritten to match)", r.id),
            });
        }
        prev = Some(r);
    }
    AuditCheck { entries: rows.len(), head: rows.last().map(|r| r.hash.clone()), problems }
}

impl Store {
    /// Who the changes made through this connection are by (a user name, `cli:NAME`, …);
    /// every audit entry names it. Until set: `unknown`.
    pub fn set_actor(&self, actor: &str) {
        *self.actor.borrow_mut() = actor.to_string();
    }

    /// The actor changes are recorded as by (see [`Store::set_actor`]).
    pub fn actor(&self) -> String {
        self.actor.borrow().clone()
    }

    /// Audit entries, oldest first, optionally one country's or since a date.
    pub fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let rows = self.read(|c| {
            c.query(
                &format!("SELECT {COLUMNS} FROM audit_log WHERE (CAST(?1 AS TEXT) IS NULL OR iso3 = ?1) AND (CAST(?2 AS TEXT) IS NULL OR at >= ?2) ORDER BY id"),
                args![filter.iso3.as_deref(), filter.since.as_deref()],
            )
        })?;
        rows.iter().map(|r| entry(raw(r)?)).collect()
    }

    /// Recompute the hash chain over every entry.
    pub fn verify_audit(&self) -> Result<AuditCheck> {
        let rows = self.read(|c| c.query(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY id"), args![]))?;
        let rows = rows.iter().map(raw).collect::<Result<Vec<_>>>()?;
        Ok(check(&rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<Raw> {
        let mut out: Vec<Raw> = Vec::new();
        for id in 1..=n {
            let mut r = Raw {
                id,
                at: format!("2026-12-02T10:00:0{id}Z"),
                actor: "ana".into(),
                action: "worksheet.save".into(),
                subject: format!("worksheet {id}"),
                iso3: Some("MEX".into()),
                report_year: Some(2018),
                document_id: None,
                before: None,
                after: Some(r#"{"a":1}"#.into()),
                reason: String::new(),
                prev_hash: out.last().map_or(GENESIS.to_string(), |p| p.hash.clone()),
                hash: String::new(),
            };
            r.hash = sha256_hex(&canonical(&r));
            out.push(r);
        }
        out
    }

    #[test]
    fn a_sound_chain_has_no_problems() {
        let rows = chain(4);
        let c = check(&rows);
        assert_eq!((c.entries, c.problems.len()), (4, 0));
        assert_eq!(c.head.as_deref(), Some(rows[3].hash.as_str()));
        assert_eq!(check(&[]).problems, vec![]);
    }

    #[test]
    fn an_edited_row_is_named_whether_or_not_its_hash_was_rewritten() {
        let mut rows = chain(4);
        rows[1].actor = "mallory".into();
        assert_eq!(check(&rows).problems.iter().map(|p| p.id).collect::<Vec<_>>(), vec![2]);
        rows[1].hash = sha256_hex(&canonical(&rows[1]));
        let p = check(&rows).problems;
        assert_eq!(p.iter().map(|p| p.id).collect::<Vec<_>>(), vec![2], "{p:?}");
        assert!(p[0].message.contains("row 3 recorded another hash"), "{p:?}");
    }

    #[test]
    fn a_deleted_row_is_a_gap() {
        let mut rows = chain(4);
        rows.remove(1);
        let p = check(&rows).problems;
        assert!(p.iter().any(|p| p.id == 3 && p.message.contains("rows 2..2 were deleted")), "{p:?}");
    }
}
