//! The workspace: every notice a person follows, kept in the data directory next to the state
//! files (`~/.local/share/fgf/workspace/` on Linux). Each notice is a validated format-2 (or 1)
//! document stored as `notices/ID.json`; `workspace.json` says whether the embedded 103号 is part of
//! it and keeps the unit aliases the user gave (`fgf unit alias`). Writes are atomic and serialised
//! by the store's lock; the directory is private (0700). Check-offs stay in the per-notice state
//! files: nothing here touches them.

pub mod bodies;
mod error;
pub mod scope;
pub mod units;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use error::WorkspaceError;

use super::catalog::Catalog;
use super::input::{InputError, read_regular};
use super::load::{self, LoadError};
use super::model::Document;
use super::seeds;
use super::store::atomic;

/// The manifest's format version.
const FORMAT: u32 = 1;
/// The manifest's file name, in the workspace directory.
const MANIFEST: &str = "workspace.json";
/// The manifest is small: anything larger is not one.
const MANIFEST_MAX: u64 = 4 << 20;

/// What the workspace keeps besides the notices themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    /// Whether the embedded 渝府办发〔2019〕103号 is part of the workspace.
    embedded: bool,
    /// Unit names the user said are one body (`fgf unit alias NAME OTHER`).
    #[serde(default)]
    aliases: Vec<[String; 2]>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            format: FORMAT,
            embedded: true,
            aliases: Vec::new(),
        }
    }
}

/// Where a notice of the workspace is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The document compiled into fgf.
    Embedded,
    /// The stored copy, `notices/ID.json`.
    File(PathBuf),
}

/// One notice of the workspace, not yet loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub source: Source,
}

impl Entry {
    /// The notice, read and checked (the stored copy was checked when added, but it is a file a
    /// person may have edited since: it is checked again, with every problem located).
    pub fn load(&self) -> Result<Catalog, LoadError> {
        match &self.source {
            Source::Embedded => Ok(seeds::embedded()),
            Source::File(path) => load::from_path(path),
        }
    }
}

/// What `add` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored under this id.
    New(String),
    /// The same document is already there, under this id: nothing written.
    Already(String),
}

/// The workspace in its directory.
#[derive(Debug, Clone)]
pub struct Workspace {
    dir: PathBuf,
    manifest: Manifest,
}

impl Workspace {
    /// The workspace in the platform's data directory (next to the state files).
    pub fn locate() -> Result<Workspace, WorkspaceError> {
        let dirs =
            directories::ProjectDirs::from("", "", "fgf").ok_or(WorkspaceError::NoDataDir)?;
        Workspace::open(dirs.data_dir().join("workspace"))
    }

