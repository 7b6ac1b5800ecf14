//! Assessment worksheets: an analyst's overrides re-assessed beside the original, with a
//! proposed tier and notes citing fact ids, saved as a draft team assessment with who and
//! when (the face supplies the time; this layer reads no clock), and revised by its author.
//! The review transitions are in [`crate::review`].

use crate::assess::{assess_narrative, AssessOutcome, Mode};
use crate::AppError;
use tierwatch_law::{Law, Override};
use tierwatch_model::Tier;
use tierwatch_store::{NewWorksheet, Revision, Store, User, Worksheet};

/// Longest analyst name accepted.
pub const MAX_ANALYST_CHARS: usize = 100;

/// Parse `FINDING=VALUE` settings, rejecting unknown findings and bad syntax.
pub fn parse_overrides<S: AsRef<str>>(settings: &[S]) -> Result<Vec<Override>, AppError> {
    settings
        .iter()
        .map(|s| Override::parse(s.as_ref()).map_err(|e| AppError::Invalid(e.to_string())))
        .collect()
}

/// Assess with overrides; an override whose value does not fit its finding is an error here
/// (the engine would only note it), so nothing invalid is ever saved.
pub fn what_if(store: &Store, law: &Law, country: &str, year: u16, overrides: &[Override]) -> Result<AssessOutcome, AppError> {
    let out = assess_narrative(store, law, country, year, overrides, Mode::Stated)?;
    reject_bad_overrides(&out)?;
    Ok(out)
}

/// An error naming the first override the engine could not apply (unknown finding, bad value).
pub fn reject_bad_overrides(out: &AssessOutcome) -> Result<(), AppError> {
    match out.assessment.diagnostics.iter().find(|d| d.code == "bad_override") {
        Some(d) => Err(AppError::Invalid(d.message.clone())),
        None => Ok(()),
    }
}

/// What an analyst puts in a draft team assessment.
#[derive(Debug, Clone, Default)]
pub struct Draft<'a> {
    pub overrides: &'a [Override],
    pub note: &'a str,
    /// A tier code (`tier1`, `tier2`, `tier2_watch_list`, `tier3`, `special_case`).
    pub proposed_tier: Option<&'a str>,
    /// Ids of the narrative's facts the note rests on.
    pub fact_ids: &'a [String],
}

/// Who saves a worksheet: the logged-in account when the store has accounts, or the name
/// typed into the form on a store without any (one person on a laptop).
#[derive(Debug, Clone, Copy)]
pub enum Author<'a> {
    Account(&'a User),
    Named(&'a str),
}

/// Longest note accepted.
pub const MAX_NOTE_CHARS: usize = 2000;

/// The checked content of a draft: overrides as JSON, the outcome with and without them,
/// the proposed tier and the fact ids (each one of the narrative's).
struct Checked {
    iso3: String,
    overrides_json: String,
    outcome: &'static str,
    original: &'static str,
    proposed_tier: Option<&'static str>,
    fact_ids_json: String,
    note: String,
}

fn check_draft(store: &Store, law: &Law, country: &str, year: u16, d: &Draft<'_>) -> Result<Checked, AppError> {
    if d.overrides.is_empty() && d.proposed_tier.is_none() {
        return Err(AppError::Invalid("set at least one finding (or propose a tier) before saving".into()));
    }
    let note = d.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::Invalid(format!("the note is longer than {MAX_NOTE_CHARS} characters")));
    }
    let proposed_tier = d
        .proposed_tier
        .map(|t| Tier::parse(t).map(Tier::code).ok_or_else(|| AppError::Invalid(format!("unknown tier {t:?}: tier1, tier2, tier2_watch_list, tier3 or special_case"))))
        .transpose()?;
    let out = what_if(store, law, country, year, d.overrides)?;
    let iso3 = out.assessment.country.iso3.clone();
    if !d.fact_ids.is_empty() {
        let stored = store.get(&iso3, year)?.ok_or_else(|| AppError::NotFound(format!("no stored narrative for {iso3} {year}")))?;
        let known: std::collections::BTreeSet<String> = stored.facts.iter().map(|f| f.id()).collect();
        if let Some(bad) = d.fact_ids.iter().find(|f| !known.contains(f.as_str())) {
            return Err(AppError::Invalid(format!("{bad:?} is not a fact id of {iso3} {year}")));
        }
    }
    let original = out.original.as_ref().map(|a| a.outcome.code()).unwrap_or(out.assessment.outcome.code());
    let json = |v: serde_json::Result<String>| v.map_err(|e| AppError::Invalid(e.to_string()));
    Ok(Checked {
        iso3,
        overrides_json: json(serde_json::to_string(d.overrides))?,
        outcome: out.assessment.outcome.code(),
        original,
        proposed_tier,
        fact_ids_json: json(serde_json::to_string(d.fact_ids))?,
        note: note.to_string(),
    })
}

