//! `who` and `search` across the workspace: over notices read in place from the cache (no
//! document deserialised, only the notices of the hits shown are), or loaded as catalogs.

use std::borrow::Cow;
use std::process::ExitCode;

use anstream::{eprintln, println};
use anyhow::anyhow;

use super::super::lang::tr;
use super::super::output::{DIM, Paint, columns, fit_lines, fitted, paint, shown_limit};
use super::super::search::{Row, Shown};
use super::super::shapes::{self, InDoc, SearchHit, WhoHit};
use super::super::{Command, search, who};
use crate::domain::cache;
use crate::domain::catalog::SearchIndex;
use crate::domain::search::corpus::Owned;
use crate::domain::search::{self as engine, Hit, Index, Kept, Options, Query};
use crate::domain::text::sanitize;
use crate::domain::workspace::scope;
use crate::domain::{Catalog, Loc, lookup};

/// A notice a search across the workspace answers from.
pub enum Notice<'a> {
    /// Read in place from the workspace's cache (its archive's bytes, checked).
    Kept { kept: Kept<'a>, bytes: &'a [u8] },
    /// Loaded (and prepared as the command shows it).
    Loaded(Box<Catalog>),
}

impl Notice<'_> {
    fn id(&self) -> &str {
        match self {
            Notice::Kept { kept, .. } => &kept.doc().id,
            Notice::Loaded(cat) => &cat.doc.id,
        }
    }

    fn number(&self) -> &str {
        match self {
            Notice::Kept { kept, .. } => &kept.doc().number,
            Notice::Loaded(cat) => &cat.doc.number,
        }
    }

    /// Its label for text output (文号, else id), neutralised.
    fn label(&self) -> String {
        let label = if self.number().is_empty() {
            self.id()
        } else {
            self.number()
        };
        sanitize(label).into_owned()
    }

    fn who(&self, q: &str) -> Vec<lookup::Hit> {
        match self {
            Notice::Kept { kept, .. } => lookup::who_in(kept, q),
            Notice::Loaded(cat) => lookup::who(cat, q),
        }
    }

    /// Its index for `rank` and `hits` (a notice read in place has its own): the cache's, or
    /// built once for both.
    fn index(&self) -> Option<SearchIndex<'_>> {
        match self {
            Notice::Kept { .. } => None,
            Notice::Loaded(cat) => Some(cat.search_index()),
        }
    }

    /// The query as parsed for this notice, how many items match, the best `opts.limit` (rank
    /// value, entry), best first, none explained.
    fn rank(&self, index: Option<&Index>, q: &str, opts: &Options) -> Ranked {
        match (self, index) {
            (Notice::Kept { kept, .. }, _) => engine::rank_in(kept, q, opts),
            (Notice::Loaded(cat), Some(index)) => engine::rank_in(&Owned { cat, index }, q, opts),
            (Notice::Loaded(_), None) => unreachable!("a loaded notice is ranked with its index"),
        }
    }

    /// The matches `top` of `query` (as `rank` parsed it) explained, in that order.
    fn hits(
        &self,
        index: Option<&Index>,
        query: &Query,
        opts: &Options,
        top: &[(i64, u32)],
    ) -> Vec<Hit> {
        let mut out = Vec::with_capacity(top.len());
        match (self, index) {
            (Notice::Kept { kept, .. }, _) => {
                engine::explain_in(kept, query, opts, top, |e| out.push(e.into_hit(kept)))
            }
            (Notice::Loaded(cat), Some(index)) => {
                let src = Owned { cat, index };
                engine::explain_in(&src, query, opts, top, |e| out.push(e.into_hit(&src)))
            }
            (Notice::Loaded(_), None) => {
                unreachable!("a loaded notice is explained with its index")
            }
        }
        out
    }

    /// The catalog, to show hits from: a notice read in place is deserialised now (neutralised
    /// when `text`: its archive's word that it needs none is not taken for showing).
    fn catalog(&self, text: bool) -> anyhow::Result<Cow<'_, Catalog>> {
        match self {
            Notice::Loaded(cat) => Ok(Cow::Borrowed(cat)),
            Notice::Kept { bytes, .. } => {
                // Its checks passed when it was read in place: a failure here is a cache that
                // changed under the run, said as such (deleting the cache is always safe).
                let unreadable = || {
                    let id = sanitize(self.id()).into_owned();
                    anyhow!(tr!(
                        "缓存中的通知 {id} 读不出来：请重试（删除缓存文件 workspace.rkyv 总是安全的）",
                        "notice {id} in the cache cannot be read: try again (deleting the cache file workspace.rkyv is always safe)"
                    ))
                };
                let doc = cache::document(bytes).ok_or_else(unreadable)?;
                let cat = Catalog::new(doc).map_err(|_| unreadable())?;
                Ok(Cow::Owned(if text { cat.sanitized() } else { cat }))
            }
        }
    }
}