    /// The workspace kept in `dir` (which need not exist yet: then it holds only the 103号).
    pub fn open(dir: PathBuf) -> Result<Workspace, WorkspaceError> {
        let path = dir.join(MANIFEST);
        let manifest = match read_regular(&path, MANIFEST_MAX) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| WorkspaceError::Manifest {
                path: path.clone(),
                line: e.line(),
                column: e.column(),
                message: super::error::json_text(&e),
            })?,
            Err(InputError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Manifest::default()
            }
            Err(e) => {
                let err = match e {
                    InputError::Io(e) => e.to_string(),
                    InputError::NotRegular(kind) => format!("not a regular file ({kind})"),
                    InputError::TooLarge(size) => format!("{size} bytes, too large"),
                };
                return Err(WorkspaceError::Read { path, err });
            }
        };
        Ok(Workspace { dir, manifest })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn notices_dir(&self) -> PathBuf {
        self.dir.join("notices")
    }

    /// The stored copy of notice `id`.
    pub fn notice_path(&self, id: &str) -> PathBuf {
        self.notices_dir().join(format!("{id}.json"))
    }

    /// The unit aliases the user gave, in the order given.
    pub fn aliases(&self) -> &[[String; 2]] {
        &self.manifest.aliases
    }

    /// The notices: the embedded one first (unless removed), then the stored ones by id.
    pub fn entries(&self) -> Result<Vec<Entry>, WorkspaceError> {
        let mut out = Vec::new();
        if self.manifest.embedded {
            out.push(Entry {
                id: seeds::EMBEDDED_ID.to_string(),
                source: Source::Embedded,
            });
        }
        let dir = self.notices_dir();
        let listing = match std::fs::read_dir(&dir) {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => {
                return Err(WorkspaceError::Read {
                    path: dir,
                    err: e.to_string(),
                });
            }
        };
        let mut stored: Vec<Entry> = listing
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                // Temp files of a write in flight start with a dot.
                let id = name
                    .strip_suffix(".json")
                    .filter(|id| !id.starts_with('.'))?;
                Some(Entry {
                    id: id.to_string(),
                    source: Source::File(e.path()),
                })
            })
            .collect();
        stored.sort_by(|a, b| a.id.cmp(&b.id));
        // A stored copy under the embedded one's id (added while it was removed) stands for it.
        if stored.iter().any(|e| e.id == seeds::EMBEDDED_ID) {
            out.clear();
        }
        out.extend(stored);
        Ok(out)
    }

    /// Keeps `cat` (read from `json`, the text stored as is) in the workspace. The same document
    /// twice is `Already`; another document under an id or 文号 already there is refused.
    pub fn add(&mut self, cat: &Catalog, json: &[u8]) -> Result<Added, WorkspaceError> {
        let mut added = self.add_all(&[(cat, json)])?;
        Ok(added.remove(0))
    }

    /// `add` for several documents at once, under one lock, the workspace read once: every one is
    /// checked against the workspace and the others before any is written, so a refused one adds
    /// nothing at all.
    pub fn add_all(&mut self, docs: &[(&Catalog, &[u8])]) -> Result<Vec<Added>, WorkspaceError> {
        self.locked(|ws| {
            let mut known: Vec<(String, super::model::Document)> = Vec::new();
            for entry in ws.entries()? {
                let other = entry.load().map_err(|e| WorkspaceError::Stored {
                    id: entry.id.clone(),
                    err: e.to_string(),
                })?;
                known.push((entry.id, other.doc));
            }
            let mut plan = Vec::new();
            for (cat, _) in docs {
                let added = check_new(&known, &cat.doc)?;
                if matches!(added, Added::New(_)) {
                    known.push((cat.doc.id.clone(), cat.doc.clone()));
                }
                plan.push(added);
            }
            create_dir(&ws.notices_dir())?;
            for ((cat, json), added) in docs.iter().zip(&plan) {
                if !matches!(added, Added::New(_)) {
                    continue;
                }
                let path = ws.notice_path(&cat.doc.id);
                atomic::write(&path, json).map_err(|e| WorkspaceError::Write {
                    path: path.clone(),
                    err: e.to_string(),
                })?;
                atomic::remove_stale_temps(&path);
            }
            Ok(plan)
        })
    }

    /// Removes notice `id` from the workspace (its state file stays). The embedded one is only
    /// marked removed. Returns whether it was there.
    pub fn remove(&mut self, id: &str) -> Result<bool, WorkspaceError> {
        self.locked(|ws| {
            let stored = ws.notice_path(id);
            if id == seeds::EMBEDDED_ID && ws.manifest.embedded && !stored.exists() {
                ws.manifest.embedded = false;
                ws.write_manifest()?;
                return Ok(true);
            }
            let path = ws.notice_path(id);
            match std::fs::remove_file(&path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
                Err(e) => Err(WorkspaceError::Write {
                    path,
                    err: e.to_string(),
                }),
            }
        })
    }

    /// Brings the embedded 103号 back; false when it was there already.
    pub fn add_embedded(&mut self) -> Result<bool, WorkspaceError> {
        self.locked(|ws| {
            let stored = ws.notice_path(seeds::EMBEDDED_ID).exists();
            if ws.manifest.embedded || stored {
                return Ok(false);
            }
            ws.manifest.embedded = true;
            ws.write_manifest()?;
            Ok(true)
        })
    }

    /// Records that units `a` and `b` are one body; false when the table already said so.
    pub fn add_alias(&mut self, a: &str, b: &str) -> Result<bool, WorkspaceError> {
        self.locked(|ws| {
            let pair = [a.to_string(), b.to_string()];
            let known = ws
                .manifest
                .aliases
                .iter()
                .any(|p| p == &pair || (p[0] == pair[1] && p[1] == pair[0]));
            if known {
                return Ok(false);
            }
            ws.manifest.aliases.push(pair);
            ws.write_manifest()?;
            Ok(true)
        })
    }

    /// Runs `f` under the workspace's lock, with the manifest re-read from the disk first.
    fn locked<T>(
        &mut self,
        f: impl FnOnce(&mut Workspace) -> Result<T, WorkspaceError>,
    ) -> Result<T, WorkspaceError> {
        create_dir(&self.dir)?;
        let manifest = self.dir.join(MANIFEST);
        let _guard = atomic::lock(&manifest).map_err(|e| WorkspaceError::Write {
            path: self.dir.clone(),
            err: e.to_string(),
        })?;
        *self = Workspace::open(self.dir.clone())?;
        f(self)
    }

    fn write_manifest(&self) -> Result<(), WorkspaceError> {
        let path = self.dir.join(MANIFEST);
        let mut text = serde_json::to_string_pretty(&self.manifest).expect("a manifest serialises");
        text.push('\n');
        atomic::write(&path, text.as_bytes()).map_err(|e| WorkspaceError::Write {
            path: path.clone(),
            err: e.to_string(),
        })?;
        atomic::remove_stale_temps(&path);
        Ok(())
    }
}

