//! A notice's corpus read in place from the workspace's cache: the archived document and its
//! archived index, with no string copied (`Corpus` for `fgf who` and `fgf search` across the
//! workspace). Everything is read from the archive (checked byte by byte, or known to be fgf's
//! own: cache/private.rs) as `Owned` reads the catalog.

use jiff::civil::Date;

use super::ArchivedStored;
use crate::domain::cache::date_of;
use crate::domain::catalog::{ArchivedLoc, Loc};
use crate::domain::model::{
    ArchivedConfidence, ArchivedDocument, ArchivedMeasure, ArchivedTask, ArchivedUnit, Confidence,
};
use crate::domain::search::corpus::{Corpus, EntryPinyin, UnitForm};
use crate::domain::search::index::{
    ArchivedEntryKeys, ArchivedItemKind, ArchivedTarget, ItemKind, Mask, Target,
};

/// Lookups of a unit by name before a notice read in place makes a table of its names.
const TABLE_AFTER: u32 = 8;

/// One notice of the cache, in place.
pub struct Kept<'a> {
    doc: &'a ArchivedDocument,
    index: &'a ArchivedStored,
    keys: &'a [ArchivedEntryKeys],
    /// Whether its text needs no neutralising for a terminal (as the archive says).
    clean: bool,
    /// Every unit's name, aliases and official name to its index (the last unit with a name
    /// wins, as in the catalog's table), made once it has been asked `TABLE_AFTER` times:
    /// printing many hits asks it often, a query's terms a few times a notice.
    names: std::sync::OnceLock<rustc_hash::FxHashMap<&'a str, usize>>,
    asked: std::sync::atomic::AtomicU32,
}

impl<'a> Kept<'a> {
    pub(crate) fn new(
        doc: &'a ArchivedDocument,
        index: &'a ArchivedStored,
        keys: &'a [ArchivedEntryKeys],
        clean: bool,
    ) -> Kept<'a> {
        Kept {
            doc,
            index,
            keys,
            clean,
            names: std::sync::OnceLock::new(),
            asked: std::sync::atomic::AtomicU32::new(0),
        }
    }

    /// Whether no text of the notice holds a character `text::sanitize` would replace: the
    /// archive's word (`cache::Notice::clean`, found by `needs_no_sanitizing` when it was
    /// written; the archive is checked before it is read in place).
    pub fn clean(&self) -> bool {
        self.clean
    }

    /// The document's id, 文号 and title, as archived.
    pub fn doc(&self) -> &'a ArchivedDocument {
        self.doc
    }

    pub fn task(&self, s: usize, t: usize) -> &'a ArchivedTask {
        &self.doc.sections[s].tasks[t]
    }

    pub fn measure(&self, s: usize, t: usize, m: usize) -> &'a ArchivedMeasure {
        &self.task(s, t).measures[m]
    }

    /// The one unit whose official name ends with `tail` (four characters or more), as
    /// `Catalog::official_ending`.
    fn official_ending(&self, tail: &str) -> Option<usize> {
        if tail.chars().count() < 4 {
            return None;
        }
        let mut found = (0..self.doc.units.len()).filter(|&u| {
            self.unit(u)
                .official
                .as_ref()
                .is_some_and(|o| o.name.ends_with(tail) && o.name != tail)
        });
        match (found.next(), found.next()) {
            (Some(u), None) => Some(u),
            _ => None,
        }
    }

    /// How many items unit `u` leads and supports (as `Catalog::unit_counts`).
    pub fn unit_counts(&self, u: usize) -> (usize, usize) {
        let [lead, support] = self.index.unit_counts[u].each_ref().map(|n| n.to_native());
        (lead as usize, support as usize)
    }

    fn unit(&self, u: usize) -> &'a ArchivedUnit {
        &self.doc.units[u]
    }

    fn units_of(&self, i: usize, lead: bool) -> impl Iterator<Item = usize> + 'a {
        let e = &self.index.entries[i];
        let at = e.units_at.to_native() as usize;
        let leads = usize::from(e.leads.to_native());
        let (from, n) = if lead {
            (at, leads)
        } else {
            (at + leads, usize::from(e.supports.to_native()))
        };
        let list = self.index.units.get(from..from + n).unwrap_or(&[]);
        list.iter().map(|u| usize::from(u.to_native()))
    }
}

