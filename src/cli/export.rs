//! `fgf export --format md|csv|json [--progress] [--unit NAME] [--bom]`: the allocation table for
//! a report, a spreadsheet or a script; `--unit` keeps what one unit leads or supports (the list an
//! office sends to that unit); `--progress` adds done / open / overdue from the state file.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{Value, json};

use super::EXIT_UNKNOWN;
use super::context::Global;
use crate::domain::progress::Status;
use crate::domain::{Catalog, Measure, Progress, Section, Task};

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
    /// With `--unit`: 牵头 or 配合.
    role: Option<&'static str>,
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
        Some(Progress::new(g.store(cat)?.load()?))
    } else {
        None
    };
    let today = g.today();
    let rows: Vec<Row> = cat
        .measures()
        .filter_map(|(section, task, measure)| {
            let role = match unit {
                None => None,
                Some(u) if measure.lead.iter().any(|x| x == u) => Some("牵头"),
                Some(u) if measure.support.iter().any(|x| x == u) => Some("配合"),
                Some(_) => return None,
            };
            Some(Row {
                section,
                task,
                measure,
                role,
            })
        })
        .collect();
    let state = |m: &Measure| progress.as_ref().map(|p| status_text(p, m, today));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let list: Vec<Value> = rows.iter().map(|r| row_json(r, state(r.measure))).collect();
            let doc = json!({"document": cat.doc.id, "number": cat.doc.number, "unit": unit, "as_of": with_progress.then(|| today.to_string()), "measures": list});
            writeln!(
                out,
                "{}",
                super::output::json_safe(serde_json::to_string_pretty(&doc)?)
            )?;
        }
        Format::Csv => {
            if bom {
                out.write_all("\u{feff}".as_bytes())?;
            }
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header(unit.is_some(), with_progress))?;
            for r in &rows {
                w.write_record(cells(r, state(r.measure)))?;
            }
            w.flush()?;
        }
        Format::Md => markdown(&mut out, cat, &rows, unit, with_progress, |m| state(m))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn header(unit: bool, with_progress: bool) -> Vec<&'static str> {
    let mut h: Vec<&str> = HEAD[..9].to_vec();
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
        .filter_map(|k| {
            k.deadline
                .map(|d| format!("{} {}", d, k.phrase.as_deref().unwrap_or("")))
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
        m.lead.join("、"),
        m.support.join("、"),
        milestones.join("；"),
        confidence.to_string(),
        alt,
    ];
    v.extend(r.role.map(String::from));
    v.extend(state);
    v
}

fn row_json(r: &Row, state: Option<String>) -> Value {
    let m = r.measure;
    json!({
        "section": r.section.key, "task": r.task.id, "task_title": r.task.title, "id": m.id,
        "text": m.text, "lead": m.lead, "support": m.support, "confidence": m.confidence,
        "alternative": m.alternative, "verified": m.verified, "role": r.role,
        "milestones": m.milestones.iter().map(|k| json!({"id": k.id, "deadline": k.deadline, "text": m.text_of(k)})).collect::<Vec<_>>(),
        "progress": state,
    })
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
    let head = header(unit.is_some(), with_progress);
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
    if uncertain > 0 {
        writeln!(
            out,
            "\n注：{uncertain} 条举措的牵头/配合单位系从 PDF 错乱表格推断（分工可信度 medium / low），请以正式文件为准。"
        )?;
    }
    Ok(())
}

/// A Markdown table cell: pipes escaped, line breaks as spaces, never empty.
fn md_cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    if s.is_empty() { "—".to_string() } else { s }
}
