//! `fgf doc check|schema|generate`: documents other than the embedded one.

use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{eprintln, println};
use clap::Subcommand;

use super::lang::tr;
use super::output::{json_safe, safe_lines};
use crate::domain::load::LoadError;
use crate::domain::{generate, shape};

#[derive(Debug, Subcommand)]
pub enum DocCommand {
    /// Check a document file: every problem, each with its JSON path, line and column.
    /// Exit 0 when it is valid, 1 when it is not.
    #[command(after_help = "Example:\n  fgf doc check 国办发-2019-39.json")]
    Check { path: PathBuf },
    /// Print the JSON Schema of fgf's document format (docs/document.schema.json).
    Schema,
    /// Print a valid synthetic document: the embedded document's clauses and units recombined.
    #[command(
        after_help = "Examples:\n  fgf doc generate --measures 100000 --seed 7 > big.json\n  fgf doc generate --measures 100 --seed 3 --id gen-3 > gen-3.json"
    )]
    Generate {
        /// Number of measures (10 a task).
        #[arg(long, default_value_t = 1000)]
        measures: usize,
        /// The same seed gives the same document.
        #[arg(long, default_value_t = 2019)]
        seed: u64,
        /// The document's id (its 文号 then ends with it), so that generated documents can share a
        /// workspace: `--id gen-7`.
        #[arg(long)]
        id: Option<String>,
    },
}

pub fn run(cmd: DocCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DocCommand::Check { path } => check(path),
        DocCommand::Schema => {
            print!("{}", shape::schema_text());
            Ok(ExitCode::SUCCESS)
        }
        DocCommand::Generate { measures, seed, id } => {
            let mut doc = generate::document(measures, seed);
            if let Some(id) = id {
                doc.number = format!("{}〔{id}〕", doc.number);
                doc.id = id;
            }
            println!("{}", json_safe(serde_json::to_string_pretty(&doc)?));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(path: PathBuf) -> anyhow::Result<ExitCode> {
    match super::context::load_file(&path) {
        Ok(cat) => {
            let measures = cat.measures().count();
            let milestones: usize = cat.measures().map(|(_, _, m)| m.milestones.len()).sum();
            let (path, sections) = (
                safe_lines(&path.display().to_string()),
                cat.doc.sections.len(),
            );
            let (tasks, units) = (cat.tasks().count(), cat.doc.units.len());
            println!(
                "{}",
                tr!(
                    "{path}：有效的 fgf 文档：{sections} 个部分、{tasks} 项任务、{measures} 条举措、{milestones} 个里程碑、{units} 个单位",
                    "{path}: a valid fgf document: {sections} sections, {tasks} tasks, {measures} measures, {milestones} milestones, {units} units"
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(LoadError::Invalid { path, findings }) => {
            let mut out = String::new();
            for f in &findings {
                let f = f.text_in(super::lang::get());
                out.push_str(&format!("{}:{f}\n", path.display()));
            }
            print!("{}", safe_lines(&out));
            let (path, n) = (safe_lines(&path.display().to_string()), findings.len());
            eprintln!(
                "fgf: {}",
                tr!(
                    "{path} 不是有效的 fgf 文档：{n} 处问题",
                    "{path} is not a valid fgf document: {n} problem(s)"
                )
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!("fgf: {}", super::error_text(&e.into()));
            Ok(ExitCode::FAILURE)
        }
    }
}
