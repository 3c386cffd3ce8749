//! What every command needs: the global options, the document, the store they point at, and "today".

use std::path::PathBuf;

use jiff::Zoned;
use jiff::civil::Date;

use super::lang::tr;
use crate::domain::store::ENV_STATE;
use crate::domain::{Catalog, State, Store, StoreError, load};

/// The environment variable that names a document to use instead of the embedded one.
pub const ENV_DOC: &str = "FGF_DOC";

/// Options that go before or after any command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Global {
    /// Use this document (fgf's JSON format, see `fgf doc schema`) instead of the embedded
    /// 渝府办发〔2019〕103号 [env: FGF_DOC].
    #[arg(long, global = true, value_name = "PATH")]
    pub doc: Option<PathBuf>,
    /// The state file [env: FGF_STATE] [default: ~/.local/share/fgf/<document id>.json on Linux;
    /// `fgf state path` prints it].
    #[arg(long, global = true, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// Take DATE (YYYY-MM-DD) as today for overdue marks, e.g. 2019-10-18 shows the plan as it stood.
    #[arg(long, global = true, value_name = "DATE", value_parser = as_of_date)]
    pub as_of: Option<Date>,
}

impl Global {
    /// `--as-of`, else the real date where the user is.
    pub fn today(&self) -> Date {
        self.as_of.unwrap_or_else(|| Zoned::now().date())
    }

    /// `--doc`, else `FGF_DOC` (an empty one counts as unset).
    pub fn doc_path(&self) -> Option<PathBuf> {
        let env = std::env::var_os(ENV_DOC).map(PathBuf::from);
        [self.doc.clone(), env]
            .into_iter()
            .flatten()
            .find(|p| !p.as_os_str().is_empty())
    }

    /// The document every command and the interactive view work on: `--doc` / `FGF_DOC` (a
    /// file, or a notice of the workspace by id or 文号), checked in full (an invalid one fails
    /// with every problem listed), else the workspace's only notice (the embedded 103号 unless
    /// the user changed the workspace).
    pub fn catalog(&self) -> anyhow::Result<Catalog> {
        match self.doc_path() {
            Some(path) => super::workspace::by_key(&path),
            None => super::workspace::only(),
        }
    }

    /// The state file of the document, from `--state` / `FGF_STATE` or the data directory.
    pub fn store(&self, cat: &Catalog) -> anyhow::Result<Store> {
        self.store_of(&cat.doc.id)
    }

    /// `store` for the document with this id.
    pub fn store_of(&self, id: &str) -> anyhow::Result<Store> {
        // Read here rather than by clap, so that an empty FGF_STATE counts as unset.
        let env = std::env::var_os(ENV_STATE).map(PathBuf::from);
        let path = [self.state.clone(), env]
            .into_iter()
            .flatten()
            .find(|p| !p.as_os_str().is_empty());
        Ok(Store::locate(path.as_deref(), id)?)
    }
}

/// `--as-of DATE`: a calendar date written YYYY-MM-DD (full-width digits as typed by a Chinese
/// input method too); anything else is refused naming the flag and the form, not the parser's
/// internals.
fn as_of_date(text: &str) -> Result<Date, String> {
    date_arg(text, "--as-of")
}

/// `fgf report --since DATE`, read as `--as-of` is.
pub fn since_date(text: &str) -> Result<Date, String> {
    date_arg(text, "--since")
}

fn date_arg(text: &str, flag: &str) -> Result<Date, String> {
    let ascii = crate::domain::text::half_width(text);
    let ascii = ascii.trim();
    let shaped = ascii.len() == 10
        && ascii.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    match shaped.then(|| ascii.parse::<Date>()) {
        Some(Ok(d)) => Ok(d),
        Some(Err(_)) => Err(tr!(
            "{ascii} 不是日历上的日期（月份 01–12，日要在该月之内）",
            "{ascii} is not a day of the calendar (month 01-12, day within the month)"
        )),
        None => Err(tr!(
            "{flag} 要写作 YYYY-MM-DD 的日期，如 2019-10-18（不接受 {text:?} 这类词）",
            "{flag} takes a date written YYYY-MM-DD, e.g. 2019-10-18 (not words such as {text:?})"
        )),
    }
}

/// A document from this size is loaded with transparent huge pages allowed (see `huge_pages`).
const LARGE: u64 = 1 << 20;

/// `load::from_path`, with huge pages allowed for a large document.
pub fn load_file(path: &std::path::Path) -> Result<Catalog, load::LoadError> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() >= LARGE) {
        huge_pages(true);
    }
    load::from_path(path)
}

/// Whether the kernel may back fgf's memory with transparent huge pages (Linux; elsewhere a no-op).
/// The allocator (mimalloc) asks for them. Loading a large document they make faster (a few hundred
/// page faults instead of tens of thousands), but assembling one can stall a small process for tens
/// of milliseconds: the interactive view on the embedded document then took up to 45 ms to show its
/// first frame instead of under 20. So main.rs turns them off before the first allocation, and
/// `load_file` turns them on for a large document (BENCHMARKS.md).
pub fn huge_pages(on: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes an integer flag and changes no memory of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(!on), 0, 0, 0);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on;
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn huge_pages_turn_the_process_flag() {
        // SAFETY: PR_GET_THP_DISABLE only reads the flag.
        let disabled = || unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        super::huge_pages(false);
        assert_eq!(disabled(), 1);
        super::huge_pages(true);
        assert_eq!(disabled(), 0);
    }
}

/// The state files read by `super::verified` before the command, kept for the command to take.
static READ: std::sync::Mutex<Vec<(PathBuf, State)>> = std::sync::Mutex::new(Vec::new());

/// A state file's check-offs, read once a run: the verified readings are applied from it before
/// the command runs (`super::verified`, which [`keep_state`]s it), and the command then takes that
/// reading instead of reading the file again (across a workspace: one read a notice, not two). A
/// run is one moment; a save still re-reads the file under its lock and merges.
pub fn load_state(store: &Store) -> Result<State, StoreError> {
    let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
    match read.iter().position(|(p, _)| p == store.path()) {
        Some(i) => Ok(read.swap_remove(i).1),
        None => {
            drop(read);
            store.load()
        }
    }
}

/// Keeps a reading of `store`'s file for the command that follows (moved, not copied).
pub fn keep_state(store: &Store, state: State) {
    let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
    read.push((store.path().to_path_buf(), state));
}

#[cfg(test)]
mod read_once {
    use super::*;
    use crate::domain::store::format;

    #[test]
    fn a_state_file_kept_for_the_command_is_read_once_then_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let store = Store::locate(Some(&path), "doc").unwrap();
        let mut first = State::new("doc");
        first.marks.insert(
            "1.1.1".into(),
            crate::domain::progress::Mark {
                done: true,
                at: "2020-01-01T00:00:00Z".parse().unwrap(),
                note: None,
            },
        );
        std::fs::write(&path, format::to_json(&first)).unwrap();
        let read = store.load().unwrap();
        assert_eq!(read, first);
        keep_state(&store, read);
        // Changed on disk after the first read: the command takes the reading it was kept.
        std::fs::write(&path, format::to_json(&State::new("doc"))).unwrap();
        assert_eq!(load_state(&store).unwrap(), first);
        // Taken once: the next read is of the file as it is now.
        assert_eq!(load_state(&store).unwrap(), State::new("doc"));
    }
}
