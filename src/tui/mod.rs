//! The interactive view: terminal set-up and teardown, the event loop, performing effects.
//!
//! The terminal is restored on quit, on error, on panic and on every catchable signal that ends the
//! process (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, …). Ctrl-z and SIGTSTP
//! suspend as vim does: the terminal restored, the process stopped; on SIGCONT raw mode, the alternate
//! screen and a full frame come back. SIGKILL cannot be caught: `reset` repairs the terminal then.

pub mod action;
pub mod ansi16;
pub mod app;
pub mod backend;
pub mod clipboard;
pub mod cursor;
pub mod editor;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod mouse;
pub mod scroll;
pub mod sections;
pub mod theme;
pub mod tree;
pub mod view;
pub mod widgets;
pub mod workspace;

/// How the binary's allocator gives freed memory back to the system (main.rs sets it), called
/// when the workspace's list drops every notice's catalog.
static TRIM: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets how freed memory is given back to the system (once; later calls change nothing).
pub fn on_trim(f: fn()) {
    let _ = TRIM.set(f);
}

/// Gives freed memory back to the system, if the binary said how.
pub(crate) fn trim() {
    if let Some(f) = TRIM.get() {
        f();
    }
}

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor as term_cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};

use self::action::{Action, Effect};
use self::ansi16::Ansi16;
use self::app::App;
use self::backend::WideFix;
use crate::domain::{Store, history};

pub type Term = Terminal<WideFix<CrosstermBackend<Ansi16<Stdout>>>>;

/// Runs the TUI until the user quits. The caller has checked that stdout is a terminal.
/// Check-offs are saved to `store` as they are made (none: read-only).
pub fn run(mut app: App, mouse: bool, store: Option<Store>) -> anyhow::Result<()> {
    install_once()?;
    load_history(&mut app);
    let mut terminal = setup(mouse).inspect_err(|_| restore())?;
    let result = event_loop(&mut terminal, &mut app, store.as_ref(), mouse);
    restore();
    result
}

/// The panic hook and the signal thread, once a process (the workspace's list and the notices
/// opened from it share them).
fn install_once() -> anyhow::Result<()> {
    static DONE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    DONE.call_once(|| {
        install_panic_hook();
        result = install_signal_handler().context("installing signal handlers");
    });
    result
}

fn setup(mouse: bool) -> anyhow::Result<Term> {
    enter(mouse)?;
    let terminal = Terminal::new(WideFix::new(CrosstermBackend::new(Ansi16::new(
        io::stdout(),
    ))))?;
    Ok(terminal)
}

/// Raw mode, the alternate screen, the cursor hidden (and the mouse captured).
fn enter(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("switching the terminal to raw mode")?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, term_cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as it was. Safe to call more than once and from any thread.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        LeaveAlternateScreen,
        term_cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Set by SIGTSTP (`kill -TSTP`; Ctrl-z arrives as a key in raw mode): the event loop suspends.
static SUSPEND: AtomicBool = AtomicBool::new(false);
/// Set while $EDITOR runs (`A`): Ctrl-c and Ctrl-\\ are the editor's then, and a stop (Ctrl-z)
/// stops fgf with it, so that the shell gets the terminal back.
static EDITING: AtomicBool = AtomicBool::new(false);
/// Set by SIGCONT: the terminal may have been reset meanwhile (a stop by SIGSTOP, say), so the event
/// loop enters raw mode and the alternate screen again and draws a full frame.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// How often the event loop looks at the flags above while no key comes.
const TICK: Duration = Duration::from_millis(100);

/// Every catchable signal whose default would end the process restores the terminal first: an SSH drop
/// (SIGHUP), a `kill` (SIGTERM), SIGUSR1 … Check-offs are saved as they are made, so nothing is lost by
/// exiting here. SIGTSTP and SIGCONT are passed to the event loop.
fn install_signal_handler() -> io::Result<()> {
    use signal_hook::consts::*;
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGTSTP, SIGCONT,
    ])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let editing = EDITING.load(Ordering::SeqCst);
            match sig {
                SIGINT | SIGQUIT if editing => {}
                SIGTSTP if editing => {
                    let _ = signal_hook::low_level::raise(SIGSTOP);
                }
                SIGTSTP => SUSPEND.store(true, Ordering::SeqCst),
                SIGCONT => RESUMED.store(true, Ordering::SeqCst),
                _ => {
                    restore();
                    std::process::exit(128 + sig);
                }
            }
        }
    });
    Ok(())
}

