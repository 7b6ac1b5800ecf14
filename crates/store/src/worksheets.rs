//! Saved assessment worksheets (migrations 0004, 0008): a team assessment of a country-year —
//! an analyst's finding overrides, a proposed tier, notes and the fact ids they rest on, the
//! outcome with and without the overrides — and its review state (draft → submitted →
//! approved | returned → revised → submitted …). Every save, revision and transition is an
//! audit entry written in the same transaction. The store checks only that a transition
//! starts from the state it expects; who may make it is the app layer's rule.

use crate::audit::{self, Change};
use crate::sql::{args, Row, Sql};
use crate::{Result, Store, StoreError};
use serde::Serialize;

/// Where a worksheet is in the review workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    Draft,
    Submitted,
    Approved,
    Returned,
}

impl ReviewState {
    pub const ALL: [ReviewState; 4] = [ReviewState::Draft, ReviewState::Submitted, ReviewState::Approved, ReviewState::Returned];

    pub fn code(self) -> &'static str {
        match self {
            ReviewState::Draft => "draft",
            ReviewState::Submitted => "submitted",
            ReviewState::Approved => "approved",
            ReviewState::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<ReviewState> {
        ReviewState::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A worksheet to save (a new draft); `saved_at` is whatever timestamp the face supplies.
#[derive(Debug, Clone)]
pub struct NewWorksheet<'a> {
    pub iso3: &'a str,
    pub report_year: u16,
    pub analyst: &'a str,
    pub saved_at: &'a str,
    /// JSON array of `{finding, value}`.
    pub overrides_json: &'a str,
    pub outcome: &'a str,
    pub original_outcome: &'a str,
    pub note: &'a str,
    /// The tier the analyst proposes (a tier code), if any.
    pub proposed_tier: Option<&'a str>,
    /// JSON array of fact ids the note rests on.
    pub fact_ids_json: &'a str,
}

/// A revision of a draft or returned worksheet: new content, back to draft.
#[derive(Debug, Clone)]
pub struct Revision<'a> {
    pub overrides_json: &'a str,
    pub outcome: &'a str,
    pub original_outcome: &'a str,
    pub note: &'a str,
    pub proposed_tier: Option<&'a str>,
    pub fact_ids_json: &'a str,
}

/// A saved worksheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worksheet {
    pub id: i64,
    pub iso3: String,
    pub report_year: u16,
    pub analyst: String,
    pub saved_at: String,
    pub overrides: serde_json::Value,
    pub outcome: String,
    pub original_outcome: String,
    pub note: String,
    pub state: ReviewState,
    pub proposed_tier: Option<String>,
    pub fact_ids: Vec<String>,
    /// The database's clock at the last revision or transition (`None` before any).
    pub updated_at: Option<String>,
    /// The reviewer who approved or returned it, and when.
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub review_comment: String,
}

const COLUMNS: &str = "id, iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note, state, proposed_tier, fact_ids, updated_at, decided_by, decided_at, review_comment";

fn worksheet(r: &Row) -> Result<Worksheet> {
    let id = r.int(0)?;
    let bad = |e: serde_json::Error| StoreError::Corrupt(format!("worksheet {id}: {e}"));
    let state = r.text(9)?;
    Ok(Worksheet {
        id,
        iso3: r.text(1)?,
        report_year: r.u16(2)?,
        analyst: r.text(3)?,
        saved_at: r.text(4)?,
        overrides: serde_json::from_str(&r.text(5)?).map_err(bad)?,
        outcome: r.text(6)?,
        original_outcome: r.text(7)?,
        note: r.text(8)?,
        state: ReviewState::parse(&state).ok_or_else(|| StoreError::Corrupt(format!("worksheet {id}: state {state:?}")))?,
        proposed_tier: r.opt_text(10)?,
        fact_ids: serde_json::from_str(&r.text(11)?).map_err(bad)?,
        updated_at: r.opt_text(12)?,
        decided_by: r.opt_text(13)?,
        decided_at: r.opt_text(14)?,
        review_comment: r.text(15)?,
    })
}

fn get(c: &mut dyn Sql, id: i64) -> Result<Option<Worksheet>> {
    c.query_opt(&format!("SELECT {COLUMNS} FROM worksheets WHERE id = ?1"), args![id])?.as_ref().map(worksheet).transpose()
}

