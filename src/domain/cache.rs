//! The workspace's ready-to-use form, kept in the cache directory (`~/.cache/fgf/workspace.rkyv`
//! on Linux): every stored notice already parsed, as an rkyv archive that is read back without
//! JSON parsing. It only ever saves work: each notice is keyed by the content hash of its source
//! file (XXH3-128) and the whole file by fgf's version and this format's version, with a
//! checksum over the header and one over each notice (over its archive's blocks, checked on
//! every core: `archive_sum`). A file that is missing, stale, of another
//! version, truncated, flipped, empty, not a file or unreadable fails these checks and is rebuilt
//! from the sources, silently: the answer is always the one the sources give. A document is
//! archived only once `Catalog::new` accepted it; from the cache, its checksum and bytecheck
//! holding, it is not validated again (`Catalog::validated` builds the catalog's indexes only).
//! Each notice's source file's metadata is recorded too (cache/stamp.rs): a source whose
//! metadata still equals it is not read or hashed.
//!
//! Layout (little-endian): `FGFCACHE`, format u32, version (u32 length + UTF-8), count u32, then
//! per notice id (u32 length + UTF-8), source hash u128, stamp (u8 0, or u8 1 + length, mtime,
//! ctime, inode, device as 5 x u64), offset u64, length u64, checksum u64; then the header's
//! checksum u64; then each notice's archive at its offset (16-aligned).
//!
//! The file is memory-mapped, read-only: a notice's archive is checked and read in place
//! (`Cache::bytes`; the map is page-aligned, the offsets 16-aligned, as rkyv needs), no copy.
//! fgf never changes a cache file in place: it writes a new one and renames it over the old
//! (load.rs), and a process that has the old one mapped keeps reading the old file. The one risk
//! left is another program truncating the file in place while fgf reads it: the kernel then
//! sends SIGBUS for a page past the new end, and the process dies (no wrong answer; checksums
//! catch content changed in place).

mod day;
mod figures;
mod header;
mod inplace;
mod load;
mod private;
mod shelf;
mod stamp;

use std::ops::Range;

use rkyv::rancor;
use rkyv::util::AlignedVec;
use twox_hash::{XxHash3_64, XxHash3_128};

pub use day::{Day, date_of};
pub use figures::{Figures, figures, head, head_of};
pub use header::{Record, encode};
pub use inplace::{Held, held, stamped};
pub use load::{ENV_BYPASS, FILE, catalog, catalogs, catalogs_since, locate, open, path_in, peek};
pub use shelf::Shelf;
pub use stamp::{MARGIN, Stamp};

use super::catalog::{Catalog, needs_no_sanitizing};
use super::model::Document;
use super::search::{EntryKeys, Index, Kept, Stored, par};
use header::Slot;

/// The layout's version: a cache of another format is rebuilt.
/// 3: pinyin keys are kept as their syllables' numbers (`search::pinyin::Keys::syl`).
/// 4: a notice's checksum is over its archive's blocks' checksums (`archive_sum`).
pub const FORMAT: u32 = 4;
const MAGIC: &[u8; 8] = b"FGFCACHE";
/// Archives are read in place: each starts on this boundary.
const ALIGN: usize = 16;

/// A source file's content hash.
pub type Hash = u128;

/// The content hash of a source file.
pub fn hash(bytes: &[u8]) -> Hash {
    XxHash3_128::oneshot(bytes)
}

fn sum(bytes: &[u8]) -> u64 {
    XxHash3_64::oneshot(bytes)
}

/// Bytes of a notice's archive checksummed on their own (`archive_sum`).
const BLOCK: usize = 1 << 20;

/// The checksum of a notice's archive: XXH3-64 over the XXH3-64 of each `BLOCK` bytes of it, in
/// order (little-endian), so that a large archive (a 100k-measure notice's 90 MB, checked on
/// every command) is checked on every core.
fn archive_sum(bytes: &[u8]) -> u64 {
    let blocks: Vec<&[u8]> = bytes.chunks(BLOCK).collect();
    let sums = par::map_weighted(&blocks, bytes.len(), |part| {
        part.iter()
            .flat_map(|b| sum(b).to_le_bytes())
            .collect::<Vec<u8>>()
    });
    sum(&sums.concat())
}

/// What a cache must have been written by: fgf's version and the source text of every type it
/// archives and of what the kept index is made with (folding, names, pinyin), and the crates'
/// versions: a build that changed any of them, under the same version number, does not read an
/// archive of the old kind.
pub fn version() -> String {
    let model = [
        include_str!("model.rs"),
        include_str!("roles.rs"),
        include_str!("cache.rs"),
        include_str!("cache/day.rs"),
        include_str!("cache/header.rs"),
        include_str!("cache/stamp.rs"),
        include_str!("catalog.rs"),
        include_str!("search/index.rs"),
        include_str!("search/stored.rs"),
        include_str!("search/pinyin.rs"),
        include_str!("search/fold.rs"),
        include_str!("search/accents_table.rs"),
        include_str!("search/traditional_table.rs"),
        include_str!("search/names.rs"),
        // The crates' versions (pinyin's readings, rkyv's layout).
        include_str!("../../Cargo.lock"),
    ];
    let h = model
        .iter()
        .fold(0u64, |acc, text| acc.rotate_left(1) ^ sum(text.as_bytes()));
    format!("{} {h:016x}", env!("CARGO_PKG_VERSION"))
}

