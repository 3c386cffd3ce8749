//! The JSON state file: where it lives, load, and a save that locks, merges with the disk and writes
//! atomically.
//!
//! A save never loses another process's changes: under the lock it reads what is on disk, merges the
//! caller's state into it (per milestone the later change wins, see [`State::merge`]) and writes the
//! result, which it returns, so that a running TUI can show what changed behind it. A file that does not
//! parse is never written over.

pub(crate) mod atomic;
mod error;
pub mod format;

use std::cmp::Ordering;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use error::StoreError;

use crate::domain::input::{InputError, read_regular};
use crate::domain::progress::State;

/// Env var that overrides the state file's location (as `--state PATH` does).
pub const ENV_STATE: &str = "FGF_STATE";

/// A state file larger than this is refused before it is read (64 MiB; a check-off of every milestone
/// of a generated 100,000-measure document takes about 20 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The state file of one document.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    document: String,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The state now on disk: the caller's merged with what was there.
    pub state: State,
    /// Milestone ids whose mark came from the disk (changed behind the caller's back).
    pub from_disk: Vec<String>,
    /// Whether the file was written (false when the disk already held the merged state).
    pub written: bool,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>, document: impl Into<String>) -> Store {
        Store {
            path: path.into(),
            document: document.into(),
        }
    }

    /// `--state PATH` (or `FGF_STATE`, which the CLI reads into the same option) if given, else the
    /// platform's data directory: `~/.local/share/fgf/DOCUMENT.json` on Linux.
    pub fn locate(explicit: Option<&Path>, document: &str) -> Result<Store, StoreError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => default_path(document)?,
        };
        Ok(Store::new(path, document))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn document(&self) -> &str {
        &self.document
    }

    /// Whether a state file exists yet.
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// The state on disk; an empty state when there is no file yet.
    pub fn load(&self) -> Result<State, StoreError> {
        Ok(self.read()?.unwrap_or_else(|| State::new(&self.document)))
    }

    /// Why this state file must not be written (it is read-only), if it must not: the interactive
    /// view then opens read-only with the reason, and a save refuses.
    pub fn read_only(&self) -> Option<StoreError> {
        let target = self.target();
        atomic::read_only(&target).map(|why| StoreError::ReadOnly { path: target, why })
    }

    /// Locks, merges `local` with the file on disk, writes the result atomically if it differs, and
    /// returns it. A malformed file or one for another document is left as it is and reported.
    pub fn save(&self, local: &State) -> Result<Saved, StoreError> {
        self.check_document(local, &self.path)?;
        self.locked(|disk| {
            // Ids where the disk's mark beats ours: changed behind the caller's back.
            let from_disk = disk
                .marks
                .iter()
                .filter(|(id, theirs)| {
                    local
                        .mark(id)
                        .is_none_or(|ours| ours.precedence(theirs) == Ordering::Less)
                })
                .map(|(id, _)| id.clone())
                .collect();
            let mut merged = disk;
            let changed = merged.merge(local);
            (merged, from_disk, !changed.is_empty())
        })
    }

    /// Replaces the file's content with `state` (import), under the lock. A malformed file on disk is
    /// still never written over.
    pub fn replace(&self, state: &State) -> Result<Saved, StoreError> {
        self.check_document(state, &self.path)?;
        self.locked(|disk| {
            let differs = &disk != state;
            (state.clone(), Vec::new(), differs)
        })
    }

    /// Runs `f(disk) -> (new state, ids from disk, changed)` under the lock and writes the new state if
    /// it changed. The state on disk is read once and moved, never copied.
    fn locked(
        &self,
        f: impl FnOnce(State) -> (State, Vec<String>, bool),
    ) -> Result<Saved, StoreError> {
        let target = self.target();
        let dir = atomic::parent(&target).unwrap_or(Path::new("."));
        atomic::create_dir(dir).map_err(|err| StoreError::CreateDir {
            path: dir.to_path_buf(),
            err,
        })?;
        let _guard = atomic::lock(&target).map_err(|err| StoreError::Lock {
            path: atomic::lock_path(&target),
            err,
        })?;
        let on_disk = read(&target, &self.document)?;
        let existed = on_disk.is_some();
        let disk = on_disk.unwrap_or_else(|| State::new(&self.document));
        let (state, from_disk, changed) = f(disk);
        let written = changed
            && (existed
                || !state.marks.is_empty()
                || !state.log.is_empty()
                || !state.verified.is_empty());
        if written {
            if let Some(why) = atomic::read_only(&target) {
                return Err(StoreError::ReadOnly { path: target, why });
            }
            atomic::write(&target, format::to_json(&state).as_bytes()).map_err(|err| {
                StoreError::Write {
                    path: target.clone(),
                    err,
                }
            })?;
        }
        atomic::remove_stale_temps(&target);
        Ok(Saved {
            state,
            from_disk,
            written,
        })
    }

    fn read(&self) -> Result<Option<State>, StoreError> {
        read(&self.path, &self.document)
    }

    /// The file a save replaces: a symlinked state file (dotfiles) is written through, not replaced.
    fn target(&self) -> PathBuf {
        match fs::symlink_metadata(&self.path) {
            Ok(m) if m.file_type().is_symlink() => match fs::read_link(&self.path) {
                Ok(link) if link.is_absolute() => link,
                Ok(link) => atomic::parent(&self.path)
                    .unwrap_or(Path::new("."))
                    .join(link),
                Err(_) => self.path.clone(),
            },
            _ => self.path.clone(),
        }
    }

    fn check_document(&self, state: &State, path: &Path) -> Result<(), StoreError> {
        if state.document == self.document {
            Ok(())
        } else {
            Err(StoreError::WrongDocument {
                path: path.to_path_buf(),
                expected: self.document.clone(),
                found: state.document.clone(),
            })
        }
    }
}

