//! One search over many notices (the workspace's TUI): the notices, not each notice's entries,
//! are split across the cores; the best `limit` are kept across the notices (best first, a tie in
//! the workspace's order, then the notice's); only the hits shown are explained
//! ([`Results::explain_to`]). A [`Searcher`] remembers recent queries, so that a query that only
//! narrows an earlier one looks at that one's matches only.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::corpus::{Corpus, Owned};
use super::stored::Kept;
use super::unit_forms::Shared;
use super::{Hit, Index, Options, Query, Target, engine, narrows, par, parse, widen};
use crate::domain::{Catalog, Loc};

/// A notice to search: a catalog in memory and its search index, or its archive read in place
/// from the workspace's cache (the TUI's list holds no catalogs until a view needs them).
/// (`'k`: the cache's map that a notice read in place is read from.)
#[derive(Clone, Copy)]
pub enum Notice<'a, 'k> {
    Owned { cat: &'a Catalog, index: &'a Index },
    Kept(&'a Kept<'k>),
}

/// Runs `$body` with `$src` bound to notice `$n`'s corpus, whichever it is: the engine is
/// compiled for each kind of corpus, and nothing is decided again per entry.
macro_rules! with_corpus {
    ($n:expr, |$src:ident| $body:expr) => {
        match $n {
            Notice::Owned { cat, index } => {
                let $src = &Owned { cat, index };
                $body
            }
            Notice::Kept(kept) => {
                let $src = kept;
                $body
            }
        }
    };
}

impl Notice<'_, '_> {
    /// How many entries its index has.
    fn len(&self) -> usize {
        with_corpus!(*self, |src| src.len())
    }

    /// The words of the item at `loc` (a task's title, a measure's text; a milestone's
    /// measure's), as a hit's row shows them after a match on a unit, an id or a date.
    pub fn words(&self, loc: Loc) -> &str {
        let at = Target::Item(match loc {
            Loc::Milestone(s, t, m, _) => Loc::Measure(s, t, m),
            other => other,
        });
        match self {
            Notice::Owned { cat, .. } => super::index::main_text(cat, at),
            Notice::Kept(kept) => kept.main_text(at),
        }
    }
}

/// A match before it is explained: its notice, its entry, its rank value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub notice: usize,
    pub entry: u32,
    pub score: i64,
}

/// A hit and the notice it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub notice: usize,
    pub hit: Hit,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The query as parsed (without the notices' own unit names).
    pub query: Query,
    /// How many items matched in all the notices searched.
    pub total: usize,
    /// The best `limit` of them, best first.
    pub ranked: Vec<Ranked>,
    /// The first of `ranked`, explained (fields, highlighted characters).
    pub hits: Vec<Found>,
    /// Whether some notices were searched in an earlier query's matches only.
    pub narrowed: bool,
}

impl Results {
    /// Explains the ranked matches up to the `n`-th (those about to be shown).
    pub fn explain_to(&mut self, notices: &[Notice], n: usize) {
        let n = n.min(self.ranked.len());
        let from = self.hits.len();
        if from >= n {
            return;
        }
        let wanted = &self.ranked[from..n];
        let mut explained: Vec<Option<Found>> = vec![None; wanted.len()];
        let mut done = vec![false; wanted.len()];
        let mut memo = engine::UnitMemo::default();
        let mut numbering = Numbering::default();
        for k in 0..wanted.len() {
            if done[k] {
                continue;
            }
            // Every wanted hit of this notice, with one compiled query.
            let d = wanted[k].notice;
            let ids = numbering.of(&notices[d]);
            let these: Vec<usize> = (k..wanted.len())
                .filter(|&j| wanted[j].notice == d)
                .collect();
            let hits = with_corpus!(notices[d], |src| explain_in(
                src,
                &self.query,
                (&mut memo, &ids),
                these.iter().map(|&j| wanted[j])
            ));
            for (j, hit) in these.into_iter().zip(hits) {
                explained[j] = Some(Found { notice: d, hit });
                done[j] = true;
            }
        }
        self.hits.extend(explained.into_iter().flatten());
    }
}

