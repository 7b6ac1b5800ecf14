//! Finding stored narratives by the names users type.

use crate::AppError;
use tierwatch_model::{Country, CountryRegistry};
use tierwatch_store::{Store, StoredDocument};

/// A country by name, alias or ISO3 code, case-insensitively.
pub fn country(name: &str) -> Result<&'static Country, AppError> {
    Ok(CountryRegistry::embedded().resolve(name)?)
}

/// The stored narrative for a country-year, or a clear "not found".
pub fn narrative(store: &Store, name: &str, year: u16) -> Result<StoredDocument, AppError> {
    let c = country(name)?;
    store.get(&c.iso3, year)?.ok_or_else(|| {
        AppError::NotFound(format!("no {year} narrative for {} ({}) in the store; ingest it first", c.name, c.iso3))
    })
}
