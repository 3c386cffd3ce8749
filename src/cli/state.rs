//! `fgf state path|check|export|import|merge`: the state file itself.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstream::println;
use clap::Subcommand;

use super::context::Global;
use super::output::{BOLD, DIM, WARN, paint, safe_list};
use crate::domain::progress::State;
use crate::domain::store::{self, format};
use crate::domain::text::sanitize;
use crate::domain::{Catalog, Progress};

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Print where the state file is (it may not exist yet).
    Path,
    /// Validate the state file (or FILE): say exactly what is wrong and where, or what it holds.
    #[command(after_help = "Examples:\n  fgf state check\n  fgf state check colleague.json")]
    Check { file: Option<PathBuf> },
    /// Print the state as JSON (the file's format) to stdout, e.g. to carry it to another machine.
    #[command(after_help = "Example:\n  fgf state export > fgf-state.json")]
    Export,
    /// Replace the state with FILE; refuses to drop check-offs FILE lacks unless --force.
    #[command(after_help = "Example:\n  fgf state import fgf-state.json")]
    Import {
        file: PathBuf,
        /// Replace even if check-offs or later changes of ours would be lost.
        #[arg(long)]
        force: bool,
    },
    /// Merge another state file into ours: per milestone the later change wins (as concurrent saves).
    #[command(after_help = "Example:\n  fgf state merge ~/sync/colleague.json")]
    Merge { file: PathBuf },
}

pub fn run(cat: &Catalog, g: &Global, cmd: StateCommand) -> anyhow::Result<ExitCode> {
    let store = g.store(cat)?;
    match cmd {
        StateCommand::Path => {
            println!("{}", store.path().display());
        }
        StateCommand::Check { file } => {
            let (path, state) = match file {
                Some(f) => {
                    let s = store::read_file(&f, &cat.doc.id)?;
                    (f, s)
                }
                None if !store.exists() => {
                    println!(
                        "{}: no state file yet (nothing checked off); it is created at the first `fgf check`",
                        safe(store.path())
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                None => (store.path().to_path_buf(), store.load()?),
            };
            describe(cat, &path, &state);
        }
        StateCommand::Export => {
            // Notes come from people and merged files: C1 and bidi controls escaped too.
            print!(
                "{}",
                super::output::json_safe(format::to_json(&store.load()?))
            );
        }
        StateCommand::Import { file, force } => {
            let incoming = store::read_file(&file, &cat.doc.id)?;
            let ours = store.load()?;
            // Ids where our mark is newer than the file's (or the file has none): a replace drops them.
            let dropped = incoming.clone().merge(&ours);
            if !dropped.is_empty() && !force {
                anyhow::bail!(
                    "importing {} would drop {} newer change(s) of ours ({}); \
                     use `fgf state merge {}` to keep both, or --force to replace",
                    file.display(),
                    dropped.len(),
                    dropped.join(", "),
                    file.display()
                );
            }
            store.replace(&incoming)?;
            println!("imported {} into {}", safe(&file), safe(store.path()));
            describe(cat, store.path(), &incoming);
        }
        StateCommand::Merge { file } => {
            let mut theirs = store::read_file(&file, &cat.doc.id)?;
            // Ids this document lacks are refused: a colleague's file is untrusted, and what we take in
            // is kept in our file and shown by every later command.
            let unknown: Vec<String> = theirs
                .unknown_ids(cat)
                .into_iter()
                .map(String::from)
                .collect();
            theirs.marks.retain(|id, _| !unknown.contains(id));
            let mut before = store.load()?;
            let taken = before.merge(&theirs);
            let saved = store.save(&theirs)?;
            println!(
                "merged {}: {} milestone change(s) taken in",
                safe(&file),
                taken.len()
            );
            if !taken.is_empty() {
                println!("  {}", paint(DIM, &safe_list(&taken)));
            }
            lacking(&unknown, "not taken in");
            describe(cat, store.path(), &saved.state);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a valid state file holds.
fn describe(cat: &Catalog, path: &Path, state: &State) {
    let p = Progress::new(state.clone());
    let overall = p.overall(cat);
    let reopened = state.marks.values().filter(|m| !m.done).count();
    let notes = state.marks.values().filter(|m| m.note.is_some()).count();
    println!(
        "{}: {} (version {}, document {})",
        safe(path),
        paint(BOLD, "valid state file"),
        format::VERSION,
        sanitize(&state.document)
    );
    println!(
        "  checked off {overall} of the document's milestones ({}%); {reopened} unchecked again; {notes} with a note",
        overall.percent()
    );
    lacking(&state.unknown_ids(cat), "kept untouched");
}

/// A path for people: file names are untrusted text too.
fn safe(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// `N id(s) this document lacks, WHAT: …` (nothing when there are none), the ids neutralised.
fn lacking<S: AsRef<str>>(ids: &[S], what: &str) {
    if !ids.is_empty() {
        let text = format!(
            "{} id(s) this document lacks, {what}: {}",
            ids.len(),
            safe_list(ids)
        );
        println!("  {}", paint(WARN, &text));
    }
}
