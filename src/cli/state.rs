//! `fgf state path|check|export|import|merge`: the state file itself.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstream::println;
use clap::Subcommand;

use super::context::Global;
use super::lang::{t, tr};
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
    /// A git merge driver (git passes %O %A %B): merges THEIRS into OURS as `merge` does, silently;
    /// fails, writing nothing, on a file it cannot read (git then reports a conflict).
    #[command(
        name = "merge-driver",
        after_help = "Set up by `fgf state git-setup`, which runs:\n  git config merge.fgf.driver 'fgf state merge-driver %O %A %B'"
    )]
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
    },
    /// Make a git repository a team's progress repository: .gitattributes, .gitignore, the merge
    /// driver in git config; prints the FGF_STATE line to use.
    #[command(
        name = "git-setup",
        after_help = "Example:\n  git clone git@example.org:office/progress.git && cd progress\n  fgf state git-setup"
    )]
    GitSetup { dir: Option<PathBuf> },
}

pub fn run(cat: &Catalog, g: &Global, cmd: StateCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        StateCommand::MergeDriver { ours, theirs, .. } => {
            return super::team::merge_driver(&ours, &theirs);
        }
        StateCommand::GitSetup { dir } => {
            return super::team::git_setup(dir.as_deref(), &cat.doc.id);
        }
        _ => {}
    }
    let store = g.store(cat)?;
    match cmd {
        StateCommand::Path => {
            println!("{}", safe(store.path()));
        }
        StateCommand::Check { file } => {
            let (path, state) = match file {
                Some(f) => {
                    let s = store::read_file(&f, &cat.doc.id)?;
                    (f, s)
                }
                None if !store.exists() => {
                    let path = safe(store.path());
                    println!(
                        "{}",
                        tr!(
                            "{path}：还没有状态文件（什么也没勾选）；第一次 `fgf check` 时创建",
                            "{path}: no state file yet (nothing checked off); it is created at the first `fgf check`"
                        )
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
                let (file, n, ids) = (file.display(), dropped.len(), dropped.join(", "));
                anyhow::bail!(tr!(
                    "导入 {file} 会丢掉我们这边 {n} 处较新的改动（{ids}）；\
                     要两边都保留请用 `fgf state merge {file}`，要替换请加 --force",
                    "importing {file} would drop {n} newer change(s) of ours ({ids}); \
                     use `fgf state merge {file}` to keep both, or --force to replace"
                ));
            }
            store.replace(&incoming)?;
            let (file, path) = (safe(&file), safe(store.path()));
            println!(
                "{}",
                tr!("已将 {file} 导入 {path}", "imported {file} into {path}")
            );
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
            theirs.forget(&unknown);
            let mut before = store.load()?;
            let taken = before.merge(&theirs);
            let saved = store.save(&theirs)?;
            let (file, n) = (safe(&file), taken.len());
            println!(
                "{}",
                tr!(
                    "已合并 {file}：收入 {n} 处里程碑改动",
                    "merged {file}: {n} milestone change(s) taken in"
                )
            );
            if !taken.is_empty() {
                println!("  {}", paint(DIM, &safe_list(&taken)));
            }
            lacking(&unknown, true);
            describe(cat, store.path(), &saved.state);
        }
        StateCommand::MergeDriver { .. } | StateCommand::GitSetup { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// What a valid state file holds.
fn describe(cat: &Catalog, path: &Path, state: &State) {
    let p = Progress::new(state.clone());
    let overall = p.overall(cat);
    let reopened = state.marks.values().filter(|m| !m.done).count();
    let notes = state.marks.values().filter(|m| m.note.is_some()).count();
    let entries = state.entry_count();
    let (version, document) = (format::VERSION, &state.document);
    println!(
        "{}: {} {}",
        safe(path),
        paint(BOLD, t("有效的状态文件", "valid state file")),
        tr!(
            "（格式版本 {version}，文档 {document}）",
            "(version {version}, document {document})"
        )
    );
    let percent = overall.percent_text();
    println!(
        "  {}",
        tr!(
            "已勾选本文件里程碑 {overall}（{percent}）；{reopened} 个又改为未完成；{notes} 个有备注",
            "checked off {overall} of the document's milestones ({percent}); {reopened} unchecked again; {notes} with a note"
        )
    );
    if entries > 0 {
        println!(
            "  {}",
            tr!("进度日志 {entries} 条", "{entries} progress log entries")
        );
    }
    let verified = state.verified.values().filter(|v| !v.cleared).count();
    if !state.verified.is_empty() {
        let cleared = state.verified.len() - verified;
        println!(
            "  {}",
            tr!(
                "{verified} 条核实过的分工读法；{cleared} 条又撤销",
                "{verified} verified reading(s) of an allocation; {cleared} cleared again"
            )
        );
    }
    lacking(&state.unknown_ids(cat), false);
}

/// A path for people: file names are untrusted text too.
fn safe(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// `N id(s) this document lacks, kept untouched / not taken in: …` (nothing when there are none),
/// the ids neutralised. `refused`: a merge left them out.
fn lacking<S: AsRef<str>>(ids: &[S], refused: bool) {
    if !ids.is_empty() {
        let (n, ids) = (ids.len(), safe_list(ids));
        let text = if refused {
            tr!(
                "{n} 个本文件没有的编号，未收入：{ids}",
                "{n} id(s) this document lacks, not taken in: {ids}"
            )
        } else {
            tr!(
                "{n} 个本文件没有的编号，原样保留：{ids}",
                "{n} id(s) this document lacks, kept untouched: {ids}"
            )
        };
        println!("  {}", paint(WARN, &text));
    }
}