impl Shown for Notice<'_> {
    fn unit_counts(&self, u: usize) -> (usize, usize) {
        match self {
            Notice::Kept { kept, .. } => Shown::unit_counts(kept, u),
            Notice::Loaded(cat) => Shown::unit_counts(&**cat, u),
        }
    }

    fn unit_of(&self, name: &str) -> Option<usize> {
        match self {
            Notice::Kept { kept, .. } => kept.unit_of(name),
            Notice::Loaded(cat) => cat.unit_of(name),
        }
    }

    fn row(&self, loc: Loc) -> Row<'_> {
        match self {
            Notice::Kept { kept, .. } => kept.row(loc),
            Notice::Loaded(cat) => cat.row(loc),
        }
    }

    fn clean(&self) -> bool {
        match self {
            Notice::Kept { kept, .. } => Shown::clean(kept),
            Notice::Loaded(_) => false,
        }
    }
}

/// The catalogs of the notices `wanted` names (indices into `notices`), each made once.
fn catalogs<'n>(
    notices: &'n [Notice],
    wanted: impl Iterator<Item = usize>,
    text: bool,
) -> anyhow::Result<Vec<Option<Cow<'n, Catalog>>>> {
    let mut out: Vec<Option<Cow<Catalog>>> = (0..notices.len()).map(|_| None).collect();
    for n in wanted {
        if out[n].is_none() {
            out[n] = Some(notices[n].catalog(text)?);
        }
    }
    Ok(out)
}

/// The notices a query's `in:` words name (all when it has none), and the query without them.
fn scoped(notices: &[Notice], query: &str) -> anyhow::Result<(Vec<usize>, String)> {
    let docs: Vec<(&str, &str)> = notices.iter().map(|n| (n.id(), n.number())).collect();
    scope::pick(&docs, query).map_err(|e| match e {
        scope::Unscoped::Unknown(key) => {
            let key = sanitize(&key);
            anyhow!(tr!(
                "in:{key}：工作区中没有这份通知（fgf docs 列出全部）",
                "in:{key}: no such notice in the workspace (fgf docs lists them)"
            ))
        }
        scope::Unscoped::Several(key, many) => {
            let (key, list) = (sanitize(&key), sanitize(&many.join("、")).into_owned());
            anyhow!(tr!(
                "in:{key} 可指几份通知：{list}；请写全文号",
                "in:{key} could be several notices: {list}; give the whole 文号"
            ))
        }
    })
}

/// `who` or `search` (the command) over `notices`.
pub fn answer(notices: &[Notice], command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Who { query, limit, json } => who_all(notices, &query.join(" "), *limit, *json),
        Command::Search { query, limit, json } => {
            search_all(notices, &query.join(" "), *limit, *json)
        }
        _ => unreachable!("who or search"),
    }
}

fn who_all(
    notices: &[Notice],
    query: &str,
    limit: usize,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    let (picked, q) = scoped(notices, query)?;
    let mut all: Vec<(usize, lookup::Hit)> = Vec::new();
    for n in picked {
        all.extend(notices[n].who(&q).into_iter().map(|h| (n, h)));
    }
    // Best first across the notices; a tie keeps the workspace's order.
    all.sort_by_key(|(_, h)| std::cmp::Reverse(h.score));
    let hits = &all[..all.len().min(shown_limit(limit))];
    let cats = catalogs(notices, hits.iter().map(|(n, _)| *n), !as_json)?;
    let cat = |n: usize| cats[n].as_deref().expect("made for every hit shown");
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|(n, h)| InDoc {
                document: &cat(*n).doc.id,
                row: WhoHit::new(cat(*n).at(h.loc), who::field_name(h.field), h.score),
            })
            .collect();
        shapes::print(&list)?;
    } else {
        let cols = columns();
        for (n, h) in hits {
            let label = notices[*n].label();
            println!("{}", fitted(paint(DIM, &format!("〔{label}〕")), cols));
            print!(
                "{}",
                fitted(who::hit_text(cat(*n).at(h.loc), h.field), cols)
            );
        }
    }
    Ok(who::finish(query, hits.len(), all.len(), as_json))
}

