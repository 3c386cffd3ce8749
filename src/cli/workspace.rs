//! The workspace's commands (`fgf docs`, `fgf rm`, `fgf unit alias`; `fgf add` is add.rs) and
//! the notices every other command works on: `--doc ID|PATH`, else the workspace.

use std::path::Path;
use std::process::ExitCode;

use anstream::{eprintln, println};
use anyhow::anyhow;

use super::context::{Global, load_file};
use super::lang::{t, tr};
use super::output::{BOLD, DIM, WARN, paint};
use super::shapes::{self, DocRow};
use crate::domain::cache::{self, Figures};
use crate::domain::text::{fit, sanitize};
use crate::domain::workspace::{self, Workspace, WorkspaceError};
use crate::domain::{Catalog, Progress, Store};

/// The workspace's error in the run's language.
pub fn error(e: WorkspaceError) -> anyhow::Error {
    let text = match &e {
        WorkspaceError::NoDataDir => t(
            "没有数据目录（未设置 HOME？），无法保存工作区",
            "no data directory (HOME is not set?) to keep the workspace in",
        )
        .to_string(),
        WorkspaceError::Read { path, err } => {
            let p = path.display();
            tr!("读不了 {p}：{err}", "cannot read {p}: {err}")
        }
        WorkspaceError::Write { path, err } => {
            let p = path.display();
            tr!(
                "写不了 {p}：{err}（未改动）",
                "cannot write {p}: {err} (nothing changed)"
            )
        }
        WorkspaceError::Manifest {
            path,
            line,
            column,
            message,
        } => {
            let p = path.display();
            let said = crate::domain::lang::json_message(message, crate::domain::Lang::Zh);
            tr!(
                "{p}:{line}:{column}：不是工作区文件：{said}（未改动）",
                "{p}:{line}:{column}: not a workspace file: {message} (left as it is)"
            )
        }
        WorkspaceError::Stored { id, err } => tr!(
            "工作区中的文件 {id} 读不了：{err}",
            "the stored notice {id} cannot be read: {err}"
        ),
        WorkspaceError::SameId { id } => tr!(
            "工作区中已有另一份编号为 {id} 的文件，未加入（要替换请先 fgf rm {id}）",
            "another notice with the id {id} is in the workspace; not added (fgf rm {id} first to replace it)"
        ),
        WorkspaceError::SameNumber { number, id } => tr!(
            "{number} 已在工作区中（{id}），内容不同，未加入（要替换请先 fgf rm {id}）",
            "{number} is in the workspace already ({id}) with other content; not added (fgf rm {id} first to replace it)"
        ),
    };
    anyhow!(text)
}

/// The workspace in the data directory.
pub fn open() -> anyhow::Result<Workspace> {
    Workspace::locate().map_err(error)
}

/// Every notice of the workspace, loaded.
pub fn catalogs() -> anyhow::Result<Vec<Catalog>> {
    catalogs_for(false)
}

/// Every notice of the workspace, loaded, with the search indexes the cache kept when `index`
/// (for a command that searches).
pub fn catalogs_for(index: bool) -> anyhow::Result<Vec<Catalog>> {
    let ws = match Workspace::locate() {
        // No home to keep a workspace in: the embedded notice, as before there was one.
        Err(WorkspaceError::NoDataDir) => return Ok(vec![crate::domain::seeds::embedded()]),
        other => other.map_err(error)?,
    };
    let entries = ws.entries().map_err(error)?;
    cache::catalogs(
        &entries,
        cache::locate().as_deref(),
        &cache::version(),
        index,
    )
    .into_iter()
    .map(|c| c.map_err(anyhow::Error::from))
    .collect()
}

/// The workspace's first `n` notices, for the list's first screen, when it holds more than one:
/// (how many it holds, those notices). The cache is only read; `catalogs` loads them all after.
pub fn first_notices(n: usize) -> anyhow::Result<Option<(usize, Vec<Catalog>)>> {
    let Ok(ws) = Workspace::locate() else {
        return Ok(None);
    };
    let entries = ws.entries().map_err(error)?;
    if entries.len() < 2 {
        return Ok(None);
    }
    let first = &entries[..n.min(entries.len())];
    let cats = cache::peek(first, cache::locate().as_deref(), &cache::version());
    let cats = cats.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(Some((entries.len(), cats)))
}

