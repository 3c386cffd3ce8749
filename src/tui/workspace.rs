//! The workspace's list of notices, shown first when the workspace holds more than one: each
//! notice with its progress bar; Enter opens one (the usual view, its panes by section), and `q`
//! there comes back here; `q` or Esc here quits. `U` and `D` open the units view and the
//! deadlines view across every notice (`across.rs`), whose Enter opens a notice at a row. Its
//! own small loop on the terminal, so that the notice's App is untouched.

pub mod across;
mod draw;
mod help;
pub mod indexes;
pub mod notices;
pub mod search;
mod toggle;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use self::across::{Across, Notices, Went};
pub use self::draw::rows_on_screen;
use self::indexes::Indexes;
use self::search::{Done, Find};
use super::action::Action;
use super::i18n::Lang;
use super::keymap::{self, Ctx};
use super::layout::View;
use super::scroll::Scroll;
use super::theme::Theme;
use crate::domain::history;
use crate::domain::{Catalog, Loc};

/// One notice of the list, as the caller summed it up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// 文号 (or id).
    pub label: String,
    pub title: String,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

/// The list's state: the rows, the selection, the language and colours.
#[derive(Debug)]
pub struct List {
    pub rows: Vec<Row>,
    pub selected: usize,
    pub lang: Lang,
    pub theme: Theme,
    /// The first row shown (kept so that the selection is on screen).
    pub top: usize,
    /// Every notice with its check-offs, for the cross-notice views (none: `U` and `D` do nothing).
    notices: Option<Notices>,
    /// The cross-notice view shown, if any.
    across: Option<Across>,
    /// What Space just did in a cross-notice view (said once the shell has saved it) and the
    /// notice's check-offs before it (put back if they cannot be saved).
    pending: Option<(String, crate::domain::State)>,
    /// The search across every notice (`/`), while it is open.
    find: Option<Find>,
    /// The notices' search indexes, built on the first `/`.
    indexes: Indexes,
    /// The search history (oldest first), once the loop has read it, and why the file could
    /// not be read or written, if so.
    history: Option<(Vec<String>, Option<String>)>,
    /// A query run in the search across notices, for the loop to add to the history file.
    remember: Option<String>,
    /// The help popup (`?`), while it is open, and how far it is scrolled.
    help: Option<Scroll>,
    /// Notices on a screen as last drawn (PgDn / PgUp move by it).
    page: usize,
    /// The cross-notice view asked for while the notices' catalogs were not loaded.
    waiting: Option<View>,
}

/// What a key did on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    Open(usize),
    /// Open notice `.0` at `.1` (from a cross-notice view).
    OpenAt(usize, Loc),
    /// Notice `.0`'s check-offs changed (Space in a cross-notice view): save its state file,
    /// then tell the list (`List::saved`).
    Save(usize),
    /// `U` or `D` while the notices are read in place only: the shell loads every notice's
    /// catalog, then calls `List::loaded`, which opens the view.
    Load,
    /// Ctrl-z: `pick` suspends (and never returns this).
    Suspend,
    Quit,
    Stay,
}

impl List {
    pub fn new(rows: Vec<Row>, lang: Lang, theme: Theme) -> List {
        List {
            rows,
            selected: 0,
            lang,
            theme,
            top: 0,
            notices: None,
            across: None,
            pending: None,
            find: None,
            indexes: Indexes::default(),
            help: None,
            page: 1,
            history: None,
            remember: None,
            waiting: None,
        }
    }

    /// The search history as the loop read or wrote it (the file's list, with other sessions'
    /// queries), or why it could not (the file is then left alone, and the search says why).
    pub fn set_history(&mut self, loaded: Result<Vec<String>, String>) {
        let known = self
            .history
            .take()
            .map(|(list, _)| list)
            .unwrap_or_default();
        self.history = Some(match loaded {
            Ok(list) => (list, None),
            Err(why) => (known, Some(why)),
        });
    }

    /// Whether the loop has given the history yet.
    pub fn history_given(&self) -> bool {
        self.history.is_some()
    }

