//! A note of several lines written in the user's editor (`A`): $EDITOR, else $VISUAL, else `vi`,
//! run through `sh -c` as git does (so `EDITOR="code --wait"` works) on a private temporary
//! file. The event loop restores the terminal around it (tui::mod.rs `edit_note`).

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::process::Command;

/// A note read back is cut off here: a file of megabytes is not a note.
const LIMIT: u64 = 256 * 1024;

/// The editor command: $EDITOR, else $VISUAL, else `vi` (empty values skipped).
pub fn command() -> String {
    ["EDITOR", "VISUAL"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs the editor on `text` and returns what it left in the file; `Err` says why not (the
/// editor could not start, exited with a failure, or the file could not be read back).
pub fn edit(text: &str) -> Result<String, String> {
    let path = temp_path();
    let result = write(&path, text)
        .and_then(|()| run(&path))
        .and_then(|()| read(&path));
    let _ = std::fs::remove_file(&path);
    result
}

fn temp_path() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("fgf-note-{}-{nanos}.txt", std::process::id()))
}

/// A new file only this user can read (never an existing one: a link planted there).
fn write(path: &PathBuf, text: &str) -> Result<(), String> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut body = text.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    f.write_all(body.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn run(path: &PathBuf) -> Result<(), String> {
    let editor = command();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| format!("{editor}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{editor}: {status}"))
    }
}

fn read(path: &PathBuf) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    f.take(LIMIT)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
