//! `fgf doc check|schema|generate`: documents other than the embedded one.

use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{eprintln, println};
use clap::Subcommand;

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
    #[command(after_help = "Example:\n  fgf doc generate --measures 100000 --seed 7 > big.json")]
    Generate {
        /// Number of measures (10 a task).
        #[arg(long, default_value_t = 1000)]
        measures: usize,
        /// The same seed gives the same document.
        #[arg(long, default_value_t = 2019)]
        seed: u64,
    },
}

pub fn run(cmd: DocCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DocCommand::Check { path } => check(path),
        DocCommand::Schema => {
            print!("{}", shape::schema_text());
            Ok(ExitCode::SUCCESS)
        }
        DocCommand::Generate { measures, seed } => {
            let doc = generate::document(measures, seed);
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
            println!(
                "{}: a valid fgf document: {} sections, {} tasks, {measures} measures, {milestones} milestones, {} units",
                safe_lines(&path.display().to_string()),
                cat.doc.sections.len(),
                cat.tasks().count(),
                cat.doc.units.len(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(LoadError::Invalid { path, findings }) => {
            let mut out = String::new();
            for f in &findings {
                out.push_str(&format!("{}:{f}\n", path.display()));
            }
            print!("{}", safe_lines(&out));
            eprintln!(
                "fgf: {} is not a valid fgf document: {} problem(s)",
                safe_lines(&path.display().to_string()),
                findings.len()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!("fgf: {}", safe_lines(&e.to_string()));
            Ok(ExitCode::FAILURE)
        }
    }
}
