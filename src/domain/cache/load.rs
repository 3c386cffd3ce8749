//! The workspace's notices read through the cache: a source file whose metadata equals the one
//! the cache recorded (cache/stamp.rs) is taken at the recorded hash, unread; any other is read
//! and hashed. A notice whose hash the cache holds comes from its archive, any other from its
//! JSON (and the cache is then written anew, atomically, keeping the archives still valid; so
//! too when a source's metadata is to be recorded anew).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rkyv::util::AlignedVec;

use super::{ALIGN, Cache, Hash, Notice, Record, Stamp, encode, hash};
use crate::domain::catalog::Catalog;
use crate::domain::input::open_regular;
use crate::domain::load::{self, LoadError};
use crate::domain::seeds;
use crate::domain::store::atomic;
use crate::domain::workspace::{Entry, Source};

/// Set (to anything but empty or `0`) to read every notice from its source, with no cache read or
/// written: to compare answers, or to rule the cache out.
pub const ENV_BYPASS: &str = "FGF_NO_CACHE";
/// The cache file's name in the cache directory.
pub const FILE: &str = "workspace.rkyv";

/// The cache file in the platform's cache directory (`~/.cache/fgf/` on Linux), or `None` when
/// there is none or `FGF_NO_CACHE` asks for no cache.
pub fn locate() -> Option<PathBuf> {
    let bypass = std::env::var_os(ENV_BYPASS).is_some_and(|v| !v.is_empty() && v != "0");
    if bypass {
        return None;
    }
    let dirs = directories::ProjectDirs::from("", "", "fgf")?;
    Some(path_in(dirs.cache_dir()))
}

/// One notice through the cache, which is only read: a notice it does not hold is loaded from
/// its source (the cache is brought up to date by the next command across the workspace).
pub fn catalog(entry: &Entry, file: Option<&Path>, version: &str) -> Result<Catalog, LoadError> {
    let old = file.and_then(|f| open(f, version));
    notice(entry, old.as_ref(), true, SystemTime::now(), false).0
}

/// Some notices through the cache, which is only read (no search index): the workspace list's
/// first screen, before every notice is loaded by `catalogs`.
pub fn peek(
    entries: &[Entry],
    file: Option<&Path>,
    version: &str,
) -> Vec<Result<Catalog, LoadError>> {
    let old = file.and_then(|f| open(f, version));
    let since = SystemTime::now();
    entries
        .iter()
        .map(|e| notice(e, old.as_ref(), false, since, false).0)
        .collect()
}

/// The cache file in the cache directory `dir`.
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Where a notice came from, for writing the cache anew.
enum Got {
    /// Nothing to keep (the embedded notice, or a source that does not load).
    Nothing,
    /// The cache's archive, still valid; the source's stamp to record.
    Kept(Hash, Option<Stamp>),
    /// Parsed from its source: its stamp to record, its new archive.
    New(Hash, Option<Stamp>, AlignedVec<ALIGN>),
}

impl Got {
    /// The source's hash and stamp the cache's header is to say for this notice.
    fn said(&self) -> Option<(Hash, Option<Stamp>)> {
        match self {
            Got::Nothing => None,
            Got::Kept(h, s) | Got::New(h, s, _) => Some((*h, *s)),
        }
    }

    /// What the cache's header is to say of this notice (its kept archive from `old`).
    fn record<'a>(&'a self, id: &'a str, old: Option<&'a Cache>) -> Option<Record<'a>> {
        let (source, stamp, archive) = match self {
            Got::Nothing => return None,
            Got::Kept(h, s) => (*h, *s, old?.bytes(id, *h)?),
            Got::New(h, s, bytes) => (*h, *s, bytes.as_slice()),
        };
        Some(Record {
            id,
            source,
            stamp,
            archive,
        })
    }
}

/// Every notice of `entries`, in order, each loaded as `Entry::load` does, through the cache
/// file `file` (`None`: no cache), with the kept search indexes when `index` (for the commands
/// that search). `version` is fgf's: a cache written by another is rebuilt.
/// Nothing here fails because of the cache: a cache that cannot be read or written only costs
/// time.
pub fn catalogs(
    entries: &[Entry],
    file: Option<&Path>,
    version: &str,
    index: bool,
) -> Vec<Result<Catalog, LoadError>> {
    catalogs_since(entries, file, version, index, SystemTime::now())
}

