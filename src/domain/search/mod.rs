//! Search over a catalog: the query language ([`query`]), pinyin keys ([`pinyin`]), matching
//! (`matcher`, `syllables`) and ranking (`engine`) of tasks, measures and units.
//!
//! ```
//! use fgf::domain::{seeds, search};
//! let cat = seeds::embedded();
//! let index = search::Index::new(&cat);
//! let results = search::search(&cat, &index, "@fgw 营商", &search::Options::default());
//! assert!(results.hits.iter().all(|h| h.kind != search::ItemKind::Unit));
//! ```
//!
//! For typing, keep a [`Searcher`]: when a query only narrows the previous one (a term grew, a
//! term was added) it looks only at the previous matches.

mod accents_table;
pub mod across;
pub(crate) mod corpus;
mod engine;
mod explained;
pub mod fold;
mod index;
mod lines;
mod matcher;
pub mod names;
pub(crate) mod par;
pub mod pinyin;
pub mod query;
mod stored;
mod syllable_table;
mod syllables;
mod traditional_table;
mod unit_forms;

use serde::Serialize;

pub use explained::{Explained, ExplainedField};
pub use index::{EntryKeys, Index, ItemKind, Target};
pub use lines::filter_lines;
pub use query::{DateRange, Group, Kind, Query, Scope, Term, parse};
pub use stored::{Kept, Stored};

use crate::domain::Catalog;
use corpus::{Corpus, Owned, WARM_STEPS};

/// Where a term matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// A task number or measure id.
    Id,
    /// A task title.
    Title,
    /// A unit's name (or one of its aliases).
    Name,
    /// A lead unit (牵头).
    Lead,
    /// A cooperating unit (配合).
    Support,
    /// A measure's text.
    Text,
    /// A milestone deadline.
    Deadline,
    /// A named official (牵头负责领导：张三), found by `fgf who`.
    Official,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Name => "name",
            Field::Lead => "lead",
            Field::Support => "support",
            Field::Text => "text",
            Field::Deadline => "deadline",
            Field::Official => "official",
        }
    }
}

/// One field of a hit that a term matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: Field,
    /// For lead / support matches: which unit (index into `doc.units`).
    pub unit: Option<usize>,
    /// The field's text: a title, a measure text, a unit name, an id or a date.
    pub text: String,
    /// Matched characters, as char indices into `text`, ascending.
    pub positions: Vec<usize>,
    pub score: i64,
}

/// A task, measure or unit that matched, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: ItemKind,
    pub target: Target,
    /// 9, 9.2, or a unit's name.
    pub id: String,
    pub score: i64,
    /// The best-matching field, its text and the matched char indices in it.
    pub field: Field,
    pub text: String,
    pub positions: Vec<usize>,
    /// Every field a term matched (for highlighting more than the best one).
    pub matches: Vec<FieldMatch>,
}

