//! Versioned schema migrations, applied in order inside one transaction each.

use rusqlite::Connection;

/// (version, SQL). Append only: a released migration is never edited.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_documents.sql")),
    (2, include_str!("migrations/0002_facts.sql")),
    (3, include_str!("migrations/0003_derived_hash.sql")),
    (4, include_str!("migrations/0004_worksheets.sql")),
];

/// Bring the database to the newest schema version; returns the version.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<i64> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")?;
    let current: i64 = conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    for &(version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES (?1)", [version])?;
        tx.commit()?;
    }
    Ok(MIGRATIONS.last().map(|m| m.0).unwrap_or(0))
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}
