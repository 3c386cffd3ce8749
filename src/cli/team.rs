//! A team's progress in git: `fgf state merge-driver BASE OURS THEIRS` (git's %O %A %B) and
//! `fgf state git-setup [DIR]`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anstream::println;

use super::lang::tr;
use super::output::{BOLD, DIM, paint};
use crate::domain::store::{self, Store};
use crate::domain::text::sanitize;

/// The merge driver: OURS becomes OURS and THEIRS merged as `fgf state merge` merges (per milestone
/// the later change wins; log entries of both kept), written atomically under the lock. Silent on
/// success; a file that cannot be read fails, writes nothing, and git reports a conflict.
/// BASE is not needed (the merge is a join: nothing of either side is lost) and not read.
pub fn merge_driver(ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    let mine = store::read_any(ours)?;
    let other = store::read_any(theirs)?;
    if mine.document != other.document {
        let (a, b) = (sanitize(&mine.document), sanitize(&other.document));
        anyhow::bail!(tr!(
            "两个状态文件属于不同的文档（{a} 与 {b}），不能合并",
            "the two state files are for different documents ({a} and {b}): not merged"
        ));
    }
    Store::new(ours, &mine.document).save(&other)?;
    Ok(ExitCode::SUCCESS)
}

/// The line `.gitattributes` gets for a state file.
fn attribute(file: &str) -> String {
    format!("/{file} merge=fgf")
}

/// What `.gitignore` gets: the state file's temporary files (`.NAME.tmp.PID`) and lock files.
const IGNORED: [&str; 2] = [".*.tmp.*", "*.lock"];

pub fn git_setup(dir: Option<&Path>, document: &str) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or(Path::new("."));
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|why| {
        let d = sanitize(&dir.display().to_string()).into_owned();
        anyhow::anyhow!(tr!(
            "{d} 不是 git 仓库（{why}）：先 `git clone` 或 `git init`",
            "{d} is not a git repository ({why}): `git clone` or `git init` first"
        ))
    })?;
    let top = PathBuf::from(top.trim());
    let file = format!("{document}.json");
    add_lines(&top.join(".gitattributes"), &[attribute(&file).as_str()])?;
    add_lines(&top.join(".gitignore"), &IGNORED)?;
    let exe = std::env::current_exe()?;
    let exe = exe.to_string_lossy();
    let quoted = shlex::try_quote(&exe).map_err(|e| anyhow::anyhow!("{exe}: {e}"))?;
    let driver = format!("{quoted} state merge-driver %O %A %B");
    git(&top, &["config", "merge.fgf.name", "fgf state merge"]).map_err(anyhow::Error::msg)?;
    git(&top, &["config", "merge.fgf.driver", &driver]).map_err(anyhow::Error::msg)?;
    let state = top.join(&file);
    let shown = sanitize(&state.display().to_string()).into_owned();
    let quoted_state = shlex::try_quote(&shown)
        .map(|q| q.into_owned())
        .unwrap_or_else(|_| shown.clone());
    let top_shown = sanitize(&top.display().to_string()).into_owned();
    println!(
        "{}",
        paint(
            BOLD,
            &tr!(
                "{top_shown} 已设为团队进度仓库（.gitattributes、.gitignore、merge.fgf.driver）",
                "{top_shown} is set up as a team progress repository (.gitattributes, .gitignore, merge.fgf.driver)"
            )
        )
    );
    println!(
        "{}",
        paint(
            DIM,
            &tr!(
                "在每个 shell 里（或 ~/.bashrc）设置，或在每条命令加 --state {quoted_state}：",
                "set this in each shell (or ~/.bashrc), or give --state {quoted_state} to each command:"
            )
        )
    );
    println!("export FGF_STATE={quoted_state}");
    Ok(ExitCode::SUCCESS)
}

/// `git -C dir ARGS`'s stdout, or why it failed (its stderr, neutralised).
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(sanitize(err.trim()).into_owned())
    }
}

/// Appends each line the file lacks (creating it), keeping what is there.
fn add_lines(path: &Path, lines: &[&str]) -> anyhow::Result<()> {
    let old = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => anyhow::bail!("{}: {e}", sanitize(&path.display().to_string())),
    };
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !old.lines().any(|o| o.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    if !old.is_empty() && !old.ends_with('\n') {
        writeln!(f)?;
    }
    for l in missing {
        writeln!(f, "{l}")?;
    }
    Ok(())
}
