//! What a search reads of one notice, whatever holds it: a `Corpus`. The engine runs on this
//! trait only, so one engine serves a catalog in memory with its `Index` (`Owned`: the TUI,
//! `--doc`) and a notice read in place from the workspace's cache (`stored::Kept`: commands across
//! the workspace, with no document deserialised).
//!
//! Entries are numbered as in `Index` (tasks each followed by their measures, then the units);
//! units as in `doc.units`.

use jiff::civil::Date;

use super::index::{self, Index, ItemKind, Mask, Target};
use crate::domain::{Catalog, Item};

/// One of a unit's forms: its name, an alias, or its official name without its place.
pub(crate) struct UnitForm<'a> {
    pub name: &'a str,
    /// `name` folded as the index folds.
    pub folded: &'a str,
    pub mask: Mask,
    /// Pinyin keys of `folded` (`Keys::syl`).
    pub syl: &'a [u8],
}

/// The pinyin keys of one entry's main text (see `index::EntryKeys`).
#[derive(Clone, Copy)]
pub(crate) struct EntryPinyin<'a> {
    /// The syllables' numbers (`Keys::syl`).
    pub syl: &'a [u8],
    pub letters: u64,
    pub initials: u32,
}

/// What the engine reads of one notice.
pub(crate) trait Corpus: Sync {
    /// Number of entries.
    fn len(&self) -> usize;
    fn kind(&self, i: usize) -> ItemKind;
    fn target(&self, i: usize) -> Target;
    /// The characters of entry `i`'s main text, folded.
    fn mask(&self, i: usize) -> Mask;
    /// Entry `i`'s lead (and responsible) units.
    fn lead(&self, i: usize) -> impl Iterator<Item = usize> + '_;
    /// Entry `i`'s cooperating units.
    fn support(&self, i: usize) -> impl Iterator<Item = usize> + '_;
    /// Entry `i`'s main text folded as the index folds.
    fn folded(&self, i: usize) -> &str;
    /// The title of a task, the text of a measure, the name of a unit.
    fn main_text(&self, t: Target) -> &str;
    /// 9, 9.2, or a unit's name.
    fn id(&self, t: Target) -> &str;
    /// The people an item names (none for a measure that inherits its task's allocation).
    fn officials(&self, t: Target) -> Vec<&str>;
    /// Milestone deadlines of a measure, or of every measure of a task.
    fn deadlines(&self, t: Target) -> Vec<Date>;
    /// Number of units.
    fn units(&self) -> usize;
    /// A unit's name as the document prints it.
    fn unit_name(&self, u: usize) -> &str;
    /// Whether `text` is unit `u`'s name or one of its aliases, exactly.
    fn unit_printed(&self, u: usize, text: &str) -> bool;
    /// The unit a name stands for, as `Catalog::unit_index` resolves it.
    fn unit_index(&self, name: &str) -> Option<usize>;
    /// How many forms unit `u` has (`UnitForm`).
    fn unit_forms(&self, u: usize) -> usize;
    fn unit_form(&self, u: usize, k: usize) -> UnitForm<'_>;
    /// Makes the entries' pinyin keys ready (before a pinyin query).
    fn ready_pinyin(&self);
    /// Entry `i`'s pinyin keys (after `ready_pinyin`).
    fn pinyin(&self, i: usize) -> EntryPinyin<'_>;
    /// Step `step` (0 to `WARM_STEPS - 1`) of asking the processor to fetch what explaining and
    /// printing entry `i` read, for a hit a few ahead of the one explained; each step reads only
    /// what the step before fetched, so none waits on memory. Nothing by default (a catalog in
    /// memory is read where it was just made).
    fn warm(&self, _i: usize, _step: usize) {}
}

/// How many steps `Corpus::warm` takes.
pub(crate) const WARM_STEPS: usize = 4;

/// A catalog in memory and its index.
pub(crate) struct Owned<'a> {
    pub cat: &'a Catalog,
    pub index: &'a Index,
}

impl Corpus for Owned<'_> {
    fn len(&self) -> usize {
        self.index.entries.len()
    }

    fn kind(&self, i: usize) -> ItemKind {
        self.index.entries[i].kind
    }

    fn target(&self, i: usize) -> Target {
        self.index.entries[i].target
    }

    fn mask(&self, i: usize) -> Mask {
        self.index.entries[i].mask
    }

    fn lead(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let e = &self.index.entries[i];
        self.index.lead(e).iter().map(|&u| usize::from(u))
    }

    fn support(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let e = &self.index.entries[i];
        self.index.support(e).iter().map(|&u| usize::from(u))
    }

    fn folded(&self, i: usize) -> &str {
        index::folded_text(self.cat, &self.index.entries[i])
    }

    fn main_text(&self, t: Target) -> &str {
        index::main_text(self.cat, t)
    }

    fn id(&self, t: Target) -> &str {
        match t {
            Target::Unit(u) => &self.cat.doc.units[u].name,
            Target::Item(loc) => self.cat.at(loc).id(),
        }
    }

    fn officials(&self, t: Target) -> Vec<&str> {
        let Target::Item(loc) = t else {
            return Vec::new();
        };
        if !self.index.officials {
            return Vec::new();
        }
        let list = match self.cat.at(loc) {
            Item::Task(_, t) => &t.officials,
            Item::Measure(_, _, m) if !m.inherited => &m.officials,
            _ => return Vec::new(),
        };
        list.iter().map(|o| o.name.as_str()).collect()
    }

    fn deadlines(&self, t: Target) -> Vec<Date> {
        index::deadlines(self.cat, t)
    }

    fn units(&self) -> usize {
        self.cat.doc.units.len()
    }

    fn unit_name(&self, u: usize) -> &str {
        &self.cat.doc.units[u].name
    }

    fn unit_printed(&self, u: usize, text: &str) -> bool {
        let unit = &self.cat.doc.units[u];
        unit.name == text || unit.aliases.iter().any(|a| a == text)
    }

    fn unit_index(&self, name: &str) -> Option<usize> {
        self.cat.unit_index(name)
    }

    fn unit_forms(&self, u: usize) -> usize {
        self.index.unit_forms[u].names.len()
    }

    fn unit_form(&self, u: usize, k: usize) -> UnitForm<'_> {
        let f = &self.index.unit_forms[u];
        UnitForm {
            name: &f.names[k],
            folded: &f.folded[k],
            mask: f.masks[k],
            syl: &f.keys[k].syl,
        }
    }

    fn ready_pinyin(&self) {
        self.index.entry_keys(self.cat);
    }

    fn pinyin(&self, i: usize) -> EntryPinyin<'_> {
        let k = &self.index.entry_keys(self.cat)[i];
        EntryPinyin {
            syl: &k.keys.syl,
            letters: k.letters,
            initials: k.initials,
        }
    }
}
