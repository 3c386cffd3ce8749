//! The search index as the workspace's cache keeps it, archived with the document
//! (`domain::cache`), so that a command across the workspace does not fold and mask every text
//! again: every part of an `Index` but the pinyin keys of the entries (built on the first pinyin
//! query, as without the cache: they would double what a command reads for every other query).

mod kept;

use std::sync::{Arc, OnceLock};

pub use kept::Kept;

use super::index::{Entry, EntryKeys, Index, Mask};
use super::pinyin::Keys;
use super::unit_forms::UnitForms;
use crate::domain::Catalog;

/// An `Index` as the workspace's cache keeps it.
#[derive(Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Stored {
    entries: Vec<Entry>,
    units: Vec<u16>,
    unit_names: Vec<Vec<String>>,
    unit_folded: Vec<Vec<String>>,
    unit_keys: Vec<Vec<Keys>>,
    unit_masks: Vec<Vec<Mask>>,
    /// Per unit, how many items it leads and supports (`Catalog::unit_counts`), for showing a
    /// unit's hit from the archive.
    unit_counts: Vec<[u32; 2]>,
    /// Whether any task or measure names an official (format 2), so that a notice read in place
    /// need not look for them item by item when none does.
    officials: bool,
}

impl From<Stored> for Index {
    fn from(s: Stored) -> Index {
        Index {
            entries: s.entries,
            units: s.units,
            unit_forms: (s.unit_names.into_iter().zip(s.unit_folded))
                .zip(s.unit_keys.into_iter().zip(s.unit_masks))
                .map(|((names, folded), (keys, masks))| {
                    Arc::new(UnitForms {
                        names,
                        folded,
                        keys,
                        masks,
                    })
                })
                .collect(),
            keys: OnceLock::new(),
            officials: s.officials,
        }
    }
}

impl Stored {
    /// The index of `cat`, to be kept (`Index::from` takes it back), and the pinyin keys of its
    /// entries (kept apart: only a notice read in place uses them).
    pub fn of(cat: &Catalog) -> (Stored, Vec<EntryKeys>) {
        let mut i = Index::new(cat);
        i.warm(cat);
        let keys = i.keys.take().unwrap_or_default();
        let (mut unit_names, mut unit_folded, mut unit_keys, mut unit_masks) = Default::default();
        for f in i.unit_forms {
            let f = Arc::unwrap_or_clone(f);
            Vec::push(&mut unit_names, f.names);
            Vec::push(&mut unit_folded, f.folded);
            Vec::push(&mut unit_keys, f.keys);
            Vec::push(&mut unit_masks, f.masks);
        }
        let (entries, units, officials) = (i.entries, i.units, i.officials);
        let unit_counts = (0..cat.doc.units.len())
            .map(|u| {
                let (lead, support) = cat.unit_counts(u);
                [lead as u32, support as u32]
            })
            .collect();
        let stored = Stored {
            entries,
            units,
            unit_names,
            unit_folded,
            unit_keys,
            unit_masks,
            unit_counts,
            officials,
        };
        (stored, keys)
    }
}
