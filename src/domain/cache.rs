//! The workspace's ready-to-use form, kept in the cache directory (`~/.cache/fgf/workspace.rkyv`
//! on Linux): every stored notice already parsed, as an rkyv archive that is read back without
//! JSON parsing. It only ever saves work: each notice is keyed by the content hash of its source
//! file (XXH3-128) and the whole file by fgf's version and this format's version, with a
//! checksum over the header and one over each notice. A file that is missing, stale, of another
//! version, truncated, flipped, empty, not a file or unreadable fails these checks and is rebuilt
//! from the sources, silently: the answer is always the one the sources give. A document from the
//! cache goes through `Catalog::new` (validation, the indexes) as one parsed from JSON does.
//! Each notice's source file's metadata is recorded too (cache/stamp.rs): a source whose
//! metadata still equals it is not read or hashed.
//!
//! Layout (little-endian): `FGFCACHE`, format u32, version (u32 length + UTF-8), count u32, then
//! per notice id (u32 length + UTF-8), source hash u128, stamp (u8 0, or u8 1 + length, mtime,
//! ctime, inode, device as 5 x u64), offset u64, length u64, checksum u64; then the header's
//! checksum u64; then each notice's archive at its offset (16-aligned).

mod day;
mod header;
mod load;
mod stamp;

use rkyv::rancor;
use rkyv::util::AlignedVec;
use twox_hash::{XxHash3_64, XxHash3_128};

pub use day::Day;
pub use header::{Record, encode};
pub use load::{ENV_BYPASS, FILE, catalog, catalogs, catalogs_since, locate, path_in};
pub use stamp::{MARGIN, Stamp};

use super::catalog::{Catalog, needs_no_sanitizing};
use super::model::Document;
use super::search::{Index, Stored};
use header::Slot;

/// The layout's version: a cache of another format is rebuilt.
pub const FORMAT: u32 = 2;
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

/// What the cache keeps of one notice: its document as parsed (before `Catalog::new`), the
/// search index of its catalog with the pinyin keys built, and whether its text needs no
/// neutralising for a terminal.
#[derive(Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Notice {
    pub doc: Document,
    pub index: Stored,
    pub clean: bool,
}

impl Notice {
    /// The notice to keep for a parsed document, and its catalog (with that index); `None`
    /// when the document is not valid.
    pub fn build(doc: Document) -> Option<(Notice, Catalog)> {
        let cat = Catalog::new(doc.clone()).ok()?;
        let notice = Notice {
            doc,
            index: Stored::of(&cat),
            clean: needs_no_sanitizing(&cat.doc),
        };
        Some((notice, cat))
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
}

/// Where the notices' archives are: in memory, or still in the file (read one at a time, so
/// that the whole file is never in memory at once).
enum Body {
    Bytes(AlignedVec<ALIGN>),
    File(std::fs::File),
}

impl Cache {
    /// Checks the header of a cache file written by fgf `version`: magic, format, version,
    /// every notice's place inside the file, the header's checksum. (Each notice's own checksum
    /// is checked when it is read.)
    pub fn parse(bytes: AlignedVec<ALIGN>, version: &str) -> Result<Cache, Invalid> {
        let slots = header::read(&bytes, bytes.len(), version)?;
        Ok(Cache {
            body: Body::Bytes(bytes),
            slots,
        })
    }

    /// `parse` on an open file of `len` bytes: only its header is read now.
    pub fn open(file: std::fs::File, len: u64, version: &str) -> Result<Cache, Invalid> {
        let len = usize::try_from(len).map_err(|_| Invalid::Layout)?;
        let mut prefix = vec![0; len.min(1 << 16)];
        loop {
            read_at(&file, &mut prefix, 0).map_err(|_| Invalid::Truncated)?;
            match header::read(&prefix, len, version) {
                Err(Invalid::Truncated) if prefix.len() < len => {
                    prefix.resize((prefix.len() * 4).min(len), 0);
                }
                Err(e) => return Err(e),
                Ok(slots) => {
                    return Ok(Cache {
                        body: Body::File(file),
                        slots,
                    });
                }
            }
        }
    }
}

impl Cache {
    /// The archive of notice `id` made from a source with content hash `source`, when the
    /// cache has it and its checksum holds.
    pub fn archive(&self, id: &str, source: Hash) -> Option<AlignedVec<ALIGN>> {
        let slot = self
            .slots
            .iter()
            .find(|s| s.id == id && s.source == source)?;
        let mut bytes = AlignedVec::<ALIGN>::with_capacity(slot.range.len());
        match &self.body {
            Body::Bytes(all) => bytes.extend_from_slice(&all[slot.range.clone()]),
            Body::File(file) => {
                bytes.resize(slot.range.len(), 0);
                read_at(file, &mut bytes, slot.range.start as u64).ok()?;
            }
        }
        (sum(&bytes) == slot.sum).then_some(bytes)
    }

    /// Notice `id` from a source with hash `source`: `None` when the cache does not have it or
    /// what it has fails a check.
    pub fn notice(&self, id: &str, source: Hash) -> Option<Notice> {
        unarchive(&self.archive(id, source)?)
    }

    /// The catalog of notice `id` from a source with hash `source`, with its kept search index
    /// when `index` (else only the document is deserialised; the index is built if ever asked
    /// for). `None` when the cache does not have it or what it has fails a check.
    pub fn catalog(&self, id: &str, source: Hash, index: bool) -> Option<Catalog> {
        let bytes = self.archive(id, source)?;
        let kept = rkyv::access::<ArchivedNotice, rancor::Error>(&bytes).ok()?;
        let doc = rkyv::deserialize::<Document, rancor::Error>(&kept.doc).ok()?;
        let cat = Catalog::new(doc).ok()?;
        if !index {
            return Some(cat.known_clean(kept.clean));
        }
        let stored = rkyv::deserialize::<Stored, rancor::Error>(&kept.index).ok()?;
        Some(cat.with_prepared(Index::from(stored), kept.clean))
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

/// Fills `buf` from `file` at `offset`, leaving the file's position alone (threads share it).
#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &std::fs::File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => (buf, offset) = (&mut buf[n..], offset + n as u64),
        }
    }
    Ok(())
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
