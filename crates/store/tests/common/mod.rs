//! The backends the store suite runs against, and a fresh empty store on each.
//!
//! SQLite: a file in a temporary folder. PostgreSQL: a schema of its own (dropped
//! afterwards) in the database at `TIERWATCH_TEST_PG`; without that variable, or without a
//! server there, a PostgreSQL case fails and says how to start one — it never passes.

use std::sync::atomic::{AtomicUsize, Ordering};
use tierwatch_store::{Location, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

const HOW_TO_START: &str = "the PostgreSQL cases of the store suite need a server: run `bash scripts/test.sh` \
(it installs Debian's postgresql when missing and starts a throwaway cluster), or start one yourself and set \
TIERWATCH_TEST_PG=postgres://USER@127.0.0.1:PORT/DATABASE";

/// One empty store, its location, and a side door for what only a test does (triggers, counts).
pub struct TestDb {
    pub location: Location,
    _dir: Option<tempfile::TempDir>,
    /// (admin URL, schema) to drop at the end.
    schema: Option<(String, String)>,
}

impl TestDb {
    pub fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let location = Location::Sqlite(dir.path().join("t.sqlite"));
                TestDb { location, _dir: Some(dir), schema: None }
            }
            Backend::Postgres => {
                let base = std::env::var("TIERWATCH_TEST_PG").ok().filter(|v| !v.is_empty()).unwrap_or_else(|| panic!("TIERWATCH_TEST_PG is not set: {HOW_TO_START}"));
                let mut admin = postgres::Client::connect(&base, postgres::NoTls)
                    .unwrap_or_else(|e| panic!("cannot reach TIERWATCH_TEST_PG ({e}): {HOW_TO_START}"));
                static N: AtomicUsize = AtomicUsize::new(0);
                let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
                let schema = format!("tw_test_{}_{}_{nanos}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
                admin.batch_execute(&format!("CREATE SCHEMA {schema}")).unwrap();
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
                TestDb { location: Location::parse(&url).unwrap(), _dir: None, schema: Some((base, schema)) }
            }
        }
    }

    /// A new connection to this store.
    pub fn open(&self) -> Store {
        Store::connect(&self.location).unwrap()
    }

    /// Run raw SQL (the SQLite or the PostgreSQL text) on a connection of its own.
    pub fn raw(&self, sqlite: &str, postgres: &str) {
        match &self.location {
            Location::Sqlite(p) => rusqlite::Connection::open(p).unwrap().execute_batch(sqlite).unwrap(),
            Location::Postgres(u) => postgres::Client::connect(u.secret(), postgres::NoTls).unwrap().batch_execute(postgres).unwrap(),
        }
    }

    /// `SELECT COUNT(*) FROM table`, outside the store.
    pub fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match &self.location {
            Location::Sqlite(p) => rusqlite::Connection::open(p).unwrap().query_row(&sql, [], |r| r.get(0)).unwrap(),
            Location::Postgres(u) => postgres::Client::connect(u.secret(), postgres::NoTls).unwrap().query_one(&sql, &[]).unwrap().get(0),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base, schema)) = &self.schema {
            if let Ok(mut admin) = postgres::Client::connect(base, postgres::NoTls) {
                let _ = admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
            }
        }
    }
}

/// `both_backends!(a, b)`: tests `sqlite::a`, `postgres::a`, … each calling `a(Backend)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(super::common::Backend::Sqlite) } )*
        }
        mod postgres {
            $( #[test] fn $name() { super::$name(super::common::Backend::Postgres) } )*
        }
    };
}