/// What the cache keeps of one notice: its document as its catalog holds it, the
/// search index of its catalog with the pinyin keys built, and whether its text needs no
/// neutralising for a terminal.
#[derive(Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Notice {
    pub doc: Document,
    pub index: Stored,
    /// The pinyin keys of the index's entries (read in place only, by `Kept`).
    pub keys: Vec<EntryKeys>,
    pub clean: bool,
}

impl Notice {
    /// The notice to keep for a parsed document, and its catalog (with that index); `None`
    /// when the document is not valid.
    pub fn build(doc: Document) -> Option<(Notice, Catalog)> {
        let cat = Catalog::new(doc).ok()?;
        let (index, keys) = Stored::of(&cat);
        let notice = Notice {
            // As the catalog holds it (format 2's inherited allocations filled in), so that a
            // notice read in place reads as its catalog; `Catalog::new` on it again changes
            // nothing.
            doc: cat.doc.clone(),
            index,
            keys,
            clean: needs_no_sanitizing(&cat.doc),
        };
        Some((notice, cat))
    }

    /// `build` and `archive` for a catalog already made (`Catalog::new`): the archive made from
    /// the catalog's own document, lent to the notice while it is archived, not a copy (a 100k
    /// notice's document is some 150 MB); the catalog back with the index it was archived with.
    pub fn archived(mut cat: Catalog) -> (Catalog, AlignedVec<ALIGN>) {
        let (index, keys) = Stored::of(&cat);
        let clean = needs_no_sanitizing(&cat.doc);
        let notice = Notice {
            doc: std::mem::take(&mut cat.doc),
            index,
            keys,
            clean,
        };
        let bytes = archive(&notice);
        let Notice { doc, index, .. } = notice;
        cat.doc = doc;
        (cat.with_prepared(Index::from(index), clean), bytes)
    }
}

/// Why a cache file is not used (then it is rebuilt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Magic,
    Format(u32),
    Version(String),
    Truncated,
    Checksum,
    Layout,
}

/// A cache file whose header passed its checks; each notice is read from it when asked for.
pub struct Cache {
    body: Body,
    slots: Vec<Slot>,
    /// Whether the file can only have been written by this user (private.rs).
    private: bool,
}

/// Where the notices' archives are: in memory, or in the cache file mapped read-only (the
/// pages a command touches are read by the kernel when touched, and shared with its page cache).
enum Body {
    Bytes(AlignedVec<ALIGN>),
    Map(memmap2::Mmap),
}

impl Body {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Bytes(v) => v,
            Body::Map(m) => m,
        }
    }

    /// Unmaps the pages wholly inside `range` from this process (they stay in the page cache,
    /// and are read again if touched again): an archive deserialised into owned values is then
    /// not in the process's memory twice.
    #[cfg(unix)]
    fn release(&self, range: Range<usize>) {
        let Body::Map(map) = self else { return };
        // SAFETY: sysconf has no preconditions.
        let page = (unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).max(1) as usize;
        let (start, end) = (range.start.next_multiple_of(page), range.end / page * page);
        if start < end {
            // SAFETY: the map is a read-only shared map of a file: dropping pages loses nothing,
            // and a page touched again (by this thread or another) reads the file's bytes again.
            let advice = memmap2::UncheckedAdvice::DontNeed;
            let _ = unsafe { map.unchecked_advise_range(advice, start, end - start) };
        }
    }

    #[cfg(not(unix))]
    fn release(&self, _: Range<usize>) {}
}

impl Cache {
    /// Checks the header of a cache file written by fgf `version`: magic, format, version,
    /// every notice's place inside the file, the header's checksum. (Each notice's own checksum
    /// is checked when it is read.)
    pub fn parse(bytes: AlignedVec<ALIGN>, version: &str) -> Result<Cache, Invalid> {
        Cache::over(Body::Bytes(bytes), version)
    }

    /// `parse` on an open cache file, mapped into memory: only its header is read now.
    pub fn open(file: &std::fs::File, version: &str) -> Result<Cache, Invalid> {
        // SAFETY: the map is only read, as bytes checked before use (checksums, bytecheck). fgf
        // never changes a cache file in place: it is replaced whole by a rename, and the map
        // keeps the old file alive. What is left is another program truncating the file in
        // place while this map is read: then the process gets SIGBUS (see the module doc).
        let map = unsafe { memmap2::Mmap::map(file) }.map_err(|_| Invalid::Truncated)?;
        let private = file.metadata().is_ok_and(|m| private::private(&m));
        Ok(Cache {
            private,
            ..Cache::over(Body::Map(map), version)?
        })
    }