/// The one notice a command works on without `--doc`: the workspace's only one.
pub fn only() -> anyhow::Result<Catalog> {
    let mut cats = catalogs()?;
    match cats.len() {
        1 => Ok(cats.remove(0)),
        0 => Err(anyhow!(t(
            "工作区是空的：用 fgf add 文件 加入通知，或 fgf add --embedded 恢复内置的 103号",
            "the workspace is empty: fgf add PATH adds a notice, fgf add --embedded brings back the embedded 103号"
        ))),
        n => {
            let list = labels(&cats);
            Err(anyhow!(tr!(
                "工作区中有 {n} 份通知，这个命令只作用于一份：请用 --doc 指明（{list}；fgf docs 列出全部）",
                "the workspace holds {n} notices and this command works on one: name it with --doc ({list}; fgf docs lists them)"
            )))
        }
    }
}

fn labels(cats: &[Catalog]) -> String {
    let names: Vec<&str> = cats.iter().take(6).map(workspace::label).collect();
    sanitize(&names.join("、")).into_owned()
}

/// `--doc KEY`: a file at that path, else the workspace's notice KEY names (id, 文号 or its
/// ending), else the file's error as before.
pub fn by_key(key: &Path) -> anyhow::Result<Catalog> {
    if key.exists() {
        return Ok(load_file(key)?);
    }
    if let Some(text) = key.to_str() {
        // By id: only that notice is read.
        if let Ok(ws) = Workspace::locate()
            && let Some(entry) = ws
                .entries()
                .map_err(error)?
                .into_iter()
                .find(|e| e.id == text)
        {
            return Ok(cache::catalog(
                &entry,
                cache::locate().as_deref(),
                &cache::version(),
            )?);
        }
        let mut cats = catalogs()?;
        match workspace::find(&cats, text) {
            Ok(Some(i)) => return Ok(cats.swap_remove(i)),
            Ok(None) => {}
            Err(many) => {
                let list = sanitize(&many.join("、")).into_owned();
                return Err(anyhow!(tr!(
                    "--doc {text} 可指几份通知：{list}；请写全文号或编号",
                    "--doc {text} could be several notices: {list}; give the whole 文号 or the id"
                )));
            }
        }
    }
    Ok(load_file(key)?)
}

/// `--state PATH` names one notice's state file: across several notices (each with its own) it
/// would apply to none, so it is refused rather than ignored. (`FGF_STATE`, often exported for
/// one notice's shared file, is left to that notice: across the workspace each notice reads its
/// own.)
pub fn no_state_for_many(global: &Global, notices: usize) -> anyhow::Result<()> {
    if global.state.is_none() || notices < 2 {
        return Ok(());
    }
    Err(anyhow!(tr!(
        "--state 指定一份通知的状态文件，须与 --doc 同用；工作区中有 {notices} 份通知，各用各的状态文件",
        "--state names the state file of one notice and goes with --doc; the workspace holds {notices} notices, each with its own state file"
    )))
}

/// The state file of a notice when several are in play: each its own, in the data directory
/// (`--state` / `FGF_STATE` name one notice's file and apply with `--doc`).
pub fn store_of(global: &Global, cat: &Catalog, many: bool) -> anyhow::Result<Store> {
    if many {
        store_of_id(&cat.doc.id)
    } else {
        global.store(cat)
    }
}

/// The state file of notice `id` in the data directory (as `store_of` when several notices are
/// in play).
pub fn store_of_id(id: &str) -> anyhow::Result<Store> {
    Ok(Store::locate(None, id)?)
}

