//! `fgf report [--format md|docx] [-o FILE] [--since DATE] [--unit NAME]`: a 督查 report laid out
//! as blocks (headings, paragraphs, tables), written as Markdown here or as Word by `report_docx`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::EXIT_UNKNOWN;
use super::context::Global;
use super::lang::{is_en, t, tr};
use crate::domain::progress::LogStatus;
use crate::domain::report::{Report, Scope};
use crate::domain::text::{sanitize, truncate};
use crate::domain::{Catalog, Progress, Tally};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Docx,
}

/// A piece of the report, as both writers see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Sub(String),
    Para(String),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        /// Columns of numbers (right-aligned).
        numeric: Vec<bool>,
    },
}

pub struct Options<'a> {
    pub format: Option<Format>,
    pub output: Option<&'a Path>,
    pub since: Option<Date>,
    pub unit: Option<&'a str>,
}

pub fn run(cat: &Catalog, g: &Global, o: Options<'_>) -> anyhow::Result<ExitCode> {
    let unit = match o.unit {
        None => None,
        Some(name) => match super::who::resolve_unit(cat, name) {
            Some(u) => Some(u),
            None => return Ok(ExitCode::from(EXIT_UNKNOWN)),
        },
    };
    // Without --format, a file named *.docx is Word.
    let format = o.format.unwrap_or_else(|| {
        let docx = o
            .output
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        if docx { Format::Docx } else { Format::Md }
    });
    if format == Format::Docx
        && o.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        anyhow::bail!(tr!(
            "Word 文件不能印到终端：用 -o 报告.docx 写入文件",
            "a Word file cannot go to a terminal: write it with -o report.docx"
        ));
    }
    let p = Progress::new(super::context::load_state(&g.store(cat)?)?);
    let scope = Scope {
        as_of: g.today(),
        since: o.since,
        unit,
    };
    let report = Report::new(cat, &p, scope, &TimeZone::system());
    let blocks = blocks(cat, &report);
    let bytes = match format {
        Format::Md => markdown(&blocks).into_bytes(),
        Format::Docx => super::report_docx::write(&blocks)?,
    };
    match o.output {
        Some(path) => std::fs::write(path, &bytes).map_err(|e| {
            let p = sanitize(&path.display().to_string()).into_owned();
            anyhow::anyhow!(tr!("写不了 {p}：{e}", "cannot write {p}: {e}"))
        })?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Untrusted or document text for a cell or a line: neutralised, one line.
fn cell(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn status_word(s: Option<LogStatus>) -> String {
    match s {
        Some(s) if is_en() => s.en().to_string(),
        Some(s) => s.zh().to_string(),
        None => t("未报告", "not reported").to_string(),
    }
}

fn tally_cells(t: Tally) -> [String; 3] {
    [t.done.to_string(), t.total.to_string(), t.percent_text()]
}

/// 一、 二、 … (zh) or 1. 2. … (en).
fn numbered(n: usize, text: &str) -> String {
    const ZH: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    if is_en() {
        format!("{n}. {text}")
    } else {
        format!("{}、{text}", ZH.get(n - 1).copied().unwrap_or("…"))
    }
}

/// The report's blocks in the run's language.
pub fn blocks(cat: &Catalog, r: &Report<'_>) -> Vec<Block> {
    let unit_name = |u: usize| cell(&cat.doc.units[u].name);
    let number = cell(&cat.doc.number);
    let mut out = vec![Block::Title(tr!(
        "{number}落实情况督查报告",
        "{number}: progress report"
    ))];
    let as_of = r.scope.as_of;
    let mut head = tr!("截至 {as_of}", "As of {as_of}");
    if let Some(u) = r.scope.unit {
        let name = unit_name(u);
        head.push_str(&tr!("；仅含 {name} 牵头的举措", "; only what {name} leads"));
    }
    head.push_str(t("。", "."));
    out.push(Block::Para(head));
    let (o, late) = (r.overall, r.overdue_count);
    let (pct, total, done) = (o.percent_text(), o.total, o.done);
    out.push(Block::Para(tr!(
        "共 {total} 个里程碑，已完成 {done}（{pct}），逾期 {late} 个。",
        "{total} milestones, {done} done ({pct}), {late} overdue."
    )));
    let mut n = 0;
    let mut heading = |text: &str| {
        n += 1;
        Block::Heading(numbered(n, text))
    };
    out.push(heading(t("完成情况（按部分）", "Completion by section")));
    let mut rows: Vec<Vec<String>> = r
        .sections
        .iter()
        .map(|(s, t)| [vec![cell(&s.heading())], tally_cells(*t).to_vec()].concat())
        .collect();
    rows.push(
        [
            vec![t("合计", "Total").to_string()],
            tally_cells(o).to_vec(),
        ]
        .concat(),
    );
    out.push(table(
        &[
            t("部分", "Section"),
            t("已完成", "Done"),
            t("总数", "Total"),
            t("完成率", "%"),
        ],
        rows,
        &[false, true, true, true],
    ));
    out.push(heading(t(
        "完成情况（按牵头单位）",
        "Completion by lead unit",
    )));
    out.push(Block::Para(
        t(
            "有两个牵头单位的里程碑计入每一个。",
            "A milestone with two lead units counts for each.",
        )
        .to_string(),
    ));
    let rows = r
        .units
        .iter()
        .map(|u| {
            [
                vec![unit_name(u.unit)],
                tally_cells(u.tally).to_vec(),
                vec![u.overdue.to_string()],
            ]
            .concat()
        })
        .collect();
    out.push(table(
        &[
            t("牵头单位", "Lead unit"),
            t("已完成", "Done"),
            t("总数", "Total"),
            t("完成率", "%"),
            t("逾期", "Overdue"),
        ],
        rows,
        &[false, true, true, true, true],
    ));
    out.push(heading(t(
        "逾期里程碑（按牵头单位）",
        "Overdue milestones by lead unit",
    )));
    if r.overdue.is_empty() {
        out.push(Block::Para(tr!(
            "截至 {as_of} 无逾期里程碑。",
            "None overdue as of {as_of}."
        )));
    }
    for (u, lates) in &r.overdue {
        let (name, k) = (unit_name(*u), lates.len());
        out.push(Block::Sub(tr!("{name}（{k} 个）", "{name} ({k})")));
        let rows = lates
            .iter()
            .map(|l| {
                let when = l
                    .milestone
                    .deadline
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let text = truncate(&cell(l.measure.text_of(l.milestone)), 80);
                vec![l.milestone.id.clone(), when, status_word(l.latest), text]
            })
            .collect();
        out.push(table(
            &[
                t("编号", "Id"),
                t("时限", "Deadline"),
                t("最新状态", "Latest status"),
                t("内容", "Milestone"),
            ],
            rows,
            &[false; 4],
        ));
    }
    if let Some(since) = r.scope.since {
        out.push(heading(&tr!("{since} 以来的变化", "Changes since {since}")));
        if r.changes.is_empty() {
            out.push(Block::Para(t("无。", "None.").to_string()));
        } else {
            let tz = TimeZone::system();
            let rows = r
                .changes
                .iter()
                .map(|c| {
                    let day = c.at.to_zoned(tz.clone()).date().to_string();
                    let by = match (c.checked, c.by.as_deref()) {
                        (Some(true), _) => t("（勾选）", "(checked off)").to_string(),
                        (Some(false), _) => t("（取消勾选）", "(unchecked)").to_string(),
                        (None, by) => cell(by.unwrap_or_default()),
                    };
                    let status = match c.checked {
                        Some(false) => String::new(),
                        _ => status_word(c.status),
                    };
                    vec![day, c.id.clone(), by, status, cell(&c.text)]
                })
                .collect();
            out.push(table(
                &[
                    t("日期", "Date"),
                    t("编号", "Id"),
                    t("报告人", "By"),
                    t("状态", "Status"),
                    t("内容", "Text"),
                ],
                rows,
                &[false; 5],
            ));
        }
    }
    out.push(heading(t("分工待核的举措", "Uncertain allocations")));
    if r.uncertain.is_empty() {
        out.push(Block::Para(t("无。", "None.").to_string()));
    } else {
        out.push(Block::Para(t(
            "原表经 PDF 提取后错乱，以下举措的牵头/配合单位为推断，请以正式文件为准。",
            "The table came garbled out of the PDF: the units of these measures are inferred; check the official document.",
        ).to_string()));
        let rows = r
            .uncertain
            .iter()
            .map(|m| {
                let other = m.alternative.as_ref().map_or_else(String::new, |a| {
                    let lead = cell(&a.lead.join("、"));
                    let support = cell(&a.support.join("、"));
                    tr!(
                        "牵头 {lead}；配合 {support}",
                        "lead {lead}; support {support}"
                    )
                });
                vec![
                    m.id.clone(),
                    cell(&m.lead.join("、")),
                    m.confidence.as_str().to_string(),
                    other,
                ]
            })
            .collect();
        out.push(table(
            &[
                t("举措", "Measure"),
                t("牵头单位", "Lead"),
                t("可信度", "Confidence"),
                t("另一读法", "Other reading"),
            ],
            rows,
            &[false; 4],
        ));
    }
    out
}

fn table(head: &[&str], rows: Vec<Vec<String>>, numeric: &[bool]) -> Block {
    Block::Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
    }
}

/// The blocks as Markdown (GitHub tables).
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(s) => out.push_str(&format!("# {s}\n\n")),
            Block::Heading(s) => out.push_str(&format!("## {s}\n\n")),
            Block::Sub(s) => out.push_str(&format!("### {s}\n\n")),
            Block::Para(s) => out.push_str(&format!("{s}\n\n")),
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(head));
                let rule: Vec<String> = numeric
                    .iter()
                    .map(|&n| if n { "---:" } else { "---" }.to_string())
                    .collect();
                out.push_str(&format!("|{}|\n", rule.join("|")));
                for r in rows {
                    out.push_str(&line(r));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
