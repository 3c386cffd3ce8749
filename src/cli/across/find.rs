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
use crate::domain::search::{self as engine, Kept, Options, Results};
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

    fn search(&self, q: &str, opts: &Options) -> Results {
        match self {
            Notice::Kept { kept, .. } => engine::search_in(kept, q, opts),
            Notice::Loaded(cat) => {
                let index = cat.search_index();
                let results = engine::search(cat, &index, q, opts);
                std::mem::forget(index);
                results
            }
        }
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
    let mut total = 0;
    let mut notes = Vec::new();
    let mut all = Vec::new();
    for n in picked {
        let results = notices[n].search(&q, &opts);
        total += results.total;
        if notes.is_empty() {
            notes = results.query.notes.clone();
        }
        all.extend(results.hits.into_iter().map(|h| (n, h)));
    }
    all.sort_by_key(|(_, h)| std::cmp::Reverse(h.score));
    all.truncate(opts.limit);
    let paint_out = Paint::stdout();
    if as_json {
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
            for (n, h) in &all {
                one.clear();
                one.push_str(&paint(DIM, &format!("〔{}〕\n", notices[*n].label())));
                // Search neutralises what it prints, hit by hit.
                search::print_hit(&mut one, paint_out, &notices[*n], &h.explained(), text_cols);
                match cols {
                    Some(c) => w.write_all(fit_lines(&one, c).as_bytes())?,
                    None => w.write_all(one.as_bytes())?,
                }
            }
            Ok(())
        })?;
    }
    for note in &notes {
        eprintln!("fgf: {}", super::super::errors::query_note(note));
    }
    Ok(who::finish(query, all.len(), total, as_json))
}
