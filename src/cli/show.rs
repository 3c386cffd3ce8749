//! `fgf show ID` and `fgf list`.

use std::process::ExitCode;

use anstream::{eprintln, println};
use jiff::civil::Date;

use super::EXIT_UNKNOWN;
use super::context::Global;
use super::lang::{t, tr};
use super::output::role_lines;
use super::output::{
    BOLD, DIM, ID, LEAD, doubt_lines, flag, id_arg, paint, status_label, status_name, unknown_id,
};
use super::shapes::{self, MilestoneMarks, Shown};
use crate::domain::progress::LogStatus;
use crate::domain::text::{fit, sanitize};
use crate::domain::{Catalog, Item, Measure, Milestone, Progress, Section, Task};

/// The check-offs `show` reports with each milestone; `None` when the state file cannot be read
/// (the item is shown without them, and stderr says why).
struct Marks {
    progress: Option<Progress>,
    today: Date,
}

pub fn show(cat: &Catalog, g: &Global, id: &str, as_json: bool) -> anyhow::Result<ExitCode> {
    let id = id_arg(id);
    let Some(item) = cat.get(&id) else {
        for (i, line) in unknown_id(cat, &id).iter().enumerate() {
            let lead = if i == 0 { "fgf: " } else { "" };
            eprintln!("{lead}{line}");
        }
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let progress = match g
        .store(cat)
        .and_then(|s| Ok(super::context::load_state(&s)?))
    {
        Ok(state) => Some(Progress::new(state)),
        Err(e) => {
            let e = super::error_text(&e);
            eprintln!(
                "fgf: {}",
                tr!(
                    "读不了状态文件，不显示完成情况：{e}",
                    "cannot read the state file, so no milestone shows whether it is done: {e}"
                )
            );
            None
        }
    };
    let marks = Marks {
        progress,
        today: g.today(),
    };
    if as_json {
        let of = |m: &Measure, k: &Milestone| milestone_marks(&marks, m, k);
        shapes::print(&Shown::new(item, &of))?;
        return Ok(ExitCode::SUCCESS);
    }
    match item {
        Item::Task(s, t) => {
            println!("{}  {}", paint(ID, &t.id), paint(BOLD, &t.heading()));
            println!("{}", paint(DIM, &s.heading()));
            for line in role_lines(&t.role_rows(), &t.officials) {
                println!("{line}");
            }
            for m in &t.measures {
                println!();
                print_measure(cat, m, &marks);
            }
        }
        Item::Measure(s, t, m) => {
            println!(
                "{}",
                paint(DIM, &format!("{} · {}", s.heading(), t.heading()))
            );
            print_measure(cat, m, &marks);
        }
        Item::Milestone(s, t, m, k) => {
            println!(
                "{}",
                paint(
                    DIM,
                    &format!("{} · {} · {}", s.heading(), t.heading(), m.id)
                )
            );
            print_milestone(m, k, &marks);
            for line in role_lines(&m.role_rows(), &m.officials) {
                println!("{line}");
            }
            for line in doubt_lines(cat, m) {
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A milestone's `state` (done / open / overdue), `done`, `checked_at`, `note`, `latest` and
/// `log` for `--json` (all null when the state file could not be read).
fn milestone_marks<'a>(marks: &'a Marks, m: &Measure, k: &Milestone) -> MilestoneMarks<'a> {
    let Some(p) = marks.progress.as_ref() else {
        return MilestoneMarks::default();
    };
    let mark = p.state().mark(&k.id);
    let history = p.state().history(&m.id, &k.id);
    MilestoneMarks {
        state: Some(status_name(p.status(k, marks.today))),
        done: Some(p.is_done(&k.id)),
        checked_at: mark.filter(|m| m.done).map(|m| m.at),
        note: mark.and_then(|m| m.note.as_deref()),
        latest: history.latest().map(LogStatus::name),
        log: Some(shapes::log_entries(history)),
    }
}

fn print_measure(cat: &Catalog, m: &Measure, marks: &Marks) {
    let label = if m.label.is_empty() {
        String::new()
    } else {
        format!("{} ", m.label)
    };
    println!("{}  {label}{}", paint(ID, &m.id), m.text);
    for line in role_lines(&m.role_rows(), &m.officials) {
        println!("{line}");
    }
    if m.inherited {
        println!(
            "{}",
            paint(DIM, t("（分工同所属任务）", "(the task's allocation)"))
        );
    }
    for line in doubt_lines(cat, m) {
        println!("{line}");
    }
    println!("{}", t("里程碑", "Milestones"));
    for k in &m.milestones {
        print_milestone(m, k, marks);
    }
}

/// `  9.2.1  2019-12-31  [x] 已完成 2019-11-02  推进中  text`, then its note and its log, newest first.
fn print_milestone(m: &Measure, k: &Milestone, marks: &Marks) {
    // The deadline as written: a year the notice did not write is marked; an undated target
    // keeps its phrase.
    let when = crate::domain::present::deadline_text(k, super::lang::get());
    let text = if m.is_whole(k) {
        t("（整项举措）", "(the whole measure)")
    } else {
        k.text.as_str()
    };
    let Some(p) = &marks.progress else {
        println!("  {}  {}  {}", paint(ID, &k.id), paint(BOLD, &when), text);
        return;
    };
    let mut state = status_label(p.status(k, marks.today));
    if let Some(m) = p.state().mark(&k.id).filter(|m| m.done) {
        let day = m.at.to_zoned(jiff::tz::TimeZone::system()).date();
        state.push_str(&paint(DIM, &format!(" {day}")));
    }
    let history = p.state().history(&m.id, &k.id);
    state.push_str(&super::log::latest_suffix(&history));
    println!(
        "  {}  {}  {state}  {text}",
        paint(ID, &k.id),
        paint(BOLD, &when)
    );
    if let Some(note) = p.note(&k.id) {
        // A note may come from a colleague's merged state file: untrusted text.
        let note = sanitize(note);
        println!("      {}", paint(DIM, &tr!("备注：{note}", "note: {note}")));
    }
    // The check-off alone is shown above already: the log only when someone wrote in it.
    if history.entries.iter().any(|e| !e.by.is_empty()) {
        for line in super::log::lines(&history) {
            println!("      {}", paint(DIM, &line));
        }
    }
}

pub fn list(cat: &Catalog, as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        shapes::write_document(cat, &mut out)?;
        std::io::Write::flush(&mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let d = &cat.doc;
    println!("{}  {}", paint(BOLD, &d.number), d.title);
    for s in &d.sections {
        print_section(s);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_section(s: &Section) {
    println!();
    println!(
        "{} {}",
        paint(BOLD, &s.heading()),
        paint(DIM, &format!("[{}]", s.key))
    );
    for t in &s.tasks {
        print_task(t);
    }
}

fn print_task(t: &Task) {
    println!(
        "  {}{}",
        paint(ID, &fit(&t.id, 4)),
        paint(BOLD, &t.heading())
    );
    for m in &t.measures {
        let id = format!("{:<6}", m.id);
        println!(
            "    {}{}  {}{}",
            paint(ID, &id),
            fit(&m.text, 40),
            paint(LEAD, &lead_or_responsible(m)),
            flag(m)
        );
    }
}

/// The lead units, or who is responsible where the notice names no lead.
fn lead_or_responsible(m: &Measure) -> String {
    let rows = m.role_rows();
    rows.first().map_or_else(String::new, |r| r.joined())
}