impl ArchivedMeasure {
    /// The measure's confidence (an archived measure has no verified reading).
    pub fn certainty(&self) -> Confidence {
        match self.confidence {
            ArchivedConfidence::High => Confidence::High,
            ArchivedConfidence::Medium => Confidence::Medium,
            ArchivedConfidence::Low => Confidence::Low,
        }
    }
}

/// A location from its archived form.
fn loc(l: &ArchivedLoc) -> Loc {
    let n = |x: &rkyv::Archived<usize>| x.to_native() as usize;
    match l {
        ArchivedLoc::Task(s, t) => Loc::Task(n(s), n(t)),
        ArchivedLoc::Measure(s, t, m) => Loc::Measure(n(s), n(t), n(m)),
        ArchivedLoc::Milestone(s, t, m, k) => Loc::Milestone(n(s), n(t), n(m), n(k)),
    }
}

impl Corpus for Kept<'_> {
    fn len(&self) -> usize {
        self.index.entries.len()
    }

    fn kind(&self, i: usize) -> ItemKind {
        match self.index.entries[i].kind {
            ArchivedItemKind::Task => ItemKind::Task,
            ArchivedItemKind::Measure => ItemKind::Measure,
            ArchivedItemKind::Unit => ItemKind::Unit,
        }
    }

    fn target(&self, i: usize) -> Target {
        match &self.index.entries[i].target {
            ArchivedTarget::Item(l) => Target::Item(loc(l)),
            ArchivedTarget::Unit(u) => Target::Unit(u.to_native() as usize),
        }
    }

    fn mask(&self, i: usize) -> Mask {
        Mask(self.index.entries[i].mask.0.map(|w| w.to_native()))
    }

    fn lead(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.units_of(i, true)
    }

    fn support(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.units_of(i, false)
    }

    fn folded(&self, i: usize) -> &str {
        match self.index.entries[i].folded.as_ref() {
            Some(f) => f,
            None => self.main_text(self.target(i)),
        }
    }

    fn main_text(&self, t: Target) -> &str {
        match t {
            Target::Unit(u) => &self.unit(u).name,
            Target::Item(Loc::Task(s, t)) => &self.task(s, t).title,
            Target::Item(Loc::Measure(s, t, m)) => &self.measure(s, t, m).text,
            Target::Item(Loc::Milestone(s, t, m, k)) => {
                let measure = self.measure(s, t, m);
                let own = &measure.milestones[k].text;
                if own.is_empty() { &measure.text } else { own }
            }
        }
    }

    fn id(&self, t: Target) -> &str {
        match t {
            Target::Unit(u) => &self.unit(u).name,
            Target::Item(Loc::Task(s, t)) => &self.task(s, t).id,
            Target::Item(Loc::Measure(s, t, m)) => &self.measure(s, t, m).id,
            Target::Item(Loc::Milestone(s, t, m, k)) => &self.measure(s, t, m).milestones[k].id,
        }
    }

    fn officials(&self, t: Target) -> Vec<&str> {
        if !self.index.officials {
            return Vec::new();
        }
        let list = match t {
            Target::Item(Loc::Task(s, t)) => &self.task(s, t).officials,
            Target::Item(Loc::Measure(s, t, m)) if !self.measure(s, t, m).inherited => {
                &self.measure(s, t, m).officials
            }
            _ => return Vec::new(),
        };
        list.iter().map(|o| o.name.as_str()).collect()
    }

    fn deadlines(&self, t: Target) -> Vec<Date> {
        let of = |m: &ArchivedMeasure| {
            m.milestones
                .iter()
                .filter_map(|k| k.deadline.as_ref().and_then(date_of))
                .collect::<Vec<_>>()
        };
        match t {
            Target::Item(Loc::Task(s, t)) => self.task(s, t).measures.iter().flat_map(of).collect(),
            Target::Item(Loc::Measure(s, t, m)) => of(self.measure(s, t, m)),
            _ => Vec::new(),
        }
    }

    fn units(&self) -> usize {
        self.doc.units.len()
    }

    fn unit_name(&self, u: usize) -> &str {
        &self.unit(u).name
    }

    fn unit_printed(&self, u: usize, text: &str) -> bool {
        let unit = self.unit(u);
        unit.name == text || unit.aliases.iter().any(|a| a == text)
    }

    fn unit_index(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        let asked = self
            .asked
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if asked < TABLE_AFTER && self.names.get().is_none() {
            // As the catalog's table: the last unit that has the name wins.
            let forms = |u: &ArchivedUnit| {
                u.name == name
                    || u.aliases.iter().any(|a| a == name)
                    || u.official.as_ref().is_some_and(|o| o.name == name)
            };
            let exact = (0..self.doc.units.len())
                .rev()
                .find(|&u| forms(self.unit(u)));
            return exact.or_else(|| self.official_ending(name));
        }
        let names = self.names.get_or_init(|| {
            let mut names = rustc_hash::FxHashMap::default();
            for (u, unit) in self.doc.units.iter().enumerate() {
                names.insert(unit.name.as_str(), u);
                let official = unit.official.as_ref().map(|o| o.name.as_str());
                for a in unit.aliases.iter().map(|a| a.as_str()).chain(official) {
                    names.insert(a, u);
                }
            }
            names
        });
        names
            .get(name)
            .copied()
            .or_else(|| self.official_ending(name))
    }

    fn unit_forms(&self, u: usize) -> usize {
        self.index.unit_names[u].len()
    }

    fn unit_form(&self, u: usize, k: usize) -> UnitForm<'_> {
        let i = self.index;
        UnitForm {
            name: &i.unit_names[u][k],
            folded: &i.unit_folded[u][k],
            mask: Mask(i.unit_masks[u][k].0.map(|w| w.to_native())),
            syl: &i.unit_keys[u][k].syl,
        }
    }

    fn ready_pinyin(&self) {}

    fn pinyin(&self, i: usize) -> EntryPinyin<'_> {
        let k = &self.keys[i];
        EntryPinyin {
            syl: &k.keys.syl,
            letters: k.letters.to_native(),
            initials: k.initials.to_native(),
        }
    }

    /// Hits come best first, so each is read at random in a map of tens of megabytes, mostly
    /// not in the processor's caches: the entry (0), its units and task (1), its measure or the
    /// task's title (2), the measure's text and unit lists (3).
    fn warm(&self, i: usize, step: usize) {
        let Some(e) = self.index.entries.get(i) else {
            return;
        };
        if step == 0 {
            return fetch(e);
        }
        let ArchivedTarget::Item(l) = &e.target else {
            return;
        };
        let (s, t, m) = match loc(l) {
            Loc::Task(s, t) => (s, t, None),
            Loc::Measure(s, t, m) | Loc::Milestone(s, t, m, _) => (s, t, Some(m)),
        };
        let Some(task) = self.doc.sections.get(s).and_then(|s| s.tasks.get(t)) else {
            return;
        };
        if step == 1 {
            let at = e.units_at.to_native() as usize;
            fetch(self.index.units.as_ptr().wrapping_add(at));
            return fetch(task);
        }
        // Read from here on: the task (fetched by step 1), then the measure (by step 2).
        let Some(m) = m.and_then(|m| task.measures.get(m)) else {
            return fetch(task.title.as_ptr());
        };
        if step == 2 {
            fetch(m);
            return fetch((m as *const ArchivedMeasure).wrapping_byte_add(64));
        }
        fetch(m.text.as_ptr());
        fetch(m.text.as_ptr().wrapping_add(64));
        fetch(m.lead.as_ptr());
        fetch(m.support.as_ptr());
    }
}

/// Asks the processor to bring the cache line at `p` in (a hint: nothing is read, and an address
/// not mapped is no fault).
#[inline(always)]
fn fetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and never faults, whatever the address.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[cfg(test)]
#[path = "kept_tests.rs"]
mod tests;