impl Hit {
    /// The matched char indices in one field (a unit's name for lead / support).
    pub fn positions_in(&self, field: Field, unit: Option<usize>) -> &[usize] {
        self.matches
            .iter()
            .find(|m| m.field == field && m.unit == unit)
            .map_or(&[], |m| m.positions.as_slice())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// At most this many hits are explained and returned (all are counted).
    pub limit: usize,
    /// Whether units themselves are results (`fgf who` answers with tasks and measures only).
    pub units: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limit: 200,
            units: true,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub query: Query,
    /// How many items matched in all.
    pub total: usize,
    /// The best `limit` of them, best first, ties in document order.
    pub hits: Vec<Hit>,
    /// Whether only the previous query's matches were searched.
    pub narrowed: bool,
}

/// Searches the whole catalog for `input`.
pub fn search(cat: &Catalog, index: &Index, input: &str, opts: &Options) -> Results {
    search_in(&Owned { cat, index }, input, opts)
}

/// `search` over any corpus (a notice read in place from the cache, say).
pub(crate) fn search_in(src: &impl Corpus, input: &str, opts: &Options) -> Results {
    run(src, parse_for(src, input), opts, None).0
}

/// `parse`, then a term that names a unit by its official name (重庆市发展和改革委员会, or its end
/// without the place: 市场监督管理局) may also match as the name the document prints. The index
/// holds names without their place, so that `重庆` does not match every unit.
fn parse_for(src: &impl Corpus, input: &str) -> Query {
    let q = parse(input);
    widen(src, &q).unwrap_or(q)
}

/// `q` with the unit names of `src` its terms name by an official name, if any (see
/// `parse_for`); `None`: the query is as parsed.
fn widen(src: &impl Corpus, q: &Query) -> Option<Query> {
    let mut wide: Option<Query> = None;
    for (i, g) in q.groups.iter().enumerate() {
        let extra: Vec<Term> = g
            .alts
            .iter()
            .filter(|t| !t.negate && !t.text.is_empty())
            .filter_map(|t| {
                let u = src.unit_index(&t.text)?;
                (!src.unit_printed(u, &t.text)).then(|| Term {
                    text: src.unit_name(u).to_string(),
                    pinyin: false,
                    ..t.clone()
                })
            })
            .collect();
        if !extra.is_empty() {
            wide.get_or_insert_with(|| q.clone()).groups[i]
                .alts
                .extend(extra);
        }
    }
    wide
}

/// A search as the user types: remembers the last query and its matches.
#[derive(Debug, Default)]
pub struct Searcher {
    /// Recent queries (whether units were included) and all their matches, newest last.
    recent: Vec<(Query, bool, Vec<u32>)>,
}

/// How many recent queries a `Searcher` keeps (so that backspace narrows from an earlier one).
const RECENT: usize = 16;

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    pub fn search(&mut self, cat: &Catalog, index: &Index, input: &str, opts: &Options) -> Results {
        let src = Owned { cat, index };
        let query = parse_for(&src, input);
        // The smallest remembered result set that the new query can only narrow.
        let prev = self
            .recent
            .iter()
            .filter(|(q, units, _)| *units == opts.units && narrows(q, &query))
            .min_by_key(|(_, _, m)| m.len())
            .map(|(_, _, m)| m.as_slice());
        let (results, matched) = run(&src, query, opts, prev);
        if !results.query.is_empty() {
            self.recent
                .retain(|(q, u, _)| !(*q == results.query && *u == opts.units));
            if self.recent.len() == RECENT {
                self.recent.remove(0);
            }
            self.recent
                .push((results.query.clone(), opts.units, matched));
        }
        results
    }

    /// Forgets the recent queries (call it when the catalog changes).
    pub fn reset(&mut self) {
        self.recent.clear();
    }
}

fn run(
    src: &impl Corpus,
    query: Query,
    opts: &Options,
    prev: Option<&[u32]>,
) -> (Results, Vec<u32>) {
    let mut hits = Vec::new();
    let (query, total, ids) = run_each(src, query, opts, prev, |h| hits.push(h.into_hit(src)));
    let results = Results {
        total,
        hits,
        narrowed: prev.is_some() && !query.is_empty(),
        query,
    };
    (results, ids)
}

/// Searches the whole catalog for `input` and hands the hits to `each`, best first, one at a
/// time: for printing many of them without keeping them all (`fgf search --limit 0`). Returns
/// the query as parsed and how many items matched in all.
pub fn search_each(
    cat: &Catalog,
    index: &Index,
    input: &str,
    opts: &Options,
    mut each: impl FnMut(Hit),
) -> (Query, usize) {
    let src = Owned { cat, index };
    search_each_in(&src, input, opts, |h| each(h.into_hit(&src)))
}