/// The hits `wanted` (all of one notice, `src`) explained, with the query widened by the
/// notice's unit names and compiled once.
fn explain_in(
    src: &impl Corpus,
    base: &Query,
    memo: (&mut engine::UnitMemo, &[u32]),
    wanted: impl Iterator<Item = Ranked>,
) -> Vec<Hit> {
    compiled_in(src, base, memo, true, |compiled, ctx, _| {
        wanted
            .map(|r| engine::explain(compiled, ctx, r.entry as usize, r.score).into_hit(src))
            .collect()
    })
}

/// `base` widened by the notice's unit names (`f` is told whether it was), compiled for `src`,
/// its pinyin keys made ready if it reads them: what `f` matches or explains with.
fn compiled_in<C: Corpus, R>(
    src: &C,
    base: &Query,
    memo: (&mut engine::UnitMemo, &[u32]),
    units: bool,
    f: impl FnOnce(&engine::Compiled, &engine::Ctx<C>, bool) -> R,
) -> R {
    let wide = widen(src, base);
    let query = wide.as_ref().unwrap_or(base);
    let pinyin = query.wants_pinyin();
    if pinyin {
        src.ready_pinyin();
    }
    let compiled = engine::compile_in(query, src, Some(memo));
    let ctx = engine::Ctx { src, pinyin, units };
    f(&compiled, &ctx, wide.is_some())
}

/// What one notice's scan found: whether the query was widened by its unit names (then its
/// matches cannot be narrowed from), and every match.
struct Scanned {
    notice: usize,
    widened: bool,
    matched: Vec<(i64, u32)>,
}

/// A remembered query: the notices it searched and their matches (`None`: not searched, or
/// widened by the notice's unit names).
#[derive(Debug)]
struct Recent {
    query: Query,
    units: bool,
    matched: Vec<Option<Vec<u32>>>,
    count: usize,
}

/// Searches as the user types, across notices: always the same notices (a new `Searcher` when
/// they change, as for `search::Searcher` and its catalog).
#[derive(Debug, Default)]
pub struct Searcher {
    recent: Vec<Recent>,
    /// Each notice's units numbered by their forms (`unit_ids`), made on the first search.
    units: Vec<Vec<u32>>,
    /// Every match of the last search, ranked in place: kept, so that a keystroke that matches
    /// tens of thousands does not ask the system for fresh pages each time.
    all: Vec<Ranked>,
}

