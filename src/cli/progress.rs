//! `fgf progress [--json]`: done / total overall, per section, per task; overdue; unknown ids.

use std::process::ExitCode;

use anstream::println;

use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, DONE, ID, WARN, lead_column, paint, safe_list};
use super::shapes::{self, ProgressOut, SectionProgress, Tallied, TaskProgress};
use crate::domain::progress::LogStatus;
use crate::domain::text::{fit, truncate};
use crate::domain::{Catalog, Item, Progress, Tally};

pub fn run(cat: &Catalog, g: &Global, as_json: bool) -> anyhow::Result<ExitCode> {
    let store = g.store(cat)?;
    let p = Progress::new(super::context::load_state(&store)?);
    let today = g.today();
    let overdue = p.overdue(cat, today);
    let unknown = p.state().unknown_ids(cat);
    let overall = p.overall(cat);
    if as_json {
        let sections = (cat.doc.sections.iter())
            .map(|s| SectionProgress {
                key: &s.key,
                title: &s.title,
                tasks: (s.tasks.iter())
                    .map(|t| TaskProgress {
                        id: &t.id,
                        title: &t.title,
                        measures: (t.measures.iter())
                            .map(|m| Tallied {
                                id: &m.id,
                                counts: p.measure(m).into(),
                            })
                            .collect(),
                        counts: p.task(t).into(),
                    })
                    .collect(),
                counts: p.section(s).into(),
            })
            .collect();
        shapes::print(&ProgressOut {
            document: &cat.doc.id,
            as_of: today,
            state: store.path(),
            sections,
            overdue: overdue.iter().map(|&l| cat.at(l).id()).collect(),
            unknown,
            latest: latest_statuses(cat, &p)
                .map(|(id, s)| (id, s.name()))
                .collect(),
            counts: overall.into(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  {} {}  {}",
        paint(BOLD, &cat.doc.number),
        t("总进度", "overall"),
        paint(BOLD, &cookie(overall)),
        bar(overall, 20)
    );
    let path = crate::domain::text::sanitize(&store.path().display().to_string()).into_owned();
    println!(
        "{}",
        paint(
            DIM,
            &tr!(
                "截至 {today} · 状态文件 {path}",
                "as of {today} · state file {path}"
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
    reported(cat, &p);
    println!();
    if overdue.is_empty() {
        println!(
            "{}",
            paint(
                DONE,
                &tr!(
                    "截至 {today} 无逾期里程碑",
                    "no milestone overdue as of {today}"
                )
            )
        );
    } else {
        println!(
            "{}",
            paint(WARN, &{
                let n = overdue.len();
                tr!(
                    "⚠ 逾期 {n} 个（截至 {today}，未完成且已过时限）",
                    "⚠ {n} overdue (as of {today}: open and past the deadline)"
                )
            })
        );
        for &loc in &overdue {
            if let Item::Milestone(_, _, m, k) = cat.at(loc) {
                let when = k.deadline.map(|d| d.to_string()).unwrap_or_default();
                let latest = super::log::latest_suffix(&p.state().history(&m.id, &k.id));
                println!(
                    "  {}  {}  {}  {}{latest}",
                    paint(ID, &fit(&k.id, 7)),
                    when,
                    lead_column(m, 24),
                    truncate(m.text_of(k), 40)
                );
            }
        }
    }
    if !unknown.is_empty() {
        println!();
        println!(
            "{}",
            paint(WARN, &{
                let (n, ids) = (unknown.len(), safe_list(&unknown));
                tr!(
                    "状态文件中有 {n} 个本文件没有的编号（已原样保留）：{ids}",
                    "the state file has {n} id(s) this document lacks (kept untouched): {ids}"
                )
            })
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Each milestone with a reported status (from the progress log or its check-off), in document order.
pub(super) fn latest_statuses<'c>(
    cat: &'c Catalog,
    p: &'c Progress,
) -> impl Iterator<Item = (&'c str, LogStatus)> + 'c {
    cat.measures().flat_map(move |(_, _, m)| {
        m.milestones.iter().filter_map(move |k| {
            let has_log = p.state().log.contains_key(&k.id) || p.state().log.contains_key(&m.id);
            let latest = if has_log {
                p.state().history(&m.id, &k.id).latest()
            } else {
                p.is_done(&k.id).then_some(LogStatus::Done)
            };
            latest.map(|s| (k.id.as_str(), s))
        })
    })
}

/// `进展：推进中 3 · 受阻 1 · 未启动 0 · 已完成 5` when anyone reported a status in the log.
fn reported(cat: &Catalog, p: &Progress) {
    if p.state().log.is_empty() {
        return;
    }
    let mut counts = [0usize; 4];
    for (_, s) in latest_statuses(cat, p) {
        counts[LogStatus::ALL.iter().position(|&x| x == s).unwrap_or(0)] += 1;
    }
    let parts: Vec<String> = LogStatus::ALL
        .iter()
        .zip(counts)
        .map(|(&s, n)| format!("{} {n}", super::log::status_text(s)))
        .collect();
    println!();
    println!(
        "{} {}",
        paint(
            BOLD,
            t("进展（日志中最新状态）：", "reported (latest in the log):")
        ),
        parts.join(" · ")
    );
}

/// `15/120  12%`, `1/120 <1%`
fn cookie(t: Tally) -> String {
    format!("{t} {:>4}", t.percent_text())
}

/// `████░░░░░░`: filled in proportion to what is done.
pub fn bar(t: Tally, width: usize) -> String {
    let filled = (t.done * width).checked_div(t.total).unwrap_or(0);
    let mut s = paint(DONE, &"█".repeat(filled));
    s.push_str(&paint(DIM, &"░".repeat(width - filled)));
    s
}
