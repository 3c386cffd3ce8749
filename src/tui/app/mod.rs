//! The TUI's state and `update`: an action in, state changed, an effect out. No terminal here.
//!
//! Navigation lives in `nav.rs`; check-offs, undo, notes and saving in `marks.rs`.

mod agenda;
mod filter;
mod fold;
mod lists;
mod log;
mod marks;
mod mouse;
mod nav;
mod overview;
mod rollup;
mod search;
mod verify;
mod yank;

use jiff::civil::Date;
use ratatui::layout::Rect;

pub use self::agenda::{Band, DeadlineOrder, DeadlineRow, DeadlinesView};
pub use self::lists::{Body, UnitOrder, UnitPart, UnitsView};
pub use self::marks::Pending;
pub use self::overview::Overview;
pub use self::rollup::Rollup;
pub use self::search::{Finder, SearchState};
pub use self::verify::VerifyForm;
use super::action::{Action, Effect, FilterKey};
use super::i18n::Lang;
use super::input::LineInput;
use super::keymap::Ctx;
use super::layout::{self, Areas, Screen, View};
use super::scroll::Scroll;
use super::sections::Sections;
use super::tree::Tree;
use crate::domain::progress::LogStatus;
use crate::domain::{Catalog, Progress, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Section(usize),
    Detail,
    UnitList,
    UnitMeasures,
    Deadlines,
    /// The search results.
    Results,
}

/// What keys mean right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Help,
    /// A whole task is about to be checked or unchecked: y / n.
    Confirm(Pending),
    /// Typing a note for a milestone.
    Note {
        milestone: String,
        input: LineInput,
    },
    /// Typing a progress-log entry for a milestone or measure, with the status it reports.
    Log {
        id: String,
        status: LogStatus,
        input: LineInput,
    },
    /// Typing a search; the results show as you type.
    Search(Box<SearchState>),
    /// The overview popup (O).
    Overview(Box<Overview>),
    /// Verifying a measure's allocation: picking units, then typing the source.
    Verify(Box<VerifyForm>),
    /// The first key of a two-key command was pressed (z, [, ], f): the next completes it.
    Prefix(char),
    /// Typing what a filter criterion needs: a unit's name, a deadline range.
    Filter {
        key: FilterKey,
        input: LineInput,
    },
}

/// A row of the units view's measure list: the measure, whether the unit leads it (else it
/// cooperates), and whether only under the measure's alternative reading.
/// Options fixed at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// "Today" for overdue marks: the real date, or `--as-of`.
    pub today: Date,
    /// Draw “ ” — as two columns (terminals set to East Asian ambiguous = wide).
    pub ambiwide: bool,
    pub color: bool,
    /// The locale is not UTF-8 (LANG=C): boxes, arrows and markers drawn in ASCII.
    pub ascii: bool,
}

pub struct App {
    pub(crate) cat: Catalog,
    pub(crate) opts: Options,
    pub(crate) view: View,
    pub(crate) focus: Focus,
    pub(crate) mode: Mode,
    /// The section panes: a tree per section, the selected section, the filter.
    pub(crate) sections: Sections,
    /// The detail pane's scroll (measured as drawn).
    pub(crate) detail_scroll: Scroll,
    /// The units view: units in display order, the selected unit and its selected measure.
    pub(crate) units: UnitsView,
    /// The deadlines view: milestones by deadline and the selection.
    pub(crate) deadlines: DeadlinesView,
    pub(crate) help_scroll: Scroll,
    pub(crate) finder: Finder,
    pub(crate) progress: Progress,
    /// Counts shown on every frame, kept in step with `progress`.
    pub(crate) rollup: Rollup,
    /// Why check-offs cannot be saved (a state file fgf must not overwrite), if so.
    pub(crate) read_only: Option<String>,
    /// A one-line message for the status bar (what a save did, why a key did nothing).
    pub(crate) status: Option<String>,
    pub(crate) size: Rect,
    /// "Today" is the day `--as-of` gave (the header says so).
    pub(crate) as_of: bool,
}

impl App {
    pub fn new(cat: Catalog, opts: Options) -> App {
        let sections = Sections::new(&cat);
        let progress = Progress::new(State::new(&cat.doc.id));
        let (cats, p) = (std::slice::from_ref(&cat), std::slice::from_ref(&progress));
        let units = UnitsView::new(cats, p, opts.today, None);
        let deadlines =
            DeadlinesView::new(cats, p, opts.today, DeadlineOrder::Date, str::to_string);
        let rollup = Rollup::new(&cat, opts.today);
        App {
            cat,
            opts,
            view: View::Tree,
            focus: Focus::Section(0),
            mode: Mode::Browse,
            sections,
            detail_scroll: Scroll::default(),
            units,
            deadlines,
            help_scroll: Scroll::default(),
            finder: Finder::default(),
            progress,
            rollup,
            read_only: None,
            status: None,
            size: Rect::new(0, 0, 80, 24),
            as_of: false,
        }
    }

    /// Starts from the check-offs of a state file; `read_only` says why they cannot be saved.
    pub fn with_progress(mut self, state: State, read_only: Option<String>) -> App {
        self.progress = Progress::new(state);
        self.read_only = read_only;
        self.recount();
        self
    }

    /// The state file could not be read: no check-offs shown, none saved, and the reason on screen.
    pub fn with_progress_error(mut self, why: String) -> App {
        self.read_only = Some(why);
        self
    }

