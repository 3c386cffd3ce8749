//! `who` and `search` across the workspace read in place from the cache, when it holds every
//! stored notice as it is now: no document is deserialised but those of the hits shown.

use std::process::ExitCode;

use super::super::context::Global;
use super::super::context::load_state;
use super::super::{Command, prepare, search, workspace as cli_ws};
use super::find::{Notice, answer};
use crate::domain::cache::{self, Cache, Figures, Held, Shelf};
use crate::domain::search::par;
use crate::domain::store::Store;
use crate::domain::workspace::Entry;
use crate::domain::workspace::{Workspace, WorkspaceError};
use crate::domain::{Catalog, Document, Progress};

/// Runs `who` or `search` across the workspace from the cache read in place; `None` when that
/// cannot answer (no cache, a notice it does not hold as it is now, not a search across several
/// notices): the caller then loads the notices, which brings the cache up to date.
pub fn run(command: &Command, global: &Global) -> anyhow::Result<Option<ExitCode>> {
    if !matches!(command, Command::Who { .. } | Command::Search { .. }) {
        return Ok(None);
    }
    let Some((cache, entries)) = opened(if command.scoped() { 1 } else { 2 })? else {
        return Ok(None);
    };
    let Some(held) = cache::held(&cache, &entries) else {
        return Ok(None);
    };
    cli_ws::no_state_for_many(global, held.len())?;
    // Each notice's state file looked at on both cores: one with verified readings (or text to
    // neutralise) is loaded below and prepared as the loaded path does, in order.
    let plain = par::map_each(&held, |h| match h {
        Held::Archive { id, clean, .. } => *clean && no_verified_reading(id),
        Held::Loaded(_) => false,
    });
    let mut notices = Vec::with_capacity(held.len());
    for (h, plain) in held.into_iter().zip(plain) {
        notices.push(match h {
            Held::Archive { kept, bytes, .. } if plain => Notice::Kept { kept, bytes },
            Held::Loaded(cat) => Notice::Loaded(Box::new(prepare(*cat, command, global, true))),
            Held::Archive { bytes, .. } => {
                let Some(cat) = cache::document(bytes).and_then(|d| Catalog::new(d).ok()) else {
                    return Ok(None);
                };
                Notice::Loaded(Box::new(prepare(cat, command, global, true)))
            }
        });
    }
    let code = answer(&notices, command);
    // The process ends now: nothing to free one by one.
    std::mem::forget(notices);
    std::mem::forget(cache);
    code.map(Some)
}

/// The cache file, its header checked, and the workspace's notices, when it holds at least
/// `least` of them; `None` when there is no cache to read (or no workspace).
fn opened(least: usize) -> anyhow::Result<Option<(Cache, Vec<Entry>)>> {
    let Some(file) = cache::locate() else {
        return Ok(None);
    };
    let ws = match Workspace::locate() {
        Err(WorkspaceError::NoDataDir) => return Ok(None),
        other => other.map_err(cli_ws::error)?,
    };
    let entries = ws.entries().map_err(cli_ws::error)?;
    if entries.len() < least {
        return Ok(None);
    }
    Ok(cache::open(&file, &cache::version()).map(|c| (c, entries)))
}

/// `fgf docs`' rows read in place from the cache, when it holds every stored notice as it is
/// now, known by its source's metadata (`cache::stamped`): each notice's head as a catalog (the document without its sections, `cache::head`) and
/// its figures with its check-offs (`cache::figures`); no document deserialised. `None` when
/// the cache cannot answer (the caller then loads the notices).
pub fn docs(global: &Global) -> anyhow::Result<Option<Vec<(Catalog, Figures)>>> {
    let Some((cache, entries)) = opened(2)? else {
        return Ok(None);
    };
    // A source whose metadata is yet to be recorded: the loaded path records it.
    if !cache::stamped(&cache, &entries) {
        return Ok(None);
    }
    let Some(held) = cache::held(&cache, &entries) else {
        return Ok(None);
    };
    cli_ws::no_state_for_many(global, held.len())?;
    let today = global.today();
    let mut rows = Vec::with_capacity(held.len());
    for h in held {
        rows.push(match h {
            Held::Loaded(cat) => {
                let f = cli_ws::figures_of(global, &cat, true)?;
                (*cat, f)
            }
            Held::Archive { kept, .. } => {
                let Some(head) = cache::head(kept.doc()) else {
                    return Ok(None);
                };
                // Read from an archive of a document `Catalog::new` accepted, its checks passed.
                let cat = Catalog::validated(head);
                let p = Progress::new(load_state(&cli_ws::store_of(global, &cat, true)?)?);
                let Some(f) = cache::figures(kept.doc(), &p, today) else {
                    return Ok(None);
                };
                (cat, f)
            }
        });
    }
    Ok(Some(rows))
}

/// The workspace's notices on a shelf (the TUI's list: its rows and its search read them in
/// place), with each one's head (the document without its sections): when the cache holds
/// every stored notice as it is now, known by its source's metadata, as for `docs`. `None`
/// when it cannot (the caller then loads the notices, which brings the cache up to date).
pub fn shelf(global: &Global) -> anyhow::Result<Option<(Shelf, Vec<Document>)>> {
    let Some((cache, entries)) = opened(2)? else {
        return Ok(None);
    };
    if !cache::stamped(&cache, &entries) {
        return Ok(None);
    }
    let Some(shelf) = Shelf::open(cache, &entries) else {
        return Ok(None);
    };
    cli_ws::no_state_for_many(global, shelf.len())?;
    let heads = shelf.each(|_, h| match h {
        Held::Archive { kept, .. } => cache::head(kept.doc()),
        Held::Loaded(cat) => cache::head_of(&cat.doc),
    });
    let Some(heads) = heads.into_iter().collect() else {
        return Ok(None);
    };
    Ok(Some((shelf, heads)))
}

/// `fgf --doc ID search` (text) on a stored notice read in place from the cache, when the cache
/// holds it as its source is now and it reads as archived (no verified reading in its state
/// file, no text to neutralise); `None` otherwise (then it is loaded as before).
pub fn one(command: &Command, global: &Global) -> anyhow::Result<Option<ExitCode>> {
    let Command::Search {
        query,
        limit,
        json: false,
    } = command
    else {
        return Ok(None);
    };
    let Some(key) = global.doc_path() else {
        return Ok(None);
    };
    let (Some(id), Some(file)) = (key.to_str(), cache::locate()) else {
        return Ok(None);
    };
    if key.exists() {
        return Ok(None);
    }
    let Ok(ws) = Workspace::locate() else {
        return Ok(None);
    };
    let Some(entry) = ws
        .entries()
        .ok()
        .and_then(|es| es.into_iter().find(|e| e.id == id))
    else {
        return Ok(None);
    };
    let Some(cache) = cache::open(&file, &cache::version()) else {
        return Ok(None);
    };
    let Some(held) = cache::held(&cache, std::slice::from_ref(&entry)) else {
        return Ok(None);
    };
    let [
        Held::Archive {
            kept, clean: true, ..
        },
    ] = held.as_slice()
    else {
        return Ok(None);
    };
    let plain = global
        .store_of(id)
        .and_then(|s| Ok(s.load()?))
        .is_ok_and(|state| state.verified.is_empty());
    if !plain {
        return Ok(None);
    }
    let code = search::run_kept(kept, &query.join(" "), *limit);
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
