//! One writer per store at a time, across processes: `<db>.lock` beside the store file,
//! locked (an OS advisory lock, released when the process ends, even by SIGKILL) for the
//! length of an `ingest`. A second `ingest` on the same store waits for the first and says
//! so; readers (`serve`, `list`, `search`) never take it.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// Held while a process writes the store; dropping it releases the lock.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
    pub path: PathBuf,
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
