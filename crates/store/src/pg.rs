//! The PostgreSQL backend (the synchronous `postgres` crate): connecting (errors name the
//! URL without its password), the [`Sql`] interface over a transaction with a statement
//! cache, the generation counter that stands in for SQLite's `data_version`, and the
//! PostgreSQL migrations (`migrations/postgres/`), applied under an advisory lock so two
//! servers starting on one database migrate it once.

use crate::location::PgUrl;
use crate::sql::{Row, Sql, Value};
use crate::{Result, StoreError};
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Statement, Transaction};
use std::collections::HashMap;
use std::time::Duration;

/// (version, SQL). Append only: a released migration is never edited. The versions are
/// those of the SQLite list: version N means the same schema on both.
pub(crate) const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/postgres/0001_documents.sql")),
    (2, include_str!("migrations/postgres/0002_facts.sql")),
    (3, include_str!("migrations/postgres/0003_derived_hash.sql")),
    (4, include_str!("migrations/postgres/0004_worksheets.sql")),
    (5, include_str!("migrations/postgres/0005_users.sql")),
    (6, include_str!("migrations/postgres/0006_audit.sql")),
    (7, include_str!("migrations/postgres/0007_sessions.sql")),
    (8, include_str!("migrations/postgres/0008_review.sql")),
    (9, include_str!("migrations/postgres/0009_sentences_in_documents.sql")),
];

/// The advisory lock key migrations run under (any fixed number; "tierwatch" in a phone keypad).
const MIGRATION_LOCK: i64 = 843_792_824;

/// An open PostgreSQL store.
///
/// The driver runs a small tokio runtime of its own and blocks on it, which tokio forbids
/// on a thread that drives async tasks: connecting and closing therefore happen on a thread
/// of their own (so a `Store` may be opened and dropped anywhere), and queries must run
/// where blocking is allowed (the server runs store work on blocking threads).
pub(crate) struct Pg {
    /// `None` only while being dropped.
    client: Option<Client>,
    /// Prepared statements by their (SQLite-placeholder) text.
    stmts: HashMap<String, Statement>,
}

/// [`Sql`] over an open transaction.
struct On<'a> {
    tx: Transaction<'a>,
    stmts: &'a mut HashMap<String, Statement>,
}

impl Pg {
    /// Connect (10 s timeout unless the URL sets `connect_timeout`) and migrate, on a
    /// thread of its own (see [`Pg`]).
    pub fn connect(url: &PgUrl, shown: &str) -> Result<Pg> {
        let mut config = url.config.clone();
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let open = || -> Result<Pg> {
            let client = config.connect(NoTls).map_err(|e| StoreError::Connect { location: shown.to_string(), message: message(&e) })?;
            let mut pg = Pg { client: Some(client), stmts: HashMap::new() };
            pg.migrate()?;
            Ok(pg)
        };
        std::thread::scope(|s| s.spawn(open).join())
            .map_err(|_| StoreError::Connect { location: shown.to_string(), message: "the connecting thread panicked".into() })?
    }

    /// `f` inside a read-only REPEATABLE READ transaction (one snapshot for all its queries).
    pub fn read<T>(&mut self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let tx = self.client.as_mut().expect(OPEN).build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
        let mut on = On { tx, stmts: &mut self.stmts };
        let out = f(&mut on)?;
        on.tx.commit()?;
        Ok(out)
    }

