//! `fgf import PATH [-o OUT]`: a notice (text, .docx, .csv, .xlsx; `-` for standard input) -> a
//! format-2 document on standard output or into OUT; what was read, and what was not, on
//! standard error.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstream::eprintln;

use super::lang::{self, tr};
use super::output::json_safe;
use crate::domain::import::{self, ImportError, Kind, Report};
use crate::domain::text::sanitize;
use crate::domain::validate;

/// The most an input may hold.
const MAX_INPUT: u64 = 64 << 20;

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limited = |r: &mut dyn Read, bytes: &mut Vec<u8>| {
        r.take(MAX_INPUT + 1)
            .read_to_end(bytes)
            .map_err(|e| e.to_string())
    };
    if path == Path::new("-") {
        limited(&mut std::io::stdin().lock(), &mut bytes)?;
    } else {
        let mut f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        limited(&mut f, &mut bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if bytes.len() as u64 > MAX_INPUT {
        return Err(format!(
            "{}: over the limit of {MAX_INPUT} bytes",
            path.display()
        ));
    }
    Ok(bytes)
}

pub fn run(path: &Path, output: Option<&PathBuf>, force: bool) -> anyhow::Result<ExitCode> {
    let zh = !super::lang::is_en();
    let say = |zh_text: String, en_text: String| {
        let text = if zh { zh_text } else { en_text };
        eprintln!("{}", sanitize(&text));
    };
    if let Some(out) = output
        && out.exists()
        && !force
    {
        say(
            format!(
                "fgf import: {} 已存在，未覆盖（要覆盖请加 --force）",
                out.display()
            ),
            format!(
                "fgf import: {} exists; not overwritten (--force to replace it)",
                out.display()
            ),
        );
        return Ok(ExitCode::FAILURE);
    }
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => {
            say(
                format!("fgf import: 无法读取 {e}"),
                format!("fgf import: cannot read {e}"),
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let kind = Kind::guess(&path.to_string_lossy(), &bytes);
    let (doc, report) = match import::import(&bytes, kind) {
        Ok(r) => r,
        Err(ImportError::Unreadable(e)) => {
            say(
                format!("fgf import: {}：无法读取：{e}", path.display()),
                format!("fgf import: {}: cannot be read: {e}", path.display()),
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(ImportError::NoAllocation { scrambled }) => {
            say(
                format!(
                    "fgf import: {} 中没有找到分工：没有一项写明牵头、负责或配合单位，未生成文件",
                    path.display()
                ),
                format!(
                    "fgf import: {}: no allocation found: no item names a lead, responsible or cooperating unit; nothing written",
                    path.display()
                ),
            );
            if scrambled {
                scrambled_note(zh);
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let problems = validate::check(&doc);
    if !problems.is_empty() {
        say("fgf import: 生成的文件未通过检查（这是 fgf 的错误，请报告）：".into(), "fgf import: the document made does not pass the check (a bug in fgf, please report it):".into());
        for p in problems {
            eprintln!("  {}: {}", p.path, sanitize(p.message_in(lang::get())));
        }
        return Ok(ExitCode::FAILURE);
    }
    let mut json = json_safe(serde_json::to_string_pretty(&doc)?);
    json.push('\n');
    match output {
        Some(out) => write_new(out, &json)?,
        None => print!("{json}"),
    }
    print_report(&report);
    if report.scrambled {
        scrambled_note(zh);
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes through a temporary file in the same directory, renamed over the target.
fn write_new(out: &Path, text: &str) -> anyhow::Result<()> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or("fgf-import".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, out).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(())
}

fn scrambled_note(zh: bool) {
    let text = if zh {
        "注意：输入像是按列错乱提取的 PDF 表格（大量只有几个字的行）。这种表格不在 fgf import 的范围内：请从原文件（Word、网页）复制，或整理成 .csv / .xlsx 表格后再导入。"
    } else {
        "Note: the input looks like a PDF table extracted column by column (many lines of a few characters). Such tables are out of fgf import's scope: copy from the original (Word, web page) or make it a .csv / .xlsx table first."
    };
    eprintln!("{text}");
}

fn print_report(r: &Report) {
    let (sections, tasks, measures, deadlines) = (r.sections, r.tasks, r.measures, r.deadlines);
    let (units, encoding, names) = (r.units.len(), r.encoding, r.units.join("、"));
    let mut out = vec![
        tr!(
            "fgf import: 读出 {sections} 个部分、{tasks} 项任务、{measures} 条举措、{units} 个单位、{deadlines} 个时间节点（编码 {encoding}）",
            "fgf import: read {sections} sections, {tasks} tasks, {measures} measures, {units} units, {deadlines} deadlines ({encoding})"
        ),
        tr!(
            "新建单位（{units}）：{names}",
            "units created ({units}): {names}"
        ),
    ];
    for (short, full) in &r.resolved {
        out.push(tr!(
            "简称归并：{short} → {full}",
            "short form resolved: {short} -> {full}"
        ));
    }
    for (a, b) in &r.near {
        out.push(tr!(
            "疑似同一单位：{a} / {b}（请核对，未合并）",
            "possibly one unit: {a} / {b} (check; not merged)"
        ));
    }
    let n = r.unplaced.len();
    if n > 0 {
        out.push(tr!("未能归入的行（{n}）：", "lines not placed ({n}):"));
    }
    for (line, text) in &r.unplaced {
        let text = clip(text);
        out.push(tr!("  第 {line} 行：{text}", "  line {line}: {text}"));
    }
    for l in out {
        eprintln!("{}", sanitize(&l));
    }
}

/// A line shortened for the report.
fn clip(s: &str) -> String {
    crate::domain::text::truncate(s, 60)
}
