//! The workspace's notices for a search across them, read in place from the cache's map (no
//! document deserialised): when the cache holds an up-to-date archive of every stored notice.
//! Otherwise the caller loads them as `catalogs` does, which also brings the cache up to date.

use super::{Cache, Hash, Stamp, hash};
use rkyv::rancor;

use crate::domain::catalog::Catalog;
use crate::domain::load;
use crate::domain::model::Document;
use crate::domain::search::{Kept, par};
use crate::domain::seeds;
use crate::domain::workspace::{Entry, Source};

/// A notice as a search across the workspace holds it.
pub enum Held<'c> {
    /// A stored notice's archive in the cache's map, its checks passed (`Cache::in_place`).
    Archive {
        id: String,
        bytes: &'c [u8],
        kept: Kept<'c>,
        /// Whether its text needs no neutralising (as the archive says).
        clean: bool,
    },
    /// The embedded notice, loaded.
    Loaded(Box<Catalog>),
}

impl Held<'_> {
    /// The notice's catalog: its archived document deserialised (checked when it was held,
    /// and validated when it was archived), or the embedded notice's.
    pub fn catalog(&self) -> Option<Catalog> {
        match self {
            Held::Archive { kept, .. } => {
                let doc = rkyv::deserialize::<Document, rancor::Error>(kept.doc()).ok()?;
                Some(Catalog::validated(doc))
            }
            Held::Loaded(cat) => Some((**cat).clone()),
        }
    }
}

/// Every notice of `entries`, in order, when `cache` holds an archive of each stored one made
/// from its source as it is now (the recorded metadata still the source's, else its content
/// hash); `None` otherwise. Each archive is checked on one of the cores.
pub fn held<'c>(cache: &'c Cache, entries: &[Entry]) -> Option<Vec<Held<'c>>> {
    held_then(cache, entries, false)
}

/// `held`, each archive's pages given back once it is checked when `release` (see
/// `Cache::release_bytes`).
pub(super) fn held_then<'c>(
    cache: &'c Cache,
    entries: &[Entry],
    release: bool,
) -> Option<Vec<Held<'c>>> {
    let one = |e: &Entry| -> Option<Held<'c>> {
        let Source::File(path) = &e.source else {
            return Some(Held::Loaded(Box::new(seeds::embedded())));
        };
        let known = Stamp::at(path).and_then(|s| cache.known(&e.id, &s));
        let h: Hash = match known {
            Some(h) => h,
            None => hash(&load::read_limited(path).ok()?),
        };
        let (bytes, kept, clean) = cache.in_place(&e.id, h)?;
        if release {
            cache.release_bytes(bytes);
        }
        Some(Held::Archive {
            id: e.id.clone(),
            bytes,
            kept,
            clean,
        })
    };
    par::map_each(entries, one).into_iter().collect()
}

/// Whether the cache recorded the metadata every stored notice's source has now, so that its
/// hash is known without reading it. A command that reads in place only when this holds leaves
/// the recording to the loaded path (`catalogs`), which writes the cache anew once the sources
/// have settled.
pub fn stamped(cache: &Cache, entries: &[Entry]) -> bool {
    entries.iter().all(|e| match &e.source {
        Source::File(path) => Stamp::at(path).is_some_and(|s| cache.known(&e.id, &s).is_some()),
        _ => true,
    })
}
