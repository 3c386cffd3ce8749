//! `who`, `search`, `unit`, `deadlines`, `progress` and `export` across every notice of the workspace
//! (without `--doc`, when it holds more than one, or with a search scope `in:KEY`). Each hit names
//! its notice: `document` (its id) in JSON, its 文号 (or id) in text. Check-offs are read from
//! each notice's own state file.

use std::process::ExitCode;

use anstream::{eprintln, println};
use anyhow::anyhow;

use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, Paint, columns, fit_lines, fitted, paint, shown_limit};
use super::shapes::{self, InDoc, SearchHit, UnitAcross, UnitAcrossRow, UnitsAcross, WhoHit};
use super::{Command, EXIT_UNKNOWN, search, who};
use crate::domain::text::{fit, sanitize};
use crate::domain::workspace::{self, Workspace, scope, units::Identities};
use crate::domain::{Catalog, Item, lookup};

mod progress_all;
use self::progress_all::{deadlines_all, progress_all};

/// Runs a cross-notice command on `cats` (prepared as `super::prepare` does).
pub fn run(cats: Vec<Catalog>, command: Command, global: &Global) -> anyhow::Result<ExitCode> {
    let code = match command {
        Command::Who { query, limit, json } => who_all(&cats, &query.join(" "), limit, json),
        Command::Search { query, limit, json } => search_all(&cats, &query.join(" "), limit, json),
        Command::Unit { name, json, .. } => unit_all(&cats, name.as_deref(), json),
        Command::Deadlines { json } => deadlines_all(&cats, global, json),
        Command::Progress { json } => progress_all(&cats, global, json),
        Command::Export {
            format,
            progress,
            unit,
            bom,
        } => super::export::run_many(&cats, global, format, progress, unit.as_deref(), bom),
        _ => unreachable!("spans_notices"),
    };
    std::mem::forget(cats);
    code
}

/// The notices a query's `in:` words name (all when it has none), and the query without them.
fn scoped<'a>(cats: &'a [Catalog], query: &str) -> anyhow::Result<(Vec<&'a Catalog>, String)> {
    let (rest, keys) = scope::split(query);
    if keys.is_empty() {
        return Ok((cats.iter().collect(), rest));
    }
    let mut picked = vec![false; cats.len()];
    for key in &keys {
        match workspace::find(cats, key) {
            Ok(Some(i)) => picked[i] = true,
            Ok(None) => {
                let key = sanitize(key);
                return Err(anyhow!(tr!(
                    "in:{key}：工作区中没有这份通知（fgf docs 列出全部）",
                    "in:{key}: no such notice in the workspace (fgf docs lists them)"
                )));
            }
            Err(many) => {
                let (key, list) = (sanitize(key), sanitize(&many.join("、")).into_owned());
                return Err(anyhow!(tr!(
                    "in:{key} 可指几份通知：{list}；请写全文号",
                    "in:{key} could be several notices: {list}; give the whole 文号"
                )));
            }
        }
    }
    let cats = cats
        .iter()
        .zip(picked)
        .filter_map(|(c, p)| p.then_some(c))
        .collect();
    Ok((cats, rest))
}

/// A notice's label for text output, neutralised.
fn label(cat: &Catalog) -> String {
    sanitize(workspace::label(cat)).into_owned()
}

fn who_all(cats: &[Catalog], query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let (cats, q) = scoped(cats, query)?;
    let mut all: Vec<(&Catalog, lookup::Hit)> = Vec::new();
    for cat in &cats {
        all.extend(lookup::who(cat, &q).into_iter().map(|h| (*cat, h)));
    }
    // Best first across the notices; a tie keeps the workspace's order.
    all.sort_by_key(|(_, h)| std::cmp::Reverse(h.score));
    let hits = &all[..all.len().min(shown_limit(limit))];
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|(cat, h)| InDoc {
                document: &cat.doc.id,
                row: WhoHit::new(cat.at(h.loc), who::field_name(h.field), h.score),
            })
            .collect();
        shapes::print(&list)?;
    } else {
        let cols = columns();
        for (cat, h) in hits {
            println!(
                "{}",
                fitted(paint(DIM, &format!("〔{}〕", label(cat))), cols)
            );
            print!("{}", fitted(who::hit_text(cat.at(h.loc), h.field), cols));
        }
    }
    Ok(who::finish(query, hits.len(), all.len(), as_json))
}

