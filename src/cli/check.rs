//! `fgf check ID...` and `fgf uncheck ID...`.

use std::process::ExitCode;

use anstream::println;

use super::shapes::{self, Changed, CheckOut};
use jiff::Timestamp;

use super::EXIT_UNKNOWN;
use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, DONE, ID, id_arg, paint};
use crate::domain::progress::{Change, milestone_ids};
use crate::domain::text::truncate;
use crate::domain::{Catalog, Item, Progress};

pub fn check(
    cat: &Catalog,
    g: &Global,
    ids: &[String],
    note: Option<&str>,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    change(cat, g, ids, as_json, |p, ks, now| p.check(ks, note, now))
}

pub fn uncheck(
    cat: &Catalog,
    g: &Global,
    ids: &[String],
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    change(cat, g, ids, as_json, |p, ks, now| p.uncheck(ks, now))
}

fn change(
    cat: &Catalog,
    g: &Global,
    ids: &[String],
    as_json: bool,
    act: impl FnOnce(&mut Progress, &[&str], Timestamp) -> Change,
) -> anyhow::Result<ExitCode> {
    let Some(milestones) = resolve(cat, ids) else {
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let store = g.store(cat)?;
    let mut p = Progress::new(super::context::load_state(&store)?);
    let change = act(&mut p, &milestones, Timestamp::now());
    let saved = store.save(p.state())?;
    // Every change reported below is on disk, or the command fails saying which is not.
    if let Some(e) = change
        .edits
        .iter()
        .find(|e| saved.state.mark(&e.id) != Some(&e.after))
    {
        anyhow::bail!(
            "the change to {} was not saved: the state file holds a later change ({}), which wins",
            e.id,
            saved.state.mark(&e.id).map_or_else(
                || "none".to_string(),
                |m| format!("done: {} at {}", m.done, m.at)
            )
        );
    }
    p.absorb(saved.state);
    if as_json {
        let overall = p.overall(cat);
        let changed = (change.edits.iter())
            .map(|e| Changed {
                id: &e.id,
                done: e.after.done,
                was_done: e.before.as_ref().is_some_and(|m| m.done),
                at: e.after.at,
                note: e.after.note.as_deref(),
            })
            .collect();
        shapes::print(&CheckOut {
            document: &cat.doc.id,
            state: store.path(),
            changed,
            counts: overall.into(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    if change.is_empty() {
        println!(
            "{}",
            paint(
                DIM,
                t(
                    "没有变化：它们已是这个状态",
                    "nothing changed: they already were so"
                )
            )
        );
    }
    for e in &change.edits {
        let (sign, what) = match (e.before.as_ref().is_some_and(|m| m.done), e.after.done) {
            (false, true) => (paint(DONE, "✔"), t("已完成", "done")),
            (true, false) => ("-".to_string(), t("改为未完成", "open again")),
            _ => ("✎".to_string(), t("备注已更新", "note updated")),
        };
        println!(
            "{sign} {}  {}  {}",
            paint(ID, &e.id),
            what,
            milestone_text(cat, &e.id)
        );
        if let Some(n) = &e.after.note {
            // A note may come from a colleague's merged state file: untrusted text.
            let n = crate::domain::text::sanitize(n);
            println!("    {}", paint(DIM, &tr!("备注：{n}", "note: {n}")));
        }
    }
    let overall = p.overall(cat);
    let percent = overall.percent_text();
    println!(
        "{}  {}",
        paint(
            BOLD,
            &tr!(
                "总进度 {overall}（{percent}）",
                "overall {overall} ({percent})"
            )
        ),
        paint(
            DIM,
            &crate::domain::text::sanitize(&store.path().display().to_string())
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Every id's milestones, or `None` after telling the user which id is unknown and what is near it.
fn resolve<'c>(cat: &'c Catalog, ids: &[String]) -> Option<Vec<&'c str>> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        let id = id_arg(id);
        let Some(ks) = milestone_ids(cat, &id) else {
            super::output::unknown_unchanged(cat, &id);
            return None;
        };
        for k in ks {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    Some(out)
}

fn milestone_text(cat: &Catalog, id: &str) -> String {
    match cat.get(id) {
        Some(Item::Milestone(_, _, m, k)) => {
            let when = crate::domain::present::deadline_text(k, super::lang::get());
            let text = m.text_of(k);
            format!("{}  {}", paint(BOLD, &when), truncate(text, 48))
        }
        _ => paint(
            DIM,
            t("（本文件没有此编号）", "(no such id in this document)"),
        ),
    }
}
