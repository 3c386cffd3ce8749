//! What the search looks at, prepared once per catalog: one entry per task, measure and unit,
//! in document order (tasks each followed by their measures, then the units), with a character
//! mask per entry for prefiltering and, built on the first pinyin query, pinyin keys.

use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use super::fold;
use super::pinyin::{self, Keys};
use super::unit_forms::UnitForms;
use crate::domain::{Catalog, Loc};

/// What kind of thing a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// (Archived in the workspace's cache, as the other parts of an `Index`.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum ItemKind {
    Task,
    Measure,
    Unit,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Task => "task",
            ItemKind::Measure => "measure",
            ItemKind::Unit => "unit",
        }
    }
}

/// Where an entry points: a task or measure in the tree, or a unit by its index in `doc.units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// (Archived.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Target {
    Item(Loc),
    Unit(usize),
}

#[derive(Debug, Clone, PartialEq)]
/// (Archived.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Entry {
    pub kind: ItemKind,
    pub target: Target,
    /// Where its lead units, then its cooperating units, start in `Index::units` (for tasks,
    /// as `Task::lead_units` and `Task::support_units`), and how many of each.
    pub units_at: u32,
    pub leads: u16,
    pub supports: u16,
    /// Characters of the main text (title, measure text or unit name), folded, hashed into 256 bits.
    pub mask: Mask,
    /// The main text folded (see `fold`), when that is not the text itself.
    pub folded: Option<Box<str>>,
}

impl Entry {
    fn new(kind: ItemKind, target: Target) -> Entry {
        Entry {
            kind,
            target,
            units_at: 0,
            leads: 0,
            supports: 0,
            mask: Mask::default(),
            folded: None,
        }
    }

    /// Folds the main text and takes its characters.
    fn fold(&mut self, cat: &Catalog) {
        let text = main_text(cat, self.target);
        let folded = fold::text(text, fold::Mode::INDEX);
        self.mask = Mask::of(&folded);
        if let std::borrow::Cow::Owned(f) = folded {
            self.folded = Some(f.into_boxed_str());
        }
    }
}

/// A 256-bit set of hashed characters: a term can only match where all its characters occur.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
/// (Archived.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Mask(pub [u64; 4]);

impl Mask {
    pub fn of(text: &str) -> Mask {
        let mut m = Mask::default();
        for c in text.chars() {
            m.add(c);
        }
        m
    }

    pub fn add(&mut self, c: char) {
        let c = c.to_ascii_lowercase() as u32;
        let bit = (c.wrapping_mul(0x9E37_79B1) >> 24) as usize;
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    pub fn covers(&self, need: &Mask) -> bool {
        self.0
            .iter()
            .zip(need.0)
            .all(|(have, need)| have & need == need)
    }
}

/// Pinyin keys of one entry's main text, the letters they use, and the letters that start a syllable.
#[derive(Debug, Clone, Default, PartialEq)]
/// (Archived.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct EntryKeys {
    pub keys: Keys,
    /// Bit `b - b'a'` for each letter, bits 26.. for digits.
    pub letters: u64,
    /// Bit `b - b'a'` for each letter that starts a syllable.
    pub initials: u32,
}

/// Letters that can only start a pinyin syllable (never follow in one, as a, n, g, h or r can):
/// each of them in a pinyin query must be the initial of some syllable of a match.
pub(crate) fn only_initials(ascii: &str) -> u32 {
    ascii.bytes().fold(0, |m, b| match b.to_ascii_lowercase() {
        b @ (b'b' | b'c' | b'd' | b'f' | b'j' | b'k' | b'l' | b'm' | b'p' | b'q' | b's' | b't'
        | b'w' | b'x' | b'y' | b'z') => m | 1 << (b - b'a'),
        _ => m,
    })
}

/// The letters of a key's syllables, and the letters that start one.
fn key_masks(keys: &pinyin::Keys) -> (u64, u32) {
    keys.ids().fold((0, 0), |(letters, initials), id| {
        let s = super::syllable_table::SYLLABLES[id];
        let first = s.bytes().next().map_or(0, |b| 1 << (b - b'a'));
        (letters | letter_mask(s), initials | first)
    })
}

