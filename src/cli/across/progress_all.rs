//! `deadlines` and `progress` across the workspace's notices, each with its own check-offs.

use std::process::ExitCode;

use anstream::println;

use crate::cli::context::Global;
use crate::cli::lang::{t, tr};
use crate::cli::output::{BOLD, DIM, Paint, WARN, paint};
use crate::cli::search::write_out;
use crate::cli::shapes::{
    self, DeadlineGroup, DeadlinesAcross, InDoc, NoticeProgress, ProgressAcross,
};
use crate::cli::{deadlines, progress};
use crate::domain::progress::{Status, deadline_groups};
use crate::domain::text::fit;
use crate::domain::{Catalog, Item, Loc, Progress};

use super::label;

/// Milestones by deadline (undated last), each (notice, location).
type Groups = std::collections::BTreeMap<(bool, Option<jiff::civil::Date>), Vec<(usize, Loc)>>;

/// Each notice with its check-offs (its own state file).
fn with_progress<'a>(
    cats: &'a [Catalog],
    g: &Global,
) -> anyhow::Result<Vec<(&'a Catalog, Progress)>> {
    cats.iter()
        .map(|cat| {
            let store = super::super::workspace::store_of(g, cat, true)?;
            Ok((cat, Progress::new(crate::cli::context::load_state(&store)?)))
        })
        .collect()
}

pub(super) fn deadlines_all(
    cats: &[Catalog],
    g: &Global,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    let today = g.today();
    let notices = with_progress(cats, g)?;
    // Every milestone of every notice by deadline: earliest first, undated last.
    let mut groups = Groups::default();
    for (d, (cat, _)) in notices.iter().enumerate() {
        for grp in deadline_groups(cat) {
            let key = (grp.deadline.is_none(), grp.deadline);
            groups
                .entry(key)
                .or_default()
                .extend(grp.milestones.into_iter().map(|l| (d, l)));
        }
    }
    if as_json {
        let groups = groups
            .iter()
            .map(|((_, deadline), items)| {
                let items = items
                    .iter()
                    .filter_map(|&(d, l)| {
                        let (cat, p) = &notices[d];
                        let row = deadlines::milestone_json(cat, p, today, l)?;
                        Some(InDoc {
                            document: &cat.doc.id,
                            row,
                        })
                    })
                    .collect();
                DeadlineGroup::new(*deadline, items, |m| m.row.state)
            })
            .collect();
        let documents = notices.iter().map(|(c, _)| c.doc.id.as_str()).collect();
        shapes::print(&DeadlinesAcross {
            documents,
            as_of: today,
            groups,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let n = notices.len();
    // Each notice's tag once, not once a milestone.
    let tags: Vec<String> = (notices.iter())
        .map(|(cat, _)| paint(DIM, &format!("{} ", fit(&label(cat), 22))))
        .collect();
    write_out(Paint::stdout(), |w| {
        writeln!(
            w,
            "{}  {}",
            paint(
                BOLD,
                &tr!("{n} 份通知的时间节点", "deadlines of {n} notices")
            ),
            paint(DIM, &tr!("截至 {today}", "as of {today}"))
        )?;
        for ((_, deadline), items) in &groups {
            let statuses: Vec<Status> = items
                .iter()
                .filter_map(|&(d, l)| match notices[d].0.at(l) {
                    Item::Milestone(_, _, _, k) => Some(notices[d].1.status(k, today)),
                    _ => None,
                })
                .collect();
            deadlines::print_group_head(w, *deadline, &statuses)?;
            for &(d, l) in items {
                let (cat, p) = &notices[d];
                deadlines::print_milestone(w, cat, p, today, l, &tags[d])?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn progress_all(
    cats: &[Catalog],
    g: &Global,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    let today = g.today();
    let notices = with_progress(cats, g)?;
    let mut sum = crate::domain::Tally { done: 0, total: 0 };
    let mut rows = Vec::new();
    for (cat, p) in &notices {
        let tally = p.overall(cat);
        sum.done += tally.done;
        sum.total += tally.total;
        rows.push((*cat, p, tally, p.overdue(cat, today)));
    }
    if as_json {
        let documents = rows
            .iter()
            .map(|(cat, _, tally, overdue)| NoticeProgress {
                document: &cat.doc.id,
                number: &cat.doc.number,
                title: &cat.doc.title,
                overdue: overdue.iter().map(|&l| cat.at(l).id()).collect(),
                counts: (*tally).into(),
            })
            .collect();
        shapes::print(&ProgressAcross {
            as_of: today,
            documents,
            counts: sum.into(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let n = rows.len();
    println!(
        "{}  {} {}  {}",
        paint(BOLD, &tr!("{n} 份通知", "{n} notices")),
        t("总进度", "overall"),
        paint(BOLD, &format!("{sum} {:>4}", sum.percent_text())),
        progress::bar(sum, 20)
    );
    println!("{}", paint(DIM, &tr!("截至 {today}", "as of {today}")));
    println!();
    for (cat, _, tally, overdue) in &rows {
        let late = overdue.len();
        let late = if late > 0 {
            paint(WARN, &tr!("  逾期 {late}", "  overdue {late}"))
        } else {
            String::new()
        };
        println!(
            "{}  {} {:>4}  {}{late}",
            fit(&label(cat), 28),
            fit(&tally.to_string(), 9),
            tally.percent_text(),
            progress::bar(*tally, 10),
        );
    }
    let late: usize = rows.iter().map(|r| r.3.len()).sum();
    if late > 0 {
        println!();
        println!(
            "{}",
            paint(
                WARN,
                &tr!(
                    "⚠ 逾期 {late} 个（截至 {today}）",
                    "⚠ {late} overdue (as of {today})"
                )
            )
        );
        write_out(Paint::stdout(), |w| {
            for (cat, p, _, overdue) in &rows {
                let tag = paint(DIM, &format!("{} ", fit(&label(cat), 22)));
                for &l in overdue {
                    deadlines::print_milestone(w, cat, p, today, l, &tag)?;
                }
            }
            Ok(())
        })?;
    }
    Ok(ExitCode::SUCCESS)
}
