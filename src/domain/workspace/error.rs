//! What can go wrong with the workspace, with the file it concerns. The CLI words it in the run's
//! language (cli/errors.rs); these English texts are the fallback.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("no data directory (HOME is not set?) to keep the workspace in")]
    NoDataDir,
    #[error("cannot read {}: {err}", .path.display())]
    Read { path: PathBuf, err: String },
    #[error("cannot write {}: {err}", .path.display())]
    Write { path: PathBuf, err: String },
    #[error("{}:{line}:{column}: not a workspace file: {message}", .path.display())]
    Manifest {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the stored notice {id} cannot be read: {err}")]
    Stored { id: String, err: String },
    #[error("another notice with the id {id} is in the workspace")]
    SameId { id: String },
    #[error("the notice {number} is in the workspace already, as {id}, with other content")]
    SameNumber { number: String, id: String },
}
