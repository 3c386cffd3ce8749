//! `fgf show ID` and `fgf list`.

use std::process::ExitCode;

use anstream::{eprintln, println};

use super::output::{BOLD, DIM, ID, LEAD, doubt, doubt_lines, nearest_ids, paint, role_lines};
use super::{EXIT_UNKNOWN, json};
use crate::domain::text::fit;
use crate::domain::{Catalog, Item, Measure, Milestone, Section, Task};

pub fn show(cat: &Catalog, id: &str, as_json: bool) -> anyhow::Result<ExitCode> {
    let Some(item) = cat.get(id) else {
        eprintln!("fgf: no task, measure or milestone has the id {id:?}");
        eprintln!("  nearest ids: {}", nearest_ids(cat, id).join(", "));
        eprintln!(
            "  ids look like 9 (task), 9.2 (measure), 9.2.1 (milestone); `fgf list` shows them all"
        );
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    if as_json {
        json::print(&json::item(item))?;
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
                print_measure(cat, m);
            }
        }
        Item::Measure(s, t, m) => {
            println!(
                "{}",
                paint(DIM, &format!("{} · {}", s.heading(), t.heading()))
            );
            print_measure(cat, m);
        }
        Item::Milestone(s, t, m, k) => {
            println!(
                "{}",
                paint(
                    DIM,
                    &format!("{} · {} · {}", s.heading(), t.heading(), m.id)
                )
            );
            print_milestone(k);
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

fn print_measure(cat: &Catalog, m: &Measure) {
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
        println!("{}", paint(DIM, "（分工同所属任务）"));
    }
    for line in doubt_lines(cat, m) {
        println!("{line}");
    }
    println!("里程碑");
    for k in &m.milestones {
        print_milestone(k);
    }
}

fn print_milestone(k: &Milestone) {
    let when = match (k.deadline, &k.phrase) {
        (Some(d), _) if k.inferred => format!("{d}（年份推定）"),
        (Some(d), _) => d.to_string(),
        (None, Some(p)) if !p.is_empty() => p.clone(),
        (None, _) => "无明确时限".to_string(),
    };
    let text = if k.deadline.is_none() || k.text.is_empty() {
        "（整项举措）"
    } else {
        k.text.as_str()
    };
    println!("  {}  {}  {}", paint(ID, &k.id), paint(BOLD, &when), text);
}

pub fn list(cat: &Catalog, as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        json::write_document(cat, &mut out)?;
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
            doubt(m.confidence)
        );
    }
}

/// The lead units, or who is responsible where the notice names no lead.
fn lead_or_responsible(m: &Measure) -> String {
    let rows = m.role_rows();
    rows.first().map_or_else(String::new, |r| r.joined())
}
