//! `fgf export --format md|csv|json [--progress] [--unit NAME] [--bom]`: the allocation table for
//! a report, a spreadsheet or a script; `--unit` keeps what one unit leads or supports (the list an
//! office sends to that unit); `--progress` adds done / open / overdue from the state file.

use std::io::Write;
use std::process::ExitCode;

use super::shapes::{self, ExportAcross, ExportOut, ExportRow};
use clap::ValueEnum;

use super::EXIT_UNKNOWN;
use super::context::Global;
use crate::domain::progress::Status;
use crate::domain::roles::{join_units, officials_line};
use crate::domain::{Catalog, Measure, Progress, Role, Section, Task};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

/// One measure of the table, as exported.
struct Row<'a> {
    section: &'a Section,
    task: &'a Task,
    measure: &'a Measure,
    /// With `--unit`: 牵头, 负责 or 配合.
    role: Option<&'static str>,
    /// A format-2 document: the responsible units and officials have columns of their own.
    v2: bool,
}

const HEAD: [&str; 10] = [
    "部分",
    "重点任务",
    "编号",
    "贯彻举措",
    "牵头单位",
    "配合单位",
    "时间节点",
    "分工可信度",
    "另一读法",
    "角色",
];

pub fn run(
    cat: &Catalog,
    g: &Global,
    format: Format,
    with_progress: bool,
    unit: Option<&str>,
    bom: bool,
) -> anyhow::Result<ExitCode> {
    let unit = match unit {
        None => None,
        // As `fgf unit` finds it: pinyin (fgw) and fuzzy names too, said on stderr.
        Some(name) => match super::who::resolve_unit(cat, name) {
            Some(i) => Some(cat.doc.units[i].name.as_str()),
            None => return Ok(ExitCode::from(EXIT_UNKNOWN)),
        },
    };
    let progress = if with_progress {
        Some(Progress::new(super::context::load_state(&g.store(cat)?)?))
    } else {
        None
    };
    let today = g.today();
    let rows = rows_of(cat, unit);
    let state = |m: &Measure| progress.as_ref().map(|p| status_text(p, m, today));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let measures = rows.iter().map(|r| row(r, state(r.measure))).collect();
            let doc = ExportOut {
                document: &cat.doc.id,
                number: &cat.doc.number,
                unit,
                as_of: Some(with_progress.then(|| today.to_string())),
                measures,
            };
            writeln!(out, "{}", shapes::text(&doc)?)?;
        }
        Format::Csv => {
            write_bom(&mut out, bom)?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header(unit.is_some(), with_progress, cat.doc.format >= 2))?;
            for r in &rows {
                w.write_record(cells(r, state(r.measure)))?;
            }
            w.flush()?;
        }
        Format::Md => markdown(&mut out, cat, &rows, unit, with_progress, |m| state(m))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The rows of one notice; with `unit` (its name in this notice), those it has a role in.
fn rows_of<'a>(cat: &'a Catalog, unit: Option<&str>) -> Vec<Row<'a>> {
    cat.measures()
        .filter_map(|(section, task, measure)| {
            let role = match unit {
                None => None,
                Some(u) if measure.lead.iter().any(|x| x == u) => Some("牵头"),
                Some(u) if measure.responsible.iter().any(|x| x == u) => Some("负责"),
                Some(u) if measure.support.iter().any(|x| x == u) => Some("配合"),
                Some(_) => return None,
            };
            Some(Row {
                section,
                task,
                measure,
                role,
                v2: cat.doc.format >= 2,
            })
        })
        .collect()
}

/// `fgf export` across the workspace's notices: JSON `{"documents": [...]}` (each as one notice's
/// export), CSV with the notice's 文号 in a first column (文件), Markdown one table a notice.
/// `--unit` gathers one body across the notices (unit identities, `fgf unit alias`).
pub(super) fn run_many(
    cats: &[Catalog],
    g: &Global,
    format: Format,
    with_progress: bool,
    unit: Option<&str>,
    bom: bool,
) -> anyhow::Result<ExitCode> {
    let picks: Vec<(&Catalog, Option<&str>)> = match unit {
        None => cats.iter().map(|c| (c, None)).collect(),
        Some(name) => {
            let table = super::across::identities(cats)?;
            let found = table.gather(cats, name);
            if found.is_empty() {
                let n = crate::domain::text::sanitize(name);
                anstream::eprintln!(
                    "fgf: {}",
                    super::lang::tr!(
                        "工作区的通知中没有单位叫 {n}（fgf unit 列出全部）",
                        "no notice of the workspace names a unit {n} (fgf unit lists them)"
                    )
                );
                return Ok(ExitCode::from(EXIT_UNKNOWN));
            }
            found
                .iter()
                .map(|&(d, u)| (&cats[d], Some(cats[d].doc.units[u].name.as_str())))
                .collect()
        }
    };
    let today = g.today();
    let mut parts = Vec::new();
    for (cat, name) in picks {
        let progress = if with_progress {
            Some(Progress::new(super::context::load_state(
                &super::workspace::store_of(g, cat, true)?,
            )?))
        } else {
            None
        };
        parts.push((cat, name, rows_of(cat, name), progress));
    }
    let state = |p: &Option<Progress>, m: &Measure| p.as_ref().map(|p| status_text(p, m, today));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let documents = parts
                .iter()
                .map(|(cat, name, rows, p)| ExportOut {
                    document: &cat.doc.id,
                    number: &cat.doc.number,
                    unit: *name,
                    as_of: None,
                    measures: rows.iter().map(|r| row(r, state(p, r.measure))).collect(),
                })
                .collect();
            let v = ExportAcross {
                unit,
                as_of: with_progress.then(|| today.to_string()),
                documents,
            };
            writeln!(out, "{}", shapes::text(&v)?)?;
        }
        Format::Csv => {
            write_bom(&mut out, bom)?;
            let v2 = parts.iter().any(|(c, ..)| c.doc.format >= 2);
            let mut w = csv::Writer::from_writer(out);
            let mut head = vec!["文件"];
            head.extend(header(unit.is_some(), with_progress, v2));
            w.write_record(head)?;
            for (cat, _, rows, p) in &parts {
                let label = crate::domain::workspace::label(cat).to_string();
                for r in rows {
                    let mut cells = cells(r, state(p, r.measure));
                    if v2 && !r.v2 {
                        cells.splice(9..9, [String::new(), String::new()]);
                    }
                    cells.insert(0, label.clone());
                    w.write_record(cells)?;
                }
            }
            w.flush()?;
        }
        Format::Md => {
            for (i, (cat, name, rows, p)) in parts.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                markdown(&mut out, cat, rows, *name, with_progress, |m| state(p, m))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// CSV: a UTF-8 byte order mark first, with `--bom` (Excel then reads the Chinese right).
fn write_bom(out: &mut impl Write, bom: bool) -> std::io::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(())
}