/// How many recent queries a `Searcher` keeps.
const RECENT: usize = 16;

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// Searches notices `picked` (indices into `notices`, in the workspace's order) for `input`
    /// (without `in:` words); explains the first `explain` hits.
    pub fn search(
        &mut self,
        notices: &[Notice],
        picked: &[usize],
        input: &str,
        opts: &Options,
        explain: usize,
    ) -> Results {
        if self.units.len() != notices.len() {
            self.units = unit_ids(notices);
        }
        let ids = &self.units;
        let query = parse(input);
        let prev = self
            .recent
            .iter()
            .filter(|r| r.units == opts.units && narrows(&r.query, &query))
            .min_by_key(|r| r.count);
        let prior =
            |d: usize| -> Option<&[u32]> { prev.and_then(|r| r.matched.get(d)?.as_deref()) };
        let mut results = Results {
            query,
            ..Results::default()
        };
        if results.query.is_empty() {
            return results;
        }
        let work: usize = picked
            .iter()
            .map(|&d| prior(d).map_or(notices[d].len(), <[u32]>::len))
            .sum();
        let base = &results.query;
        let scanned: Vec<Scanned> = par::map_weighted(picked, work, |part| {
            // Each core its own memory of the units' verdicts.
            let mut memo = engine::UnitMemo::default();
            part.iter()
                .map(|&d| {
                    let memo = (&mut memo, ids[d].as_slice());
                    with_corpus!(notices[d], |src| scan(src, d, base, opts, prior(d), memo))
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        results.narrowed = picked.iter().any(|&d| prior(d).is_some());
        results.total = scanned.iter().map(|s| s.matched.len()).sum();
        let all = &mut self.all;
        all.clear();
        all.reserve(results.total);
        let mut matched = vec![None; notices.len()];
        for s in scanned {
            all.extend(s.matched.iter().map(|&(score, entry)| Ranked {
                notice: s.notice,
                entry,
                score,
            }));
            if !s.widened {
                matched[s.notice] = Some(s.matched.into_iter().map(|(_, i)| i).collect());
            }
        }
        results.ranked = top(all, opts.limit);
        if all.capacity() > 4 * results.total.max(1 << 16) {
            // A huge result once is not kept for ever.
            *all = Vec::new();
        }
        results.explain_to(notices, explain);
        self.remember(Recent {
            query: results.query.clone(),
            units: opts.units,
            count: results.total,
            matched,
        });
        results
    }

    fn remember(&mut self, r: Recent) {
        self.recent
            .retain(|old| !(old.query == r.query && old.units == r.units));
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(r);
    }
}

/// One notice: the query with the notice's own unit names, compiled, run over its entries (or
/// only `prior`'s, when the query is the same as parsed: not widened by a unit name).
fn scan(
    src: &impl Corpus,
    d: usize,
    base: &Query,
    opts: &Options,
    prior: Option<&[u32]>,
    memo: (&mut engine::UnitMemo, &[u32]),
) -> Scanned {
    compiled_in(src, base, memo, opts.units, |compiled, ctx, widened| {
        let all: Vec<u32>;
        let candidates = match prior {
            Some(p) if !widened => p,
            _ => {
                all = (0..src.len() as u32).collect();
                &all
            }
        };
        Scanned {
            notice: d,
            widened,
            matched: engine::matches(compiled, ctx, candidates),
        }
    })
}

/// Best first; a tie in the workspace's order, then the notice's; only the first `limit` sorted.
fn top(all: &mut [Ranked], limit: usize) -> Vec<Ranked> {
    let key = |r: &Ranked| (Reverse(r.score), r.notice, r.entry);
    let mut best = if limit < all.len() {
        all.select_nth_unstable_by_key(limit, key);
        all[..limit].to_vec()
    } else {
        all.to_vec()
    };
    best.sort_unstable_by_key(key);
    best
}

/// Units numbered by their forms (name, aliases, official name): the same forms, the same
/// number in every notice, so that a term meets them once a search.
#[derive(Default)]
struct Numbering {
    seen: HashMap<String, u32>,
}

impl Numbering {
    /// Notice `n`'s units' numbers.
    fn of(&mut self, n: &Notice) -> Vec<u32> {
        with_corpus!(*n, |src| self.numbered(src))
    }

    fn numbered(&mut self, src: &impl Corpus) -> Vec<u32> {
        (0..src.units())
            .map(|u| {
                let mut forms = String::new();
                for k in 0..src.unit_forms(u) {
                    forms.push_str(src.unit_form(u, k).name);
                    forms.push('\u{1f}');
                }
                let next = self.seen.len() as u32;
                *self.seen.entry(forms).or_insert(next)
            })
            .collect()
    }
}

fn unit_ids(notices: &[Notice]) -> Vec<Vec<u32>> {
    let mut numbering = Numbering::default();
    notices.iter().map(|n| numbering.of(n)).collect()
}

/// The search indexes of `cats`, built with the notices split across the cores.
pub fn indexes(cats: &[&Catalog]) -> Vec<Index> {
    let work = cats.iter().map(|c| c.measures().count()).sum();
    // Each core shares the units' forms among the notices it builds as it goes, then the
    // parts share theirs.
    let mut built: Vec<Index> = par::map_weighted(cats, work, |part| {
        let mut shared = Shared::default();
        part.iter()
            .map(|c| {
                let mut index = Index::new(c);
                shared.share(&mut index);
                index
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let mut shared = Shared::default();
    for index in &mut built {
        shared.share(index);
    }
    built
}

#[cfg(test)]
#[path = "across_tests.rs"]
mod tests;