/// `search_each` over any corpus, each hit as explained, its texts borrowed (for printing).
pub(crate) fn search_each_in(
    src: &impl Corpus,
    input: &str,
    opts: &Options,
    each: impl FnMut(Explained<'_>),
) -> (Query, usize) {
    let (query, total, _) = run_each(src, parse_for(src, input), opts, None, each);
    (query, total)
}

/// The query, the number of matches and their entries; the best `opts.limit` explained, in
/// order, into `each` (the query compiled once for both).
fn run_each<C: Corpus>(
    src: &C,
    query: Query,
    opts: &Options,
    prev: Option<&[u32]>,
    each: impl FnMut(Explained<'_>),
) -> (Query, usize, Vec<u32>) {
    if query.is_empty() {
        return (query, 0, Vec::new());
    }
    let (total, ids) = compiled(src, &query, opts, |c, ctx| {
        let (total, ids, top) = ranked(c, ctx, prev, opts.limit);
        explained(c, ctx, &top, each);
        (total, ids)
    });
    (query, total, ids)
}

/// `query` (not empty) compiled for `src`, its pinyin keys made ready if it reads them: what
/// `f` ranks or explains with.
fn compiled<C: Corpus, R>(
    src: &C,
    query: &Query,
    opts: &Options,
    f: impl FnOnce(&engine::Compiled, &engine::Ctx<C>) -> R,
) -> R {
    let pinyin = query.wants_pinyin();
    if pinyin {
        src.ready_pinyin();
    }
    let compiled = engine::compile(query, src);
    let ctx = engine::Ctx {
        src,
        pinyin,
        units: opts.units,
    };
    f(&compiled, &ctx)
}

/// How many items match (among `prev`'s, if given), their entries, and the best `limit` of them
/// (rank value, entry), best first; none explained.
fn ranked<C: Corpus>(
    compiled: &engine::Compiled,
    ctx: &engine::Ctx<C>,
    prev: Option<&[u32]>,
    limit: usize,
) -> (usize, Vec<u32>, Vec<(i64, u32)>) {
    let all: Vec<u32>;
    let candidates = match prev {
        Some(p) => p,
        None => {
            all = (0..ctx.src.len() as u32).collect();
            &all
        }
    };
    let matched = engine::scan(compiled, ctx, candidates);
    let ids: Vec<u32> = matched.iter().map(|&(_, i)| i).collect();
    let total = matched.len();
    (total, ids, engine::top(matched, limit))
}

/// The matches `top` (as `ranked` gave them), explained in that order into `each`.
fn explained<C: Corpus>(
    compiled: &engine::Compiled,
    ctx: &engine::Ctx<C>,
    top: &[(i64, u32)],
    mut each: impl FnMut(Explained<'_>),
) {
    for (k, &(score, i)) in top.iter().enumerate() {
        // What the hits just ahead read, fetched while this one is explained (and printed).
        for step in 0..WARM_STEPS {
            if let Some(&(_, j)) = top.get(k + WARM_STEPS - step) {
                ctx.src.warm(j as usize, step);
            }
        }
        each(engine::explain(compiled, ctx, i as usize, score));
    }
}

/// A search of one notice in two steps, so that the hits of several notices can be put in one
/// order and explained one part at a time (`fgf search` across the workspace, `--limit 0`):
/// the query as parsed for the notice, how many items matched, and the best `opts.limit`
/// (rank value, entry), best first, as `search_in` would explain them.
pub(crate) fn rank_in(
    src: &impl Corpus,
    input: &str,
    opts: &Options,
) -> (Query, usize, Vec<(i64, u32)>) {
    let query = parse_for(src, input);
    if query.is_empty() {
        return (query, 0, Vec::new());
    }
    let (total, _, top) = compiled(src, &query, opts, |c, ctx| ranked(c, ctx, None, opts.limit));
    (query, total, top)
}

/// The matches `top` of a query `rank_in` parsed for `src`, explained in that order into `each`.
pub(crate) fn explain_in(
    src: &impl Corpus,
    query: &Query,
    opts: &Options,
    top: &[(i64, u32)],
    each: impl FnMut(Explained<'_>),
) {
    if !query.is_empty() {
        compiled(src, query, opts, |c, ctx| explained(c, ctx, top, each));
    }
}

/// Whether every item matching `new` also matches `old`, so `new` can search `old`'s matches only.
pub fn narrows(old: &Query, new: &Query) -> bool {
    !old.is_empty()
        && new.groups.len() >= old.groups.len()
        && old.groups.iter().zip(&new.groups).all(|(o, n)| {
            o == n || (o.alts.len() == 1 && n.alts.len() == 1 && implies(&n.alts[0], &o.alts[0]))
        })
}

fn is_id_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether a match of term `new` is always a match of term `old`.
fn implies(new: &Term, old: &Term) -> bool {
    if old.negate
        || new.negate
        || old.scope != new.scope
        || !matches!(old.scope, Scope::Any | Scope::Lead | Scope::Support)
        || (new.pinyin && !old.pinyin)
        || (old.case_sensitive && !new.case_sensitive)
        || is_id_like(&new.text)
    {
        // An id-like term (19) matches ids exactly or as a parent, not as a subsequence:
        // 1 does not find task 10, but 10 does.
        return false;
    }
    if old.accents != new.accents {
        return false;
    }
    let fold = |s: &str| fold::text(s, old.mode()).into_owned();
    let (o, n) = (fold(&old.text), fold(&new.text));
    match old.kind {
        Kind::Fuzzy => {
            let mut it = n.chars();
            o.chars().all(|c| it.any(|d| d == c))
        }
        Kind::Exact => new.kind != Kind::Fuzzy && n.contains(&o),
        Kind::Prefix => matches!(new.kind, Kind::Prefix | Kind::Equal) && n.starts_with(&o),
        Kind::Suffix => matches!(new.kind, Kind::Suffix | Kind::Equal) && n.ends_with(&o),
        Kind::Equal | Kind::Boundary => false,
    }
}

#[cfg(test)]
mod tests;