fn search_all(
    cats: &[Catalog],
    query: &str,
    limit: usize,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    use crate::domain::search::{self as engine, Options};
    let (cats, q) = scoped(cats, query)?;
    let opts = Options {
        limit: shown_limit(limit),
        units: true,
    };
    let mut total = 0;
    let mut notes = Vec::new();
    let mut all = Vec::new();
    for cat in &cats {
        let index = cat.search_index();
        let results = engine::search(cat, &index, &q, &opts);
        total += results.total;
        if notes.is_empty() {
            notes = results.query.notes.clone();
        }
        all.extend(results.hits.into_iter().map(|h| (*cat, h)));
        std::mem::forget(index);
    }
    all.sort_by_key(|(_, h)| std::cmp::Reverse(h.score));
    all.truncate(opts.limit);
    let paint_out = Paint::stdout();
    if as_json {
        let list: Vec<_> = all
            .iter()
            .map(|(cat, h)| InDoc {
                document: &cat.doc.id,
                row: SearchHit::new(cat, h),
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
        let mut text = String::new();
        for (cat, h) in &all {
            let mut one = paint(DIM, &format!("〔{}〕\n", label(cat)));
            search::print_hit(&mut one, paint_out, cat, h, text_cols);
            text.push_str(&cols.map_or(one.clone(), |c| fit_lines(&one, c)));
        }
        search::write_out(paint_out, |w| w.write_all(text.as_bytes()))?;
    }
    for note in &notes {
        eprintln!("fgf: {}", super::errors::query_note(note));
    }
    Ok(who::finish(query, all.len(), total, as_json))
}

/// The unit identities of these notices with the user's aliases.
pub(super) fn identities(cats: &[Catalog]) -> anyhow::Result<Identities> {
    let ws = Workspace::locate().map_err(super::workspace::error)?;
    Ok(Identities::new(cats, ws.aliases()))
}

fn unit_all(cats: &[Catalog], name: Option<&str>, as_json: bool) -> anyhow::Result<ExitCode> {
    let table = identities(cats)?;
    let Some(name) = name else {
        return units_table(cats, &table, as_json);
    };
    let found = table.gather(cats, name);
    if found.is_empty() {
        let n = sanitize(name);
        eprintln!(
            "fgf: {}",
            tr!(
                "工作区的通知中没有单位叫 {n}（fgf unit 列出全部；fgf unit alias 名称 另一名称 可把两个名称记为同一单位）",
                "no notice of the workspace names a unit {n} (fgf unit lists them; fgf unit alias NAME OTHER joins two names)"
            )
        );
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    }
    let ids = |items: Vec<Item<'_>>| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
    if as_json {
        let units = found
            .iter()
            .map(|&(d, u)| {
                let cat = &cats[d];
                UnitAcrossRow {
                    document: &cat.doc.id,
                    name: &cat.doc.units[u].name,
                    lead: ids(cat.led_by(u).collect()),
                    responsible: ids(cat.responsible_for(u).collect()),
                    support: ids(cat.supported_by(u).collect()),
                }
            })
            .collect();
        shapes::print(&UnitAcross { name, units })?;
        return Ok(ExitCode::SUCCESS);
    }
    let cols = columns();
    for &(d, u) in &found {
        let cat = &cats[d];
        let unit = &cat.doc.units[u];
        println!();
        println!(
            "{}  {}",
            paint(BOLD, &format!("〔{}〕", label(cat))),
            paint(BOLD, &unit.name)
        );
        for (role, items) in [
            (t("牵头", "Leads"), cat.led_by(u).collect::<Vec<_>>()),
            (t("负责", "Responsible"), cat.responsible_for(u).collect()),
            (t("配合", "Supports"), cat.supported_by(u).collect()),
        ] {
            if items.is_empty() {
                continue;
            }
            println!("{}", paint(DIM, role));
            for item in &items {
                who::print_measure_row("", item, cols);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One body of `fgf unit` across the notices: (body, name shown, names, documents, lead, support).
type BodyRow = (usize, String, Vec<String>, Vec<String>, usize, usize);

/// `fgf unit` across the notices: one row a body, its counts summed over the notices.
fn units_table(cats: &[Catalog], table: &Identities, as_json: bool) -> anyhow::Result<ExitCode> {
    let mut rows: Vec<BodyRow> = Vec::new();
    for cat in cats {
        for (u, unit) in cat.doc.units.iter().enumerate() {
            let body = table.body(&unit.name).unwrap_or(usize::MAX);
            let (l, s) = cat.unit_counts(u);
            let row = match rows.iter_mut().position(|r| r.0 == body) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push((body, unit.name.clone(), vec![], vec![], 0, 0));
                    rows.last_mut().expect("just pushed")
                }
            };
            if !row.2.contains(&unit.name) {
                row.2.push(unit.name.clone());
            }
            if !row.3.contains(&cat.doc.id) {
                row.3.push(cat.doc.id.clone());
            }
            row.4 += l;
            row.5 += s;
        }
    }
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(_, name, names, documents, lead, support)| UnitsAcross {
                name,
                names,
                documents,
                lead: *lead,
                support: *support,
            })
            .collect();
        shapes::print(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  {}  {}  {}",
        fit(t("单位", "Unit"), 24),
        t("牵头", "Lead"),
        t("配合", "Supp"),
        t("通知", "Notices")
    );
    for (_, name, names, docs, l, s) in rows {
        let others: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
        println!(
            "{}  {l:>4}  {s:>4}  {:>4}  {}",
            fit(&name, 24),
            docs.len(),
            paint(DIM, &others.join(" "))
        );
    }
    Ok(ExitCode::SUCCESS)
}
