//! `fgf log ID TEXT [--status S] [--by NAME]`: a dated entry in a milestone's or measure's progress
//! log; and how the log and the latest status are shown by the other commands.

use std::process::ExitCode;

use anstream::{eprintln, println};
use jiff::Timestamp;

use super::EXIT_UNKNOWN;
use super::context::Global;
use super::lang::{is_en, t, tr};
use super::output::{BOLD, DIM, DONE, ID, WARN, id_arg, paint};
use crate::domain::progress::log::one_line;
use crate::domain::progress::{Entry, History, LogStatus, milestone_ids};
use crate::domain::text::sanitize;
use crate::domain::{Catalog, Item, Progress};

/// `--status`: the English names or the Chinese words.
pub fn parse_status(text: &str) -> Result<LogStatus, String> {
    text.parse::<LogStatus>().map_err(|_| {
        tr!(
            "不认识的状态 {text:?}：可用 未启动 / 推进中 / 已完成 / 受阻（或 not-started / in-progress / done / blocked）",
            "unknown status {text:?}: use not-started, in-progress, done or blocked (or 未启动 / 推进中 / 已完成 / 受阻)"
        )
    })
}

pub fn run(
    cat: &Catalog,
    g: &Global,
    id: &str,
    text: &str,
    status: Option<LogStatus>,
    by: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let id = id_arg(id);
    let milestones = match cat.get(&id) {
        Some(Item::Task(..)) => {
            eprintln!(
                "fgf: {}",
                tr!(
                    "{id} 是一项任务：进度日志记在举措（如 {id}.1）或里程碑（如 {id}.1.1）上；什么也没有改",
                    "{id} is a task: the log is kept on a measure (such as {id}.1) or a milestone (such as {id}.1.1); nothing was changed"
                )
            );
            return Ok(ExitCode::from(EXIT_UNKNOWN));
        }
        Some(_) => milestone_ids(cat, &id).unwrap_or_default(),
        None => {
            super::output::unknown_unchanged(cat, &id);
            return Ok(ExitCode::from(EXIT_UNKNOWN));
        }
    };
    let text = one_line(text);
    if text.is_empty() && status.is_none() {
        anyhow::bail!(tr!(
            "日志内容是空的：写上进展，或用 --status 给出状态",
            "the log text is empty: say what happened, or give a --status"
        ));
    }
    let by = match by.map(one_line).filter(|b| !b.is_empty()) {
        Some(b) => b,
        None => default_author(),
    };
    let store = g.store(cat)?;
    let mut p = Progress::new(super::context::load_state(&store)?);
    let now = Timestamp::now();
    let checked = if status == Some(LogStatus::Done) {
        p.check(&milestones, None, now).checked().count()
    } else {
        0
    };
    let entry = Entry {
        at: now,
        by,
        status,
        text,
    };
    p.add_entry(&id, entry.clone());
    let saved = store.save(p.state())?;
    if !saved.state.log.get(&id).is_some_and(|l| l.contains(&entry)) {
        anyhow::bail!("the log entry on {id} was not saved");
    }
    let who = sanitize(&entry.by);
    let what = sanitize(&entry.text);
    let label = status.map(|s| format!("{}  ", status_text(s)));
    println!(
        "✎ {}  {}{what}  {}",
        paint(ID, &id),
        label.unwrap_or_default(),
        paint(DIM, &tr!("（{who}）", "({who})"))
    );
    if checked > 0 {
        println!(
            "{}",
            paint(
                DONE,
                &tr!(
                    "✔ 已勾选 {checked} 个里程碑",
                    "✔ {checked} milestone(s) checked off"
                )
            )
        );
    }
    let p = Progress::new(saved.state);
    let overall = p.overall(cat);
    let percent = overall.percent_text();
    println!(
        "{}",
        paint(
            BOLD,
            &tr!(
                "总进度 {overall}（{percent}）",
                "overall {overall} ({percent})"
            )
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Who is writing: git's `user.name`, else the login name, else "(unsigned)".
pub fn default_author() -> String {
    crate::domain::progress::log::author()
        .unwrap_or_else(|| t("（未署名）", "(unsigned)").to_string())
}

/// A status for people, in the run's language.
pub fn status_text(s: LogStatus) -> String {
    let word = if is_en() { s.en() } else { s.zh() };
    match s {
        LogStatus::Done => paint(DONE, word),
        LogStatus::Blocked => paint(WARN, word),
        _ => word.to_string(),
    }
}

/// `  推进中` after a milestone's state, or nothing when no status was ever reported.
pub fn latest_suffix(h: &History) -> String {
    match h.latest() {
        Some(s) if s != LogStatus::Done => format!("  {}", status_text(s)),
        _ => String::new(),
    }
}

/// The log, newest first, one line an entry (neutralised): `2026-11-25 张三 推进中：text`.
pub fn lines(h: &History) -> Vec<String> {
    h.entries
        .iter()
        .map(|e| {
            let day = e.at.to_zoned(jiff::tz::TimeZone::system()).date();
            let by = if e.by.is_empty() && e.status.is_none() {
                t("取消勾选", "unchecked").to_string()
            } else if e.by.is_empty() {
                t("勾选", "check-off").to_string()
            } else {
                sanitize(&e.by).into_owned()
            };
            let status = e.status.map(status_text).unwrap_or_default();
            let text = sanitize(&e.text);
            let sep = if status.is_empty() || text.is_empty() {
                ""
            } else {
                t("：", ": ")
            };
            format!("{day} {by} {status}{sep}{text}")
        })
        .collect()
}