pub(crate) fn letter_mask(ascii: &str) -> u64 {
    ascii.bytes().fold(0, |m, b| match b {
        b'a'..=b'z' => m | 1 << (b - b'a'),
        b'A'..=b'Z' => m | 1 << (b - b'A'),
        b'0'..=b'9' => m | 1 << (26 + b - b'0'),
        _ => m,
    })
}

/// The searchable form of a catalog. Build it once, use it with the same catalog.
#[derive(Debug)]
pub struct Index {
    pub(crate) entries: Vec<Entry>,
    /// The units of every entry (see `Entry::units_at`).
    pub(crate) units: Vec<u16>,
    /// Per unit: its name, its aliases and its official name without its place (see `names`),
    /// each folded, keyed and masked; shared with other notices' indexes naming the same unit
    /// the same way (`unit_forms::Shared`).
    pub(crate) unit_forms: Vec<Arc<UnitForms>>,
    /// Pinyin keys of every entry's main text, built on first use.
    pub(crate) keys: OnceLock<Vec<EntryKeys>>,
    /// Whether any task or measure names an official (format 2): when none does, they are not
    /// looked for item by item.
    pub(crate) officials: bool,
}

impl Index {
    pub fn new(cat: &Catalog) -> Index {
        let unit = |name: &String| cat.unit_exact(name).map_or(u16::MAX, |i| i as u16);
        let tasks: usize = cat.doc.sections.iter().map(|s| s.tasks.len()).sum();
        let mut entries = Vec::with_capacity(tasks * 11 + cat.doc.units.len());
        // Every entry's units in one array: one allocation rather than two an entry.
        let mut units: Vec<u16> = Vec::with_capacity(tasks * 40);
        // Per unit, the last task that listed it (a task lists each unit once).
        let mut seen = vec![usize::MAX; cat.doc.units.len()];
        for (si, s) in cat.doc.sections.iter().enumerate() {
            for (ti, t) in s.tasks.iter().enumerate() {
                let task = entries.len();
                entries.push(Entry::new(ItemKind::Task, Target::Item(Loc::Task(si, ti))));
                for (mi, m) in t.measures.iter().enumerate() {
                    let at = units.len();
                    // Responsible units (format 2) count with the lead: they are in charge.
                    units.extend(m.lead.iter().chain(&m.responsible).map(unit));
                    units.extend(m.support.iter().map(unit));
                    entries.push(Entry {
                        units_at: at as u32,
                        leads: (m.lead.len() + m.responsible.len()) as u16,
                        supports: m.support.len() as u16,
                        ..Entry::new(ItemKind::Measure, Target::Item(Loc::Measure(si, ti, mi)))
                    });
                }
                // The task: its own lead (and responsible) units (format 2) and its measures',
                // then its own and their cooperating units that lead none of them, each once, in
                // order of first appearance.
                let at = units.len();
                let own_lead: Vec<u16> = t.lead.iter().chain(&t.responsible).map(unit).collect();
                let own_support: Vec<u16> = t.support.iter().map(unit).collect();
                let mut take = |lead: bool, units: &mut Vec<u16>| {
                    let own = if lead { &own_lead } else { &own_support };
                    for &u in own {
                        if seen.get(usize::from(u)).is_some_and(|&s| s != task) {
                            seen[usize::from(u)] = task;
                            units.push(u);
                        }
                    }
                    for e in &entries[task + 1..] {
                        let from = e.units_at as usize + if lead { 0 } else { e.leads as usize };
                        let n = if lead { e.leads } else { e.supports } as usize;
                        for i in from..from + n {
                            let u = units[i];
                            if seen.get(usize::from(u)).is_some_and(|&s| s != task) {
                                seen[usize::from(u)] = task;
                                units.push(u);
                            }
                        }
                    }
                    units.len()
                };
                let leads = take(true, &mut units) - at;
                let supports = take(false, &mut units) - at - leads;
                entries[task].units_at = at as u32;
                entries[task].leads = leads as u16;
                entries[task].supports = supports as u16;
            }
        }
        for ui in 0..cat.doc.units.len() {
            entries.push(Entry::new(ItemKind::Unit, Target::Unit(ui)));
        }
        // The folded texts and their character masks: a pass over every text, across the cores.
        super::par::for_each_mut(&mut entries, |e| e.fold(cat));
        let place = super::names::place_of(&cat.doc.issuer);
        let unit_forms = cat
            .doc
            .units
            .iter()
            .map(|u| {
                let names = std::iter::once(u.name.clone())
                    .chain(u.aliases.iter().cloned())
                    .chain(
                        u.official
                            .as_ref()
                            .map(|o| super::names::place_less(&o.name, place.as_deref())),
                    )
                    .collect();
                Arc::new(UnitForms::of(names))
            })
            .collect();
        Index {
            entries,
            units,
            unit_forms,
            keys: OnceLock::new(),
            officials: cat.doc.sections.iter().flat_map(|s| &s.tasks).any(|t| {
                !t.officials.is_empty() || t.measures.iter().any(|m| !m.officials.is_empty())
            }),
        }
    }

