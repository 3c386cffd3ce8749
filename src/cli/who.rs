//! `fgf who QUERY` and `fgf unit [NAME]`: who leads what.

use std::process::ExitCode;

use anstream::{eprintln, print, println};
use serde_json::json;

use super::lang::{t, tr};
use super::output::{
    BOLD, DIM, ID, LEAD, columns, doubt, fitted, nothing_matches, paint, shown_limit, shown_of,
    units,
};
use super::{EXIT_NO_MATCH, EXIT_UNKNOWN, json};
use crate::domain::lookup::{self, Field, UnitMatch};
use crate::domain::text::{fit, truncate};
use crate::domain::{Catalog, Item};

pub fn run(cat: &Catalog, query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let all = lookup::who(cat, query);
    let hits = &all[..all.len().min(shown_limit(limit))];
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|h| json::hit(cat.at(h.loc), field_name(h.field), h.score))
            .collect();
        json::print(&json!(list))?;
    } else {
        let cols = columns();
        for h in hits {
            print!("{}", fitted(hit_text(cat.at(h.loc), h.field), cols));
        }
    }
    if hits.is_empty() {
        eprintln!("fgf: {}", nothing_matches(query));
        return Ok(ExitCode::from(EXIT_NO_MATCH));
    }
    if all.len() > hits.len() && !as_json {
        eprintln!("fgf: {}", shown_of(hits.len(), all.len()));
    }
    Ok(ExitCode::SUCCESS)
}

fn field_name(f: Field) -> &'static str {
    f.as_str()
}

/// One hit's three lines: id, task and field; the measure's text; its units.
fn hit_text(item: Item<'_>, field: Field) -> String {
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
    let tag = paint(DIM, &format!("[{}]", field_name(field)));
    let mut out = format!(
        "{}  {}  {tag}\n",
        paint(ID, &fit(id, 5)),
        paint(BOLD, &task.heading())
    );
    if let Some(text) = text {
        out.push_str(&format!("       {}\n", truncate(text, 72)));
    }
    let (lead, support) = (paint(LEAD, &units(&lead)), units(&support));
    out.push_str(&tr!(
        "       牵头 {lead}  配合 {support}",
        "       lead {lead}  support {support}"
    ));
    out.push_str(&doubt(conf));
    out.push('\n');
    out
}

pub fn unit(cat: &Catalog, name: Option<&str>, as_json: bool) -> anyhow::Result<ExitCode> {
    let Some(name) = name else {
        return all_units(cat, as_json);
    };
    let Some(ui) = resolve_unit(cat, name) else {
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let u = &cat.doc.units[ui];
    let led: Vec<_> = cat.led_by(ui).collect();
    let supported: Vec<_> = cat.supported_by(ui).collect();
    if as_json {
        let ids = |items: &[Item<'_>]| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
        json::print(&json!({
            "name": u.name, "aliases": u.aliases, "collective": u.collective,
            "lead": ids(&led), "support": ids(&supported),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (l, s) = (led.len(), supported.len());
    println!(
        "{}  {}",
        paint(BOLD, &u.name),
        tr!("牵头 {l} 项 · 配合 {s} 项", "leads {l} · supports {s}")
    );
    let labels = (t("牵头", "Leads"), t("配合", "Supports"));
    let cols = columns();
    for (label, items) in [(labels.0, &led), (labels.1, &supported)] {
        println!();
        println!("{}", paint(BOLD, label));
        for item in items.iter() {
            if let Item::Measure(_, t, m) = item {
                let line = format!(
                    "  {}  {}  {}{}",
                    paint(ID, &fit(&m.id, 5)),
                    paint(DIM, &fit(&t.title, 24)),
                    truncate(&m.text, 48),
                    doubt(m.confidence)
                );
                println!("{}", fitted(line, cols));
            }
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
        .map(|(i, u)| (u, cat.unit_counts(i)))
        .collect();
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(u, (l, s))| json!({"name": u.name, "aliases": u.aliases, "collective": u.collective, "lead": l, "support": s}))
            .collect();
        json::print(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  {}  {}",
        fit(t("单位", "Unit"), 24),
        t("牵头", "Lead"),
        t("配合", "Supp")
    );
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

/// The unit `name` names, exactly or as search finds it (pinyin, fuzzy): `None` after telling
/// the user that nothing matches or which units it could be. A unit found other than by its
/// exact name or alias is said on stderr, so a script sees what was taken.
pub fn resolve_unit(cat: &Catalog, name: &str) -> Option<usize> {
    let names = |us: &[usize]| {
        let names: Vec<&str> = us
            .iter()
            .take(8)
            .map(|&u| cat.doc.units[u].name.as_str())
            .collect();
        names.join("、")
    };
    match lookup::unit(cat, name) {
        UnitMatch::Exact(u) => Some(u),
        UnitMatch::Best(u, others) => {
            let n = &cat.doc.units[u].name;
            let mut note = tr!("{name:?} 取为 {n}", "{name:?} taken as {n}");
            if !others.is_empty() {
                let others = names(&others);
                note.push_str(&tr!("（也相符：{others}）", " (also matching: {others})"));
            }
            eprintln!("fgf: {note}");
            Some(u)
        }
        UnitMatch::Unclear(candidates) if candidates.is_empty() => {
            eprintln!(
                "fgf: {}",
                tr!(
                    "没有与 {name:?} 相符的单位；`fgf unit` 列出全部",
                    "no unit matches {name:?}; `fgf unit` lists them all"
                )
            );
            None
        }
        UnitMatch::Unclear(candidates) => {
            let names = names(&candidates);
            eprintln!(
                "fgf: {}",
                tr!(
                    "{name:?} 可指几个单位：{names}；请写得更确切",
                    "{name:?} could be several units: {names}; say which"
                )
            );
            None
        }
    }
}
