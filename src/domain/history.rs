//! The search history: the queries a user ran, oldest first, kept in the data directory
//! (`~/.local/share/fgf/search-history.json` on Linux) for every notice and session alike.
//!
//! Bounded ([`LIMIT`] queries, each at most [`MAX_QUERY`] characters), deduplicated (running a
//! query again moves it to the end), and never holding a control character: a query is
//! neutralised before it is kept.
//!
//! The file is the user's: one fgf cannot read (not JSON, an unknown version, an entry with a
//! control character, too large, not a regular file, read-only) is left exactly as it is. Its
//! queries are not offered and nothing is written over it, so a hand edit gone wrong or a newer
//! fgf's file is never replaced by a shorter list; the error names the file and where. A query
//! is remembered under the data directory's lock: the file is read again, the query added, and
//! the file replaced atomically, so two sessions never lose each other's queries.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Lang;
use super::input::{InputError, read_regular};
use super::store::atomic;
use super::text::sanitize;

/// The most queries kept.
pub const LIMIT: usize = 500;
/// The longest query kept, in characters (a longer one is not remembered).
pub const MAX_QUERY: usize = 1000;
/// Larger than this the file is not read (500 queries of 1000 characters fit).
const MAX_FILE: u64 = 2 << 20;
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryFile {
    version: u32,
    /// Oldest first.
    queries: Vec<String>,
}

/// Why the history file was not read or not written. It is never written over when unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryError {
    pub path: PathBuf,
    /// Where in the file, if the problem is at a place: line and column.
    pub at: Option<(usize, usize)>,
    pub why: String,
}

impl HistoryError {
    fn new(path: &Path, at: Option<(usize, usize)>, why: impl Into<String>) -> HistoryError {
        HistoryError {
            path: path.to_path_buf(),
            at,
            why: why.into(),
        }
    }

    /// The error in `lang`, naming the file (neutralised: a path is untrusted text too).
    pub fn describe(&self, lang: Lang) -> String {
        let path = sanitize(&self.path.to_string_lossy()).into_owned();
        let why = sanitize(&self.why).into_owned();
        match (lang, self.at) {
            (Lang::Zh, Some((l, c))) => {
                // A place in the file: serde_json's words for it.
                let why = super::lang::json_message(&why, lang);
                format!("搜索历史 {path} 第 {l} 行第 {c} 列：{why}（未读取，也不会覆盖）")
            }
            (Lang::Zh, None) => format!("搜索历史 {path}：{why}（未读取，也不会覆盖）"),
            (Lang::En, Some((l, c))) => format!(
                "search history {path}, line {l}, column {c}: {why} (not read, left untouched)"
            ),
            (Lang::En, None) => {
                format!("search history {path}: {why} (not read, left untouched)")
            }
        }
    }
}

/// Where the history is kept: the platform's data directory for fgf.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "fgf")?;
    Some(dirs.data_dir().join("search-history.json"))
}

/// A query as kept: neutralised, trimmed; `None` when empty or too long.
pub fn clean(query: &str) -> Option<String> {
    let q = sanitize(query);
    let q = q.trim();
    let n = q.chars().count();
    (n > 0 && n <= MAX_QUERY).then(|| q.to_string())
}

/// Adds `query` at the end (moved there if it was already kept), keeping the last [`LIMIT`].
/// Returns whether it was kept.
pub fn push(list: &mut Vec<String>, query: &str) -> bool {
    let Some(q) = clean(query) else { return false };
    list.retain(|x| *x != q);
    list.push(q);
    if list.len() > LIMIT {
        list.drain(..list.len() - LIMIT);
    }
    true
}

/// The queries in the file at `path`, oldest first; none when there is no file yet.
pub fn load(path: &Path) -> Result<Vec<String>, HistoryError> {
    let bytes = match read_regular(path, MAX_FILE) {
        Ok(b) => b,
        Err(InputError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(InputError::Io(e)) => return Err(HistoryError::new(path, None, e.to_string())),
        Err(InputError::NotRegular(kind)) => {
            return Err(HistoryError::new(
                path,
                None,
                format!("not a regular file ({kind})"),
            ));
        }
        Err(InputError::TooLarge(n)) => {
            let why = format!("{n} bytes, over the limit of {MAX_FILE}");
            return Err(HistoryError::new(path, None, why));
        }
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| HistoryError::new(path, None, format!("not UTF-8 text: {e}")))?;
    let file: HistoryFile = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let said = e.to_string();
        let why = said.trim_end_matches(&format!(" at line {line} column {column}"));
        HistoryError::new(path, Some((line, column)), why)
    })?;
    if file.version != VERSION {
        let why = format!(
            "version {} (this fgf reads version {VERSION})",
            file.version
        );
        return Err(HistoryError::new(path, None, why));
    }
    if file.queries.len() > LIMIT {
        let why = format!("{} queries, over the limit of {LIMIT}", file.queries.len());
        return Err(HistoryError::new(path, None, why));
    }
    for (i, q) in file.queries.iter().enumerate() {
        if clean(q).as_ref() != Some(q) {
            let why = format!(
                "query {} is empty, too long or holds a control character",
                i + 1
            );
            return Err(HistoryError::new(path, None, why));
        }
    }
    Ok(file.queries)
}

/// Adds `query` to the file at `path` under the directory's lock, with what other sessions
/// added meanwhile; returns the list as saved. An unreadable or read-only file is not written.
pub fn remember(path: &Path, query: &str) -> Result<Vec<String>, HistoryError> {
    let io = |e: std::io::Error| HistoryError::new(path, None, e.to_string());
    if let Some(dir) = atomic::parent(path) {
        atomic::create_dir(dir).map_err(io)?;
    }
    let _lock = atomic::lock(path).map_err(io)?;
    let mut list = load(path)?;
    if let Some(why) = atomic::read_only(path) {
        return Err(HistoryError::new(path, None, format!("read-only ({why})")));
    }
    if !push(&mut list, query) {
        return Ok(list);
    }
    let file = HistoryFile {
        version: VERSION,
        queries: list,
    };
    let mut json = serde_json::to_string_pretty(&file).expect("strings serialise");
    json.push('\n');
    atomic::write(path, json.as_bytes()).map_err(io)?;
    Ok(file.queries)
}

#[cfg(test)]
mod tests;
