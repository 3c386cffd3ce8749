//! One search over many notices (the workspace's TUI): the notices, not each notice's entries,
//! are split across the cores; the best `limit` are kept across the notices (best first, a tie in
//! the workspace's order, then the notice's); only the hits shown are explained
//! ([`Results::explain_to`]). A [`Searcher`] remembers recent queries, so that a query that only
//! narrows an earlier one looks at that one's matches only.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::corpus::{Corpus, Owned};
use super::unit_forms::Shared;
use super::{Hit, Index, Options, Query, engine, narrows, par, parse, widen};
use crate::domain::Catalog;

/// A notice to search: its catalog and search index.
#[derive(Clone, Copy)]
pub struct Notice<'a> {
    pub cat: &'a Catalog,
    pub index: &'a Index,
}

impl<'a> Notice<'a> {
    fn corpus(&self) -> Owned<'a> {
        Owned {
            cat: self.cat,
            index: self.index,
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
            let src = notices[d].corpus();
            let wide = widen(&src, &self.query);
            let query = wide.as_ref().unwrap_or(&self.query);
            let pinyin = query.wants_pinyin();
            if pinyin {
                src.ready_pinyin();
            }
            let ids = numbering.of(&notices[d]);
            let compiled = engine::compile_in(query, &src, Some((&mut memo, &ids)));
            let ctx = engine::Ctx {
                src: &src,
                pinyin,
                units: true,
            };
            for j in (k..wanted.len()).filter(|&j| wanted[j].notice == d) {
                let r = wanted[j];
                let hit =
                    engine::explain(&compiled, &ctx, r.entry as usize, r.score).into_hit(&src);
                explained[j] = Some(Found { notice: d, hit });
                done[j] = true;
            }
        }
        self.hits.extend(explained.into_iter().flatten());
    }
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
            .map(|&d| prior(d).map_or(notices[d].index.entries.len(), <[u32]>::len))
            .sum();
        let base = &results.query;
        let scanned: Vec<Scanned> = par::map_weighted(picked, work, |part| {
            // Each core its own memory of the units' verdicts.
            let mut memo = engine::UnitMemo::default();
            part.iter()
                .map(|&d| {
                    let memo = (&mut memo, ids[d].as_slice());
                    scan(notices[d], d, base, opts, prior(d), memo)
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
    n: Notice,
    d: usize,
    base: &Query,
    opts: &Options,
    prior: Option<&[u32]>,
    memo: (&mut engine::UnitMemo, &[u32]),
) -> Scanned {
    let src = n.corpus();
    let wide = widen(&src, base);
    let widened = wide.is_some();
    let query = wide.as_ref().unwrap_or(base);
    let pinyin = query.wants_pinyin();
    if pinyin {
        src.ready_pinyin();
    }
    let compiled = engine::compile_in(query, &src, Some(memo));
    let ctx = engine::Ctx {
        src: &src,
        pinyin,
        units: opts.units,
    };
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
        matched: engine::matches(&compiled, &ctx, candidates),
    }
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
        let src = n.corpus();
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
