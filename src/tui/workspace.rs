//! The workspace's list of notices, shown first when the workspace holds more than one: each
//! notice with its progress bar; Enter opens one (the usual view, its panes by section), and `q`
//! there comes back here; `q` or Esc here quits. `U` and `D` open the units view and the
//! deadlines view across every notice (`across.rs`), whose Enter opens a notice at a row. Its
//! own small loop on the terminal, so that the notice's App is untouched.

pub mod across;
mod help;
pub mod search;
mod toggle;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use self::across::{Across, Notices, Went};
use self::search::{Done, Find, Indexes};
use super::action::Action;
use super::i18n::Lang;
use super::keymap::{self, Ctx};
use super::layout::View;
use super::scroll::Scroll;
use super::theme::Theme;
use crate::domain::history;
use crate::domain::text::{fit, sanitize};
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

    /// Notice `i`.
    pub fn notice(&self, i: usize) -> Option<&Catalog> {
        self.notices.as_ref()?.cats.get(i)
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
                Went::Back => self.across = None,
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
                self.across = self.notices.as_ref().map(|n| Across::new(n, view));
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

    /// Draws the list: a heading, two lines a notice (文号 and bar; title), the keys at the foot;
    /// or the cross-notice view.
    pub fn draw(&mut self, f: &mut Frame<'_>) {
        self.draw_under(f);
        // The help and the terminal's quirks, as a notice's frame has them (view::draw).
        if let Some(o) = self.notices.as_ref().map(|n| &n.opts) {
            if let Some(scroll) = &self.help {
                let r = help::draw(f, o, scroll);
                super::view::clear_cut_glyphs(f.buffer_mut(), r);
            }
            super::view::terminal_fixes(f.buffer_mut(), o);
        }
    }

    /// A notice's text as the terminal takes it: neutralised, and with `--ambiwide` a padding
    /// column after each ambiguous character (`widgets::disp`).
    fn shown(&self, s: &str) -> String {
        match &self.notices {
            Some(n) => super::widgets::disp(&n.opts, s),
            None => sanitize(s).into_owned(),
        }
    }

    /// The search, the cross-notice view or the list (under the help, when it is open).
    fn draw_under(&mut self, f: &mut Frame<'_>) {
        if let (Some(s), Some(n)) = (&mut self.find, &self.notices) {
            s.draw(f, n, &mut self.indexes);
            return;
        }
        if let (Some(a), Some(n)) = (&mut self.across, &self.notices) {
            a.draw(f, n);
            return;
        }
        let area = f.area();
        let zh = self.lang == Lang::Zh;
        let n = self.rows.len();
        let head = if zh {
            format!("工作区 · {n} 份通知")
        } else {
            format!("Workspace · {n} notices")
        };
        // The footer's keys from the keymap (those that need every notice only with them);
        // within 80 columns: ↑ ↓ are left to be guessed.
        let needs_notices = [Action::Search, Action::Units, Action::Deadlines];
        let foot = keymap::bindings(Ctx::Workspace, true)
            .filter(|b| self.notices.is_some() || !needs_notices.contains(&b.action))
            .map(|b| {
                let label = b.label.split(' ').next().unwrap_or(b.label);
                format!("{label} {}", self.lang.pick(b.zh, b.en))
            })
            .collect::<Vec<_>>()
            .join("  ");
        let t = self.theme;
        let w = usize::from(area.width);
        let per_page = per_page(area.height);
        self.page = per_page;
        if self.selected < self.top {
            self.top = self.selected;
        }
        if self.selected >= self.top + per_page {
            self.top = self.selected + 1 - per_page;
        }
        let mut lines = vec![Line::styled(fit(&head, w), t.bold()), Line::raw("")];
        for (i, r) in self.rows.iter().enumerate().skip(self.top).take(per_page) {
            let sel = i == self.selected;
            let filled = (r.done * 10).checked_div(r.total).unwrap_or(0);
            let pct = (r.done * 100).checked_div(r.total).unwrap_or(0);
            let late = match (r.overdue, zh) {
                (0, _) => String::new(),
                (k, true) => format!("  逾期 {k}"),
                (k, false) => format!("  overdue {k}"),
            };
            let style = if sel { t.selected(true) } else { t.bold() };
            let label = fit(&self.shown(&r.label), 28.min(w.saturating_sub(2)));
            lines.push(Line::from(vec![
                Span::styled(if sel { "▶ " } else { "  " }, style),
                Span::styled(label, style),
                Span::raw(format!("  {}/{} {pct:>3}% ", r.done, r.total)),
                Span::styled("█".repeat(filled), t.done()),
                Span::styled("░".repeat(10 - filled), t.dim()),
                Span::styled(late, t.overdue()),
            ]));
            let title = fit(&self.shown(&r.title), w.saturating_sub(4));
            lines.push(Line::styled(format!("    {title}"), t.dim()));
        }
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        f.render_widget(Paragraph::new(lines), body);
        if area.height > 0 {
            let foot_area = Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            };
            f.render_widget(
                Paragraph::new(Line::styled(fit(&foot, w), t.dim())),
                foot_area,
            );
        }
    }
}

/// Notices shown at once on a screen `height` rows high (two lines each, under a heading and a
/// blank line, over the keys).
fn per_page(height: u16) -> usize {
    usize::from(height.saturating_sub(3) / 2).max(1)
}

/// Notices the list shows on the terminal as it is now (on the whole screen); a full screen of
/// 50 rows when its size cannot be read.
pub fn rows_on_screen() -> usize {
    per_page(crossterm::terminal::size().map_or(50, |(_, h)| h))
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