/// `catalogs`, the sources looked at from the moment `since` on: a source whose times are not
/// `MARGIN` older than that is hashed on every run, its metadata not recorded (`Stamp::settled`).
pub fn catalogs_since(
    entries: &[Entry],
    file: Option<&Path>,
    version: &str,
    index: bool,
    since: SystemTime,
) -> Vec<Result<Catalog, LoadError>> {
    let Some(file) = file else {
        return entries.iter().map(Entry::load).collect();
    };
    let old = open(file, version);
    let one = |e: &Entry| notice(e, old.as_ref(), index, since, true);
    let got: Vec<(Result<Catalog, LoadError>, Got)> = if entries.len() >= 16 {
        // Both cores: the notices are independent.
        let (a, b) = entries.split_at(entries.len() / 2);
        std::thread::scope(|s| {
            let first = s.spawn(|| a.iter().map(one).collect::<Vec<_>>());
            let mut second: Vec<_> = b.iter().map(one).collect();
            let mut all = first.join().expect("a loading thread does not panic");
            all.append(&mut second);
            all
        })
    } else {
        entries.iter().map(one).collect()
    };
    // Written anew when a notice was parsed from its source (new, changed, or its archive
    // failed a check), or when what the header would say differs from what it says (a notice
    // gone, a stamp to record).
    let said = entries
        .iter()
        .zip(&got)
        .filter_map(|(e, (_, g))| g.said().map(|(h, s)| (e.id.as_str(), h, s)));
    let parsed = got.iter().any(|(_, g)| matches!(g, Got::New(..)));
    if parsed || !old.as_ref().is_some_and(|c| c.notices().eq(said)) {
        let records: Vec<Record> = entries
            .iter()
            .zip(&got)
            .filter_map(|(e, (_, g))| g.record(&e.id, old.as_ref()))
            .collect();
        let bytes = encode(version, &records);
        // The old file unmapped before it is replaced (Windows refuses to replace a mapped file).
        drop(records);
        drop(old);
        write(file, &bytes);
    }
    got.into_iter().map(|(cat, _)| cat).collect()
}

/// One notice: from the cache when it holds this source's archive, else from the source. The
/// source is not read when its metadata is the one the cache recorded with the hash.
/// `write`: the cache is to be written anew (else a notice read from its source is not archived).
fn notice(
    entry: &Entry,
    cache: Option<&Cache>,
    index: bool,
    since: SystemTime,
    write: bool,
) -> (Result<Catalog, LoadError>, Got) {
    let Source::File(path) = &entry.source else {
        return (Ok(seeds::embedded()), Got::Nothing);
    };
    // Taken before the file is read: a change while it is read moves it from what is recorded.
    let stamp = Stamp::at(path);
    if let (Some(c), Some(s)) = (cache, &stamp)
        && let Some(h) = c.known(&entry.id, s)
        && let Some(cat) = c.catalog(&entry.id, h, index)
    {
        return (Ok(cat), Got::Kept(h, stamp));
    }
    let bytes = match load::read_limited(path) {
        Ok(b) => b,
        Err(e) => return (Err(e), Got::Nothing),
    };
    let h = hash(&bytes);
    let stamp = stamp.filter(|s| s.settled(since));
    if let Some(cat) = cache.and_then(|c| c.catalog(&entry.id, h, index)) {
        return (Ok(cat), Got::Kept(h, stamp));
    }
    // As `load::from_path`: the fast parse, else every problem located.
    let Some(cat) = load::parse_document(&bytes).and_then(|doc| Catalog::new(doc).ok()) else {
        return (Err(load::invalid(path, &bytes)), Got::Nothing);
    };
    if !write {
        // The cache is only read: nothing to archive (its index is built if a search asks).
        return (Ok(cat), Got::Nothing);
    }
    // The source's text is not needed any more (50 MB for 100k measures).
    drop(bytes);
    let (cat, arch) = Notice::archived(cat);
    (Ok(cat), Got::New(h, stamp, arch))
}

/// The cache file, its header checked; `None` when there is none, it is not a regular file fgf
/// can read, or its header fails a check.
pub fn open(file: &Path, version: &str) -> Option<Cache> {
    Cache::open(&open_regular(file).ok()?, version).ok()
}

/// Replaces the cache file with `bytes`, atomically (temp file + rename: a reader sees the old
/// file or the new one, and two writers at once each replace it whole). Whatever is in its
/// place and is not a readable cache goes first (a directory, a file without read permission).
/// A cache that cannot be written is only a cache: nothing is said.
fn write(file: &Path, bytes: &[u8]) {
    let Some(dir) = file.parent() else { return };
    if atomic::create_dir(dir).is_err() {
        return;
    }
    match std::fs::symlink_metadata(file) {
        Ok(meta) if meta.is_dir() => {
            let _ = std::fs::remove_dir_all(file);
        }
        // Not the owner's to read and write, or not the user's alone (private.rs): the new file
        // must not keep its mode.
        Ok(meta) if !owner_rw(&meta) || !super::private::private(&meta) => {
            let _ = std::fs::remove_file(file);
        }
        _ => {}
    }
    let _ = atomic::write(file, bytes);
}

/// Whether the owner may read and write the file (else the rename would keep its mode: the new
/// cache would be as unreadable as the old).
#[cfg(unix)]
fn owner_rw(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o600 == 0o600
}

#[cfg(not(unix))]
fn owner_rw(meta: &std::fs::Metadata) -> bool {
    !meta.permissions().readonly()
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
