//! Crash-safe file replacement and the save lock.
//!
//! A save writes a temp file in the same directory, fsyncs it, renames it over the state file and fsyncs
//! the directory: a crash at any instant leaves the old file or the new one, never a torn one. Saves are
//! serialised by an exclusive lock on the directory that holds the state file (never the state file
//! itself: its inode changes at every rename). A lock file could be deleted from under the process
//! holding it, letting the next one lock a new file of the same name; a directory that holds the state
//! file cannot be removed, and nothing is created at a path another user could plant a symlink on.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Holds the exclusive save lock until dropped (closing the file releases it).
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

/// What [`lock`] locks for the state file `path`: its directory (on Unix), else `dir/NAME.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    if cfg!(unix) {
        parent(path).unwrap_or(Path::new(".")).to_path_buf()
    } else {
        sibling(path, "", ".lock")
    }
}

/// Blocks until this process holds the save lock for `path`.
pub fn lock(path: &Path) -> io::Result<LockGuard> {
    let file = if cfg!(unix) {
        File::open(lock_path(path))?
    } else {
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        opts.open(lock_path(path))?
    };
    file.lock()?;
    Ok(LockGuard { _file: file })
}

/// Creates the state file's directory (and missing parents) private to the user: 0700, whatever the
/// umask.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Why the existing file at `path` must not be replaced: it has no write permission (`chmod 0400`), or
/// this user may not write it. Root may write anything, so the permission bits are read too.
pub fn read_only(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    if meta.permissions().readonly() {
        return Some(format!("mode {}", mode(&meta)));
    }
    if !writable(path) {
        return Some("no write permission for this user".to_string());
    }
    None
}

#[cfg(unix)]
fn mode(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::PermissionsExt;
    format!("{:04o}", meta.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn mode(_: &fs::Metadata) -> String {
    "read-only".to_string()
}

#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(_: &Path) -> bool {
    true
}

/// Replaces `path` with `bytes` atomically. A new file is created 0600; an existing file's permissions,
/// owner and group are kept (root saving a user's file leaves it the user's), or nothing is replaced.
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
        keep_owner(&file, &meta)?;
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

/// Gives the new file `meta`'s owner and group, if they differ from the new file's.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "it belongs to {}:{} and this process cannot keep that owner on a new copy ({e}); not replaced",
                meta.uid(),
                meta.gid()
            ),
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata) -> io::Result<()> {
    Ok(())
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
