//! `/` on the list of notices: one search across every notice. The search line is a notice's
//! own (its keys from the keymap's search context, the caret by display width); the results,
//! best first across the notices, each name their notice's 文号; Enter opens that notice at the
//! hit (`q` there comes back to the list), Esc closes the search. The engine is
//! `domain::search::across` (the notices split across the cores, a query that narrows the last
//! searching its matches only, only the rows shown explained); each notice's index is built once.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::across::Notices;
pub use super::indexes::Indexes;
use crate::domain::Loc;
use crate::domain::search::across::{Results, Searcher};
use crate::domain::search::{Options as SearchOptions, Target};
use crate::domain::workspace::bodies::short_label_of;
use crate::domain::workspace::scope::{self, Unscoped};
use crate::tui::action::Action;
use crate::tui::cursor::Cursor;
use crate::tui::i18n::Lang;
use crate::tui::input::{HistoryWalk, LineInput};
use crate::tui::keymap::{self, Ctx};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::theme::Theme;
use crate::tui::widgets::{bars, disp, list_rows, pane, results, row};

/// Units are not results here: every notice names the same bodies (the `U` view gathers them).
const OPTIONS: SearchOptions = SearchOptions {
    limit: 500,
    units: false,
};

/// What a key did in the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Stay,
    /// Esc: back to the list.
    Back,
    /// Open notice `.0` at `.1`.
    Open(usize, Loc),
    Quit,
}

/// The search across the notices: the line, what it found, the selection.
#[derive(Debug, Default)]
pub struct Find {
    input: LineInput,
    results: Results,
    cursor: Cursor,
    searcher: Searcher,
    /// An `in:` word that names no notice (or several).
    unscoped: Option<Unscoped>,
    /// The screen's size when last drawn (paging needs the pane's height).
    size: Rect,
    /// The line changed and was not searched yet (more keys were waiting: an input method's
    /// word, or typing faster than the search).
    pending: bool,
    /// Queries run before, oldest first (the history file's, shared with a notice's search).
    history: Vec<String>,
    /// Walking the history with ↑ / ↓.
    walk: HistoryWalk,
    /// A query run (Enter on a hit) for the loop to add to the history file.
    remember: Option<String>,
    /// Why the history file could not be read or written (shown in the results' title).
    history_problem: Option<String>,
}

impl Find {
    /// A search with the queries run before (oldest first), for ↑ / ↓.
    pub fn new(history: Vec<String>) -> Find {
        Find {
            size: Rect::new(0, 0, 80, 24),
            history,
            ..Find::default()
        }
    }

    /// With why the history file could not be read or written, if so.
    pub fn with_problem(mut self, problem: Option<String>) -> Find {
        self.history_problem = problem;
        self
    }

    /// The query to add to the history file, once.
    pub fn take_remember(&mut self) -> Option<String> {
        self.remember.take()
    }

    /// The query typed.
    pub fn query(&self) -> String {
        self.input.text()
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    /// The selected row.
    pub fn selected(&self) -> usize {
        self.cursor.sel
    }

    /// A key, resolved through the keymap's search context. With `more` (other keys already
    /// waiting), an edit is searched with them, once.
    pub fn key(&mut self, n: &Notices, idx: &mut Indexes, ev: KeyEvent, more: bool) -> Done {
        let Some(action) = keymap::resolve(Ctx::Search, ev) else {
            return Done::Stay;
        };
        if let Action::Edit(e) = action {
            let changed = self.input.apply(e);
            if changed {
                self.walk.stop();
            }
            self.pending |= changed;
            if !more {
                self.settle(n, idx);
            }
            return Done::Stay;
        }
        if let Action::HistoryPrev | Action::HistoryNext = action {
            let back = action == Action::HistoryPrev;
            self.pending |= self.walk.step(&self.history, back, &mut self.input);
            if !more {
                self.settle(n, idx);
            }
            return Done::Stay;
        }
        if action == Action::Submit && self.input.is_empty() {
            // As in a notice (and vim's `/` Enter): the last query again; with none, back.
            let Some(last) = self.history.last() else {
                return Done::Back;
            };
            self.input = LineInput::with_text(last);
            self.pending = true;
            self.settle(n, idx);
            return Done::Stay;
        }
        // Moving or opening acts on the results of the line as it is.
        self.settle(n, idx);
        let page = self.height();
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page as isize,
            Action::PageUp => -(page as isize),
            _ => 0,
        };
        let len = self.results.ranked.len();
        match action {
            _ if delta != 0 => {
                self.cursor.move_by(delta, len, page);
                self.explain(n, idx);
            }
            Action::Submit => {
                // The selected row is on screen, so explained.
                let found = self.results.hits.get(self.cursor.sel);
                return match found.map(|f| (f.notice, f.hit.target)) {
                    Some((d, Target::Item(loc))) => {
                        let query = self.input.text();
                        if crate::domain::history::push(&mut self.history, &query) {
                            // As kept: neutralised, trimmed.
                            self.remember = self.history.last().cloned();
                        }
                        Done::Open(d, loc)
                    }
                    _ => Done::Back,
                };
            }
            Action::Back => return Done::Back,
            Action::Quit => return Done::Quit,
            _ => {}
        }
        Done::Stay
    }

