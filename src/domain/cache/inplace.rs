//! The workspace's notices for a search across them, read in place from the cache's map (no
//! document deserialised, no archive copied): when the cache holds an up-to-date archive of every stored notice. Otherwise
//! the caller loads them as `catalogs` does, which also brings the cache up to date.

use std::path::Path;

use super::load::{open, source_hash};
use super::{Cache, Hash};
use crate::domain::catalog::Catalog;
use crate::domain::seeds;
use crate::domain::workspace::{Entry, Source};

/// A notice as a search across the workspace holds it.
pub enum Held<'a> {
    /// A stored notice's archive (checksum verified) in the cache's map, to be read in place with
    /// `cache::kept`.
    Archive { id: String, bytes: &'a [u8] },
    /// The embedded notice, loaded.
    Loaded(Box<Catalog>),
}

/// The cache file `file` written by fgf `version`, its header checked, for `held`.
pub fn open_file(file: &Path, version: &str) -> Option<Cache> {
    open(file, version)
}

/// Every notice of `entries`, in order, when `cache` holds an archive of each stored one made
/// from its source as it is now; `None` otherwise.
pub fn held<'a>(entries: &[Entry], cache: &'a Cache) -> Option<Vec<Held<'a>>> {
    let one = |e: &Entry| -> Option<Held<'a>> {
        match &e.source {
            Source::Embedded => Some(Held::Loaded(Box::new(seeds::embedded()))),
            Source::File(path) => {
                let h: Hash = source_hash(cache, &e.id, path)?;
                let bytes = cache.bytes(&e.id, h)?;
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
