//! `who`, `search`, `unit`, `deadlines`, `progress` and `export` across every notice of the workspace
//! (without `--doc`, when it holds more than one, or with a search scope `in:KEY`). Each hit names
//! its notice: `document` (its id) in JSON, its 文号 (or id) in text. Check-offs are read from
//! each notice's own state file.

use std::process::ExitCode;

use anstream::{eprintln, println};

use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, columns, paint};
use super::shapes::{self, UnitAcross, UnitAcrossRow, UnitsAcross};
use super::{Command, EXIT_UNKNOWN, who};
use crate::domain::text::{fit, sanitize};
use crate::domain::workspace::{self, Workspace, units::Identities};
use crate::domain::{Catalog, Item};

mod find;
pub mod inplace;
mod progress_all;
use self::find::Notice;
use self::progress_all::{deadlines_all, progress_all};

/// Runs a cross-notice command on `cats` (prepared as `super::prepare` does).
pub fn run(cats: Vec<Catalog>, command: Command, global: &Global) -> anyhow::Result<ExitCode> {
    let code = match command {
        Command::Who { .. } | Command::Search { .. } => {
            let notices: Vec<Notice> = cats
                .into_iter()
                .map(|c| Notice::Loaded(Box::new(c)))
                .collect();
            let code = find::answer(&notices, &command);
            std::mem::forget(notices);
            return code;
        }
        Command::Unit { name, json, .. } => unit_all(&cats, name.as_deref(), json),
        Command::Deadlines { json } => deadlines_all(&cats, global, json),
        Command::Progress { json } => progress_all(&cats, global, json),
        Command::Export {
            format,
            progress,
            unit,
            bom,
        } => super::export::run_many(&cats, global, format, progress, unit.as_deref(), bom),
        _ => unreachable!("spans_notices"),
    };
    std::mem::forget(cats);
    code
}

/// A notice's label for text output, neutralised.
fn label(cat: &Catalog) -> String {
    sanitize(workspace::label(cat)).into_owned()
}

/// The unit identities of these notices with the user's aliases.
pub(super) fn identities(cats: &[Catalog]) -> anyhow::Result<Identities> {
    let ws = Workspace::locate().map_err(super::workspace::error)?;
    Ok(Identities::new(cats, ws.aliases()))
}

fn unit_all(cats: &[Catalog], name: Option<&str>, as_json: bool) -> anyhow::Result<ExitCode> {
    let table = identities(cats)?;
    let Some(name) = name else {
        return units_table(cats, &table, as_json);
    };
    let found = table.gather(cats, name);
    if found.is_empty() {
        let n = sanitize(name);
        eprintln!(
            "fgf: {}",
            tr!(
                "工作区的通知中没有单位叫 {n}（fgf unit 列出全部；fgf unit alias 名称 另一名称 可把两个名称记为同一单位）",
                "no notice of the workspace names a unit {n} (fgf unit lists them; fgf unit alias NAME OTHER joins two names)"
            )
        );
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    }
    let ids = |items: Vec<Item<'_>>| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
    if as_json {
        let units = found
            .iter()
            .map(|&(d, u)| {
                let cat = &cats[d];
                UnitAcrossRow {
                    document: &cat.doc.id,
                    name: &cat.doc.units[u].name,
                    lead: ids(cat.led_by(u).collect()),
                    responsible: ids(cat.responsible_for(u).collect()),
                    support: ids(cat.supported_by(u).collect()),
                }
            })
            .collect();
        shapes::print(&UnitAcross { name, units })?;
        return Ok(ExitCode::SUCCESS);
    }
    let cols = columns();
    for &(d, u) in &found {
        let cat = &cats[d];
        let unit = &cat.doc.units[u];
        println!();
        println!(
            "{}  {}",
            paint(BOLD, &format!("〔{}〕", label(cat))),
            paint(BOLD, &unit.name)
        );
        for (role, items) in [
            (t("牵头", "Leads"), cat.led_by(u).collect::<Vec<_>>()),
            (t("负责", "Responsible"), cat.responsible_for(u).collect()),
            (t("配合", "Supports"), cat.supported_by(u).collect()),
        ] {
            if items.is_empty() {
                continue;
            }
            println!("{}", paint(DIM, role));
            for item in &items {
                who::print_measure_row("", item, cols);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One body of `fgf unit` across the notices: (body, name shown, names, documents, lead, support).
type BodyRow = (usize, String, Vec<String>, Vec<String>, usize, usize);

/// `fgf unit` across the notices: one row a body, its counts summed over the notices.
fn units_table(cats: &[Catalog], table: &Identities, as_json: bool) -> anyhow::Result<ExitCode> {
    let mut rows: Vec<BodyRow> = Vec::new();
    for cat in cats {
        for (u, unit) in cat.doc.units.iter().enumerate() {
            let body = table.body(&unit.name).unwrap_or(usize::MAX);
            let (l, s) = cat.unit_counts(u);
            let row = match rows.iter_mut().position(|r| r.0 == body) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push((body, unit.name.clone(), vec![], vec![], 0, 0));
                    rows.last_mut().expect("just pushed")
                }
            };
            if !row.2.contains(&unit.name) {
                row.2.push(unit.name.clone());
            }
            if !row.3.contains(&cat.doc.id) {
                row.3.push(cat.doc.id.clone());
            }
            row.4 += l;
            row.5 += s;
        }
    }
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(_, name, names, documents, lead, support)| UnitsAcross {
                name,
                names,
                documents,
                lead: *lead,
                support: *support,
            })
            .collect();
        shapes::print(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  {}  {}  {}",
        fit(t("单位", "Unit"), 24),
        t("牵头", "Lead"),
        t("配合", "Supp"),
        t("通知", "Notices")
    );
    for (_, name, names, docs, l, s) in rows {
        let others: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
        println!(
            "{}  {l:>4}  {s:>4}  {:>4}  {}",
            fit(&name, 24),
            docs.len(),
            paint(DIM, &others.join(" "))
        );
    }
    Ok(ExitCode::SUCCESS)
}
