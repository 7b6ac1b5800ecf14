//! One writer per store at a time, across processes, for the length of an `ingest`. A
//! SQLite store: `<db>.lock` beside the file, locked (an OS advisory lock, released when
//! the process ends, even by SIGKILL). A PostgreSQL store: a session advisory lock held on
//! a connection of its own (released when that connection ends, however the process
//! ends), so ingests on different machines take turns too. A second `ingest` on the same
//! store waits for the first and says so; readers (`serve`, `list`, `search`) never take it.

use crate::{Location, StoreError};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The session advisory lock key of an ingest on PostgreSQL.
const PG_WRITER_LOCK: i64 = 843_792_825;

/// Held while a process writes the store; dropping it releases the lock.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
    pub path: PathBuf,
}

/// A store's writer lock, whichever the backend.
pub enum StoreWriterLock {
    File(WriterLock),
    Postgres(postgres::Client),
}

impl StoreWriterLock {
    /// Take the writer lock of the store at `location`; when another process holds it,
    /// call `waiting` once with what is waited for (to tell the user) and wait.
    pub fn acquire(location: &Location, waiting: impl FnOnce(&str)) -> Result<StoreWriterLock, StoreError> {
        match location {
            Location::Sqlite(db) => {
                let lock = WriterLock::acquire(db, |p| waiting(&format!("lock {}", p.display())))
                    .map_err(|e| StoreError::Unsupported(format!("cannot take the store's writer lock {}: {e}", lock_path_for(db).display())))?;
                Ok(StoreWriterLock::File(lock))
            }
            Location::Postgres(url) => {
                let mut client = url
                    .config
                    .connect(postgres::NoTls)
                    .map_err(|e| StoreError::Connect { location: location.to_string(), message: crate::pg::message(&e) })?;
                let got: bool = client.query_one("SELECT pg_try_advisory_lock($1)", &[&PG_WRITER_LOCK])?.get(0);
                if !got {
                    waiting(&format!("PostgreSQL advisory lock {PG_WRITER_LOCK}"));
                    client.execute("SELECT pg_advisory_lock($1)", &[&PG_WRITER_LOCK])?;
                }
                Ok(StoreWriterLock::Postgres(client))
            }
        }
    }
}

/// The lock file of a store file: `<db>.lock`.
pub fn lock_path_for(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

impl WriterLock {
    /// Take the store's writer lock; when another process holds it, call `waiting` once
    /// (to tell the user) and wait until it is released.
    pub fn acquire(db: &Path, waiting: impl FnOnce(&Path)) -> std::io::Result<WriterLock> {
        let path = lock_path_for(db);
        let file = File::options().create(true).truncate(false).write(true).open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting(&path);
                file.lock()?;
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        Ok(WriterLock { _file: file, path })
    }

    /// Take the lock only if it is free.
    pub fn try_acquire(db: &Path) -> std::io::Result<Option<WriterLock>> {
        let path = lock_path_for(db);
        let file = File::options().create(true).truncate(false).write(true).open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriterLock { _file: file, path })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.sqlite");
        let first = WriterLock::acquire(&db, |_| panic!("free at first")).unwrap();
        assert!(WriterLock::try_acquire(&db).unwrap().is_none(), "held by the first");
        let (tx, rx) = std::sync::mpsc::channel();
        let db2 = db.clone();
        let second = std::thread::spawn(move || {
            let lock = WriterLock::acquire(&db2, |p| tx.send(p.to_path_buf()).unwrap()).unwrap();
            drop(lock);
        });
        assert_eq!(rx.recv().unwrap(), lock_path_for(&db), "the waiter is told which lock it waits for");
        drop(first);
        second.join().unwrap();
        assert!(WriterLock::try_acquire(&db).unwrap().is_some(), "free again");
    }
}
