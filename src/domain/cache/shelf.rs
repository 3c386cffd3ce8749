//! The workspace's notices read in place for as long as a process runs (the TUI's list of
//! notices): the cache file stays mapped, each notice's archive checked once, and the map's pages
//! given back after each use, so that what is not being read costs no memory.

use super::inplace::held_then;
use super::{Cache, Held};
use crate::domain::Catalog;
use crate::domain::search::{Kept, par};
use crate::domain::workspace::Entry;

/// Every notice of the workspace as the cache holds it, in the workspace's order.
pub struct Shelf {
    held: Vec<Held<'static>>,
    cache: &'static Cache,
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Shelf({} notices)", self.held.len())
    }
}

impl Shelf {
    /// The notices of `entries` from `cache`, when it holds an up-to-date archive of each stored
    /// one (as `held`); `None` otherwise. The cache stays mapped for the rest of the process
    /// (what is read from it may be kept as long as the process runs); each archive's pages
    /// are given back once it is checked.
    pub fn open(cache: Cache, entries: &[Entry]) -> Option<Shelf> {
        let cache: &'static Cache = Box::leak(Box::new(cache));
        let Some(held) = held_then(cache, entries, true) else {
            // SAFETY: `cache` was leaked just above and nothing borrows it now: `held` returned
            // nothing, and every `Held` it made was dropped. So it is freed (and unmapped) as the
            // Box it was.
            drop(unsafe { Box::from_raw(std::ptr::from_ref(cache).cast_mut()) });
            return None;
        };
        let shelf = Shelf { held, cache };
        // The pages the kernel mapped around the ends of each archive as it was read.
        shelf.release();
        Some(shelf)
    }

    /// How many notices.
    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Notice `i` as held: its archive in place, or (the embedded notice) loaded.
    pub fn get(&self, i: usize) -> Option<&Held<'static>> {
        self.held.get(i)
    }

    /// Notice `i` read in place, if it is an archive.
    pub fn kept(&self, i: usize) -> Option<&Kept<'static>> {
        match self.held.get(i)? {
            Held::Archive { kept, .. } => Some(kept),
            Held::Loaded(_) => None,
        }
    }

    /// Every notice's catalog (`Held::catalog`), on both cores, each archive's pages given back
    /// once read; `None` if one does not deserialise.
    pub fn catalogs(&self) -> Option<Vec<Catalog>> {
        let all = par::map_each(&self.held, |h| {
            let cat = h.catalog();
            if let Held::Archive { bytes, .. } = h {
                self.cache.release_bytes(bytes);
            }
            cat
        });
        // (And those the kernel mapped around the ends of each archive.)
        self.release();
        all.into_iter().collect()
    }

    /// `f` on every notice in order, each archive's pages given back once `f` has read it (and
    /// at the end those the kernel mapped around the ends of each): reading a few fields of
    /// each notice costs one archive's pages at a time, not the whole file's.
    pub fn each<R>(&self, mut f: impl FnMut(usize, &Held<'static>) -> R) -> Vec<R> {
        let out = (self.held.iter().enumerate())
            .map(|(i, h)| {
                let r = f(i, h);
                if let Held::Archive { bytes, .. } = h {
                    self.cache.release_bytes(bytes);
                }
                r
            })
            .collect();
        self.release();
        out
    }

    /// Gives the map's pages back to the system: they are read again from the page cache when
    /// touched again. After the archives are checked, and whenever a use of them ends.
    pub fn release(&self) {
        let len = self.cache.body.bytes().len();
        self.cache.body.release(0..len);
    }
}
