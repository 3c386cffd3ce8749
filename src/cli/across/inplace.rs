//! `who` and `search` across the workspace read in place from the cache, when it holds every
//! stored notice as it is now: no document is deserialised but those of the hits shown.

use std::process::ExitCode;

use super::super::context::Global;
use super::super::{Command, prepare, workspace as cli_ws};
use super::find::{Notice, answer};
use crate::domain::Catalog;
use crate::domain::cache::{self, Held};
use crate::domain::search::par;
use crate::domain::store::Store;
use crate::domain::workspace::{Workspace, WorkspaceError};

/// Runs `who` or `search` across the workspace from the cache read in place; `None` when that
/// cannot answer (no cache, a notice it does not hold as it is now, not a search across several
/// notices): the caller then loads the notices, which brings the cache up to date.
pub fn run(command: &Command, global: &Global) -> anyhow::Result<Option<ExitCode>> {
    if !matches!(command, Command::Who { .. } | Command::Search { .. }) {
        return Ok(None);
    }
    let Some(file) = cache::locate() else {
        return Ok(None);
    };
    let ws = match Workspace::locate() {
        Err(WorkspaceError::NoDataDir) => return Ok(None),
        other => other.map_err(cli_ws::error)?,
    };
    let entries = ws.entries().map_err(cli_ws::error)?;
    if entries.len() < 2 && !command.scoped() {
        return Ok(None);
    }
    let Some(cache) = cache::open_file(&file, &cache::version()) else {
        return Ok(None);
    };
    let Some(held) = cache::held(&entries, &cache) else {
        return Ok(None);
    };
    cli_ws::no_state_for_many(global, held.len())?;
    // Each archive checked (bytecheck) and each state file looked at, on both cores; a notice
    // that cannot be read in place (`Some(None)`) is loaded below, in order.
    let checked = par::map_each(&held, |h| match h {
        Held::Loaded(_) => Some(None),
        Held::Archive { id, bytes } => {
            let (kept, clean) = cache::kept(bytes)?;
            Some((clean && no_verified_reading(id)).then_some(kept))
        }
    });
    let mut notices = Vec::with_capacity(held.len());
    for (h, got) in held.iter().zip(checked) {
        let notice = match (h, got) {
            (_, None) => return Ok(None),
            (Held::Archive { bytes, .. }, Some(Some(kept))) => Notice::Kept { kept, bytes },
            (Held::Loaded(cat), _) => {
                Notice::Loaded(Box::new(prepare((**cat).clone(), command, global, true)))
            }
            (Held::Archive { bytes, .. }, Some(None)) => {
                // As loaded: its verified readings in, its text neutralised where shown.
                let Some(cat) = cache::document(bytes).and_then(|d| Catalog::new(d).ok()) else {
                    return Ok(None);
                };
                Notice::Loaded(Box::new(prepare(cat, command, global, true)))
            }
        };
        notices.push(notice);
    }
    let code = answer(&notices, command);
    // The process ends now: nothing to free one by one.
    std::mem::forget(notices);
    std::mem::forget(held);
    std::mem::forget(cache);
    code.map(Some)
}

/// Whether notice `id`'s state file (its own, in the data directory) holds no verified reading,
/// so that the notice reads as its archive has it. A file that cannot be read is left to the
/// loaded path, which says so.
fn no_verified_reading(id: &str) -> bool {
    Store::locate(None, id)
        .and_then(|s| s.load())
        .is_ok_and(|state| state.verified.is_empty())
}