/// Whether `doc` is new to the documents `known` (id, document), there already, or in conflict.
fn check_new(
    known: &[(String, super::model::Document)],
    doc: &super::model::Document,
) -> Result<Added, WorkspaceError> {
    for (id, other) in known {
        if other == doc {
            return Ok(Added::Already(id.clone()));
        }
        if *id == doc.id {
            return Err(WorkspaceError::SameId { id: id.clone() });
        }
        if !doc.number.is_empty() && other.number == doc.number {
            return Err(WorkspaceError::SameNumber {
                number: doc.number.clone(),
                id: id.clone(),
            });
        }
    }
    Ok(Added::New(doc.id.clone()))
}

fn create_dir(dir: &Path) -> Result<(), WorkspaceError> {
    atomic::create_dir(dir).map_err(|e| WorkspaceError::Write {
        path: dir.to_path_buf(),
        err: e.to_string(),
    })
}

/// The notice `key` names among `cats`: its id, its 文号, or the unique ending of a 文号
/// (`103号`, `〔2019〕103号`). `Err` lists the candidates when several fit.
pub fn find<'a>(cats: &'a [Catalog], key: &str) -> Result<Option<usize>, Vec<&'a str>> {
    let docs: Vec<(&str, &str)> = cats.iter().map(|c| (&*c.doc.id, &*c.doc.number)).collect();
    find_in(&docs, key)
}

/// `find` over notices given as (id, 文号).
pub fn find_in<'a>(docs: &[(&'a str, &'a str)], key: &str) -> Result<Option<usize>, Vec<&'a str>> {
    let key = key.trim();
    if key.is_empty() {
        return Ok(None);
    }
    if let Some(i) = docs.iter().position(|&(id, n)| id == key || n == key) {
        return Ok(Some(i));
    }
    let fits: Vec<usize> = (0..docs.len())
        .filter(|&i| {
            let n = docs[i].1;
            !n.is_empty() && n.ends_with(key)
        })
        .collect();
    match fits.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        many => Err(many.iter().map(|&i| docs[i].1).collect()),
    }
}

/// A short label for a notice in text output: its 文号, else its id.
pub fn label(cat: &Catalog) -> &str {
    label_of(&cat.doc)
}

/// `label` of a document (its head is enough).
pub fn label_of(doc: &Document) -> &str {
    if doc.number.is_empty() {
        &doc.id
    } else {
        &doc.number
    }
}

#[cfg(test)]
mod tests;
