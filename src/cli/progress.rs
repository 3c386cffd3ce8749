//! `fgf progress [--json]`: done / total overall, per section, per task; overdue; unknown ids.

use std::process::ExitCode;

use anstream::println;
use serde_json::json;

use super::context::Global;
use super::json;
use super::output::{BOLD, DIM, DONE, ID, LEAD, WARN, paint, safe_list, units};
use crate::domain::text::{fit, sanitize, truncate};
use crate::domain::{Catalog, Item, Progress, Tally};

pub fn run(cat: &Catalog, g: &Global, as_json: bool) -> anyhow::Result<ExitCode> {
    let store = g.store(cat)?;
    let p = Progress::new(store.load()?);
    let today = g.today();
    let overdue = p.overdue(cat, today);
    let unknown = p.state().unknown_ids(cat);
    let overall = p.overall(cat);
    if as_json {
        let sections: Vec<_> = cat
            .doc
            .sections
            .iter()
            .map(|s| {
                let tasks: Vec<_> = s
                    .tasks
                    .iter()
                    .map(|t| {
                        let measures: Vec<_> = t
                            .measures
                            .iter()
                            .map(|m| tally_json(json!({"id": m.id}), p.measure(m)))
                            .collect();
                        tally_json(
                            json!({"id": t.id, "title": t.title, "measures": measures}),
                            p.task(t),
                        )
                    })
                    .collect();
                tally_json(
                    json!({"key": s.key, "title": s.title, "tasks": tasks}),
                    p.section(s),
                )
            })
            .collect();
        let overdue: Vec<String> = overdue
            .iter()
            .map(|&l| cat.at(l).id().to_string())
            .collect();
        let v = tally_json(
            json!({
                "document": cat.doc.id, "as_of": today, "state": store.path(),
                "sections": sections, "overdue": overdue, "unknown": unknown,
            }),
            overall,
        );
        json::print(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  总进度 {}  {}",
        paint(BOLD, &cat.doc.number),
        paint(BOLD, &cookie(overall)),
        bar(overall, 20)
    );
    println!(
        "{}",
        paint(
            DIM,
            &format!(
                "截至 {today} · 状态文件 {}",
                sanitize(&store.path().display().to_string())
            )
        )
    );
    for s in &cat.doc.sections {
        println!();
        let t = p.section(s);
        println!(
            "{} {}  {}",
            paint(BOLD, &fit(&s.heading(), 24)),
            paint(BOLD, &cookie(t)),
            bar(t, 10)
        );
        for task in &s.tasks {
            let t = p.task(task);
            let count = format!("{t}");
            let count = if t.is_complete() {
                paint(DONE, &format!("{count} ✔"))
            } else {
                count
            };
            println!(
                "  {}{}  {count}",
                paint(ID, &fit(&task.id, 4)),
                fit(&task.heading(), 44),
            );
        }
    }
    println!();
    if overdue.is_empty() {
        println!("{}", paint(DONE, &format!("截至 {today} 无逾期里程碑")));
    } else {
        println!(
            "{}",
            paint(
                WARN,
                &format!(
                    "⚠ 逾期 {} 个（截至 {today}，未完成且已过时限）",
                    overdue.len()
                )
            )
        );
        for &loc in &overdue {
            if let Item::Milestone(_, _, m, k) = cat.at(loc) {
                let when = k.deadline.map(|d| d.to_string()).unwrap_or_default();
                println!(
                    "  {}  {}  {}  {}",
                    paint(ID, &fit(&k.id, 7)),
                    when,
                    paint(LEAD, &fit(&units(&m.lead), 24)),
                    truncate(m.text_of(k), 40)
                );
            }
        }
    }
    if !unknown.is_empty() {
        println!();
        println!(
            "{}",
            paint(
                WARN,
                &format!(
                    "状态文件中有 {} 个本文件没有的编号（已原样保留）：{}",
                    unknown.len(),
                    safe_list(&unknown)
                )
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `15/120 12%`
fn cookie(t: Tally) -> String {
    format!("{t} {:>3}%", t.percent())
}

/// `████░░░░░░`: filled in proportion to what is done.
pub fn bar(t: Tally, width: usize) -> String {
    let filled = (t.done * width).checked_div(t.total).unwrap_or(0);
    let mut s = paint(DONE, &"█".repeat(filled));
    s.push_str(&paint(DIM, &"░".repeat(width - filled)));
    s
}

/// `v` with a tally's `done`, `total` and `percent`.
pub(super) fn tally_json(mut v: serde_json::Value, t: Tally) -> serde_json::Value {
    v["done"] = json!(t.done);
    v["total"] = json!(t.total);
    v["percent"] = json!(t.percent());
    v
}
