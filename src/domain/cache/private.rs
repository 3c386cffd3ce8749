//! Reading a notice's archive in place without checking every byte again, when that is sound.
//!
//! bytecheck over an archive costs about as much as the whole search over it (UTF-8 of every
//! text; half the CPU of `fgf who` across 500 notices). It guards against archives fgf did not
//! write. A cache file is fgf's own: written whole by this build's version (the header names it,
//! with a hash of the archived types' source), replaced only by an atomic rename, and each
//! archive's checksum (XXH3-64) is checked before use, so a file damaged on disk is refused.
//! What the checksum cannot refuse is a file crafted on purpose with matching checksums; only
//! its writer could craft it. So the check is skipped only for a file that no one but this user
//! (or root) can have written: owned by the effective user, writable by no group or other. Any
//! other cache file is read with every byte checked, as before.

use super::{ArchivedNotice, Cache, Hash, kept};
use crate::domain::search::Kept;

/// Whether a cache file with this metadata can only have been written by this user (or root).
#[cfg(unix)]
pub(super) fn private(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    meta.uid() == me && meta.mode() & 0o022 == 0
}

#[cfg(not(unix))]
pub(super) fn private(_: &std::fs::Metadata) -> bool {
    false
}

impl Cache {
    /// Notice `id` from a source with hash `source`, read in place: its archive's bytes, its
    /// corpus for search, and whether its text needs no neutralising. `None` when the cache
    /// does not hold it or it fails a check.
    pub fn in_place(&self, id: &str, source: Hash) -> Option<(&[u8], Kept<'_>, bool)> {
        let bytes = self.bytes(id, source)?;
        if !self.private {
            let (kept, clean) = kept(bytes)?;
            return Some((bytes, kept, clean));
        }
        // SAFETY: `bytes` is an archive this build wrote: the file is this user's alone
        // (`private`), its header names this build's version and format (checked when it was
        // opened), the archive lies 16-aligned inside the file (checked), and its checksum
        // holds, so these are the bytes `archive` produced for an `ArchivedNotice`.
        let a = unsafe { rkyv::access_unchecked::<ArchivedNotice>(bytes) };
        Some((
            bytes,
            Kept::new(&a.doc, &a.index, &a.keys, a.clean),
            a.clean,
        ))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn only_a_file_no_one_else_can_write_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c");
        std::fs::write(&path, b"x").unwrap();
        for (mode, alone) in [
            (0o600, true),
            (0o400, true),
            (0o640, true),
            (0o620, false),
            (0o602, false),
            (0o666, false),
        ] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(
                private(&std::fs::metadata(&path).unwrap()),
                alone,
                "{mode:o}"
            );
        }
    }
}