/// `fgf rm ID`: the notice leaves the workspace; its state file stays.
pub fn rm(key: &str) -> anyhow::Result<ExitCode> {
    let mut ws = open()?;
    let entries = ws.entries().map_err(error)?;
    let key = sanitize(key);
    // By the stored file's id, without reading it: a stored notice that no longer reads can go
    // too. Else by 文号 among the notices that read.
    let (ids, cats): (Vec<String>, Vec<Catalog>) = if entries.iter().any(|e| e.id == key) {
        (vec![key.to_string()], Vec::new())
    } else {
        entries
            .iter()
            .filter_map(|e| e.load().ok().map(|c| (e.id.clone(), c)))
            .unzip()
    };
    let found = if cats.is_empty() && ids.len() == 1 {
        Ok(Some(0))
    } else {
        workspace::find(&cats, &key)
    };
    let id = match found {
        Ok(Some(i)) => ids[i].clone(),
        Ok(None) => return Ok(no_notice(&key)),
        Err(many) => {
            let list = sanitize(&many.join("、")).into_owned();
            eprintln!(
                "fgf: {}",
                tr!(
                    "{key} 可指几份通知：{list}",
                    "{key} could be several notices: {list}"
                )
            );
            return Ok(ExitCode::from(super::EXIT_UNKNOWN));
        }
    };
    if !ws.remove(&id).map_err(error)? {
        return Ok(no_notice(&key));
    }
    println!(
        "{}",
        tr!(
            "已从工作区移除：{id}（勾选记录仍在状态文件中；fgf add 可再加入）",
            "removed from the workspace: {id} (its check-offs stay in its state file; fgf add brings it back)"
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// No notice `key` (neutralised) in the workspace: said on stderr.
fn no_notice(key: &str) -> ExitCode {
    eprintln!(
        "fgf: {}",
        tr!(
            "工作区中没有 {key}；fgf docs 列出全部",
            "no notice {key} in the workspace; fgf docs lists them"
        )
    );
    ExitCode::from(super::EXIT_UNKNOWN)
}

/// `fgf unit alias NAME OTHER`: two names of one body.
pub fn alias(a: &str, b: &str) -> anyhow::Result<ExitCode> {
    let mut ws = open()?;
    let (sa, sb) = (sanitize(a), sanitize(b));
    if ws.add_alias(a, b).map_err(error)? {
        println!(
            "{}",
            tr!(
                "已记下：{sa} 与 {sb} 是同一单位",
                "noted: {sa} and {sb} are one body"
            )
        );
    } else {
        println!(
            "{}",
            tr!(
                "已有记录：{sa} 与 {sb} 是同一单位",
                "known already: {sa} and {sb} are one body"
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A notice's figures for `fgf docs`, from its catalog.
pub(super) fn figures_of(g: &Global, cat: &Catalog, many: bool) -> anyhow::Result<Figures> {
    let p = Progress::new(super::context::load_state(&store_of(g, cat, many)?)?);
    Ok(Figures {
        measures: cat.tasks().map(|(_, t)| t.measures.len()).sum(),
        tally: p.overall(cat),
        overdue: p.overdue(cat, g.today()).len(),
    })
}

/// `fgf docs [--json]`: the notices with their progress (read in place from the cache when it
/// is up to date: across/inplace.rs).
pub fn docs(global: &Global, as_json: bool) -> anyhow::Result<ExitCode> {
    let rows = match super::across::inplace::docs(global)? {
        Some(rows) => rows,
        None => {
            let cats = catalogs()?;
            let many = cats.len() > 1;
            no_state_for_many(global, cats.len())?;
            let figures = (cats.iter())
                .map(|cat| figures_of(global, cat, many))
                .collect::<anyhow::Result<Vec<_>>>()?;
            cats.into_iter().zip(figures).collect()
        }
    };
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(cat, f)| DocRow::new(cat, f.measures, f.tally, f.overdue))
            .collect();
        shapes::print(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        println!(
            "{}",
            t(
                "工作区是空的（fgf add 文件 加入通知）",
                "the workspace is empty (fgf add PATH adds a notice)"
            )
        );
    }
    for (cat, f) in &rows {
        let (measures, tally, overdue) = (f.measures, f.tally, f.overdue);
        let d = &cat.doc;
        let date = d
            .signed
            .or(d.published)
            .map(|x| x.to_string())
            .unwrap_or_default();
        let late = if overdue > 0 {
            paint(WARN, &tr!("  逾期 {overdue}", "  overdue {overdue}"))
        } else {
            String::new()
        };
        println!(
            "{}  {}  {}",
            paint(BOLD, &sanitize(workspace::label(cat))),
            paint(DIM, &sanitize(&d.id)),
            date
        );
        println!(
            "  {}  {}",
            fit(&sanitize(&d.title), 60),
            paint(DIM, &sanitize(&d.issuer))
        );
        println!(
            "  {}  {}{late}",
            tr!("{measures} 条举措", "{measures} measures"),
            tr!("完成 {tally}", "done {tally}"),
        );
    }
    Ok(ExitCode::SUCCESS)
}
