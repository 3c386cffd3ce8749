//! The progress log: dated entries on a milestone or a measure (who said what, with a status).
//!
//! Entries are a set per id: merging two copies keeps every entry of both (a union, so merging stays
//! commutative, associative and idempotent). A check-off counts as an entry too: [`History`] joins a
//! milestone's entries, its measure's and its latest check-off mark, newest first, and says where the
//! milestone stands.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Mark;

/// Where a piece of work stands, as reported by people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogStatus {
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl LogStatus {
    pub const ALL: [LogStatus; 4] = [
        LogStatus::NotStarted,
        LogStatus::InProgress,
        LogStatus::Done,
        LogStatus::Blocked,
    ];

    /// The name in files and JSON: `not-started`, `in-progress`, `done`, `blocked`.
    pub fn name(self) -> &'static str {
        match self {
            LogStatus::NotStarted => "not-started",
            LogStatus::InProgress => "in-progress",
            LogStatus::Done => "done",
            LogStatus::Blocked => "blocked",
        }
    }

    /// 未启动 / 推进中 / 已完成 / 受阻
    pub fn zh(self) -> &'static str {
        match self {
            LogStatus::NotStarted => "未启动",
            LogStatus::InProgress => "推进中",
            LogStatus::Done => "已完成",
            LogStatus::Blocked => "受阻",
        }
    }

    /// The English label for people (`not started`).
    pub fn en(self) -> &'static str {
        match self {
            LogStatus::NotStarted => "not started",
            LogStatus::InProgress => "in progress",
            LogStatus::Done => "done",
            LogStatus::Blocked => "blocked",
        }
    }

    /// The next status (the TUI cycles through them).
    pub fn next(self) -> LogStatus {
        let i = LogStatus::ALL.iter().position(|&s| s == self).unwrap_or(0);
        LogStatus::ALL[(i + 1) % LogStatus::ALL.len()]
    }
}

impl fmt::Display for LogStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LogStatus {
    type Err = String;

    /// The English names (`in-progress`, `in_progress`, `inprogress`, any case) or the Chinese words.
    fn from_str(s: &str) -> Result<LogStatus, String> {
        let key: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        LogStatus::ALL
            .into_iter()
            .find(|st| key == st.name().replace('-', "") || key == st.zh())
            .ok_or_else(|| {
                format!(
                    "unknown status {s:?}: use not-started, in-progress, done, blocked \
                     (未启动 / 推进中 / 已完成 / 受阻)"
                )
            })
    }
}

/// One entry of the log. Ordered by time first, so a set of entries reads oldest to newest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a log entry: {\"at\": \"2026-11-25T13:00:00Z\", \"by\": \"张三\", \"status\"?, \"text\"}"
)]
pub struct Entry {
    pub at: Timestamp,
    /// Who reported it (a name as given; untrusted text).
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<LogStatus>,
    /// What was reported, one line (untrusted text).
    #[serde(default)]
    pub text: String,
}

/// Every id's entries (milestone or measure id -> set of entries).
pub type Log = BTreeMap<String, BTreeSet<Entry>>;

/// Adds every entry of `other` to `log`; returns the ids that gained an entry.
pub fn merge_log(log: &mut Log, other: &Log) -> Vec<String> {
    let mut changed = Vec::new();
    for (id, theirs) in other {
        let ours = log.entry(id.clone()).or_default();
        let before = ours.len();
        ours.extend(theirs.iter().cloned());
        if ours.len() != before {
            changed.push(id.clone());
        }
    }
    changed
}

/// One line for the log: trimmed, line breaks folded to spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Who is writing: git's `user.name` (as the repository of the working directory sees it), else the
/// login name (`USER`, `LOGNAME`, `USERNAME`); `None` when neither is known.
pub fn author() -> Option<String> {
    let git = std::process::Command::new("git")
        .args(["config", "--get", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| one_line(&s))
        .filter(|s| !s.is_empty());
    git.or_else(|| {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .filter_map(std::env::var_os)
            .map(|v| one_line(&v.to_string_lossy()))
            .find(|s| !s.is_empty())
    })
}

/// A milestone's log as people read it: its own entries, its measure's, and its check-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// Newest first. A check-off mark appears as an entry with an empty `by` and status done (an
    /// uncheck: no status).
    pub entries: Vec<Entry>,
    pub done: bool,
}

