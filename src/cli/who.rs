//! `fgf who QUERY` and `fgf unit [NAME]`: who leads what.

use std::process::ExitCode;

use anstream::{eprintln, println};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde_json::json;

use super::output::{BOLD, DIM, ID, doubt, paint, role_summary};
use super::{EXIT_NO_MATCH, EXIT_UNKNOWN, json};
use crate::domain::lookup::{self, Field};
use crate::domain::roles::officials_line;
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
    let (id, task, text, rows, officials, conf) = match item {
        Item::Task(_, t) => (&t.id, t, None, t.role_rows(), &t.officials, t.confidence()),
        Item::Measure(_, t, m) | Item::Milestone(_, t, m, _) => (
            &m.id,
            t,
            Some(&m.text),
            m.role_rows(),
            &m.officials,
            m.confidence,
        ),
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
    println!("       {}{}", role_summary(&rows), doubt(conf));
    if !officials.is_empty() {
        println!("       {}", officials_line(officials));
    }
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
    let responsible: Vec<_> = cat.responsible_for(ui).collect();
    let supported: Vec<_> = cat.supported_by(ui).collect();
    if as_json {
        let ids = |items: &[Item<'_>]| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
        let mut v = json!({
            "name": u.name, "aliases": u.aliases, "collective": u.collective,
            "lead": ids(&led), "support": ids(&supported),
        });
        if !responsible.is_empty() {
            v["responsible"] = json!(ids(&responsible));
        }
        json::print(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    let resp = if responsible.is_empty() {
        String::new()
    } else {
        format!(" · 负责 {} 项", responsible.len())
    };
    println!(
        "{}  牵头 {} 项{resp} · 配合 {} 项",
        paint(BOLD, &u.name),
        led.len(),
        supported.len()
    );
    for (label, items) in [("牵头", &led), ("负责", &responsible), ("配合", &supported)] {
        if items.is_empty() && label == "负责" {
            continue;
        }
        println!();
        println!("{}", paint(BOLD, label));
        for item in items.iter() {
            let (id, t, text, conf) = match item {
                Item::Measure(_, t, m) => (&m.id, t, &m.text, m.confidence),
                Item::Task(_, t) => (&t.id, t, &t.title, t.confidence()),
                Item::Milestone(..) => continue,
            };
            println!(
                "  {}  {}  {}{}",
                paint(ID, &fit(id, 5)),
                paint(DIM, &fit(&t.title, 24)),
                truncate(text, 48),
                doubt(conf)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn all_units(cat: &Catalog, as_json: bool) -> anyhow::Result<ExitCode> {
    let rows: Vec<_> = cat
        .doc
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u, cat.unit_counts(i), cat.responsible_count(i)))
        .collect();
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(u, (l, s), r)| {
                let mut v = json!({"name": u.name, "aliases": u.aliases, "collective": u.collective, "lead": l, "support": s});
                if *r > 0 {
                    v["responsible"] = json!(r);
                }
                v
            })
            .collect();
        json::print(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    let any_resp = rows.iter().any(|r| r.2 > 0);
    if any_resp {
        println!("{}  {}  {}  {}", fit("单位", 24), "牵头", "负责", "配合");
    } else {
        println!("{}  {}  {}", fit("单位", 24), "牵头", "配合");
    }
    for (u, (l, s), r) in rows {
        let aliases = if u.aliases.is_empty() {
            String::new()
        } else {
            paint(DIM, &u.aliases.join(" "))
        };
        if any_resp {
            println!("{}  {l:>4}  {r:>4}  {s:>4}  {aliases}", fit(&u.name, 24));
        } else {
            println!("{}  {l:>4}  {s:>4}  {aliases}", fit(&u.name, 24));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn nearest_units(cat: &Catalog, name: &str) -> Vec<String> {
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
