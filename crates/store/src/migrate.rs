//! Versioned schema migrations: one append-only list per backend (`sqlite::MIGRATIONS`,
//! `pg::MIGRATIONS`, SQL files under `migrations/sqlite/` and `migrations/postgres/`),
//! numbered alike, so version N is the same schema on both. Each backend applies its own.

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    crate::sqlite::MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_backends_have_the_same_versions() {
        let versions = |m: &[(i64, &str)]| m.iter().map(|(v, _)| *v).collect::<Vec<_>>();
        let sqlite = versions(crate::sqlite::MIGRATIONS);
        assert_eq!(sqlite, versions(crate::pg::MIGRATIONS));
        assert_eq!(sqlite, (1..=super::latest_version()).collect::<Vec<_>>(), "numbered 1, 2, 3, … without gaps");
    }
}