    /// The query to add to the history file, once (the loop writes it and gives back the
    /// file's list with `set_history`).
    pub fn take_remember(&mut self) -> Option<String> {
        self.remember.take()
    }

    /// Whether the help popup is open.
    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// With every notice, so that `U` and `D` can open the cross-notice views.
    pub fn with_notices(mut self, notices: Notices) -> List {
        self.notices = Some(notices);
        self
    }

    /// The notices, to read their check-offs again (then [`List::refresh`]).
    pub fn notices_mut(&mut self) -> Option<&mut Notices> {
        self.notices.as_mut()
    }

    /// Notice `i`'s catalog: the one loaded, else from the shelf (read from the cache now).
    pub fn notice(&self, i: usize) -> Option<Catalog> {
        self.notices.as_ref()?.catalog(i)
    }

    /// The notices' catalogs are loaded (after `Picked::Load`): the view asked for opens.
    pub fn loaded(&mut self) {
        if let (Some(view), Some(n)) = (self.waiting.take(), &self.notices)
            && n.loaded()
        {
            self.across = Some(Across::new(n, view));
        }
    }

    /// The cross-notice view again after the check-offs were read again (and the search
    /// indexes of the notices whose verified readings were applied again built anew).
    pub fn refresh(&mut self) {
        if let (Some(a), Some(n)) = (&self.across, &self.notices) {
            self.across = Some(a.refreshed(n));
        }
        if let Some(n) = &self.notices {
            for (i, p) in n.progress.iter().enumerate() {
                if !p.state().verified.is_empty() {
                    self.indexes.forget(i);
                }
            }
        }
    }

    /// The search across every notice, while it is open.
    pub fn search(&self) -> Option<&Find> {
        self.find.as_ref()
    }

    /// The cross-notice view shown, if any.
    pub fn across(&self) -> Option<&Across> {
        self.across.as_ref()
    }

    /// A key, resolved through the keymap's workspace context: ↑/↓ (k/j), PgUp/PgDn, Home/End
    /// (g/G), Enter opens, `/` searches every notice, U / D the cross-notice views, `?` the help,
    /// q / Esc / Ctrl-c quits, Ctrl-z suspends. In a cross-notice view, its keys (Esc and q come
    /// back to the list); in the help, the help's.
    pub fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> Picked {
        self.key_ahead(code, mods, false)
    }

