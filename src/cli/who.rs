//! `fgf who QUERY` and `fgf unit [NAME]`: who leads what.

use std::process::ExitCode;

use super::lang::{t, tr};
use super::output::{
    BOLD, DIM, ID, columns, doubt, fitted, flag, nothing_matches, paint, role_summary, shown_limit,
    shown_of,
};
use super::shapes::{self, UnitHead, UnitMeasure, UnitOut, UnitRow, WhoHit};
use super::{EXIT_NO_MATCH, EXIT_UNKNOWN};
use crate::domain::lookup::{self, Field};
use crate::domain::roles::officials_line;
use crate::domain::text::{fit, truncate};
use crate::domain::{Catalog, Item};
use anstream::{eprintln, print, println};

pub fn run(cat: &Catalog, query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let all = lookup::who(cat, query);
    let hits = &all[..all.len().min(shown_limit(limit))];
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|h| WhoHit::new(cat.at(h.loc), field_name(h.field), h.score))
            .collect();
        shapes::print(&list)?;
    } else {
        let cols = columns();
        for h in hits {
            print!("{}", fitted(hit_text(cat.at(h.loc), h.field), cols));
        }
    }
    Ok(finish(query, hits.len(), all.len(), as_json))
}

/// After the hits: exit 1 when none matched, and on stderr that the list was cut.
pub(super) fn finish(query: &str, shown: usize, total: usize, as_json: bool) -> ExitCode {
    if shown == 0 {
        eprintln!("fgf: {}", nothing_matches(query));
        return ExitCode::from(EXIT_NO_MATCH);
    }
    if total > shown && !as_json {
        eprintln!("fgf: {}", shown_of(shown, total));
    }
    ExitCode::SUCCESS
}

pub(super) fn field_name(f: Field) -> &'static str {
    f.as_str()
}

/// One hit's three lines: id, task and field; the measure's text; its units.
pub(super) fn hit_text(item: Item<'_>, field: Field) -> String {
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
    let flag = match item {
        Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => flag(m),
        Item::Task(..) => doubt(conf),
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
    // The roles with the notice's words (牵头 X  配合 Y for format 1), then named officials.
    out.push_str(&format!("       {}", role_summary(&rows)));
    out.push_str(&flag);
    out.push('\n');
    if !officials.is_empty() {
        out.push_str(&format!("       {}\n", officials_line(officials)));
    }
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
    let responsible: Vec<_> = cat.responsible_for(ui).collect();
    let supported: Vec<_> = cat.supported_by(ui).collect();
    let other: Vec<(Item<'_>, bool)> = cat
        .alternative_parts(ui)
        .into_iter()
        .map(|(l, leads)| (cat.at(l), leads))
        .collect();
    if as_json {
        let ids = |items: &[Item<'_>]| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
        let measures = (led.iter().map(|i| UnitMeasure::of(i, true)))
            .chain(supported.iter().map(|i| UnitMeasure::of(i, false)))
            .collect();
        shapes::print(&UnitOut {
            unit: UnitHead::from(u),
            lead: ids(&led),
            support: ids(&supported),
            // Format 2's third role, present where the document has it.
            responsible: (!responsible.is_empty()).then(|| ids(&responsible)),
            measures,
            alternative_reading: (other.iter())
                .map(|(i, leads)| UnitMeasure::of(i, *leads))
                .collect(),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let (l, r, s) = (led.len(), responsible.len(), supported.len());
    let counts = if r == 0 {
        tr!("牵头 {l} 项 · 配合 {s} 项", "leads {l} · supports {s}")
    } else {
        tr!(
            "牵头 {l} 项 · 负责 {r} 项 · 配合 {s} 项",
            "leads {l} · responsible for {r} · supports {s}"
        )
    };
    println!("{}  {counts}", paint(BOLD, &u.name));
    if let Some(o) = &u.official {
        let whence = if o.printed {
            t("（原文所印）", "(as the notice prints it)")
        } else {
            t(
                "（原文未印全称，据 2019 年机构名称，请以官方资料核对）",
                "(not printed in the notice: the body's 2019 name; check it against an official source)",
            )
        };
        let full = t("全称", "Full name");
        let line = format!("{full}  {}  {}", o.name, paint(DIM, whence));
        println!("{}", fitted(line, columns()));
    }
    let labels = (
        t("牵头", "Leads"),
        t("负责", "Responsible"),
        t("配合", "Supports"),
    );
    let cols = columns();
    for (label, items) in [
        (labels.0, &led),
        (labels.1, &responsible),
        (labels.2, &supported),
    ] {
        if items.is_empty() && label == labels.1 {
            continue;
        }
        println!();
        println!("{}", paint(BOLD, label));
        for item in items.iter() {
            print_measure_row("", item, cols);
        }
    }
    if !other.is_empty() {
        println!();
        let head = t(
            "另一读法下（分工待核，以正式文件为准；fgf show 编号 查看两种读法）",
            "Under the other reading (to verify against the official document; fgf show ID shows both)",
        );
        println!("{}", fitted(paint(BOLD, head), cols));
        for (item, leads) in &other {
            let role = if *leads {
                t("牵头 ", "lead ")
            } else {
                t("配合 ", "supp ")
            };
            print_measure_row(role, item, cols);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One measure of `fgf unit`, fitted to the terminal: its role (under the other reading), id,
/// task, text and flag.
pub(super) fn print_measure_row(role: &str, item: &Item<'_>, cols: Option<usize>) {
    let (id, t, text, flag) = match item {
        Item::Measure(_, t, m) => (&m.id, t, &m.text, flag(m)),
        // A task's own allocation (format 2), where none of its measures inherits it.
        Item::Task(_, t) => (&t.id, t, &t.title, doubt(t.confidence())),
        Item::Milestone(..) => return,
    };
    let line = format!(
        "  {role}{}  {}  {}{flag}",
        paint(ID, &fit(id, 5)),
        paint(DIM, &fit(&t.title, 24)),
        truncate(text, 48),
    );
    println!("{}", fitted(line, cols));
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
            .map(|&(u, (lead, support), r)| UnitRow {
                unit: UnitHead::from(u),
                lead,
                support,
                responsible: (r > 0).then_some(r),
            })
            .collect();
        shapes::print(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let any_resp = rows.iter().any(|r| r.2 > 0);
    let resp = if any_resp {
        t("负责  ", "Resp  ")
    } else {
        ""
    };
    println!(
        "{}  {}  {resp}{}",
        fit(t("单位", "Unit"), 24),
        t("牵头", "Lead"),
        t("配合", "Supp")
    );
    for (u, (l, s), r) in rows {
        let aliases = if u.aliases.is_empty() {
            String::new()
        } else {
            paint(DIM, &u.aliases.join(" "))
        };
        let r = if any_resp {
            format!("{r:>4}  ")
        } else {
            String::new()
        };
        println!("{}  {l:>4}  {r}{s:>4}  {aliases}", fit(&u.name, 24));
    }
    Ok(ExitCode::SUCCESS)
}

/// The unit `name` names, exactly or as search finds it (pinyin, fuzzy): `None` after telling
/// the user that nothing matches or which units it could be. A unit found other than by its
/// exact name or alias is said on stderr, so a script sees what was taken.
pub fn resolve_unit(cat: &Catalog, name: &str) -> Option<usize> {
    match super::filter::unit_or_why(cat, name) {
        Ok((u, note)) => {
            if let Some(note) = note {
                eprintln!("fgf: {note}");
            }
            Some(u)
        }
        Err(why) => {
            eprintln!("fgf: {why}");
            None
        }
    }
}
