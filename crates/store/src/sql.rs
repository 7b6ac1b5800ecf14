//! The one interface the queries are written against, whatever the backend: run a
//! parameterised statement, fetch rows of plain values. Statements use SQLite's numbered
//! placeholders (`?1`, `?2`, …); the PostgreSQL backend rewrites them to `$1`, `$2`, ….
//! Only SQL that both databases read the same way is written here (see ARCHITECTURE.md,
//! store); what differs (pragmas, the generation counter, migrations) lives in the backend.

use crate::{Result, StoreError};

/// A parameter or a column value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<u16> for Value {
    fn from(v: u16) -> Value {
        Value::Int(v as i64)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(v.clone())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// `args![a, b]`: a parameter list.
macro_rules! args {
    () => { &[] as &[$crate::sql::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::sql::Value::from($v)),+] as &[$crate::sql::Value] };
}
pub(crate) use args;

/// One result row.
#[derive(Debug, Clone)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value> {
        self.0.get(i).ok_or_else(|| StoreError::Corrupt(format!("column {i} missing")))
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            other => Err(StoreError::Corrupt(format!("column {i}: expected an integer, found {other:?}"))),
        }
    }

    pub fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| StoreError::Corrupt(format!("column {i}: unexpected NULL")))
    }

    pub fn u16(&self, i: usize) -> Result<u16> {
        let v = self.int(i)?;
        u16::try_from(v).map_err(|_| StoreError::Corrupt(format!("column {i}: {v} out of range")))
    }

    pub fn real(&self, i: usize) -> Result<f64> {
        match self.at(i)? {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(*v as f64),
            other => Err(StoreError::Corrupt(format!("column {i}: expected a number, found {other:?}"))),
        }
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Text(s) => Ok(Some(s.clone())),
            other => Err(StoreError::Corrupt(format!("column {i}: expected text, found {other:?}"))),
        }
    }

    pub fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| StoreError::Corrupt(format!("column {i}: unexpected NULL")))
    }
}

/// A connection or an open transaction of either backend.
pub(crate) trait Sql {
    /// Run one statement; the number of rows it changed.
    fn exec(&mut self, sql: &str, args: &[Value]) -> Result<u64>;
    /// Run one query; all its rows.
    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>>;
    /// The database's clock now, `YYYY-MM-DDTHH:MM:SSZ` (UTC): the time the audit trail and
    /// sessions are stamped with — one clock for every process and server writing the store.
    fn now(&mut self) -> Result<String>;
    /// The database's clock now in whole seconds since the Unix epoch (session expiry).
    fn epoch(&mut self) -> Result<i64>;
}

impl dyn Sql + '_ {
    /// The first row, if any.
    pub fn query_opt(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }

    /// Exactly the first row.
    pub fn query_one(&mut self, sql: &str, args: &[Value]) -> Result<Row> {
        self.query_opt(sql, args)?.ok_or_else(|| StoreError::Corrupt(format!("no row from {sql}")))
    }
}
