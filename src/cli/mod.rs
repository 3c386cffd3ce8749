//! The non-interactive commands: text for people, `--json` for scripts.

mod across;
mod add;
mod args;
mod check;
mod context;
mod deadlines;
pub mod doc;
mod errors;
mod export;
pub mod filter;
mod help;
mod ids;
mod import;
pub mod lang;
mod log;
mod output;
mod progress;
mod report;
mod report_docx;
mod screen;
mod search;
mod shapes;
mod show;
mod state;
mod team;
mod verify;
mod who;
mod workspace;

use std::process::ExitCode;

/// The workspace's notices and each one's state file, for the interactive view.
pub use across::inplace::shelf;
pub use args::{Cli, Command, VERSION};
pub use context::{Global, huge_pages};
pub use help::parse;
pub use workspace::{catalogs as notices, first_notices, store_of, store_of_id};

use crate::domain::Catalog;

/// Runs one command: loads the document (`--doc`, `FGF_DOC` or the embedded one) unless the
/// command needs none. Text for people shows the document's text neutralised
/// (`Catalog::sanitized`); JSON output carries it exactly, escaped; a Markdown or CSV export is
/// the data as is, neutralised only on a terminal.
pub fn run(command: Command, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        Command::Doc(cmd) => doc::run(cmd),
        Command::State(state::StateCommand::MergeDriver { ours, theirs, .. }) => {
            team::merge_driver(&ours, &theirs)
        }
        Command::Import {
            path,
            output,
            force,
        } => import::run(&path, output.as_ref(), force),
        Command::Add { paths, embedded } => add::run(&paths, embedded),
        Command::Docs { json } => workspace::docs(global, json),
        Command::Rm { id } => workspace::rm(&id),
        Command::Unit { name, more, .. }
            if name.as_deref() == Some("alias") || !more.is_empty() =>
        {
            match (name.as_deref(), more.as_slice()) {
                (Some("alias"), [a, b]) => workspace::alias(a, b),
                _ => Err(anyhow::anyhow!(lang::t(
                    "用法：fgf unit [名称] 或 fgf unit alias 名称 另一名称",
                    "usage: fgf unit [NAME] or fgf unit alias NAME OTHER"
                ))),
            }
        }
        command if command.spans_notices() && global.doc_path().is_none() => {
            if let Some(code) = across::inplace::run(&command, global)? {
                return Ok(code);
            }
            // The kept search indexes for the commands that search (`unit` across notices
            // resolves names through the identities, not the index).
            let searches = matches!(command, Command::Who { .. } | Command::Search { .. });
            let mut cats = workspace::catalogs_for(searches)?;
            if cats.len() == 1 && !command.scoped() {
                let cat = cats.remove(0);
                return prepared_run(cat, command, global);
            }
            workspace::no_state_for_many(global, cats.len())?;
            let cats = cats
                .into_iter()
                .map(|cat| prepare(cat, &command, global, true))
                .collect();
            across::run(cats, command, global)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "fgf", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        command => {
            if let Some(code) = across::inplace::one(&command, global)? {
                return Ok(code);
            }
            prepared_run(global.catalog()?, command, global)
        }
    }
}

/// The catalog as a command shows it: verified readings in, text neutralised where shown.
fn prepare(cat: Catalog, command: &Command, global: &Global, many: bool) -> Catalog {
    let cat = verified(cat, command, global, many);
    if command.shows_text() {
        cat.sanitized()
    } else {
        cat
    }
}

fn prepared_run(cat: Catalog, command: Command, global: &Global) -> anyhow::Result<ExitCode> {
    let cat = prepare(cat, &command, global, false);
    let code = run_on(&cat, command, global);
    // The process ends now: freeing a large document string by string (a 100k-measure
    // one holds millions) would only delay the exit.
    std::mem::forget(cat);
    code
}

impl Command {
    /// Whether the command answers across the workspace's notices without `--doc`.
    fn spans_notices(&self) -> bool {
        matches!(
            self,
            Command::Who { .. }
                | Command::Search { .. }
                | Command::Unit { .. }
                | Command::Deadlines { .. }
                | Command::Progress { .. }
                | Command::Export { .. }
        )
    }

    /// Whether a search names a scope of notices (`in:39号`).
    fn scoped(&self) -> bool {
        match self {
            Command::Search { query, .. } | Command::Who { query, .. } => {
                !crate::domain::workspace::scope::split(&query.join(" "))
                    .1
                    .is_empty()
            }
            _ => false,
        }
    }

    /// Whether the command prints a document's text for people to read, where control characters
    /// and escape sequences must be neutralised. Not for JSON (escaped by its own rules) nor for a
    /// Markdown / CSV export into a file (the data), but for those too on a terminal.
    fn shows_text(&self) -> bool {
        match self {
            Command::Export { format, .. } => {
                !matches!(format, export::Format::Json) && output::for_terminal()
            }
            // Search neutralises the hits it prints: on a large document, far fewer than all.
            Command::Search { .. } => false,
            other => !other.is_json(),
        }
    }

