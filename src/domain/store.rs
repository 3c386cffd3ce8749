//! The JSON state file: where it lives, load, and a save that locks, merges with the disk and writes
//! atomically.
//!
//! A save never loses another process's changes: under the lock it reads what is on disk, merges the
//! caller's state into it (per milestone the later change wins, see [`State::merge`]) and writes the
//! result, which it returns, so that a running TUI can show what changed behind it. A file that does not
//! parse is never written over.

mod atomic;
mod error;
pub mod format;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use error::StoreError;

use crate::domain::progress::State;

/// Env var that overrides the state file's location (as `--state PATH` does).
pub const ENV_STATE: &str = "FGF_STATE";

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

    /// Locks, merges `local` with the file on disk, writes the result atomically if it differs, and
    /// returns it. A malformed file or one for another document is left as it is and reported.
    pub fn save(&self, local: &State) -> Result<Saved, StoreError> {
        self.check_document(local, &self.path)?;
        self.locked(|disk| {
            let mut merged = disk.clone();
            merged.merge(local);
            let mut from_disk = local.clone();
            let from_disk = from_disk.merge(disk);
            (merged, from_disk)
        })
    }

    /// Replaces the file's content with `state` (import), under the lock. A malformed file on disk is
    /// still never written over.
    pub fn replace(&self, state: &State) -> Result<Saved, StoreError> {
        self.check_document(state, &self.path)?;
        self.locked(|_| (state.clone(), Vec::new()))
    }

    /// Runs `f(disk) -> (new state, ids from disk)` under the lock and writes the new state if it differs.
    fn locked(&self, f: impl FnOnce(&State) -> (State, Vec<String>)) -> Result<Saved, StoreError> {
        let target = self.target();
        let dir = atomic::parent(&target).unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|err| StoreError::CreateDir {
            path: dir.to_path_buf(),
            err,
        })?;
        let _guard = atomic::lock(&target).map_err(|err| StoreError::Lock {
            path: atomic::lock_path(&target),
            err,
        })?;
        let on_disk = read(&target, &self.document)?;
        let disk = on_disk
            .clone()
            .unwrap_or_else(|| State::new(&self.document));
        let (state, from_disk) = f(&disk);
        let written =
            on_disk.as_ref() != Some(&state) && !(on_disk.is_none() && state.marks.is_empty());
        if written {
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

/// `None` when there is no file.
fn read(path: &Path, document: &str) -> Result<Option<State>, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        // A missing file, or a path through a plain file: nothing recorded yet (a save then says why not).
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(StoreError::Malformed {
                path: path.to_path_buf(),
                line: 1,
                column: 0,
                field: "(top level)".to_string(),
                message: "the file is not UTF-8 text".to_string(),
            });
        }
        Err(err) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                err,
            });
        }
    };
    let state = format::parse(&text, path)?;
    if state.document != document {
        return Err(StoreError::WrongDocument {
            path: path.to_path_buf(),
            expected: document.to_string(),
            found: state.document,
        });
    }
    Ok(Some(state))
}

/// `~/.local/share/fgf/DOCUMENT.json` on Linux (the platform's data directory elsewhere).
pub fn default_path(document: &str) -> Result<PathBuf, StoreError> {
    let dirs = directories::ProjectDirs::from("", "", "fgf").ok_or(StoreError::NoDataDir)?;
    Ok(dirs.data_dir().join(format!("{document}.json")))
}

#[cfg(test)]
mod tests;