/// Stops the process as SIGTSTP's default would, with the terminal restored meanwhile; back after
/// SIGCONT (`fg`), in raw mode on the alternate screen, the next frame drawn whole.
fn suspend(terminal: &mut Term, mouse: bool) -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    resume(terminal, mouse)
}

/// Raw mode and the alternate screen again, whatever the shell did to the terminal while fgf was
/// stopped, and a full redraw.
fn resume(terminal: &mut Term, mouse: bool) -> anyhow::Result<()> {
    // crossterm keeps raw mode on if it believes it is on: leave it first so that it is set again.
    let _ = disable_raw_mode();
    enter(mouse)?;
    // `Terminal::clear` would ask the terminal where the cursor is: clear it and empty both buffers
    // (the frame drawn before the stop is gone) instead.
    terminal.backend_mut().clear_region(ClearType::All)?;
    terminal.swap_buffers();
    Ok(())
}

/// The next terminal event; `None` when the screen must be drawn again first (after a suspend or a
/// SIGCONT, or when another process's check-offs were merged in).
fn next_event(
    terminal: &mut Term,
    mouse: bool,
    watch: &mut Watch,
    app: &mut App,
    store: Option<&Store>,
) -> anyhow::Result<Option<Event>> {
    next_event_or(terminal, mouse, || watch.reload(app, store))
}

/// Ctrl-z: suspended before the next read (`next_event_or`).
pub(crate) fn ask_suspend() {
    SUSPEND.store(true, Ordering::SeqCst);
}

/// The next terminal event, suspending on Ctrl-z or SIGTSTP and resuming on SIGCONT; `None` when
/// the screen must be drawn again first, as after those or when `idle` (asked while no key comes)
/// says something changed.
pub(crate) fn next_event_or(
    terminal: &mut Term,
    mouse: bool,
    mut idle: impl FnMut() -> bool,
) -> anyhow::Result<Option<Event>> {
    loop {
        if SUSPEND.swap(false, Ordering::SeqCst) {
            suspend(terminal, mouse)?;
            RESUMED.store(false, Ordering::SeqCst);
            return Ok(None);
        }
        if RESUMED.swap(false, Ordering::SeqCst) {
            resume(terminal, mouse)?;
            return Ok(None);
        }
        if event::poll(TICK).context("waiting for a key")? {
            return Ok(Some(event::read().context("reading a key")?));
        }
        if idle() {
            return Ok(None);
        }
    }
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    store: Option<&Store>,
    mouse: bool,
) -> anyhow::Result<()> {
    // The pty tests' deliberate panic, read only by a debug build: a release build never looks.
    let panic_for_tests = cfg!(debug_assertions) && std::env::var_os("FGF_TEST_PANIC").is_some();
    // Start crossterm's event source (and with it its SIGWINCH handler) before the first frame:
    // a resize between that frame and the first read would otherwise go unnoticed.
    event::poll(Duration::ZERO).context("reading the terminal's events")?;
    let mut watch = Watch::new(store);
    loop {
        watch.reload(app, store);
        // The terminal's size as it is now, not as a resize event said: several resizes in a row
        // arrive as events that each read the size when they were handled, the last maybe stale.
        let size = terminal.size()?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            app.update(Action::Resize(size.width, size.height));
        }
        draw(terminal, app)?;
        if panic_for_tests {
            panic!("FGF_TEST_PANIC: a deliberate panic after the first frame");
        }
        let Some(event) = next_event(terminal, mouse, &mut watch, app, store)? else {
            continue;
        };
        let action = match event {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                // Alt-x is Esc then x (see keymap::presses): all but the last press go first.
                let mut presses = keymap::presses(k);
                let last = presses.pop().unwrap_or(k);
                for p in presses {
                    if let Some(a) = keymap::resolve(app.ctx(), p)
                        && act(terminal, mouse, app, a, store)? == Effect::Quit
                    {
                        return Ok(());
                    }
                }
                keymap::resolve(app.ctx(), last)
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Mouse(m) => mouse::action(m),
            _ => None,
        };
        if let Some(action) = action
            && act(terminal, mouse, app, action, store)? == Effect::Quit
        {
            return Ok(());
        }
    }
}

