//! The interactive view: terminal set-up and teardown, the event loop, performing effects.
//!
//! The terminal is restored on quit, on error, on panic and on SIGTERM / SIGHUP / SIGINT / SIGQUIT.

pub mod action;
pub mod ansi16;
pub mod app;
pub mod backend;
pub mod cursor;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod scroll;
pub mod theme;
pub mod tree;
pub mod view;
pub mod widgets;

use std::io::{self, Stdout, Write};

use anyhow::Context;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor as term_cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use self::action::{Action, Effect};
use self::ansi16::Ansi16;
use self::app::App;
use self::backend::WideFix;
use crate::domain::Store;

pub type Term = Terminal<WideFix<CrosstermBackend<Ansi16<Stdout>>>>;

/// Runs the TUI until the user quits. The caller has checked that stdout is a terminal.
/// Check-offs are saved to `store` as they are made (none: read-only).
pub fn run(mut app: App, mouse: bool, store: Option<Store>) -> anyhow::Result<()> {
    install_panic_hook();
    install_signal_handler().context("installing signal handlers")?;
    let mut terminal = setup(mouse).inspect_err(|_| restore())?;
    let result = event_loop(&mut terminal, &mut app, store.as_ref());
    restore();
    result
}

fn setup(mouse: bool) -> anyhow::Result<Term> {
    enable_raw_mode().context("switching the terminal to raw mode")?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, term_cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let terminal = Terminal::new(WideFix::new(CrosstermBackend::new(Ansi16::new(out))))?;
    Ok(terminal)
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

/// An SSH drop (SIGHUP) or a `kill` (SIGTERM) restores the terminal before the process ends.
/// Check-offs are saved as they are made, so nothing is lost by exiting here.
fn install_signal_handler() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

fn event_loop(terminal: &mut Term, app: &mut App, store: Option<&Store>) -> anyhow::Result<()> {
    let panic_for_tests = std::env::var_os("FGF_TEST_PANIC").is_some();
    // Start crossterm's event source (and with it its SIGWINCH handler) before the first frame:
    // a resize between that frame and the first read would otherwise go unnoticed.
    event::poll(std::time::Duration::ZERO).context("reading the terminal's events")?;
    loop {
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
        let action = match event::read().context("reading a key")? {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                // Alt-x is Esc then x (see keymap::presses): all but the last press go first.
                let mut presses = keymap::presses(k);
                let last = presses.pop().unwrap_or(k);
                for p in presses {
                    if let Some(a) = keymap::resolve(app.ctx(), p)
                        && perform(app, a, store) == Effect::Quit
                    {
                        return Ok(());
                    }
                }
                keymap::resolve(app.ctx(), last)
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Down),
                MouseEventKind::ScrollUp => Some(Action::Up),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
                _ => None,
            },
            _ => None,
        };
        if let Some(action) = action
            && perform(app, action, store) == Effect::Quit
        {
            return Ok(());
        }
    }
}

/// Updates the app and carries out its effect (a save); returns the effect.
fn perform(app: &mut App, action: Action, store: Option<&Store>) -> Effect {
    let effect = app.update(action);
    if effect == Effect::Save {
        save(app, store);
    }
    effect
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