    /// Whether the command prints JSON.
    fn is_json(&self) -> bool {
        match self {
            Command::Who { json, .. }
            | Command::Search { json, .. }
            | Command::Show { json, .. }
            | Command::List { json }
            | Command::Unit { json, .. }
            | Command::Docs { json }
            | Command::Check { json, .. }
            | Command::Uncheck { json, .. }
            | Command::Progress { json }
            | Command::Deadlines { json } => *json,
            Command::Verify(args) => args.json,
            Command::Export { format, .. } => matches!(format, export::Format::Json),
            Command::State(_) => true,
            // Every command is named: a new one must say whether it prints JSON (a `_` arm let
            // a new --json command get the text output's neutralised data unseen).
            Command::Log { .. } | Command::Report { .. } | Command::Completions { .. } => false,
            // These read their own files, not the catalog this decides for.
            Command::Doc(_) | Command::Import { .. } | Command::Add { .. } | Command::Rm { .. } => {
                false
            }
        }
    }
}

/// The error of a failed command as shown on stderr: neutralised, on a terminal and in a pipe.
pub fn error_text(e: &anyhow::Error) -> String {
    output::safe_lines(&errors::text(e))
}

/// The catalog with the verified readings of the state file in place of the inferred ones
/// (`fgf verify`). A state file that cannot be read does not stop a command that only shows the
/// document: it says so on stderr (commands that use the check-offs report it themselves).
fn verified(cat: Catalog, command: &Command, global: &Global, many: bool) -> Catalog {
    let read = workspace::store_of(global, &cat, many).and_then(|store| {
        let state = store.load()?;
        Ok((store, state))
    });
    let (store, state) = match read {
        Ok(read) => read,
        Err(e) => {
            let own = matches!(
                command,
                Command::Check { .. }
                    | Command::Uncheck { .. }
                    | Command::Progress { .. }
                    | Command::Deadlines { .. }
                    | Command::State(_)
                    | Command::Verify(_)
                    | Command::Export { .. }
                    | Command::Show { .. }
                    | Command::Log { .. }
                    | Command::Report { .. }
            );
            if !own {
                let e = error_text(&e);
                eprintln!(
                    "fgf: {}",
                    lang::tr!(
                        "读不了状态文件，不显示核实过的分工：{e}",
                        "cannot read the state file, so no verified reading is shown: {e}"
                    )
                );
            }
            return cat;
        }
    };
    if state.verified.is_empty() {
        context::keep_state(&store, state);
        return cat;
    }
    let (cat, skipped) = cat.with_verified(&state);
    // The command takes this reading rather than reading the file again.
    context::keep_state(&store, state);
    for s in skipped {
        // Names from the state file: untrusted text.
        let s = output::safe_lines(&s.to_string());
        eprintln!(
            "fgf: {}",
            lang::tr!(
                "状态文件中的一条核实记录与本文件不符，未采用：{s}",
                "a verified reading in the state file does not fit this document, left out: {s}"
            )
        );
    }
    cat
}

/// Runs one command against a loaded document.
fn run_on(cat: &Catalog, command: Command, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check { ids, note, json } => {
            check::check(cat, global, &ids, note.as_deref(), json)
        }
        Command::Uncheck { ids, json } => check::uncheck(cat, global, &ids, json),
        Command::Log {
            id,
            text,
            status,
            by,
        } => log::run(cat, global, &id, &text, status, by.as_deref()),
        Command::Progress { json } => progress::run(cat, global, json),
        Command::Report {
            format,
            output,
            since,
            unit,
        } => report::run(
            cat,
            global,
            report::Options {
                format,
                output: output.as_deref(),
                since,
                unit: unit.as_deref(),
            },
        ),
        Command::Deadlines { json } => deadlines::run(cat, global, json),
        Command::State(cmd) => state::run(cat, global, cmd),
        Command::Export {
            format,
            progress,
            unit,
            bom,
        } => export::run(cat, global, format, progress, unit.as_deref(), bom),
        Command::Who { query, limit, json } => who::run(cat, &query.join(" "), limit, json),
        Command::Search { query, limit, json } => search::run(cat, &query.join(" "), limit, json),
        Command::Show { id, json } => show::show(cat, global, &id, json),
        Command::List { json } => show::list(cat, json),
        Command::Unit { name, json, .. } => who::unit(cat, name.as_deref(), json),
        Command::Verify(args) => verify::run(cat, global, args),
        Command::Doc(_)
        | Command::Completions { .. }
        | Command::Import { .. }
        | Command::Add { .. }
        | Command::Docs { .. }
        | Command::Rm { .. } => {
            unreachable!("run handles these")
        }
    }
}

/// Exit code when an id or unit is unknown (clap uses 2 for usage errors too).
pub const EXIT_UNKNOWN: u8 = 2;
/// Exit code when a query matched nothing (as `fzf --filter`).
pub const EXIT_NO_MATCH: u8 = 1;