/// Performs an action, and runs $EDITOR when it asks for one.
fn act(
    terminal: &mut Term,
    mouse: bool,
    app: &mut App,
    action: Action,
    store: Option<&Store>,
) -> anyhow::Result<Effect> {
    let effect = perform(app, action, store);
    if let Effect::Editor { milestone, text } = &effect {
        edit_note(terminal, mouse, app, store, milestone, text)?;
    }
    Ok(effect)
}

/// A: the terminal restored, the editor run on the note, the terminal taken back and redrawn
/// whole; the text handed to the app (which saves it) or the editor's failure said.
fn edit_note(
    terminal: &mut Term,
    mouse: bool,
    app: &mut App,
    store: Option<&Store>,
    milestone: &str,
    text: &str,
) -> anyhow::Result<()> {
    restore();
    EDITING.store(true, Ordering::SeqCst);
    let result = editor::edit(text);
    EDITING.store(false, Ordering::SeqCst);
    resume(terminal, mouse)?;
    RESUMED.store(false, Ordering::SeqCst);
    if app.note_edited(milestone, result) == Effect::Save {
        save(app, store);
    }
    Ok(())
}

/// Notices when another process (a second fgf, `fgf check`, a `git pull`) changes the state file,
/// and merges its check-offs in as a save would: by the file's modification time and length,
/// checked before every frame and on every idle tick of the event loop.
struct Watch {
    seen: Option<(std::time::SystemTime, u64)>,
}

impl Watch {
    fn new(store: Option<&Store>) -> Watch {
        Watch {
            seen: store.and_then(|s| Self::stamp(s.path())),
        }
    }

    fn stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    }

    /// Merges the file in if it changed since last seen; returns whether anything was merged.
    fn reload(&mut self, app: &mut App, store: Option<&Store>) -> bool {
        let Some(store) = store else { return false };
        let now = Self::stamp(store.path());
        if now == self.seen {
            return false;
        }
        self.seen = now;
        // A file that cannot be read now is left alone: the next save says why, loudly.
        let Ok(disk) = store.load() else { return false };
        let mut merged = app.progress.state().clone();
        merged.merge(&disk);
        app.saved(merged);
        true
    }
}

/// Updates the app and carries out its effect (a save); returns the effect.
fn perform(app: &mut App, action: Action, store: Option<&Store>) -> Effect {
    let effect = app.update(action);
    if effect == Effect::Suspend {
        // Ctrl-z (the keymap's, in every mode, as in vim): suspended before the next read.
        ask_suspend();
    }
    if effect == Effect::Save {
        save(app, store);
    }
    if let Effect::Remember(query) = &effect {
        remember(app, query);
    }
    if let Effect::Copy(text) = &effect {
        // Between frames, on the terminal the frames go to: no frame is torn by it.
        let _ = clipboard::write(&mut io::stdout(), text);
    }
    effect
}

/// The search history from the data directory; a file that cannot be read is left alone and
/// the reason shown while searching.
fn load_history(app: &mut App) {
    let lang = app.options().lang;
    if let Some(loaded) = history_file(lang, history::load) {
        app.set_history(loaded);
    }
}

/// Adds a query to the history file (merged with other sessions'), or says why not.
fn remember(app: &mut App, query: &str) {
    let lang = app.options().lang;
    if let Some(saved) = history_file(lang, |path| history::remember(path, query)) {
        app.history_saved(saved);
    }
}

/// Reads or writes the search history file of the data directory (a notice's search and the
/// workspace's share it): its list, or why not in the run's language; `None` without a data
/// directory (then there is no file to keep it in).
pub(crate) fn history_file(
    lang: i18n::Lang,
    with: impl FnOnce(&std::path::Path) -> Result<Vec<String>, history::HistoryError>,
) -> Option<Result<Vec<String>, String>> {
    let path = history::default_path()?;
    Some(with(&path).map_err(|e| e.describe(lang)))
}

/// Saves under the lock, merging with what other sessions wrote; the merged state comes back.
fn save(app: &mut App, store: Option<&Store>) {
    let Some(store) = store else { return };
    match store.save(app.progress.state()) {
        Ok(saved) => app.saved(saved.state),
        Err(e) => app.save_failed(e.to_string()),
    }
}

/// One frame, wrapped in synchronized output so the terminal shows it whole.
fn draw(terminal: &mut Term, app: &App) -> anyhow::Result<()> {
    queue!(terminal.backend_mut().inner_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| view::draw(f, app))?;
    execute!(terminal.backend_mut().inner_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