/// Re-assess and save a worksheet (a draft); returns the saved row. With accounts in the
/// store the author must be a logged-in account that may draft; without, a typed name.
pub fn save(store: &Store, law: &Law, country: &str, year: u16, by: Author<'_>, d: &Draft<'_>, saved_at: &str) -> Result<Worksheet, AppError> {
    let analyst = match by {
        Author::Account(u) => {
            crate::review::require(u, crate::review::Write::Draft)?;
            u.name.clone()
        }
        Author::Named(name) => {
            if store.viewer(None)?.accounts_exist {
                return Err(AppError::Unauthenticated("log in to save a worksheet".into()));
            }
            let name = name.trim();
            if name.is_empty() || name.chars().count() > MAX_ANALYST_CHARS {
                return Err(AppError::Invalid(format!("give your name (1 to {MAX_ANALYST_CHARS} characters) to save a worksheet")));
            }
            name.to_string()
        }
    };
    let c = check_draft(store, law, country, year, d)?;
    store.set_actor(&analyst);
    let id = store.save_worksheet(&NewWorksheet {
        iso3: &c.iso3,
        report_year: year,
        analyst: &analyst,
        saved_at,
        overrides_json: &c.overrides_json,
        outcome: c.outcome,
        original_outcome: c.original,
        note: &c.note,
        proposed_tier: c.proposed_tier,
        fact_ids_json: &c.fact_ids_json,
    })?;
    store.worksheet(id)?.ok_or_else(|| AppError::NotFound(format!("worksheet {id} vanished after saving")))
}

/// Revise the author's own draft or returned worksheet `id` of `country` `year`: new content,
/// re-assessed, back to draft.
pub fn revise(store: &Store, law: &Law, country: &str, year: u16, by: &User, id: i64, d: &Draft<'_>) -> Result<Worksheet, AppError> {
    crate::review::require(by, crate::review::Write::Draft)?;
    let w = crate::review::find(store, country, year, id)?;
    if w.analyst != by.name {
        return Err(AppError::Forbidden(format!("worksheet {id} is {}'s draft; only its author revises it", w.analyst)));
    }
    let c = check_draft(store, law, country, year, d)?;
    store.set_actor(&by.name);
    Ok(store.revise_worksheet(
        id,
        &Revision {
            overrides_json: &c.overrides_json,
            outcome: c.outcome,
            original_outcome: c.original,
            note: &c.note,
            proposed_tier: c.proposed_tier,
            fact_ids_json: &c.fact_ids_json,
        },
    )?)
}

/// A country-year's saved worksheets, newest first.
pub fn list(store: &Store, country: &str, year: u16) -> Result<Vec<Worksheet>, AppError> {
    let c = crate::lookup::country(country)?;
    Ok(store.worksheets(&c.iso3, year)?)
}

/// The newest approved team assessment of each country-year, of one country (any name the
/// registry knows) and/or one year, by country then year.
pub fn approved(store: &Store, country: Option<&str>, year: Option<u16>) -> Result<Vec<Worksheet>, AppError> {
    let iso3 = country.map(|c| crate::lookup::country(c).map(|c| c.iso3.clone())).transpose()?;
    let all = store.approved_worksheets(year)?;
    Ok(all.into_iter().filter(|w| iso3.as_ref().is_none_or(|i| &w.iso3 == i)).collect())
}
