//! `/`: the search line. Results update on every keystroke (narrowing from the previous ones while
//! typing); Enter jumps to the hit; Esc restores the view as it was; n / N step through the hits
//! afterwards. Up / Down walk the queries run before (`domain::history`; the event loop loads
//! and saves the file), and Enter on an empty line runs the last one again.

use super::{App, Focus, Mode};
use crate::domain::history;
use crate::domain::search::{self, Index, Results, Searcher, Target};
use crate::tui::action::{Action, Effect};
use crate::tui::cursor::Cursor;
use crate::tui::input::{HistoryWalk, LineInput};
use crate::tui::layout::View;

/// The search line and what it found.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub input: LineInput,
    pub results: Results,
    pub cursor: Cursor,
    /// The pane to go back to on Esc (the view stays what it was).
    back: Option<Focus>,
    /// Walking the history with Up / Down.
    walk: HistoryWalk,
}

impl PartialEq for SearchState {
    fn eq(&self, other: &SearchState) -> bool {
        self.input == other.input && self.cursor == other.cursor
    }
}

impl Eq for SearchState {}

/// The engine's index and memory, built on the first `/` (not at start-up).
#[derive(Default)]
pub struct Finder {
    index: Option<Index>,
    searcher: Searcher,
    /// The hits of the last search left with Enter, and the one shown, for n / N.
    pub last: Vec<Target>,
    pub at: usize,
    /// Queries run before, oldest first (from the history file, and this session's).
    pub history: Vec<String>,
    /// Why the history file was not read or written, shown while searching.
    pub history_problem: Option<String>,
}

const OPTIONS: search::Options = search::Options {
    limit: 500,
    units: true,
};

impl App {
    pub(super) fn begin_search(&mut self) {
        let back = Some(self.focus);
        self.focus = Focus::Results;
        self.mode = Mode::Search(Box::new(SearchState {
            back,
            ..SearchState::default()
        }));
        self.detail_scroll.reset();
    }

    pub(super) fn search_input(&mut self, action: Action) -> Effect {
        // A message (what Ctrl-y copied) shows in the results' title until the next key.
        self.status = None;
        match action {
            Action::Yank => return self.yank(false),
            Action::Edit(e) => {
                let changed = match &mut self.mode {
                    Mode::Search(s) => s.input.apply(e),
                    _ => false,
                };
                if changed {
                    if let Mode::Search(s) = &mut self.mode {
                        s.walk.stop();
                    }
                    self.rerun_search();
                }
            }
            Action::HistoryPrev => self.walk_history(true),
            Action::HistoryNext => self.walk_history(false),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = self.page() as isize;
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -page,
                    _ => page,
                };
                if let Mode::Search(s) = &mut self.mode {
                    s.cursor.move_by(delta, s.results.hits.len(), page as usize);
                }
                self.detail_scroll.reset();
            }
            Action::Submit => return self.submit_search(),
            Action::Back => self.leave_search(false),
            _ => {}
        }
        Effect::None
    }

    /// Up (`back`) / Down: the previous / next query of the history into the line; past the
    /// newest, what was being typed comes back.
    fn walk_history(&mut self, back: bool) {
        let Mode::Search(s) = &mut self.mode else {
            return;
        };
        if s.walk.step(&self.finder.history, back, &mut s.input) {
            self.rerun_search();
        }
    }

    /// Enter: the query is remembered (the loop saves it); an empty line runs the last query
    /// again, as vim's `/` Enter does.
    fn submit_search(&mut self) -> Effect {
        let Mode::Search(s) = &mut self.mode else {
            return Effect::None;
        };
        if s.input.is_empty() {
            let Some(last) = self.finder.history.last() else {
                self.leave_search(false);
                self.say("还没有搜索过".into(), "no earlier search".into());
                return Effect::None;
            };
            s.input = LineInput::with_text(last);
            self.rerun_search();
        }
        let query = match &self.mode {
            Mode::Search(s) => s.input.text(),
            _ => String::new(),
        };
        self.leave_search(true);
        if history::push(&mut self.finder.history, &query) {
            Effect::Remember(query)
        } else {
            Effect::None
        }
    }

    /// The history as the loop loaded it, or why it could not (the file is then left alone).
    pub fn set_history(&mut self, loaded: Result<Vec<String>, String>) {
        match loaded {
            Ok(list) => self.finder.history = list,
            Err(why) => self.finder.history_problem = Some(why),
        }
    }

    /// After remembering a query: the file's list (with other sessions' queries), or the reason
    /// it was not written.
    pub fn history_saved(&mut self, saved: Result<Vec<String>, String>) {
        match saved {
            Ok(list) => {
                self.finder.history = list;
                self.finder.history_problem = None;
            }
            Err(why) => {
                self.status = Some(why.clone());
                self.finder.history_problem = Some(why);
            }
        }
    }

    /// Queries run before, oldest first.
    pub fn history(&self) -> &[String] {
        &self.finder.history
    }

    fn rerun_search(&mut self) {
        let Mode::Search(s) = &mut self.mode else {
            return;
        };
        let index = self
            .finder
            .index
            .get_or_insert_with(|| Index::new(&self.cat));
        s.results = self
            .finder
            .searcher
            .search(&self.cat, index, &s.input.text(), &OPTIONS);
        s.cursor = Cursor::default();
        self.detail_scroll.reset();
    }

    /// The hit under the cursor in the search view.
    pub fn search_hit(&self) -> Option<&search::Hit> {
        match &self.mode {
            Mode::Search(s) => s.results.hits.get(s.cursor.sel),
            _ => None,
        }
    }

    /// Enter: go to the hit (and keep the hits for n / N); Esc: back to where the search began.
    fn leave_search(&mut self, go: bool) {
        let Mode::Search(s) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return;
        };
        self.focus = s.back.unwrap_or(Focus::Section(self.sections.selected()));
        if go && !s.results.hits.is_empty() {
            self.finder.last = s.results.hits.iter().map(|h| h.target).collect();
            self.finder.at = s.cursor.sel;
            self.show_target(self.finder.last[self.finder.at]);
        }
        self.refollow();
    }

    /// n / N: the next or previous hit of the last search.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let n = self.finder.last.len();
        if n == 0 {
            self.say(
                "没有搜索结果（/ 搜索）".into(),
                "no search hits (/ to search)".into(),
            );
            return;
        }
        self.finder.at = if forward {
            (self.finder.at + 1) % n
        } else {
            (self.finder.at + n - 1) % n
        };
        self.show_target(self.finder.last[self.finder.at]);
        let at = self.finder.at + 1;
        self.say(format!("第 {at}/{n} 条结果"), format!("hit {at} of {n}"));
    }

    fn show_target(&mut self, target: Target) {
        match target {
            Target::Item(loc) => self.jump_to(loc),
            Target::Unit(u) => {
                self.view = View::Units;
                self.focus = Focus::UnitMeasures;
                let height = self.list_height(View::Units, 0);
                self.units.select(u, height);
                self.refollow();
            }
        }
    }
}