    /// `f` inside a write transaction, committed only if it returns `Ok`. The transaction
    /// first bumps the store's generation: that row lock makes writers of every process and
    /// server take turns (what `f` read is still true when it writes), and the new number
    /// tells watchers something was committed.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let tx = self.client.as_mut().expect(OPEN).transaction()?;
        let mut on = On { tx, stmts: &mut self.stmts };
        on.exec("UPDATE store_generation SET n = n + 1", &[])?;
        let out = f(&mut on)?;
        on.tx.commit()?;
        Ok(out)
    }

    /// The generation counter: a new number after any write transaction committed.
    pub fn data_version(&mut self) -> Result<i64> {
        Ok(self.client.as_mut().expect(OPEN).query_one("SELECT n FROM store_generation", &[])?.get(0))
    }

    /// All pending migrations in one transaction, under the migration lock.
    fn migrate(&mut self) -> Result<()> {
        let mut tx = self.client.as_mut().expect(OPEN).transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        tx.batch_execute("SET LOCAL client_min_messages = warning; CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)")?;
        let current: i64 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.get(0);
        for &(version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
            tx.batch_execute(sql)?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version])?;
        }
        tx.commit()?;
        Ok(())
    }
}

const OPEN: &str = "the client is there until the store is dropped";

impl Drop for Pg {
    /// Close the connection on a thread of its own (see [`Pg`]).
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl On<'_> {
    fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(st) = self.stmts.get(sql) {
            return Ok(st.clone());
        }
        let st = self.tx.prepare(&dollar_placeholders(sql))?;
        self.stmts.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

fn params(args: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a as &(dyn ToSql + Sync)).collect()
}

impl Sql for On<'_> {
    fn now(&mut self) -> Result<String> {
        Ok(self.tx.query_one(r#"SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"#, &[])?.get(0))
    }

    fn epoch(&mut self) -> Result<i64> {
        Ok(self.tx.query_one("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)", &[])?.get(0))
    }

    fn exec(&mut self, sql: &str, args: &[Value]) -> Result<u64> {
        let st = self.statement(sql)?;
        Ok(self.tx.execute(&st, &params(args))?)
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let st = self.statement(sql)?;
        let rows = self.tx.query(&st, &params(args))?;
        rows.iter().map(row).collect()
    }
}

fn row(r: &postgres::Row) -> Result<Row> {
    let mut values = Vec::with_capacity(r.len());
    for (i, c) in r.columns().iter().enumerate() {
        let v = match *c.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Value::Int),
            Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map(|v| Value::Int(v.into())),
            Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map(|v| Value::Int(v.into())),
            Type::BOOL => r.try_get::<_, Option<bool>>(i)?.map(|v| Value::Int(v.into())),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Value::Real),
            Type::FLOAT4 => r.try_get::<_, Option<f32>>(i)?.map(|v| Value::Real(v.into())),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => r.try_get::<_, Option<String>>(i)?.map(Value::Text),
            ref other => return Err(StoreError::Corrupt(format!("column {}: unsupported type {other}", c.name()))),
        };
        values.push(v.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

/// A driver error as a sentence: the server's message (and detail) when the server sent
/// one, which the driver's own `Display` leaves out.
pub(crate) fn message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{}: {} ({detail})", db.severity(), db.message()),
            None => format!("{}: {}", db.severity(), db.message()),
        },
        None => {
            // The driver's `Display` stops at its own words ("error connecting to server");
            // the reason (refused, timed out, no such host) is in the source chain.
            let mut out = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(cause) = source {
                let text = cause.to_string();
                if !out.contains(&text) {
                    out = format!("{out}: {text}");
                }
                source = cause.source();
            }
            out
        }
    }
}

/// `?1` → `$1` (the statements contain no string literal with a `?`).
fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

/// A value is sent as the parameter's declared type; an integer or text sent to a column of
/// another type is an error, not a reinterpretation of its bytes.
impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> std::result::Result<IsNull, BoxError> {
        let mismatch = || -> BoxError { format!("cannot send {self:?} as {ty}").into() };
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(*v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*v)?.to_sql(ty, out),
                Type::FLOAT8 => (*v as f64).to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Value::Real(v) => match *ty {
                Type::FLOAT8 => v.to_sql(ty, out),
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Value::Text(s) if <String as ToSql>::accepts(ty) => s.to_sql(ty, out),
            Value::Text(_) => Err(mismatch()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_rewritten() {
        assert_eq!(super::dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c IS ?12"), "SELECT a FROM t WHERE b = $1 AND c IS $12");
    }
}
