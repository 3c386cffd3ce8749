//! A source file's metadata, recorded in the cache's header next to its content hash: when a
//! source's metadata still equals the recorded one, the recorded hash is trusted and the file is
//! neither read nor hashed (as git trusts its index's stat data).
//!
//! On unix the stamp is the length, mtime and ctime (ns), inode and device: an edit in place
//! moves mtime and ctime (ctime cannot be set back by a user, so `touch -d` is seen too), a
//! replacement moves the inode. Elsewhere it is what std gives: length, modified and created.
//!
//! "Racily clean" files (git's term): a file changed twice within the file system's timestamp
//! granularity, the first change seen by fgf, keeps the same stamp. So a stamp is recorded only
//! when the file's mtime and ctime are `MARGIN` older than the moment fgf started looking at the
//! sources; a notice recorded without one is hashed on every run, and its stamp is recorded once
//! the file has become old enough (the header is then rewritten).

use std::fs::Metadata;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How much older than the moment the sources are looked at a file's times must be for its
/// stamp to be recorded: far above any file system's granularity (FAT's 2 s included).
pub const MARGIN: Duration = Duration::from_secs(3);

/// A source file's metadata, as recorded and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since the epoch.
    pub mtime: i64,
    /// The inode's change time (unix), the creation time elsewhere; nanoseconds since the epoch.
    pub ctime: i64,
    pub ino: u64,
    pub dev: u64,
}

/// Bytes of a stamp in the cache's header.
pub(super) const SIZE: usize = 40;

fn nanos(secs: i64, nsec: i64) -> i64 {
    secs.saturating_mul(1_000_000_000).saturating_add(nsec)
}

fn since_epoch(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
    }
}

impl Stamp {
    /// The stamp of a regular file's metadata (`None` for anything else).
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        meta.is_file().then(|| Stamp {
            len: meta.size(),
            mtime: nanos(meta.mtime(), meta.mtime_nsec()),
            ctime: nanos(meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
            dev: meta.dev(),
        })
    }

    #[cfg(not(unix))]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        let at = |t: std::io::Result<SystemTime>| t.map_or(0, since_epoch);
        meta.is_file().then(|| Stamp {
            len: meta.len(),
            mtime: at(meta.modified()),
            ctime: at(meta.created()),
            ino: 0,
            dev: 0,
        })
    }

    /// The stamp of the file at `path` now (symlinks followed, as the file is read).
    pub fn at(path: &std::path::Path) -> Option<Stamp> {
        Stamp::of(&std::fs::metadata(path).ok()?)
    }

    /// Whether the stamp may be recorded: the file's times are `MARGIN` older than `since`, the
    /// moment fgf started looking at the sources (so a change after that moves them).
    pub fn settled(&self, since: SystemTime) -> bool {
        let limit = since_epoch(since).saturating_sub(MARGIN.as_nanos() as i64);
        self.mtime < limit && self.ctime < limit
    }

    pub(super) fn to_bytes(self) -> [u8; SIZE] {
        let mut out = [0; SIZE];
        let fields = [
            self.len,
            self.mtime as u64,
            self.ctime as u64,
            self.ino,
            self.dev,
        ];
        for (at, f) in out.chunks_exact_mut(8).zip(fields) {
            at.copy_from_slice(&f.to_le_bytes());
        }
        out
    }

    pub(super) fn from_bytes(bytes: [u8; SIZE]) -> Stamp {
        let f = |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8"));
        Stamp {
            len: f(0),
            mtime: f(1) as i64,
            ctime: f(2) as i64,
            ino: f(3),
            dev: f(4),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_survives_its_bytes() {
        let s = Stamp {
            len: 7,
            mtime: -3,
            ctime: i64::MAX,
            ino: u64::MAX,
            dev: 1,
        };
        assert_eq!(Stamp::from_bytes(s.to_bytes()), s);
    }

    #[test]
    fn only_times_older_than_the_margin_are_settled() {
        let now = SystemTime::now();
        let ns = |t: SystemTime| since_epoch(t);
        let at = |m: SystemTime, c: SystemTime| Stamp {
            len: 1,
            mtime: ns(m),
            ctime: ns(c),
            ino: 1,
            dev: 1,
        };
        let old = now - MARGIN - Duration::from_millis(1);
        let recent = now - MARGIN + Duration::from_millis(1);
        assert!(at(old, old).settled(now));
        assert!(!at(recent, old).settled(now), "mtime too recent");
        assert!(!at(old, recent).settled(now), "ctime too recent (touch -d)");
        assert!(!at(now + MARGIN, old).settled(now), "a time in the future");
    }

    #[test]
    fn a_file_stamp_is_its_metadata_and_moves_with_an_edit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.json");
        std::fs::write(&path, b"abc").unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let before = Stamp::at(&path).unwrap();
        assert_eq!((before.len, before.mtime), (3, since_epoch(old)));
        std::fs::write(&path, b"abd").unwrap();
        let after = Stamp::at(&path).unwrap();
        assert_eq!(after.len, before.len);
        assert_ne!(after, before, "same length, edited in place");
        assert!(Stamp::at(dir.path()).is_none(), "a directory has none");
    }
}
