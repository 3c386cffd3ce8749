//! The workspace's notices for a search across them, read in place from the cache (no document
//! deserialised): when the cache holds an up-to-date archive of every stored notice. Otherwise
//! the caller loads them as `catalogs` does, which also brings the cache up to date.

use std::path::Path;

use rkyv::util::AlignedVec;

use super::load::{open, source_hash};
use super::{ALIGN, Cache, Hash};
use crate::domain::catalog::Catalog;
use crate::domain::seeds;
use crate::domain::workspace::{Entry, Source};

/// A notice as a search across the workspace holds it.
pub enum Held {
    /// A stored notice's archive (checksum verified), to be read in place with `cache::kept`.
    Archive {
        id: String,
        bytes: AlignedVec<ALIGN>,
    },
    /// The embedded notice, loaded.
    Loaded(Box<Catalog>),
}

/// Every notice of `entries`, in order, when the cache file `file` (written by fgf `version`)
/// holds an archive of each stored one made from its source as it is now; `None` otherwise.
pub fn held(entries: &[Entry], file: &Path, version: &str) -> Option<Vec<Held>> {
    let cache = open(file, version)?;
    let one = |e: &Entry| -> Option<Held> {
        match &e.source {
            Source::Embedded => Some(Held::Loaded(Box::new(seeds::embedded()))),
            Source::File(path) => {
                let h: Hash = source_hash(&cache, &e.id, path)?;
                let bytes = archive_of(&cache, &e.id, h)?;
                Some(Held::Archive {
                    id: e.id.clone(),
                    bytes,
                })
            }
        }
    };
    let (a, b) = entries.split_at(entries.len() / 2);
    let (first, second) = std::thread::scope(|s| {
        let first = s.spawn(|| a.iter().map(one).collect::<Option<Vec<_>>>());
        let second: Option<Vec<_>> = b.iter().map(one).collect();
        (
            first.join().expect("a loading thread does not panic"),
            second,
        )
    });
    let mut all = first?;
    all.extend(second?);
    Some(all)
}

/// A copy of the archive (`Cache::bytes` is the same bytes in place, in the cache's map).
fn archive_of(cache: &Cache, id: &str, source: Hash) -> Option<AlignedVec<ALIGN>> {
    let bytes = cache.bytes(id, source)?;
    let mut copy = AlignedVec::with_capacity(bytes.len());
    copy.extend_from_slice(bytes);
    Some(copy)
}
