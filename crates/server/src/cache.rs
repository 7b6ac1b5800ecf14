//! Read models computed once per store change, not once per request.
//!
//! [`StoreWatch`] keeps one store connection that only asks the store whether anything was
//! committed since it last asked ([`Store::data_version`]: SQLite's `PRAGMA data_version`,
//! PostgreSQL's generation counter; any connection, of this server, of another server on the
//! same PostgreSQL database, or of a `tierwatch ingest` running beside it) and turns the answer into a generation number that
//! only grows. [`Cache`] holds what the handlers computed through the app layer (a narrative's
//! view, a country's timeline, a year's map, a narrative's fact rows), keyed by type and name,
//! for one generation: the first request after a change computes, the others reuse it. The
//! law is compiled into the binary, so it cannot change under a running server. Nothing here
//! decides anything: values are exactly what the app layer returned.

use crate::error::ApiError;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use tierwatch_store::{Location, Store};

/// Entries kept at most; past that the cache starts again empty (a bound on memory, far
/// above what a team browses between two ingests).
const MAX_ENTRIES: usize = 4096;

type Entry = Arc<dyn Any + Send + Sync>;

/// A generation number of the store, from one connection kept for watching.
#[derive(Default)]
pub struct StoreWatch {
    /// (connection, the `data_version` it last gave, the generation then).
    inner: Mutex<Option<(Store, i64, u64)>>,
}

impl StoreWatch {
    /// The store's generation now: the same number until something is committed.
    pub fn generation(&self, db: &Location) -> Result<u64, ApiError> {
        let mut g = self.inner.lock().map_err(|_| ApiError::internal("store watch lock poisoned"))?;
        if g.is_none() {
            let s = Store::connect(db).map_err(ApiError::internal)?;
            let v = s.data_version().map_err(ApiError::internal)?;
            *g = Some((s, v, 0));
        }
        let (store, seen, generation) = g.as_mut().expect("opened above");
        let now = store.data_version().map_err(ApiError::internal)?;
        if now != *seen {
            *seen = now;
            *generation += 1;
        }
        Ok(*generation)
    }
}

/// Values of one store generation, by type and key.
#[derive(Default)]
pub struct Cache {
    entries: RwLock<(u64, HashMap<(TypeId, String), Entry>)>,
}

impl Cache {
    /// The value cached for `key` at `generation`, or `f()` computed now and kept.
    /// Errors are not kept (a "not found" may be ingested a moment later).
    pub fn get_or_compute<T, F>(&self, generation: u64, key: &str, f: F) -> Result<Arc<T>, ApiError>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Result<T, ApiError>,
    {
        let k = (TypeId::of::<T>(), key.to_string());
        if let Ok(g) = self.entries.read() {
            if g.0 == generation {
                if let Some(v) = g.1.get(&k).and_then(|e| e.clone().downcast::<T>().ok()) {
                    return Ok(v);
                }
            }
        }
        let v = Arc::new(f()?);
        if let Ok(mut g) = self.entries.write() {
            if generation > g.0 {
                g.1.clear();
                g.0 = generation;
            }
            // A value computed for an older generation is returned, not kept.
            if generation == g.0 {
                if g.1.len() >= MAX_ENTRIES {
                    g.1.clear();
                }
                g.1.insert(k, v.clone());
            }
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_generation() {
        let c = Cache::default();
        let mut calls = 0;
        let a = c.get_or_compute(1, "k", || { calls += 1; Ok(5u32) }).unwrap();
        let b = c.get_or_compute(1, "k", || { calls += 1; Ok(6u32) }).unwrap();
        assert_eq!((*a, *b, calls), (5, 5, 1));
        let d = c.get_or_compute(2, "k", || Ok(7u32)).unwrap();
        assert_eq!(*d, 7, "a new generation computes again");
        let old = c.get_or_compute(1, "k", || Ok(9u32)).unwrap();
        assert_eq!(*old, 9);
        assert_eq!(*c.get_or_compute(2, "k", || Ok(0u32)).unwrap(), 7, "an older generation's value is not kept");
        assert_eq!(*c.get_or_compute(2, "k", || Ok("other type")).unwrap(), "other type", "keyed by type too");
        assert!(c.get_or_compute::<u32, _>(2, "e", || Err(ApiError::not_found("x"))).is_err());
        assert_eq!(*c.get_or_compute(2, "e", || Ok(1u32)).unwrap(), 1, "errors are not kept");
    }

    #[test]
    fn a_commit_by_another_connection_moves_the_generation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        let db = Location::Sqlite(path.clone());
        let w = StoreWatch::default();
        let g0 = w.generation(&db).unwrap();
        assert_eq!(w.generation(&db).unwrap(), g0, "nothing committed");
        let other = Store::open(&path).unwrap();
        other.record_file("x.txt", "abc", 3).unwrap();
        let g1 = w.generation(&db).unwrap();
        assert!(g1 > g0);
        assert_eq!(w.generation(&db).unwrap(), g1);
    }
}
