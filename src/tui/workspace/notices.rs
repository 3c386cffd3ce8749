//! The workspace's notices as the list holds them: every notice's check-offs, the unit aliases,
//! the run's options, and the notices themselves, read in place from the cache (the shelf) until
//! a view needs their catalogs.

use std::rc::Rc;

use crate::domain::cache::Shelf;
use crate::domain::{Catalog, Document, Progress};
use crate::tui::app::Options;

/// Every notice of the workspace with its check-offs, the unit identities, the run's options.
/// The notices are read in place from the cache (`shelf`: the list's rows, the search) until a
/// view needs their catalogs (`U`, `D`, a notice opened): then `cats` holds every one.
#[derive(Debug, Clone)]
pub struct Notices {
    /// Every notice's catalog, once loaded (`loaded`); empty while they are only on the shelf.
    pub cats: Vec<Catalog>,
    /// Every notice's document without its sections (id, 文号, title), when they are on the
    /// shelf (else empty).
    pub heads: Vec<Document>,
    /// The notices read in place from the workspace's cache, when it held all of them.
    pub shelf: Option<Rc<Shelf>>,
    /// Each notice's check-offs (its own state file), in the same order.
    pub progress: Vec<Progress>,
    /// The user's unit aliases (`fgf unit alias`).
    pub aliases: Vec<[String; 2]>,
    pub opts: Options,
    /// "Today" is `--as-of`'s day.
    pub as_of: bool,
}

impl Notices {
    /// How many notices.
    pub fn len(&self) -> usize {
        self.cats.len().max(self.heads.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every notice's catalog is loaded (the cross-notice views need them).
    pub fn loaded(&self) -> bool {
        self.cats.len() == self.len()
    }

    /// Notice `i`'s catalog: the one loaded, else from the shelf (its archive deserialised, or
    /// the embedded notice), without its verified readings (the notice's view applies them).
    pub fn catalog(&self, i: usize) -> Option<Catalog> {
        if let Some(cat) = self.cats.get(i) {
            return Some(cat.clone());
        }
        self.shelf.as_ref()?.get(i)?.catalog()
    }

    /// Every notice's catalog from the shelf (as the list has shown them since it was made,
    /// whatever the workspace holds now); whether there was a shelf to load them from.
    pub fn load_from_shelf(&mut self) -> bool {
        match self.shelf.as_ref().and_then(|s| s.catalogs()) {
            Some(cats) => {
                self.cats = cats;
                true
            }
            None => false,
        }
    }

    /// Gives back the pages of the cache read in place (before the catalogs are loaded).
    pub fn release(&self) {
        if let Some(s) = &self.shelf {
            s.release();
        }
    }

    /// Drops the catalogs when the notices are on the shelf (back on the list: the list and
    /// its search read the shelf; a view that needs them loads them again); whether it did.
    pub fn unload(&mut self) -> bool {
        let on_shelf = self.shelf.is_some() && self.heads.len() == self.cats.len();
        if on_shelf {
            self.cats = Vec::new();
        }
        on_shelf
    }

    /// Notice `i`'s document: its id, 文号 and title (its sections only when loaded).
    pub fn doc(&self, i: usize) -> Option<&Document> {
        match self.cats.get(i) {
            Some(cat) => Some(&cat.doc),
            None => self.heads.get(i),
        }
    }
}
