//! `fgf who QUERY` and `fgf unit [NAME]`: who leads what.

use std::process::ExitCode;

use anstream::{eprintln, println};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde_json::json;

use super::output::{BOLD, DIM, ID, LEAD, doubt, flag, paint, units};
use super::{EXIT_NO_MATCH, EXIT_UNKNOWN, json};
use crate::domain::lookup::{self, Field};
use crate::domain::text::{fit, truncate};
use crate::domain::{Catalog, Item};

pub fn run(cat: &Catalog, query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let hits = lookup::who(cat, query);
    let hits = &hits[..hits.len().min(limit)];
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|h| json::hit(cat.at(h.loc), field_name(h.field), h.score))
            .collect();
        json::print(&json!(list))?;
    } else {
        for h in hits {
            print_hit(cat.at(h.loc), h.field);
        }
    }
    if hits.is_empty() {
        eprintln!("fgf: nothing matches {query:?}");
        return Ok(ExitCode::from(EXIT_NO_MATCH));
    }
    Ok(ExitCode::SUCCESS)
}

fn field_name(f: Field) -> &'static str {
    f.as_str()
}

fn print_hit(item: Item<'_>, field: Field) {
    let (id, task, text, lead, support, conf) = match item {
        Item::Task(_, t) => (
            &t.id,
            t,
            None,
            t.lead_units(),
            t.support_units(),
            t.confidence(),
        ),
        Item::Measure(_, t, m) | Item::Milestone(_, t, m, _) => {
            let lead = m.lead.iter().map(String::as_str).collect();
            let support = m.support.iter().map(String::as_str).collect();
            (&m.id, t, Some(&m.text), lead, support, m.confidence)
        }
    };
    let flag = match item {
        Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => flag(m),
        Item::Task(..) => doubt(conf),
    };
    let tag = paint(DIM, &format!("[{}]", field_name(field)));
    println!(
        "{}  {}  {tag}",
        paint(ID, &fit(id, 5)),
        paint(BOLD, &task.heading())
    );
    if let Some(text) = text {
        println!("       {}", truncate(text, 72));
    }
    println!(
        "       牵头 {}  配合 {}{}",
        paint(LEAD, &units(&lead)),
        units(&support),
        flag
    );
}

pub fn unit(cat: &Catalog, name: Option<&str>, as_json: bool) -> anyhow::Result<ExitCode> {
    let Some(name) = name else {
        return all_units(cat, as_json);
    };
    let Some(ui) = cat.unit_index(name) else {
        eprintln!("fgf: no unit is called {name:?}");
        eprintln!("  nearest units: {}", nearest_units(cat, name).join("、"));
        eprintln!("  `fgf unit` lists them all");
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let u = &cat.doc.units[ui];
    let led: Vec<_> = cat.led_by(ui).collect();
    let supported: Vec<_> = cat.supported_by(ui).collect();
    let other: Vec<(Item<'_>, bool)> = cat
        .alternative_parts(ui)
        .into_iter()
        .map(|(l, leads)| (cat.at(l), leads))
        .collect();
    if as_json {
        let ids = |items: &[Item<'_>]| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
        let part = |item: &Item<'_>, leads: bool| {
            let Item::Measure(_, _, m) = item else {
                return json!(null);
            };
            json!({
                "id": m.id, "role": if leads { "lead" } else { "support" },
                "confidence": m.confidence, "alternative": m.alternative,
            })
        };
        let measures: Vec<_> = (led.iter().map(|i| part(i, true)))
            .chain(supported.iter().map(|i| part(i, false)))
            .collect();
        let alternative: Vec<_> = other.iter().map(|(i, leads)| part(i, *leads)).collect();
        json::print(&json!({
            "name": u.name, "aliases": u.aliases, "collective": u.collective,
            "official": u.official, "lead": ids(&led), "support": ids(&supported),
            "measures": measures, "alternative_reading": alternative,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  牵头 {} 项 · 配合 {} 项",
        paint(BOLD, &u.name),
        led.len(),
        supported.len()
    );
    if let Some(o) = &u.official {
        let whence = if o.printed {
            "（原文所印）"
        } else {
            "（原文未印全称，据 2019 年机构名称，请以官方资料核对）"
        };
        println!("全称  {}  {}", o.name, paint(DIM, whence));
    }
    for (label, items) in [("牵头", &led), ("配合", &supported)] {
        println!();
        println!("{}", paint(BOLD, label));
        for item in items.iter() {
            print_measure_row("", item);
        }
    }
    if !other.is_empty() {
        println!();
        println!(
            "{}",
            paint(
                BOLD,
                "另一读法下（分工待核，以正式文件为准；fgf show 编号 查看两种读法）"
            )
        );
        for (item, leads) in &other {
            print_measure_row(if *leads { "牵头 " } else { "配合 " }, item);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_measure_row(role: &str, item: &Item<'_>) {
    if let Item::Measure(_, t, m) = item {
        println!(
            "  {role}{}  {}  {}{}",
            paint(ID, &fit(&m.id, 5)),
            paint(DIM, &fit(&t.title, 24)),
            truncate(&m.text, 48),
            flag(m)
        );
    }
}

fn all_units(cat: &Catalog, as_json: bool) -> anyhow::Result<ExitCode> {
    let rows: Vec<_> = cat
        .doc
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u, cat.unit_counts(i)))
        .collect();
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(u, (l, s))| json!({"name": u.name, "aliases": u.aliases, "collective": u.collective, "official": u.official, "lead": l, "support": s}))
            .collect();
        json::print(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}  {}  {}", fit("单位", 24), "牵头", "配合");
    for (u, (l, s)) in rows {
        let aliases = if u.aliases.is_empty() {
            String::new()
        } else {
            paint(DIM, &u.aliases.join(" "))
        };
        println!("{}  {l:>4}  {s:>4}  {aliases}", fit(&u.name, 24));
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn nearest_units(cat: &Catalog, name: &str) -> Vec<String> {
    let m = SkimMatcherV2::default();
    let mut scored: Vec<(i64, &str)> = cat
        .doc
        .units
        .iter()
        .filter_map(|u| m.fuzzy_match(&u.name, name).map(|s| (s, u.name.as_str())))
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    scored
        .into_iter()
        .take(5)
        .map(|(_, n)| n.to_string())
        .collect()
}
