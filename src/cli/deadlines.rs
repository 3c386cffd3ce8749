//! `fgf deadlines [--json]`: milestones grouped by deadline, with measure, lead units and state.

use std::process::ExitCode;

use std::io::Write;

use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, DONE, ID, Paint, WARN, lead_column, paint, status_name};
use super::shapes::{self, DeadlineGroup, DeadlineMilestone, DeadlinesOut};
use crate::domain::progress::{LogStatus, Status, deadline_groups};
use crate::domain::text::{fit, truncate};
use crate::domain::{Catalog, Item, Progress};

pub fn run(cat: &Catalog, g: &Global, as_json: bool) -> anyhow::Result<ExitCode> {
    let store = g.store(cat)?;
    let p = Progress::new(super::context::load_state(&store)?);
    let today = g.today();
    let groups = deadline_groups(cat);
    if as_json {
        let groups = groups
            .iter()
            .map(|grp| {
                let items = (grp.milestones.iter())
                    .filter_map(|&l| milestone_json(cat, &p, today, l))
                    .collect();
                DeadlineGroup::new(grp.deadline, items, |m: &DeadlineMilestone| m.state)
            })
            .collect();
        shapes::print(&DeadlinesOut {
            document: &cat.doc.id,
            as_of: today,
            groups,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let number = &cat.doc.number;
    super::search::write_out(Paint::stdout(), |w| {
        writeln!(
            w,
            "{}  {}",
            paint(BOLD, &tr!("{number} 时间节点", "{number} deadlines")),
            paint(DIM, &tr!("截至 {today}", "as of {today}"))
        )?;
        for grp in &groups {
            let statuses: Vec<Status> = grp
                .milestones
                .iter()
                .filter_map(|&l| match cat.at(l) {
                    Item::Milestone(_, _, _, k) => Some(p.status(k, today)),
                    _ => None,
                })
                .collect();
            print_group_head(w, grp.deadline, &statuses)?;
            for &l in &grp.milestones {
                print_milestone(w, cat, &p, today, l, "")?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One milestone for `--json`, `None` for a location that is not a milestone.
pub(super) fn milestone_json<'a>(
    cat: &'a Catalog,
    p: &'a Progress,
    today: jiff::civil::Date,
    l: crate::domain::Loc,
) -> Option<DeadlineMilestone<'a>> {
    let Item::Milestone(s, t, m, k) = cat.at(l) else {
        return None;
    };
    let status = p.status(k, today);
    let mark = p.state().mark(&k.id);
    Some(DeadlineMilestone {
        id: &k.id,
        measure: &m.id,
        task: &t.id,
        section: &s.key,
        deadline: k.deadline,
        phrase: k.phrase.as_deref(),
        text: m.text_of(k),
        measure_text: &m.text,
        lead: &m.lead,
        responsible: &m.responsible,
        support: &m.support,
        confidence: m.confidence,
        alternative: m.alternative.as_ref(),
        verified: m.verified.as_deref(),
        state: status_name(status),
        done: status == Status::Done,
        overdue: status == Status::Overdue,
        checked_at: mark.filter(|m| m.done).map(|m| m.at),
        note: mark.and_then(|m| m.note.as_deref()),
        latest: p
            .state()
            .history(&m.id, &k.id)
            .latest()
            .map(LogStatus::name),
    })
}

/// One milestone's line (and its note's), after `label` (a notice's, across the workspace),
/// onto `w` (`search::write_out`: stdout, buffered).
pub(super) fn print_milestone(
    w: &mut dyn Write,
    cat: &Catalog,
    p: &Progress,
    today: jiff::civil::Date,
    l: crate::domain::Loc,
    label: &str,
) -> std::io::Result<()> {
    let Item::Milestone(_, _, m, k) = cat.at(l) else {
        return Ok(());
    };
    let (sign, state) = match p.status(k, today) {
        Status::Done => (paint(DONE, "✔"), paint(DONE, t("已完成", "done   "))),
        Status::Open => ("-".to_string(), t("未完成", "open   ").to_string()),
        Status::Overdue => (paint(WARN, "!"), paint(WARN, t("逾期  ", "overdue"))),
    };
    let text = m.text_of(k);
    let latest = super::log::latest_suffix(&p.state().history(&m.id, &k.id));
    writeln!(
        w,
        "  {sign} {label}{}{}  {}  {}{latest}",
        paint(ID, &fit(&k.id, 8)),
        state,
        lead_column(m, 22),
        truncate(text, 44)
    )?;
    if let Some(note) = p.note(&k.id) {
        // A note may come from a colleague's merged state file: untrusted text.
        let note = crate::domain::text::sanitize(note);
        writeln!(
            w,
            "      {}",
            paint(DIM, &tr!("备注：{note}", "note: {note}"))
        )?;
    }
    Ok(())
}

/// A deadline's heading: the date, how many milestones, done, overdue.
pub(super) fn print_group_head(
    w: &mut dyn Write,
    deadline: Option<jiff::civil::Date>,
    statuses: &[Status],
) -> std::io::Result<()> {
    let n = |st| statuses.iter().filter(|&&s| s == st).count();
    let head = crate::domain::present::group_deadline(deadline, super::lang::get());
    let (all, done, late) = (statuses.len(), n(Status::Done), n(Status::Overdue));
    let mut summary = tr!("{all} 个 · 已完成 {done}", "{all} · done {done}");
    if late > 0 {
        summary.push_str(&paint(WARN, &tr!(" · 逾期 {late}", " · overdue {late}")));
    }
    writeln!(w)?;
    writeln!(w, "{}  {summary}", paint(BOLD, &head))
}