impl History {
    pub fn new<'a>(
        own: impl IntoIterator<Item = &'a Entry>,
        mark: Option<&Mark>,
        done: bool,
    ) -> History {
        let mut entries: Vec<Entry> = own.into_iter().cloned().collect();
        // A check-off made by `fgf log --status done` is that entry already.
        if let Some(m) = mark.map(mark_entry)
            && !entries.iter().any(|e| e.at == m.at && e.status == m.status)
        {
            entries.push(m);
        }
        entries.sort();
        entries.dedup();
        entries.reverse();
        History { entries, done }
    }

    /// The latest status: done when checked off; otherwise the latest status reported, where a
    /// reported "done" that was unchecked since reads as in progress; `None` when nothing was said.
    pub fn latest(&self) -> Option<LogStatus> {
        if self.done {
            return Some(LogStatus::Done);
        }
        self.entries.iter().find_map(|e| e.status).map(|s| match s {
            LogStatus::Done => LogStatus::InProgress,
            s => s,
        })
    }
}

/// A check-off mark shown in the log.
fn mark_entry(m: &Mark) -> Entry {
    Entry {
        at: m.at,
        by: String::new(),
        status: m.done.then_some(LogStatus::Done),
        text: m.note.clone().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(s: i64, by: &str, status: Option<LogStatus>) -> Entry {
        Entry {
            at: Timestamp::from_second(s).unwrap(),
            by: by.into(),
            status,
            text: "x".into(),
        }
    }

    #[test]
    fn statuses_parse_in_either_language_and_refuse_others() {
        assert_eq!("推进中".parse(), Ok(LogStatus::InProgress));
        assert_eq!("In_Progress".parse(), Ok(LogStatus::InProgress));
        assert_eq!("not-started".parse(), Ok(LogStatus::NotStarted));
        assert_eq!("受阻".parse(), Ok(LogStatus::Blocked));
        assert_eq!("已完成".parse(), Ok(LogStatus::Done));
        assert!(
            "almost"
                .parse::<LogStatus>()
                .unwrap_err()
                .contains("almost")
        );
    }

    #[test]
    fn a_merge_keeps_both_sides_entries_once() {
        let mut a = Log::new();
        a.entry("1.1.1".into())
            .or_default()
            .insert(entry(1, "甲", None));
        let mut b = Log::new();
        b.entry("1.1.1".into())
            .or_default()
            .insert(entry(2, "乙", None));
        b.entry("1.1.1".into())
            .or_default()
            .insert(entry(1, "甲", None));
        assert_eq!(merge_log(&mut a, &b), vec!["1.1.1".to_string()]);
        assert_eq!(a["1.1.1"].len(), 2);
        assert!(merge_log(&mut a, &b).is_empty(), "idempotent");
    }

    #[test]
    fn the_latest_status_is_done_only_while_checked_off() {
        let own = [
            entry(1, "甲", Some(LogStatus::Blocked)),
            entry(2, "乙", None),
        ];
        let h = History::new(&own, None, false);
        assert_eq!(h.latest(), Some(LogStatus::Blocked));
        assert_eq!(h.entries[0].by, "乙", "newest first");
        let said_done = [entry(3, "甲", Some(LogStatus::Done))];
        assert_eq!(
            History::new(&said_done, None, false).latest(),
            Some(LogStatus::InProgress)
        );
        assert_eq!(History::new(&[], None, false).latest(), None);
        let mark = Mark {
            done: true,
            at: Timestamp::from_second(5).unwrap(),
            note: None,
        };
        let h = History::new(&own, Some(&mark), true);
        assert_eq!(h.latest(), Some(LogStatus::Done));
        assert_eq!(h.entries.len(), 3, "the check-off is an entry too");
    }
}