fn search_all(
    notices: &[Notice],
    query: &str,
    limit: usize,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    let (picked, q) = scoped(notices, query)?;
    let opts = Options {
        limit: shown_limit(limit),
        units: true,
    };
    let indexes: Vec<Option<SearchIndex>> = notices.iter().map(Notice::index).collect();
    let index = |n: usize| indexes[n].as_deref();
    // Each notice's matches ranked, none explained, then put in one order: best first, a tie
    // in the workspace's order, then the notice's. Only the hits printed are explained, a part
    // at a time (tens of thousands with --limit 0 are never all held at once).
    let mut total = 0;
    let mut notes = Vec::new();
    let mut queries: Vec<Option<Query>> = (0..notices.len()).map(|_| None).collect();
    let mut order: Vec<(i64, usize, u32)> = Vec::new();
    for n in picked {
        let (query, matched, top) = notices[n].rank(index(n), &q, &opts);
        total += matched;
        if notes.is_empty() {
            notes = query.notes.clone();
        }
        queries[n] = Some(query);
        order.extend(top.into_iter().map(|(score, entry)| (score, n, entry)));
    }
    order.sort_by_key(|&(score, _, _)| std::cmp::Reverse(score));
    order.truncate(opts.limit);
    let explain = |part: &[(i64, usize, u32)]| -> Vec<(usize, Hit)> {
        let mut slots: Vec<Option<Hit>> = (0..part.len()).map(|_| None).collect();
        for k in 0..part.len() {
            if slots[k].is_some() {
                continue;
            }
            // Every hit of this part in notice `n`, explained with its query compiled once.
            let n = part[k].1;
            let these: Vec<usize> = (k..part.len()).filter(|&j| part[j].1 == n).collect();
            let top: Vec<(i64, u32)> = these.iter().map(|&j| (part[j].0, part[j].2)).collect();
            let query = queries[n].as_ref().expect("ranked above");
            let hits = notices[n].hits(index(n), query, &opts, &top);
            for (j, h) in these.into_iter().zip(hits) {
                slots[j] = Some(h);
            }
        }
        part.iter()
            .zip(slots)
            .map(|(&(_, n, _), h)| (n, h.expect("every hit explained")))
            .collect()
    };
    let paint_out = Paint::stdout();
    if as_json {
        let all = explain(&order);
        let cats = catalogs(notices, all.iter().map(|(n, _)| *n), false)?;
        let cat = |n: usize| cats[n].as_deref().expect("made for every hit shown");
        let list: Vec<_> = all
            .iter()
            .map(|(n, h)| InDoc {
                document: &cat(*n).doc.id,
                row: SearchHit::new(cat(*n), h),
            })
            .collect();
        let mut out = shapes::text(&list)?;
        out.push('\n');
        search::write_out(paint_out, |w| w.write_all(out.as_bytes()))?;
    } else {
        let cols = columns();
        let text_cols = cols.map_or(search::TEXT_COLS, |c| {
            c.saturating_sub(search::HEAD_COLS)
                .clamp(8, search::TEXT_COLS)
        });
        // Written hit by hit (tens of thousands with --limit 0: not gathered first).
        search::write_out(paint_out, |w| {
            let mut one = String::new();
            for part in order.chunks(PART) {
                for (n, h) in explain(part) {
                    one.clear();
                    one.push_str(&paint(DIM, &format!("〔{}〕\n", notices[n].label())));
                    // Search neutralises what it prints, hit by hit.
                    search::print_hit(&mut one, paint_out, &notices[n], &h.explained(), text_cols);
                    match cols {
                        Some(c) => w.write_all(fit_lines(&one, c).as_bytes())?,
                        None => w.write_all(one.as_bytes())?,
                    }
                }
            }
            Ok(())
        })?;
    }
    for note in &notes {
        eprintln!("fgf: {}", super::super::errors::query_note(note));
    }
    Ok(who::finish(query, order.len(), total, as_json))
}

/// How many hits `fgf search` across the workspace explains at a time for printing.
const PART: usize = 2048;

/// A notice's query as parsed for it, how many items matched, its best (rank value, entry).
type Ranked = (Query, usize, Vec<(i64, u32)>);
