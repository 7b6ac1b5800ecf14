//! Assessment worksheets: an analyst's overrides re-assessed beside the original, and saved
//! with who and when (the face supplies the time; this layer reads no clock).

use crate::assess::{assess_narrative, AssessOutcome, Mode};
use crate::AppError;
use tierwatch_law::{Law, Override};
use tierwatch_store::{NewWorksheet, Store, Worksheet};

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

/// Re-assess and save a worksheet; returns the saved row.
pub fn save(store: &Store, law: &Law, country: &str, year: u16, analyst: &str, overrides: &[Override], saved_at: &str, note: &str) -> Result<Worksheet, AppError> {
    let analyst = analyst.trim();
    if analyst.is_empty() || analyst.chars().count() > MAX_ANALYST_CHARS {
        return Err(AppError::Invalid(format!("give your name (1 to {MAX_ANALYST_CHARS} characters) to save a worksheet")));
    }
    if overrides.is_empty() {
        return Err(AppError::Invalid("set at least one finding before saving".into()));
    }
    let out = what_if(store, law, country, year, overrides)?;
    let iso3 = out.assessment.country.iso3.clone();
    let original = out.original.as_ref().map(|a| a.outcome.code()).unwrap_or(out.assessment.outcome.code());
    let json = serde_json::to_string(overrides).map_err(|e| AppError::Invalid(e.to_string()))?;
    let id = store.save_worksheet(&NewWorksheet {
        iso3: &iso3,
        report_year: year,
        analyst,
        saved_at,
        overrides_json: &json,
        outcome: out.assessment.outcome.code(),
        original_outcome: original,
        note: note.trim(),
    })?;
    let saved = store.worksheets(&iso3, year)?.into_iter().find(|w| w.id == id);
    saved.ok_or_else(|| AppError::NotFound(format!("worksheet {id} vanished after saving")))
}

/// A country-year's saved worksheets, newest first.
pub fn list(store: &Store, country: &str, year: u16) -> Result<Vec<Worksheet>, AppError> {
    let c = crate::lookup::country(country)?;
    Ok(store.worksheets(&c.iso3, year)?)
}