fn header(unit: bool, with_progress: bool, v2: bool) -> Vec<&'static str> {
    let mut h: Vec<&str> = HEAD[..9].to_vec();
    if v2 {
        h.extend(["负责单位", "负责领导"]);
    }
    if unit {
        h.push(HEAD[9]);
    }
    if with_progress {
        h.push("进度");
    }
    h
}

/// The text cells of a row, in the order of `header`.
fn cells(r: &Row, state: Option<String>) -> Vec<String> {
    let m = r.measure;
    let milestones: Vec<String> = m
        .milestones
        .iter()
        .filter_map(|k| match (k.deadline, k.phrase.as_deref()) {
            (Some(d), p) => Some(format!("{} {}", d, p.unwrap_or(""))),
            (None, Some(p)) if !p.is_empty() => Some(p.to_string()),
            (None, _) => None,
        })
        .collect();
    let reading = |a: &crate::domain::Allocation| {
        format!("牵头 {}；配合 {}", a.lead.join("、"), a.support.join("、"))
    };
    // A verified allocation (`fgf verify`): its source, and the document's reading it replaces.
    let (confidence, alt) = match &m.verified {
        Some(v) => (
            "verified",
            format!("已核实：{}（文件推断 {}）", v.source, reading(&v.inferred)),
        ),
        None => (
            m.confidence.as_str(),
            m.alternative.as_ref().map_or(String::new(), reading),
        ),
    };
    let mut v = vec![
        r.section.heading(),
        r.task.heading(),
        m.id.clone(),
        m.text.clone(),
        join_units(&m.lead, m.roles.etc(Role::Lead)),
        join_units(&m.support, m.roles.etc(Role::Support)),
        milestones.join("；"),
        confidence.to_string(),
        alt,
    ];
    if r.v2 {
        v.push(join_units(&m.responsible, m.roles.etc(Role::Responsible)));
        v.push(officials_line(&m.officials));
    }
    v.extend(r.role.map(String::from));
    v.extend(state);
    v
}

fn row<'a>(r: &Row<'a>, progress: Option<String>) -> ExportRow<'a> {
    ExportRow::new((r.section, r.task, r.measure), r.role, r.v2, progress)
}

/// "2/3 done" or "0/1 overdue: 9.2.1".
fn status_text(p: &Progress, m: &Measure, today: jiff::civil::Date) -> String {
    let late: Vec<&str> = m
        .milestones
        .iter()
        .filter(|k| p.status(k, today) == Status::Overdue)
        .map(|k| k.id.as_str())
        .collect();
    let tally = p.measure(m);
    if late.is_empty() {
        format!("{tally}")
    } else {
        format!("{tally} 逾期 {}", late.join(" "))
    }
}

fn markdown(
    out: &mut impl Write,
    cat: &Catalog,
    rows: &[Row],
    unit: Option<&str>,
    with_progress: bool,
    state: impl Fn(&Measure) -> Option<String>,
) -> std::io::Result<()> {
    let d = &cat.doc;
    let title = match unit {
        Some(u) => format!("# {}：{} 牵头和配合的举措", d.number, u),
        None => format!("# {} 重点任务分工", d.number),
    };
    writeln!(out, "{title}\n\n{}\n", d.title)?;
    let head = header(unit.is_some(), with_progress, d.format >= 2);
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(head.len()))?;
    for r in rows {
        let cells: Vec<String> = cells(r, state(r.measure))
            .iter()
            .map(|c| md_cell(c))
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    let uncertain = rows.iter().filter(|r| !r.measure.is_certain()).count();
    if uncertain > 0 && d.format == 1 && d.reading.is_empty() {
        writeln!(
            out,
            "\n注：{uncertain} 条举措的牵头/配合单位系从 PDF 错乱表格推断（分工可信度 medium / low），请以正式文件为准。"
        )?;
    } else if uncertain > 0 {
        writeln!(
            out,
            "\n注：{uncertain} 条举措的分工不确定（分工可信度 medium / low）：{}",
            cat.doubt_reason(true)
        )?;
    }
    Ok(())
}

/// A Markdown table cell: pipes escaped, line breaks as spaces, never empty.
fn md_cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    if s.is_empty() { "—".to_string() } else { s }
}