    /// `key`, told whether more keys are already waiting (then the search typed into waits for
    /// them: an input method's word is searched once).
    pub fn key_ahead(&mut self, code: KeyCode, mods: KeyModifiers, more: bool) -> Picked {
        let ev = KeyEvent::new(code, mods);
        // Ctrl-z is the same in every context (the keymap's), typing a search included.
        if keymap::resolve(Ctx::Workspace, ev) == Some(Action::Suspend) {
            return Picked::Suspend;
        }
        if let Some(scroll) = &mut self.help {
            let page = scroll.page() as isize;
            match keymap::resolve(Ctx::Help, ev) {
                Some(Action::Back) => self.help = None,
                Some(Action::Down) => scroll.by(1),
                Some(Action::Up) => scroll.by(-1),
                Some(Action::PageDown) => scroll.by(page),
                Some(Action::PageUp) => scroll.by(-page),
                Some(Action::Quit) => return Picked::Quit,
                _ => {}
            }
            return Picked::Stay;
        }
        if let (Some(s), Some(n)) = (&mut self.find, &self.notices) {
            match s.key(n, &mut self.indexes, ev, more) {
                Done::Stay => {}
                Done::Back => self.find = None,
                Done::Open(d, l) => {
                    // `q` in the notice comes back to the list.
                    self.remember = s.take_remember();
                    self.find = None;
                    return Picked::OpenAt(d, l);
                }
                Done::Quit => return Picked::Quit,
            }
            return Picked::Stay;
        }
        if let (Some(a), Some(n)) = (&mut self.across, &self.notices) {
            if keymap::resolve(Ctx::Browse, ev) == Some(Action::Help) {
                self.help = Some(Scroll::default());
                return Picked::Stay;
            }
            match a.key(n, ev) {
                Went::Stay => {}
                Went::Back => {
                    self.across = None;
                    // The list needs no catalogs: what is on the shelf is not held twice.
                    if let Some(n) = &mut self.notices
                        && n.unload()
                    {
                        super::trim();
                    }
                }
                Went::Open(d, l) => return Picked::OpenAt(d, l),
                Went::Toggle(d, l) => return self.toggle(d, l),
                Went::Quit => return Picked::Quit,
            }
            return Picked::Stay;
        }
        let last = self.rows.len().saturating_sub(1);
        let Some(action) = keymap::resolve(Ctx::Workspace, ev) else {
            return Picked::Stay;
        };
        match action {
            Action::Search if self.notices.is_some() => {
                let (known, problem) = self.history.clone().unwrap_or_default();
                self.find = Some(Find::new(known).with_problem(problem));
            }
            Action::Units | Action::Deadlines => {
                let view = if action == Action::Units {
                    View::Units
                } else {
                    View::Deadlines
                };
                match &self.notices {
                    Some(n) if !n.loaded() => {
                        // What searches read of the archives in place is given back before
                        // the catalogs come (it stays mapped between searches: read again,
                        // each page would cost the first keystroke a fault).
                        n.release();
                        self.waiting = Some(view);
                        return Picked::Load;
                    }
                    Some(n) => self.across = Some(Across::new(n, view)),
                    None => {}
                }
            }
            Action::Help if self.notices.is_some() => self.help = Some(Scroll::default()),
            Action::Quit => return Picked::Quit,
            Action::Activate if !self.rows.is_empty() => return Picked::Open(self.selected),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + self.page).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(self.page),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            _ => {}
        }
        Picked::Stay
    }
}

/// What is done once the first frame is on the screen, before any key is read (the rest of the
/// workspace loaded, its rows filled in).
pub type Then<'a> = &'a mut dyn FnMut(&mut List) -> anyhow::Result<()>;

/// Shows the list (or a cross-notice view) until a notice is opened or the user quits; `then`
/// runs after the first frame is drawn (then the list is drawn again).
pub fn pick(list: &mut List, mouse: bool, mut then: Option<Then>) -> anyhow::Result<Picked> {
    super::install_once()?;
    if !list.history_given() {
        let loaded = super::history_file(list.lang, history::load);
        list.set_history(loaded.unwrap_or(Ok(Vec::new())));
    }
    let mut terminal = super::setup(mouse).inspect_err(|_| super::restore())?;
    let waiting = || event::poll(std::time::Duration::ZERO);
    let result = (|| loop {
        // Keys already typed (an input method's word, a paste) are taken before the next frame,
        // and the search typed into runs once for all of them. (The first frame is always drawn.)
        if then.is_some() || !waiting()? {
            terminal.draw(|f| list.draw(f))?;
        }
        if let Some(then) = then.take() {
            then(list)?;
            continue;
        }
        // None: suspended and back (Ctrl-z, SIGTSTP) or continued (SIGCONT): drawn again.
        let Some(ev) = super::next_event_or(&mut terminal, mouse, || false)? else {
            continue;
        };
        if let Event::Key(k) = ev
            && k.kind == KeyEventKind::Press
        {
            // Alt-x read as Esc then x, as in a notice (keymap::presses).
            let keys = super::keymap::presses(k);
            let last = keys.len() - 1;
            for (i, k) in keys.into_iter().enumerate() {
                let more = i < last || waiting()?;
                let picked = list.key_ahead(k.code, k.modifiers, more);
                if let Some(query) = list.take_remember() {
                    let lang = list.lang;
                    if let Some(saved) =
                        super::history_file(lang, |path| history::remember(path, &query))
                    {
                        list.set_history(saved);
                    }
                }
                match picked {
                    Picked::Stay => {}
                    Picked::Suspend => super::ask_suspend(),
                    picked => return Ok(picked),
                }
            }
        }
    })();
    super::restore();
    result
}
