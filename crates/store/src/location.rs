//! Where a store lives: a SQLite file (the default, no server) or a PostgreSQL database
//! named by a `postgres://` (or `postgresql://`) URL. Parsed once, from `--db` or
//! `TIERWATCH_DB`; shown to users only with its password replaced by `***`.

use crate::StoreError;
use std::fmt;
use std::path::{Path, PathBuf};

/// A store's location.
#[derive(Clone)]
pub enum Location {
    /// A SQLite file, created on first use.
    Sqlite(PathBuf),
    /// A PostgreSQL database; the URL as given (it may hold a password: never print it,
    /// print the `Location` instead).
    Postgres(PgUrl),
}

/// A checked PostgreSQL URL.
#[derive(Clone)]
pub struct PgUrl {
    url: String,
    pub(crate) config: postgres::Config,
}

impl PgUrl {
    /// The URL exactly as given, password included: only for connecting.
    pub fn secret(&self) -> &str {
        &self.url
    }
}

impl Location {
    /// `postgres://…` or `postgresql://…` is PostgreSQL; anything else is a SQLite path.
    pub fn parse(s: &str) -> Result<Location, StoreError> {
        if s.is_empty() {
            return Err(StoreError::BadLocation("the store location is empty (give a SQLite path or a postgres:// URL)".into()));
        }
        if !is_postgres_url(s) {
            return Ok(Location::Sqlite(PathBuf::from(s)));
        }
        // The scheme in any case; the driver reads it in lower case only.
        let (scheme, rest) = s.split_once("://").expect("a postgres URL has ://");
        let normal = format!("{}://{rest}", scheme.to_ascii_lowercase());
        let config: postgres::Config = normal.parse().map_err(|e| StoreError::BadLocation(format!("{}: {e}", redact(s))))?;
        if config.get_hosts().is_empty() {
            return Err(StoreError::BadLocation(format!("{}: no host (write postgres://USER@HOST[:PORT]/DATABASE)", redact(s))));
        }
        Ok(Location::Postgres(PgUrl { url: normal, config }))
    }

    /// A file or folder that belongs to this store on this machine, named with `suffix`
    /// (`.index` for the search index): beside a SQLite file (`<db><suffix>`); for
    /// PostgreSQL, in the current folder, named after host, port and database
    /// (`tierwatch-pg-HOST-PORT-DB<suffix>`), since each machine keeps its own.
    pub fn local_path(&self, suffix: &str) -> PathBuf {
        match self {
            Location::Sqlite(p) => {
                let mut s = p.as_os_str().to_owned();
                s.push(suffix);
                PathBuf::from(s)
            }
            Location::Postgres(u) => {
                let host = match u.config.get_hosts().first() {
                    Some(postgres::config::Host::Tcp(h)) => h.clone(),
                    #[cfg(unix)]
                    Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
                    None => String::new(),
                };
                let port = u.config.get_ports().first().copied().unwrap_or(5432);
                let db = u.config.get_dbname().or(u.config.get_user()).unwrap_or("postgres");
                let clean: String = format!("{host}-{port}-{db}")
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' { c } else { '_' })
                    .collect();
                PathBuf::from(format!("tierwatch-pg-{clean}{suffix}"))
            }
        }
    }

    /// The SQLite path, if this is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Location::Sqlite(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }
}

impl From<PathBuf> for Location {
    fn from(p: PathBuf) -> Location {
        Location::Sqlite(p)
    }
}

impl From<&Path> for Location {
    fn from(p: &Path) -> Location {
        Location::Sqlite(p.to_path_buf())
    }
}

impl std::str::FromStr for Location {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Location, StoreError> {
        Location::parse(s)
    }
}

/// Shown with the password replaced: safe in errors and logs.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(p) => write!(f, "{}", p.display()),
            Location::Postgres(u) => f.write_str(&redact(&u.url)),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({self})")
    }
}

fn is_postgres_url(s: &str) -> bool {
    let lower = s.get(..13).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The URL with any password (in the user part or a `password=` parameter) as `***`.
pub(crate) fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else { return url.to_string() };
    let (head, rest) = url.split_at(scheme_end);
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rfind('@') {
        Some(at) => match authority[..at].find(':') {
            Some(colon) => format!("{}:***{}", &authority[..colon], &authority[at..]),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let q: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => kv.to_string(),
                })
                .collect();
            format!("{path}?{}", q.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{head}{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_sqlite_and_a_url_is_postgres() {
        assert!(matches!(Location::parse("tierwatch.sqlite").unwrap(), Location::Sqlite(_)));
        assert!(matches!(Location::parse("./postgres/x.sqlite").unwrap(), Location::Sqlite(_)));
        assert!(matches!(Location::parse("postgres://u@h/db").unwrap(), Location::Postgres(_)));
        assert!(matches!(Location::parse("PostgreSQL://u@h:5433/db").unwrap(), Location::Postgres(_)));
        assert!(Location::parse("").is_err());
    }

    #[test]
    fn passwords_never_show() {
        let l = Location::parse("postgres://ana:s3cret@db.example:5433/tw?password=other&sslmode=disable").unwrap();
        let shown = l.to_string();
        assert_eq!(shown, "postgres://ana:***@db.example:5433/tw?password=***&sslmode=disable");
        assert!(!format!("{l:?}").contains("s3cret"));
        let bad = Location::parse("postgres://ana:s3cret@h:notaport/tw").unwrap_err().to_string();
        assert!(bad.contains("postgres://ana:***@h:notaport/tw"), "{bad}");
        assert!(!bad.contains("s3cret"), "{bad}");
    }

    #[test]
    fn local_paths() {
        assert_eq!(Location::parse("a/t.sqlite").unwrap().local_path(".index"), PathBuf::from("a/t.sqlite.index"));
        assert_eq!(
            Location::parse("postgres://u:p@127.0.0.1:5433/tw").unwrap().local_path(".index"),
            PathBuf::from("tierwatch-pg-127.0.0.1-5433-tw.index")
        );
    }
}