    fn over(body: Body, version: &str) -> Result<Cache, Invalid> {
        let bytes = body.bytes();
        let slots = header::read(bytes, bytes.len(), version)?;
        Ok(Cache {
            body,
            slots,
            private: false,
        })
    }
}

impl Cache {
    /// The archive of notice `id` made from a source with content hash `source`, in place in
    /// the cache (16-aligned), when the cache has it and its checksum holds.
    pub fn bytes(&self, id: &str, source: Hash) -> Option<&[u8]> {
        let slot = self.slot(id, source)?;
        let bytes = self.body.bytes().get(slot.range.clone())?;
        (archive_sum(bytes) == slot.sum).then_some(bytes)
    }

    /// Gives back to the system the map's pages wholly inside `bytes` (a part of this cache's
    /// bytes): they are read again from the page cache if touched again.
    pub(crate) fn release_bytes(&self, bytes: &[u8]) {
        let base = self.body.bytes().as_ptr() as usize;
        let start = (bytes.as_ptr() as usize).wrapping_sub(base);
        if start <= self.body.bytes().len() {
            self.body.release(start..start + bytes.len());
        }
    }

    fn slot(&self, id: &str, source: Hash) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id && s.source == source)
    }

    /// Notice `id` from a source with hash `source`: `None` when the cache does not have it or
    /// what it has fails a check.
    pub fn notice(&self, id: &str, source: Hash) -> Option<Notice> {
        unarchive(self.bytes(id, source)?)
    }

    /// The catalog of notice `id` from a source with hash `source`, with its kept search index
    /// when `index` (else only the document is deserialised; the index is built if ever asked
    /// for). `None` when the cache does not have it or what it has fails a check.
    pub fn catalog(&self, id: &str, source: Hash, index: bool) -> Option<Catalog> {
        let bytes = self.bytes(id, source)?;
        let kept = rkyv::access::<ArchivedNotice, rancor::Error>(bytes).ok()?;
        let doc = rkyv::deserialize::<Document, rancor::Error>(&kept.doc).ok()?;
        let stored = match index {
            true => Some(rkyv::deserialize::<Stored, rancor::Error>(&kept.index).ok()?),
            false => None,
        };
        let clean = kept.clean;
        self.body.release(self.slot(id, source)?.range.clone());
        // Validated when it was archived (`Notice::build`), and its checksum holds.
        let cat = Catalog::validated(doc);
        Some(match stored {
            None => cat.known_clean(clean),
            Some(stored) => cat.with_prepared(Index::from(stored), clean),
        })
    }

    /// The notices the cache holds: (id, source hash, source stamp).
    pub fn notices(&self) -> impl Iterator<Item = (&str, Hash, Option<Stamp>)> {
        self.slots
            .iter()
            .map(|s| (s.id.as_str(), s.source, s.stamp))
    }

    /// The content hash recorded for notice `id` when its source's metadata is now `stamp`, the
    /// metadata recorded with it: then the source need not be read to know its hash.
    pub fn known(&self, id: &str, stamp: &Stamp) -> Option<Hash> {
        let slot = self.slots.iter().find(|s| s.id == id)?;
        (slot.stamp.as_ref() == Some(stamp)).then_some(slot.source)
    }
}

/// A notice's archive read in place (every byte checked by bytecheck): its corpus for search,
/// and whether its text needs no neutralising. `None` if the bytes are not such an archive.
pub fn kept(bytes: &[u8]) -> Option<(Kept<'_>, bool)> {
    let a = rkyv::access::<ArchivedNotice, rancor::Error>(bytes).ok()?;
    Some((Kept::new(&a.doc, &a.index, &a.keys, a.clean), a.clean))
}

/// The document of a notice's archive (checked), deserialised.
pub fn document(bytes: &[u8]) -> Option<Document> {
    let a = rkyv::access::<ArchivedNotice, rancor::Error>(bytes).ok()?;
    rkyv::deserialize::<Document, rancor::Error>(&a.doc).ok()
}

/// A notice as the cache keeps it.
pub fn archive(notice: &Notice) -> AlignedVec<ALIGN> {
    rkyv::to_bytes::<rancor::Error>(notice).expect("a notice archives")
}

/// A notice back from its archive, every byte checked (bytecheck): `None` if it is not one.
pub fn unarchive(bytes: &[u8]) -> Option<Notice> {
    if !(bytes.as_ptr() as usize).is_multiple_of(ALIGN) {
        let mut aligned = AlignedVec::<ALIGN>::with_capacity(bytes.len());
        aligned.extend_from_slice(bytes);
        return rkyv::from_bytes::<Notice, rancor::Error>(&aligned).ok();
    }
    rkyv::from_bytes::<Notice, rancor::Error>(bytes).ok()
}

#[cfg(test)]
mod tests;
