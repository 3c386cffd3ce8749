//! The workspace's ready-to-use form, kept in the cache directory (`~/.cache/fgf/workspace.rkyv`
//! on Linux): every stored notice already parsed, as an rkyv archive that is read back without
//! JSON parsing. It only ever saves work: each notice is keyed by the content hash of its source
//! file (XXH3-128) and the whole file by fgf's version and this format's version, with a
//! checksum over the header and one over each notice. A file that is missing, stale, of another
//! version, truncated, flipped, empty, not a file or unreadable fails these checks and is rebuilt
//! from the sources, silently: the answer is always the one the sources give. A document from the
//! cache goes through `Catalog::new` (validation, the indexes) as one parsed from JSON does.
//!
//! Layout (little-endian): `FGFCACHE`, format u32, version (u32 length + UTF-8), count u32, then
//! per notice id (u32 length + UTF-8), source hash u128, offset u64, length u64, checksum u64;
//! then the header's checksum u64; then each notice's archive at its offset (16-aligned).

mod day;
mod inplace;
mod load;

use std::ops::Range;

use rkyv::rancor;
use rkyv::util::AlignedVec;
use twox_hash::{XxHash3_64, XxHash3_128};

pub use day::{Day, date_of};
pub use inplace::{Held, held};
pub use load::{ENV_BYPASS, FILE, catalog, catalogs, locate, path_in};

use super::catalog::{Catalog, needs_no_sanitizing};
use super::model::Document;
use super::search::{EntryKeys, Index, Kept, Stored};

/// The layout's version: a cache of another format is rebuilt.
pub const FORMAT: u32 = 1;
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

/// One notice in the cache.
#[derive(Debug, Clone)]
struct Slot {
    id: String,
    source: Hash,
    range: Range<usize>,
    sum: u64,
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

/// Reads the header fields in order, every read bounds-checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Invalid> {
        let end = self.at.checked_add(n).ok_or(Invalid::Truncated)?;
        let out = self.bytes.get(self.at..end).ok_or(Invalid::Truncated)?;
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Invalid> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn u32(&mut self) -> Result<u32, Invalid> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, Invalid> {
        self.array().map(u64::from_le_bytes)
    }

    fn text(&mut self) -> Result<&'a str, Invalid> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| Invalid::Layout)
    }
}

impl Cache {
    /// Checks the header of a cache file written by fgf `version`: magic, format, version,
    /// every notice's place inside the file, the header's checksum. (Each notice's own checksum
    /// is checked when it is read.)
    pub fn parse(bytes: AlignedVec<ALIGN>, version: &str) -> Result<Cache, Invalid> {
        let slots = header(&bytes, bytes.len(), version)?;
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
            match header(&prefix, len, version) {
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

/// The notices' places in a cache file of `len` bytes whose first bytes are `bytes` (the
/// header, at least).
fn header(bytes: &[u8], len: usize, version: &str) -> Result<Vec<Slot>, Invalid> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len()).map_err(|_| Invalid::Magic)? != MAGIC {
        return Err(Invalid::Magic);
    }
    let format = r.u32()?;
    if format != FORMAT {
        return Err(Invalid::Format(format));
    }
    let written_by = r.text()?;
    if written_by != version {
        return Err(Invalid::Version(written_by.to_string()));
    }
    let count = r.u32()? as usize;
    let mut slots = Vec::with_capacity(count.min(len / 48));
    for _ in 0..count {
        let id = r.text()?.to_string();
        let source = u128::from_le_bytes(r.array()?);
        let (at, size) = (r.u64()? as usize, r.u64()? as usize);
        let end = at.checked_add(size).ok_or(Invalid::Layout)?;
        if !at.is_multiple_of(ALIGN) || end > len {
            return Err(Invalid::Layout);
        }
        let sum = r.u64()?;
        slots.push(Slot {
            id,
            source,
            range: at..end,
            sum,
        });
    }
    let head = r.at;
    if r.u64()? != sum(&bytes[..head]) {
        return Err(Invalid::Checksum);
    }
    if slots.iter().any(|s| s.range.start < r.at) {
        return Err(Invalid::Layout);
    }
    Ok(slots)
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

    /// The notices the cache holds: (id, source hash).
    pub fn notices(&self) -> impl Iterator<Item = (&str, Hash)> {
        self.slots.iter().map(|s| (s.id.as_str(), s.source))
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

/// A notice's archive read in place (every byte checked by bytecheck): its corpus for search,
/// and whether its text needs no neutralising. `None` if the bytes are not such an archive.
pub fn kept(bytes: &[u8]) -> Option<(Kept<'_>, bool)> {
    let a = rkyv::access::<ArchivedNotice, rancor::Error>(bytes).ok()?;
    Some((Kept::new(&a.doc, &a.index, &a.keys), a.clean))
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

/// A cache file for fgf `version` holding `notices` (id, source hash, archive).
pub fn encode(version: &str, notices: &[(&str, Hash, &[u8])]) -> Vec<u8> {
    let text = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    let mut head = Vec::new();
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    text(&mut head, version);
    head.extend_from_slice(&(notices.len() as u32).to_le_bytes());
    let slot_len: usize = notices.iter().map(|(id, ..)| 4 + id.len() + 16 + 24).sum();
    let mut at = (head.len() + slot_len + 8).next_multiple_of(ALIGN);
    let mut places = Vec::with_capacity(notices.len());
    for (id, source, bytes) in notices {
        text(&mut head, id);
        head.extend_from_slice(&source.to_le_bytes());
        head.extend_from_slice(&(at as u64).to_le_bytes());
        head.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        head.extend_from_slice(&sum(bytes).to_le_bytes());
        places.push(at);
        at = (at + bytes.len()).next_multiple_of(ALIGN);
    }
    let check = sum(&head);
    head.extend_from_slice(&check.to_le_bytes());
    let mut out = head;
    out.reserve(at - out.len());
    for ((_, _, bytes), place) in notices.iter().zip(places) {
        out.resize(place, 0);
        out.extend_from_slice(bytes);
    }
    out
}

#[cfg(test)]
mod tests;