fn json(w: &Worksheet) -> Result<serde_json::Value> {
    serde_json::to_value(w).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The audit entry for a change of worksheet `after` (from `before`).
fn record(c: &mut dyn Sql, actor: &str, action: &str, before: Option<&Worksheet>, after: &Worksheet, reason: &str) -> Result<()> {
    let change = Change {
        action,
        subject: format!("worksheet {}", after.id),
        iso3: Some(after.iso3.as_str()),
        report_year: Some(after.report_year),
        document_id: None,
        before: before.map(json).transpose()?,
        after: Some(json(after)?),
        reason,
    };
    audit::append(c, actor, &change).map(drop)
}

impl Store {
    /// Record a worksheet (a draft); returns its id.
    pub fn save_worksheet(&self, w: &NewWorksheet<'_>) -> Result<i64> {
        let actor = self.actor();
        self.write(|c| {
            let id = c
                .query_one(
                    "INSERT INTO worksheets (iso3, report_year, analyst, saved_at, overrides, outcome, original_outcome, note, proposed_tier, fact_ids)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                    args![w.iso3, w.report_year, w.analyst, w.saved_at, w.overrides_json, w.outcome, w.original_outcome, w.note, w.proposed_tier, w.fact_ids_json],
                )?
                .int(0)?;
            let saved = get(c, id)?.ok_or_else(|| StoreError::Corrupt(format!("worksheet {id} vanished")))?;
            record(c, &actor, "worksheet.save", None, &saved, "")?;
            Ok(id)
        })
    }

    /// One worksheet by id.
    pub fn worksheet(&self, id: i64) -> Result<Option<Worksheet>> {
        self.read(|c| get(c, id))
    }

    /// Replace a draft's or returned worksheet's content; it becomes a draft again.
    /// A worksheet in another state is a [`StoreError::Conflict`].
    pub fn revise_worksheet(&self, id: i64, r: &Revision<'_>) -> Result<Worksheet> {
        let actor = self.actor();
        self.write(|c| {
            let before = get(c, id)?.ok_or_else(|| StoreError::Conflict(format!("no worksheet {id}")))?;
            if !matches!(before.state, ReviewState::Draft | ReviewState::Returned) {
                return Err(StoreError::Conflict(format!("worksheet {id} is {}: only a draft or a returned worksheet can be revised", before.state.code())));
            }
            let now = c.now()?;
            c.exec(
                "UPDATE worksheets SET overrides = ?2, outcome = ?3, original_outcome = ?4, note = ?5, proposed_tier = ?6, fact_ids = ?7,
                    state = 'draft', updated_at = ?8 WHERE id = ?1",
                args![id, r.overrides_json, r.outcome, r.original_outcome, r.note, r.proposed_tier, r.fact_ids_json, now],
            )?;
            let after = get(c, id)?.ok_or_else(|| StoreError::Corrupt(format!("worksheet {id} vanished")))?;
            record(c, &actor, "worksheet.revise", Some(&before), &after, "")?;
            Ok(after)
        })
    }

    /// Move worksheet `id` from one of `from` to `to`, with `comment` as the audit entry's
    /// reason (and, for approve and return, the worksheet's review comment, with the actor
    /// and the time as who decided and when). A worksheet in another state is a
    /// [`StoreError::Conflict`] naming its state; nothing changes then.
    pub fn transition_worksheet(&self, id: i64, from: &[ReviewState], to: ReviewState, comment: &str) -> Result<Worksheet> {
        let actor = self.actor();
        self.write(|c| {
            let before = get(c, id)?.ok_or_else(|| StoreError::Conflict(format!("no worksheet {id}")))?;
            if !from.contains(&before.state) {
                let expected: Vec<&str> = from.iter().map(|s| s.code()).collect();
                return Err(StoreError::Conflict(format!("worksheet {id} is {}, not {}", before.state.code(), expected.join(" or "))));
            }
            let now = c.now()?;
            let decision = matches!(to, ReviewState::Approved | ReviewState::Returned);
            if decision {
                c.exec(
                    "UPDATE worksheets SET state = ?2, updated_at = ?3, decided_by = ?4, decided_at = ?3, review_comment = ?5 WHERE id = ?1",
                    args![id, to.code(), now, actor.as_str(), comment],
                )?;
            } else {
                c.exec("UPDATE worksheets SET state = ?2, updated_at = ?3 WHERE id = ?1", args![id, to.code(), now])?;
            }
            let after = get(c, id)?.ok_or_else(|| StoreError::Corrupt(format!("worksheet {id} vanished")))?;
            let action = match to {
                ReviewState::Draft => "worksheet.draft",
                ReviewState::Submitted => "worksheet.submit",
                ReviewState::Approved => "worksheet.approve",
                ReviewState::Returned => "worksheet.return",
            };
            record(c, &actor, action, Some(&before), &after, comment)?;
            Ok(after)
        })
    }

    /// A country-year's saved worksheets, newest first.
    pub fn worksheets(&self, iso3: &str, year: u16) -> Result<Vec<Worksheet>> {
        self.read(|c| {
            c.query(&format!("SELECT {COLUMNS} FROM worksheets WHERE iso3 = ?1 AND report_year = ?2 ORDER BY id DESC"), args![iso3, year])?
                .iter()
                .map(worksheet)
                .collect()
        })
    }

    /// The newest approved worksheet of each country-year (of `year`, or of every year),
    /// by country then year: the team assessments shown beside the official tiers.
    pub fn approved_worksheets(&self, year: Option<u16>) -> Result<Vec<Worksheet>> {
        let rows = self.read(|c| {
            c.query(
                &format!(
                    "SELECT {COLUMNS} FROM worksheets WHERE state = 'approved' AND (CAST(?1 AS BIGINT) IS NULL OR report_year = ?1)
                     ORDER BY iso3, report_year, decided_at DESC, id DESC"
                ),
                args![year],
            )
        })?;
        let mut out: Vec<Worksheet> = Vec::new();
        for r in &rows {
            let w = worksheet(r)?;
            if out.last().is_none_or(|l| (l.iso3.as_str(), l.report_year) != (w.iso3.as_str(), w.report_year)) {
                out.push(w);
            }
        }
        Ok(out)
    }
}
