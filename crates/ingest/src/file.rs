//! Reading a file's bytes once, whole and unchanged: the size limit is checked before
//! reading, and a file whose size or modification time differs after the read from before
//! it (a download still being written, an editor saving) is refused rather than stored half.

use crate::error::{ErrorKind, IngestError};
use std::io::Read;
use std::path::Path;

/// The bytes of `file` (named `name` in errors), at most `max` of them.
pub fn read_stable(file: &Path, name: &str, max: u64) -> Result<Vec<u8>, IngestError> {
    let io = |e| IngestError::new(name, ErrorKind::Io(e));
    let before = std::fs::metadata(file).map_err(io)?;
    if before.len() > max {
        return Err(IngestError::new(name, ErrorKind::TooLarge { size_mib: before.len() as f64 / 1048576.0, limit_mib: max / 1048576 }));
    }
    let mut bytes = Vec::with_capacity(before.len() as usize);
    std::fs::File::open(file).and_then(|f| f.take(max + 1).read_to_end(&mut bytes)).map_err(io)?;
    let after = std::fs::metadata(file).map_err(io)?;
    let changed = |what: String| Err(IngestError::new(name, ErrorKind::ChangedWhileRead { what }));
    if after.len() != before.len() || bytes.len() as u64 != before.len() {
        return changed(format!("{} bytes when opened, {} read, {} after", before.len(), bytes.len(), after.len()));
    }
    if after.modified().ok() != before.modified().ok() {
        return changed("its modification time moved during the read".into());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn reads_a_quiet_file_and_refuses_a_big_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "MEXICO: TIER 2").unwrap();
        assert_eq!(read_stable(&p, "a.txt", 100).unwrap(), b"MEXICO: TIER 2");
        let e = read_stable(&p, "a.txt", 4).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::TooLarge { .. }) && e.to_string().starts_with("a.txt"), "{e}");
    }

    #[test]
    fn a_file_growing_during_the_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("growing.txt");
        std::fs::write(&p, vec![b'a'; 8 << 20]).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let writer = {
            let (p, stop) = (p.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
                while !stop.load(Ordering::Relaxed) {
                    f.write_all(b"more text\n").unwrap();
                }
            })
        };
        // Bounded: every read of a file appended to without pause sees it change.
        let refused = (0..50).any(|_| matches!(read_stable(&p, "growing.txt", 1 << 30), Err(IngestError { kind: ErrorKind::ChangedWhileRead { .. }, .. })));
        stop.store(true, Ordering::Relaxed);
        writer.join().unwrap();
        assert!(refused, "50 reads of a file being appended to never noticed the change");
        assert!(read_stable(&p, "growing.txt", 1 << 30).is_ok(), "once quiet it reads");
    }
}