    /// The document.
    pub fn catalog(&self) -> &Catalog {
        &self.cat
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The view: the section panes, units or deadlines (while a search is typed, the one it
    /// began in).
    pub fn view(&self) -> View {
        self.view
    }

    /// What the body shows: the view, or the search results while a search is typed.
    pub fn screen(&self) -> Screen {
        match self.mode {
            Mode::Search(_) => Screen::Results,
            _ => self.view.into(),
        }
    }

    /// Which pane has the keys.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// What keys mean now: browsing, help, a prompt, a note or a search being typed.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Section `i`'s pane: its rows, expansion and selection.
    pub fn tree(&self, i: usize) -> &Tree {
        self.sections.tree(i)
    }

    /// The section shown on a narrow screen (and followed by the detail pane).
    pub fn section(&self) -> usize {
        self.sections.selected()
    }

    /// The section panes: trees, the selected section, the filter.
    pub fn sections(&self) -> &Sections {
        &self.sections
    }

    pub fn units(&self) -> &UnitsView {
        &self.units
    }

    pub fn deadlines(&self) -> &DeadlinesView {
        &self.deadlines
    }

    pub fn detail_scroll(&self) -> &Scroll {
        &self.detail_scroll
    }

    pub fn help_scroll(&self) -> &Scroll {
        &self.help_scroll
    }

    /// The check-offs, notes and verifications of this session.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The counts drawn every frame.
    pub fn rollup(&self) -> &Rollup {
        &self.rollup
    }

    /// The status line's message, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Says `message` in the status line (until the next key).
    pub fn set_status(&mut self, message: String) {
        self.status = Some(message);
    }

    /// The screen's size as last resized.
    pub fn size(&self) -> Rect {
        self.size
    }

    pub fn ctx(&self) -> Ctx {
        match self.mode {
            Mode::Browse => Ctx::Browse,
            Mode::Help => Ctx::Help,
            Mode::Confirm(_) => Ctx::Confirm,
            Mode::Note { .. } | Mode::Log { .. } => Ctx::Input,
            Mode::Search(_) => Ctx::Search,
            Mode::Verify(ref f) if f.source.is_none() => Ctx::Pick,
            Mode::Verify(_) => Ctx::Input,
            Mode::Overview(_) => Ctx::Overview,
            Mode::Prefix(c) => Ctx::Prefix(c),
            Mode::Filter { .. } => Ctx::Input,
        }
    }

    pub fn areas(&self) -> Areas {
        let n = self.cat.doc.sections.len();
        layout::areas(
            self.size,
            self.screen(),
            n,
            self.sections.selected(),
            self.focus == Focus::Detail,
        )
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.refollow();
                return Effect::None;
            }
            _ => {}
        }
        // While the screen says it is too small, nothing it cannot show may change: only quit and
        // resize act (a key pressed blind must not check anything off).
        if layout::too_small(self.size) {
            return Effect::None;
        }
        if self.mode == Mode::Browse {
            self.status = None;
        }
        if let Action::Wheel(x, y, down) = action {
            self.wheel(x, y, down);
            return Effect::None;
        }
        match self.mode {
            Mode::Browse => self.browse(action),
            Mode::Help => {
                match action {
                    Action::Back => {
                        self.mode = Mode::Browse;
                        self.help_scroll.reset();
                    }
                    Action::Down => self.help_scroll.by(1),
                    Action::Up => self.help_scroll.by(-1),
                    Action::PageDown => self.help_scroll.by(self.help_scroll.page() as isize),
                    Action::PageUp => self.help_scroll.by(-(self.help_scroll.page() as isize)),
                    _ => {}
                }
                Effect::None
            }
            Mode::Confirm(_) => self.confirm(action),
            Mode::Note { .. } => self.note_input(action),
            Mode::Log { .. } => self.log_input(action),
            Mode::Search(_) => self.search_input(action),
            Mode::Verify(_) => self.verify_input(action),
            Mode::Overview(_) => self.overview_input(action),
            Mode::Prefix(_) => {
                // The second key of a two-key command: Esc (or any key not bound) cancels.
                self.mode = Mode::Browse;
                if action == Action::Back {
                    return Effect::None;
                }
                self.browse(action)
            }
            Mode::Filter { .. } => self.filter_input(action),
        }
    }

    fn browse(&mut self, action: Action) -> Effect {
        match action {
            Action::Help => self.mode = Mode::Help,
            Action::Back => self.back(),
            Action::Units => self.switch_view(View::Units),
            Action::Deadlines => self.switch_view(View::Deadlines),
            Action::Section(i) => self.section_key(i),
            Action::NextPane => self.cycle_focus(1),
            Action::PrevPane => self.cycle_focus(-1),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Top => self.move_by(-(isize::MAX / 2)),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::Collapse => self.collapse(),
            Action::Expand => self.expand(false),
            Action::Activate => self.expand(true),
            Action::Toggle => return self.toggle(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::Note => self.begin_note(),
            Action::Log => self.begin_log(),
            Action::Verify => self.begin_verify(),
            Action::Overview => self.begin_overview(),
            Action::Search => self.begin_search(),
            Action::Yank => return self.yank(false),
            Action::YankText => return self.yank(true),
            Action::Click(x, y) => self.click(x, y),
            Action::Sort => self.sort(),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::Prefix(c) => self.mode = Mode::Prefix(c),
            Action::FoldAll(open) => self.fold_all(open),
            Action::CycleFold => self.cycle_fold(),
            Action::JumpTo { forward, overdue } => self.jump_next(forward, overdue),
            Action::Filter(key) => self.filter_key(key),
            Action::ClearFilter => self.clear_filter(),
            Action::EditNote => return self.begin_edit_note(),
            Action::Quit
            | Action::Suspend
            | Action::Resize(..)
            | Action::Confirm(_)
            | Action::Edit(_)
            | Action::NextStatus
            | Action::Wheel(..)
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::Submit => {}
        }
        Effect::None
    }
}
