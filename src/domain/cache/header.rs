//! The cache file's header: read with every field bounds-checked, and written with the archives
//! after it.

use std::ops::Range;

use super::stamp::{self, Stamp};
use super::{ALIGN, FORMAT, Hash, Invalid, MAGIC, archive_sum, sum};

/// One notice in the cache.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    pub id: String,
    pub source: Hash,
    /// The source file's metadata when its hash was taken, if it was old enough to record.
    pub stamp: Option<Stamp>,
    pub range: Range<usize>,
    pub sum: u64,
}

/// One notice to write into a cache file.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub id: &'a str,
    /// The content hash of its source file.
    pub source: Hash,
    /// The source file's metadata to trust next time instead of hashing it (`Stamp::settled`).
    pub stamp: Option<Stamp>,
    /// Its archive (`archive`).
    pub archive: &'a [u8],
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

    fn stamp(&mut self) -> Result<Option<Stamp>, Invalid> {
        match self.array::<1>()? {
            [0] => Ok(None),
            [1] => Ok(Some(Stamp::from_bytes(self.array()?))),
            _ => Err(Invalid::Layout),
        }
    }
}

/// The notices' places in a cache file of `len` bytes whose first bytes are `bytes` (the
/// header, at least).
pub(super) fn read(bytes: &[u8], len: usize, version: &str) -> Result<Vec<Slot>, Invalid> {
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
        let stamp = r.stamp()?;
        let (at, size) = (r.u64()? as usize, r.u64()? as usize);
        let end = at.checked_add(size).ok_or(Invalid::Layout)?;
        if !at.is_multiple_of(ALIGN) || end > len {
            return Err(Invalid::Layout);
        }
        let sum = r.u64()?;
        slots.push(Slot {
            id,
            source,
            stamp,
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

/// A cache file for fgf `version` holding `notices`.
pub fn encode(version: &str, notices: &[Record]) -> Vec<u8> {
    let text = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    let mut head = Vec::new();
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    text(&mut head, version);
    head.extend_from_slice(&(notices.len() as u32).to_le_bytes());
    let slot_len: usize = notices
        .iter()
        .map(|n| 4 + n.id.len() + 16 + 1 + n.stamp.map_or(0, |_| stamp::SIZE) + 24)
        .sum();
    let mut at = (head.len() + slot_len + 8).next_multiple_of(ALIGN);
    let mut places = Vec::with_capacity(notices.len());
    for n in notices {
        text(&mut head, n.id);
        head.extend_from_slice(&n.source.to_le_bytes());
        match n.stamp {
            None => head.push(0),
            Some(s) => {
                head.push(1);
                head.extend_from_slice(&s.to_bytes());
            }
        }
        head.extend_from_slice(&(at as u64).to_le_bytes());
        head.extend_from_slice(&(n.archive.len() as u64).to_le_bytes());
        head.extend_from_slice(&archive_sum(n.archive).to_le_bytes());
        places.push(at);
        at = (at + n.archive.len()).next_multiple_of(ALIGN);
    }
    let check = sum(&head);
    head.extend_from_slice(&check.to_le_bytes());
    let mut out = head;
    out.reserve(at - out.len());
    for (n, place) in notices.iter().zip(places) {
        out.resize(place, 0);
        out.extend_from_slice(n.archive);
    }
    out
}