    /// Searches the line if it changed since it was last searched.
    fn settle(&mut self, n: &Notices, idx: &mut Indexes) {
        if std::mem::take(&mut self.pending) {
            self.rerun(n, idx);
        }
    }

    fn rerun(&mut self, n: &Notices, idx: &mut Indexes) {
        let docs: Vec<(&str, &str)> = (0..n.len())
            .filter_map(|i| n.doc(i))
            .map(|d| (d.id.as_str(), d.number.as_str()))
            .collect();
        let (picked, rest) = match scope::pick(&docs, &self.input.text()) {
            Ok(p) => {
                self.unscoped = None;
                p
            }
            Err(e) => {
                self.unscoped = Some(e);
                (Vec::new(), String::new())
            }
        };
        let notices = idx.of(n);
        let shown = self.height();
        self.results = self
            .searcher
            .search(&notices, &picked, &rest, &OPTIONS, shown);
        self.cursor = Cursor::default();
    }

    /// The rows on screen explained.
    fn explain(&mut self, n: &Notices, idx: &mut Indexes) {
        let upto = self.cursor.offset + self.height();
        self.results.explain_to(&idx.of(n), upto);
    }

    /// Rows inside the results pane.
    fn height(&self) -> usize {
        inner_height(self.pane(self.size))
    }

    /// The results pane: under the heading, above the search line.
    fn pane(&self, area: Rect) -> Rect {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        }
    }

    /// Draws the heading, the results (each row naming its notice) and the search line.
    pub fn draw(&mut self, f: &mut Frame<'_>, n: &Notices, idx: &mut Indexes) {
        let area = f.area();
        self.size = area;
        if area.height < 4 {
            return;
        }
        self.settle(n, idx);
        self.cursor.follow(self.results.ranked.len(), self.height());
        self.explain(n, idx);
        let (o, l) = (&n.opts, n.opts.lang);
        let t = Theme::new(o.color);
        let w = usize::from(area.width);
        let k = n.len();
        let head = match l {
            Lang::Zh => format!("工作区 · {k} 份通知 · 搜索全部通知"),
            Lang::En => format!("Workspace · {k} notices · search every notice"),
        };
        f.render_widget(
            Paragraph::new(row(o, vec![(head, t.bold())], w)),
            Rect { height: 1, ..area },
        );
        let body = self.pane(area);
        let cols = inner_width(body);
        let notices = idx.of(n);
        let lines: Vec<Line> = list_rows(
            o,
            self.results.hits.iter(),
            self.cursor,
            inner_height(body),
            Some(true),
            |_, found| {
                let d = found.notice;
                let label = n.doc(d).map_or("", short_label_of);
                let tag = vec![(format!("{} ", disp(o, label)), t.id())];
                let words = match found.hit.target {
                    Target::Item(loc) => notices.get(d).map_or("", |x| x.words(loc)),
                    Target::Unit(_) => "",
                };
                results::hit_row(o, &found.hit, cols, tag, words)
            },
        );
        let title = self.title(l);
        f.render_widget(
            Paragraph::new(lines).block(pane(o, title, true, area.width)),
            body,
        );
        let keys = bars::search_hints(o, &[Action::Yank]);
        let foot = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        bars::search_line(f, o, foot, keys, &self.input);
    }

    /// "搜索结果 N 条（全部通知）", with what the parser made of odd input, or why an `in:`
    /// word names no notice.
    fn title(&self, l: Lang) -> String {
        let total = self.results.total;
        let mut title = match l {
            Lang::Zh => format!("搜索结果 {total} 条（全部通知）"),
            Lang::En => format!("{total} results (every notice)"),
        };
        for note in &self.results.query.notes {
            title.push_str(" · ");
            title.push_str(&crate::domain::lang::query_note(note, l));
        }
        match &self.unscoped {
            Some(Unscoped::Unknown(key)) => title.push_str(&match l {
                Lang::Zh => format!(" · in:{key}：工作区中没有这份通知"),
                Lang::En => format!(" · in:{key}: no such notice in the workspace"),
            }),
            Some(Unscoped::Several(key, many)) => {
                let list = many.join("、");
                title.push_str(&match l {
                    Lang::Zh => format!(" · in:{key} 可指几份通知：{list}；请写全文号"),
                    Lang::En => format!(" · in:{key} could be several notices: {list}"),
                })
            }
            None => {}
        }
        if let Some(why) = &self.history_problem {
            title.push_str(" · ");
            title.push_str(&crate::domain::text::sanitize(why));
        }
        title
    }
}
