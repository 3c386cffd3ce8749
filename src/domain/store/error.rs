//! What can go wrong with a state file, each error naming the file and, for a bad file, where in it.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not JSON, an unknown version, or not the shape of a state file. The file is left as it is.
    #[error(
        "{}: line {line}, column {column}, at {field}: {message} (the state file was left untouched)",
        path.display()
    )]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        /// Where in the JSON: `version`, `milestones["9.2.1"].done`, or `(top level)`.
        field: String,
        message: String,
    },
    /// A well-formed state file kept for another document.
    #[error(
        "{}: this state file is for document {found:?}, not {expected:?} (the state file was left untouched)",
        path.display()
    )]
    WrongDocument {
        path: PathBuf,
        expected: String,
        found: String,
    },
    /// A FIFO, a device, a directory: never read (a FIFO would block), never written over.
    #[error(
        "{}: the state file is not a regular file ({kind}); refused (the state file was left untouched)",
        path.display()
    )]
    NotRegular { path: PathBuf, kind: &'static str },
    /// Larger than [`super::MAX_BYTES`]: refused before it is read.
    #[error(
        "{}: the state file is {size} bytes, over fgf's limit of {} bytes; refused (the state file was left untouched)",
        path.display(), super::MAX_BYTES
    )]
    TooLarge { path: PathBuf, size: u64 },
    /// The file is read-only (no write permission): fgf reads it and never replaces it.
    #[error(
        "{}: the state file is read-only ({why}); not written (make it writable to save check-offs)",
        path.display()
    )]
    ReadOnly { path: PathBuf, why: String },
    /// Another state file named to be read (`fgf state merge FILE`) is not there.
    #[error("{}: no such file", path.display())]
    Missing { path: PathBuf },
    #[error("cannot read the state file {}: {err}", path.display())]
    Read { path: PathBuf, err: io::Error },
    #[error("cannot create the state directory {}: {err}", path.display())]
    CreateDir { path: PathBuf, err: io::Error },
    #[error("cannot write the state file {}: {err}", path.display())]
    Write { path: PathBuf, err: io::Error },
    #[error("cannot lock {} (the state file's directory) to save: {err}", path.display())]
    Lock { path: PathBuf, err: io::Error },
    #[error("no home directory to keep the state file in: set FGF_STATE or pass --state PATH")]
    NoDataDir,
}

impl StoreError {}
