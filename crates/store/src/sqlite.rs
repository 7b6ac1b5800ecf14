//! The SQLite backend (rusqlite, bundled): opening a file with its pragmas, the
//! [`Sql`] interface over a connection, transactions, `PRAGMA data_version`, and the
//! SQLite migrations (`migrations/sqlite/`).

use crate::sql::{args, Row, Sql, Value};
use crate::Result;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// (version, SQL). Append only: a released migration is never edited.
pub(crate) const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/sqlite/0001_documents.sql")),
    (2, include_str!("migrations/sqlite/0002_facts.sql")),
    (3, include_str!("migrations/sqlite/0003_derived_hash.sql")),
    (4, include_str!("migrations/sqlite/0004_worksheets.sql")),
    (5, include_str!("migrations/sqlite/0005_users.sql")),
    (6, include_str!("migrations/sqlite/0006_audit.sql")),
    (7, include_str!("migrations/sqlite/0007_sessions.sql")),
    (8, include_str!("migrations/sqlite/0008_review.sql")),
    (9, include_str!("migrations/sqlite/0009_sentences_in_documents.sql")),
];

/// An open SQLite store.
pub(crate) struct Lite {
    conn: Connection,
}

/// [`Sql`] over a connection (a transaction derefs to one).
struct On<'a>(&'a Connection);

impl Lite {
    pub fn open(path: &Path) -> Result<Lite> {
        Lite::init(Connection::open(path)?)
    }

    pub fn open_in_memory() -> Result<Lite> {
        Lite::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Lite> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a commit is
        // still atomic (a transaction is in the database whole or not at all, after a crash
        // of the program or of the machine), and durable once the program has returned from
        // it unless the machine itself loses power before the next checkpoint, which can
        // only undo the newest whole transactions (see ARCHITECTURE.md, store).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        migrate(&mut conn)?;
        Ok(Lite { conn })
    }

    /// `f` inside a read transaction (one snapshot for all its queries).
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = f(&mut On(&tx))?;
        tx.commit()?;
        Ok(out)
    }

    /// `f` inside a write transaction (`BEGIN IMMEDIATE`: the writer lock is taken before
    /// the first read, so what `f` read is still true when it writes); committed only if
    /// `f` returns `Ok`.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let out = f(&mut On(&tx))?;
        tx.commit()?;
        Ok(out)
    }

    /// SQLite's `data_version`: changes when another connection committed.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn set_synchronous_full(&self, full: bool) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", if full { "FULL" } else { "NORMAL" })?;
        Ok(())
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

impl Sql for On<'_> {
    fn now(&mut self) -> Result<String> {
        Ok(self.0.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| r.get(0))?)
    }

    fn epoch(&mut self) -> Result<i64> {
        Ok(self.0.query_row("SELECT CAST(strftime('%s', 'now') AS INTEGER)", [], |r| r.get(0))?)
    }

    fn exec(&mut self, sql: &str, args: &[Value]) -> Result<u64> {
        let mut st = self.0.prepare_cached(sql)?;
        Ok(st.execute(rusqlite::params_from_iter(args.iter()))? as u64)
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let mut st = self.0.prepare_cached(sql)?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(args.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Int(v),
                    ValueRef::Real(v) => Value::Real(v),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => return Err(crate::StoreError::Corrupt(format!("column {i}: unexpected blob"))),
                });
            }
            out.push(Row(values));
        }
        Ok(out)
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(v) => ValueRef::Integer(*v),
            Value::Real(v) => ValueRef::Real(*v),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

/// Bring the database to the newest schema version, one transaction per migration; the
/// version is read inside each transaction, so two processes opening a new file at once
/// apply each migration once.
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")?;
    let current: i64 = conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    if MIGRATIONS.iter().all(|(v, _)| *v <= current) {
        return Ok(());
    }
    for &(version, sql) in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
        if version > current {
            tx.execute_batch(sql)?;
            On(&tx).exec("INSERT INTO schema_migrations (version) VALUES (?1)", args![version])?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store made before migration 9 keeps its sentences, in order, in the new column.
    #[test]
    fn migration_9_moves_sentence_rows_into_their_document() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)").unwrap();
        for &(version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v < 9) {
            conn.execute_batch(sql).unwrap();
            conn.execute("INSERT INTO schema_migrations (version) VALUES (?1)", [version]).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO documents (id, iso3, country, report_year, format, source_path, source_map, text)
                 VALUES ('d1', 'MEX', 'Mexico', 2018, 'chapter_text', 'a.txt', '{}', 'One. Two. Three.'),
                        ('d2', 'PER', 'Peru', 2018, 'chapter_text', 'b.txt', '{}', '');
             INSERT INTO sentences (document_id, idx, paragraph, start, end)
                 VALUES ('d1', 2, 1, 10, 16), ('d1', 0, 0, 0, 4), ('d1', 1, 0, 5, 9);",
        )
        .unwrap();
        let mut conn = conn;
        migrate(&mut conn).unwrap();
        let mut st = conn.prepare("SELECT sentences FROM documents ORDER BY id").unwrap();
        let got: Vec<String> = st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(|r| r.unwrap()).collect();
        drop(st);
        assert_eq!(got, ["0,0,4;0,5,9;1,10,16", ""]);
        let tables: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('sentences', 'facts_kind')", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 0, "the sentence rows and the kind index are gone");
    }
}