    /// An entry's lead units (indices into `doc.units`).
    pub(crate) fn lead(&self, e: &Entry) -> &[u16] {
        let at = e.units_at as usize;
        &self.units[at..at + usize::from(e.leads)]
    }

    /// An entry's cooperating units.
    pub(crate) fn support(&self, e: &Entry) -> &[u16] {
        let at = e.units_at as usize + usize::from(e.leads);
        &self.units[at..at + usize::from(e.supports)]
    }

    /// Number of entries (tasks + measures + units).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The pinyin keys of every entry, built (on both cores) the first time they are needed.
    pub(crate) fn entry_keys(&self, cat: &Catalog) -> &[EntryKeys] {
        self.keys.get_or_init(|| {
            let build = |es: &[Entry]| -> Vec<EntryKeys> {
                es.iter()
                    .map(|e| {
                        let keys = pinyin::keys(folded_text(cat, e));
                        let (letters, initials) = key_masks(&keys);
                        EntryKeys {
                            keys,
                            letters,
                            initials,
                        }
                    })
                    .collect()
            };
            // Gathered into one list of the final size (collected from the parts it grew by
            // doubling, up to twice what it holds).
            let mut all = Vec::with_capacity(self.entries.len());
            for part in super::par::map_chunks(&self.entries, build) {
                all.extend(part);
            }
            all
        })
    }

    /// Builds the pinyin keys now rather than on the first pinyin query.
    pub fn warm(&self, cat: &Catalog) {
        self.entry_keys(cat);
    }
}

/// The title of a task, the text of a measure, the name of a unit.
pub(crate) fn main_text(cat: &Catalog, target: Target) -> &str {
    match target {
        Target::Unit(u) => &cat.doc.units[u].name,
        Target::Item(loc) => match cat.at(loc) {
            crate::domain::Item::Task(_, t) => &t.title,
            crate::domain::Item::Measure(_, _, m) => &m.text,
            crate::domain::Item::Milestone(_, _, m, k) => m.text_of(k),
        },
    }
}

/// The main text of an entry, folded as the index folds.
pub(crate) fn folded_text<'a>(cat: &'a Catalog, e: &'a Entry) -> &'a str {
    e.folded
        .as_deref()
        .unwrap_or_else(|| main_text(cat, e.target))
}

/// Milestone deadlines of a measure, or of all measures of a task.
pub(crate) fn deadlines(cat: &Catalog, target: Target) -> Vec<Date> {
    let d = &cat.doc;
    match target {
        Target::Item(Loc::Task(s, t)) => d.sections[s].tasks[t]
            .measures
            .iter()
            .flat_map(|m| m.milestones.iter().filter_map(|k| k.deadline))
            .collect(),
        Target::Item(Loc::Measure(s, t, m)) => d.sections[s].tasks[t].measures[m]
            .milestones
            .iter()
            .filter_map(|k| k.deadline)
            .collect(),
        _ => Vec::new(),
    }
}