/// Reads and parses another state file (`fgf state merge OTHER.json`, `import`), which must be for
/// `document`.
pub fn read_file(path: &Path, document: &str) -> Result<State, StoreError> {
    match read(path, document)? {
        Some(s) => Ok(s),
        None => Err(StoreError::Missing {
            path: path.to_path_buf(),
        }),
    }
}

/// Reads and parses a state file whatever document it is for (a git merge driver knows no document:
/// it merges two files that name the same one).
pub fn read_any(path: &Path) -> Result<State, StoreError> {
    match read_unchecked(path)? {
        Some(s) => Ok(s),
        None => Err(StoreError::Missing {
            path: path.to_path_buf(),
        }),
    }
}

/// `None` when there is no file. Only a regular file is read (a FIFO is refused without blocking),
/// up to [`MAX_BYTES`], into one buffer that becomes the text.
fn read(path: &Path, document: &str) -> Result<Option<State>, StoreError> {
    let Some(state) = read_unchecked(path)? else {
        return Ok(None);
    };
    if state.document != document {
        return Err(StoreError::WrongDocument {
            path: path.to_path_buf(),
            expected: document.to_string(),
            found: state.document,
        });
    }
    Ok(Some(state))
}

/// [`read`] without the document check.
fn read_unchecked(path: &Path) -> Result<Option<State>, StoreError> {
    let bytes = match read_regular(path, MAX_BYTES) {
        Ok(b) => b,
        // A missing file, or a path through a plain file: nothing recorded yet (a save then says why not).
        Err(InputError::Io(e))
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(InputError::Io(err)) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                err,
            });
        }
        Err(InputError::NotRegular(kind)) => {
            return Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                kind,
            });
        }
        Err(InputError::TooLarge(size)) => {
            return Err(StoreError::TooLarge {
                path: path.to_path_buf(),
                size,
            });
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            return Err(StoreError::Malformed {
                path: path.to_path_buf(),
                line: good.iter().filter(|&&b| b == b'\n').count() + 1,
                column: String::from_utf8_lossy(&good[line_start..]).chars().count() + 1,
                field: "(top level)".to_string(),
                message: "the file is not UTF-8 text".to_string(),
            });
        }
    };
    let state = format::parse(&text, path)?;
    drop(text);
    Ok(Some(state))
}

/// `~/.local/share/fgf/DOCUMENT.json` on Linux (the platform's data directory elsewhere).
pub fn default_path(document: &str) -> Result<PathBuf, StoreError> {
    let dirs = directories::ProjectDirs::from("", "", "fgf").ok_or(StoreError::NoDataDir)?;
    Ok(dirs.data_dir().join(format!("{document}.json")))
}

#[cfg(test)]
mod tests;
