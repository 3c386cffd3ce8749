//! What the search across notices reads of each notice: its archive in place on the shelf, else
//! its catalog's index (the cache's, or built on the first `/`).

use super::across::Notices;
use crate::domain::Catalog;
use crate::domain::search::Index;
use crate::domain::search::across::{self, Notice};

/// What each notice is searched in: its archive read in place from the cache (the shelf), else
/// its catalog's index, the cache's or built on the first `/` (on both cores) and kept until
/// the notice changes. A notice whose verified readings change its units is searched in its
/// catalog (loaded from the shelf then, when the catalogs are not).
#[derive(Debug, Default)]
pub struct Indexes {
    built: Vec<Option<Built>>,
}

/// A notice's index built here, and its catalog when the list holds none.
#[derive(Debug)]
struct Built {
    cat: Option<Catalog>,
    index: Index,
}

impl Indexes {
    /// The notices as the search reads them, indexes missing built now.
    pub fn of<'a>(&'a mut self, n: &'a Notices) -> Vec<Notice<'a, 'static>> {
        let k = n.len();
        self.built.resize_with(k, || None);
        let kept = |i: usize| {
            let plain = n
                .progress
                .get(i)
                .is_none_or(|p| p.state().verified.is_empty());
            n.shelf.as_ref().and_then(|s| s.kept(i)).filter(|_| plain)
        };
        let missing: Vec<usize> = (0..k)
            .filter(|&i| kept(i).is_none() && self.built[i].is_none())
            .filter(|&i| n.cats.get(i).is_none_or(|c| c.prepared_index().is_none()))
            .collect();
        // Catalogs the list does not hold: from the shelf, with their verified readings.
        let mut own: Vec<Option<Catalog>> = missing
            .iter()
            .map(|&i| match n.cats.get(i) {
                Some(_) => None,
                None => catalog(n, i),
            })
            .collect();
        let wanted: Vec<&Catalog> = missing
            .iter()
            .zip(&own)
            .filter_map(|(&i, c)| c.as_ref().or(n.cats.get(i)))
            .collect();
        let mut indexes = across::indexes(&wanted).into_iter();
        for (&i, cat) in missing.iter().zip(&mut own) {
            if cat.is_some() || n.cats.get(i).is_some() {
                let index = indexes.next().expect("an index for each catalog");
                self.built[i] = Some(Built {
                    cat: cat.take(),
                    index,
                });
            }
        }
        (0..k)
            .map(|i| {
                if let Some(kept) = kept(i) {
                    return Notice::Kept(kept);
                }
                let built = self.built[i].as_ref();
                match built.and_then(|b| b.cat.as_ref()).or(n.cats.get(i)) {
                    Some(cat) => Notice::Owned {
                        cat,
                        index: (cat.prepared_index().or(built.map(|b| &b.index)))
                            .expect("the cache's index, or built above"),
                    },
                    // Its archive passed its checks but does not deserialise (it cannot: the
                    // shelf is made only of archives that passed): searched as archived.
                    None => Notice::Kept(
                        (n.shelf.as_ref().and_then(|s| s.kept(i)))
                            .expect("a notice is loaded or on the shelf"),
                    ),
                }
            })
            .collect()
    }

    /// Forgets notice `i`'s index (the notice changed: its verified readings applied).
    pub fn forget(&mut self, i: usize) {
        if let Some(b) = self.built.get_mut(i) {
            *b = None;
        }
    }
}

/// Notice `i`'s catalog from the shelf, its verified readings applied (they change its units).
fn catalog(n: &Notices, i: usize) -> Option<Catalog> {
    let mut cat = n.catalog(i)?;
    if let Some(p) = n.progress.get(i).filter(|p| !p.state().verified.is_empty()) {
        cat.apply_verified(p.state());
    }
    Some(cat)
}
