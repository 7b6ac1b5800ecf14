//! The audit trail as the faces ask for it: entries of a country (any name the registry
//! knows) or since a date, and the check of the hash chain. The entries themselves are
//! written by the store, in the transaction of each change.

use crate::AppError;
use tierwatch_store::{AuditCheck, AuditEntry, AuditFilter, Store};

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`, checked so a typo is an error, not an empty list.
pub fn check_since(since: &str) -> Result<(), AppError> {
    let b = since.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let date = b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let time = b.len() == 10
        || (b.len() == 20 && b[10] == b'T' && digits(11..13) && b[13] == b':' && digits(14..16) && b[16] == b':' && digits(17..19) && b[19] == b'Z');
    if date && time {
        Ok(())
    } else {
        Err(AppError::Invalid(format!("bad date {since:?}: use YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ)")))
    }
}

/// Entries, oldest first: of `country` (a name, alias or ISO3 code), at or after `since`.
pub fn list(store: &Store, country: Option<&str>, since: Option<&str>) -> Result<Vec<AuditEntry>, AppError> {
    let iso3 = country.map(|c| crate::lookup::country(c).map(|c| c.iso3.clone())).transpose()?;
    if let Some(s) = since {
        check_since(s)?;
    }
    Ok(store.audit(&AuditFilter { iso3, since: since.map(str::to_string) })?)
}

/// Recompute the hash chain.
pub fn verify(store: &Store) -> Result<AuditCheck, AppError> {
    Ok(store.verify_audit()?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_checked() {
        for ok in ["2026-12-02", "2026-12-02T10:00:00Z"] {
            assert!(super::check_since(ok).is_ok(), "{ok}");
        }
        for bad in ["", "yesterday", "2026-12", "2026/12/02", "2026-12-02T10:00", "2026-12-02 10:00:00"] {
            assert!(super::check_since(bad).is_err(), "{bad}");
        }
    }
}
