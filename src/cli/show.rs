//! `fgf show ID` and `fgf list`.

use std::process::ExitCode;

use anstream::{eprintln, println};

use super::output::{BOLD, DIM, ID, LEAD, doubt_lines, flag, nearest_ids, paint, units};
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
            println!("牵头单位  {}", paint(LEAD, &units(&t.lead_units())));
            println!("配合单位  {}", units(&t.support_units()));
            for m in &t.measures {
                println!();
                print_measure(m);
            }
        }
        Item::Measure(s, t, m) => {
            println!(
                "{}",
                paint(DIM, &format!("{} · {}", s.heading(), t.heading()))
            );
            print_measure(m);
        }
        Item::Milestone(s, t, m, k) => {
            println!(
                "{}",
                paint(
                    DIM,
                    &format!("{} · {} · {}", s.heading(), t.heading(), m.id)
                )
            );
            print_milestone(m, k);
            println!("牵头单位  {}", paint(LEAD, &units(&m.lead)));
            println!("配合单位  {}", units(&m.support));
            for line in doubt_lines(m) {
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_measure(m: &Measure) {
    println!("{}  {}", paint(ID, &m.id), m.text);
    println!("牵头单位  {}", paint(LEAD, &units(&m.lead)));
    println!("配合单位  {}", units(&m.support));
    for line in doubt_lines(m) {
        println!("{line}");
    }
    println!("里程碑");
    for k in &m.milestones {
        print_milestone(m, k);
    }
}

fn print_milestone(m: &Measure, k: &Milestone) {
    let when = k
        .deadline
        .map_or_else(|| "无明确时限".to_string(), |d| d.to_string());
    let text = if m.is_whole(k) {
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
            paint(LEAD, &units(&m.lead)),
            flag(m)
        );
    }
}
