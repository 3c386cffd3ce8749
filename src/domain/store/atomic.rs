//! Crash-safe file replacement and the save lock.
//!
//! A save writes a temp file in the same directory, fsyncs it, renames it over the state file and fsyncs
//! the directory: a crash at any instant leaves the old file or the new one, never a torn one. Saves are
//! serialised by an exclusive lock on a `NAME.lock` file beside the state file (never the state file
//! itself: its inode changes at every rename). The lock file is never deleted, which would race.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Holds the exclusive save lock until dropped (closing the file releases it).
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

/// `dir/NAME` -> `dir/NAME.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, "", ".lock")
}

/// Blocks until this process holds the save lock for `path`.
pub fn lock(path: &Path) -> io::Result<LockGuard> {
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    private(&mut opts);
    let file = opts.open(lock_path(path))?;
    file.lock()?;
    Ok(LockGuard { _file: file })
}

/// Replaces `path` with `bytes` atomically. A new file is created 0600; an existing file's permissions
/// are kept.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = sibling(path, ".", &format!(".tmp.{}", std::process::id()));
    let result = write_temp_and_rename(path, &temp, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp_and_rename(path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let _ = fs::remove_file(temp); // left by a killed process that had our pid
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    private(&mut opts);
    let mut file = opts.open(temp)?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    sync_dir(path)
}

/// Removes temp files left by writers that were killed mid-save. Call only while holding the lock: then
/// no other writer has a temp file in flight.
pub fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (parent(path), path.file_name()) else {
        return;
    };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".tmp.");
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The directory a path is in (`.` for a bare file name).
pub fn parent(path: &Path) -> Option<&Path> {
    match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Some(Path::new(".")),
        other => other,
    }
}

/// `dir/NAME` -> `dir/{before}NAME{after}`.
fn sibling(path: &Path, before: &str, after: &str) -> PathBuf {
    let mut name = OsString::from(before);
    name.push(path.file_name().unwrap_or_default());
    name.push(after);
    path.with_file_name(name)
}

#[cfg(unix)]
fn private(opts: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    opts.mode(0o600);
}

#[cfg(not(unix))]
fn private(_: &mut OpenOptions) {}

/// Makes the rename durable: fsync the directory that holds the file.
#[cfg(unix)]
fn sync_dir(path: &Path) -> io::Result<()> {
    match parent(path) {
        Some(dir) => File::open(dir)?.sync_all(),
        None => Ok(()),
    }
}

#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}
