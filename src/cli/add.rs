//! `fgf add [--embedded] PATH... | -`: notices into the workspace, each checked (or imported)
//! first.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstream::{eprintln, println};
use anyhow::anyhow;

use super::lang::{t, tr};
use super::output::json_safe;
use super::workspace::{error, open};
use crate::domain::import::{self, Kind};
use crate::domain::input::{InputError, read_regular};
use crate::domain::load::{self, LoadError};
use crate::domain::text::sanitize;
use crate::domain::workspace::{self, Added};
use crate::domain::{Catalog, validate};

/// `fgf add [--embedded] PATH...`: every file is read and checked first; if one fails, nothing is
/// added.
pub fn run(paths: &[PathBuf], embedded: bool) -> anyhow::Result<ExitCode> {
    let mut ws = open()?;
    if embedded {
        let msg = if ws.add_embedded().map_err(error)? {
            t(
                "已恢复内置的渝府办发〔2019〕103号",
                "the embedded 渝府办发〔2019〕103号 is back",
            )
        } else {
            t(
                "内置的渝府办发〔2019〕103号已在工作区中",
                "the embedded 渝府办发〔2019〕103号 is in the workspace already",
            )
        };
        println!("{msg}");
    }
    let mut read = Vec::new();
    for path in paths {
        read.push(prepare(path)?);
    }
    let docs: Vec<(&Catalog, &[u8])> = read.iter().map(|(c, j)| (c, j.as_slice())).collect();
    let added = ws.add_all(&docs).map_err(error)?;
    for ((cat, _), added) in read.iter().zip(added) {
        let label = sanitize(workspace::label(cat)).into_owned();
        match added {
            Added::New(id) => println!(
                "{}",
                tr!("已加入：{label}（{id}）", "added: {label} ({id})")
            ),
            Added::Already(id) => println!(
                "{}",
                tr!(
                    "{label} 已在工作区中（{id}），未重复加入",
                    "{label} is in the workspace already ({id}); not added twice"
                )
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A file read and checked: a JSON document as it is, anything else through the importer.
fn prepare(path: &Path) -> anyhow::Result<(Catalog, Vec<u8>)> {
    let bytes = if path == Path::new("-") {
        stdin_bytes()?
    } else {
        read_regular(path, load::MAX_BYTES).map_err(|e| {
            let p = path.display();
            let e = match e {
                InputError::Io(e) => e.to_string(),
                InputError::NotRegular(kind) => kind.to_string(),
                InputError::TooLarge(size) => format!("{size} bytes"),
            };
            anyhow!(tr!(
                "读不了 {p}：{e}；未加入",
                "cannot read {p}: {e}; nothing added"
            ))
        })?
    };
    let name = path.to_string_lossy();
    let first = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    if name.to_ascii_lowercase().ends_with(".json") || first == Some(&b'{') {
        return match load::from_bytes(&bytes) {
            Ok(cat) => Ok((cat, bytes)),
            Err(findings) => Err(LoadError::Invalid {
                path: path.to_path_buf(),
                findings,
            }
            .into()),
        };
    }
    let p = path.display();
    let (doc, report) = import::import(&bytes, Kind::guess(&name, &bytes)).map_err(|e| {
        anyhow!(tr!(
            "{p} 导入失败：{e}；未加入（fgf import {p} 查看详情）",
            "{p} cannot be imported: {e}; nothing added (fgf import {p} says more)"
        ))
    })?;
    if let Some(problem) = validate::check(&doc).first() {
        let what = format!(
            "{}: {}",
            problem.path,
            problem.message_in(super::lang::get())
        );
        return Err(anyhow!(tr!(
            "{p} 导入后未通过检查：{what}；未加入",
            "{p} does not pass the check once imported: {what}; nothing added"
        )));
    }
    let (m, n) = (report.measures, report.unplaced.len());
    eprintln!(
        "{}",
        sanitize(&tr!(
            "fgf add: 导入 {p}：{m} 条举措，{n} 行未能归入（fgf import {p} 查看详情）",
            "fgf add: imported {p}: {m} measures, {n} lines not placed (fgf import {p} says more)"
        ))
    );
    let mut json = json_safe(serde_json::to_string_pretty(&doc)?);
    json.push('\n');
    let cat = Catalog::new(doc).map_err(|e| anyhow!("{p}: {e}"))?;
    Ok((cat, json.into_bytes()))
}

/// `fgf add -`: the notice on standard input (a JSON document or anything `fgf import` reads),
/// up to the documents' size limit.
fn stdin_bytes() -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(load::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            anyhow!(tr!(
                "读不了标准输入：{e}；未加入",
                "cannot read standard input: {e}; nothing added"
            ))
        })?;
    if bytes.len() as u64 > load::MAX_BYTES {
        let max = load::MAX_BYTES;
        return Err(anyhow!(tr!(
            "标准输入超过 {max} 字节；未加入",
            "standard input is over {max} bytes; nothing added"
        )));
    }
    Ok(bytes)
}
