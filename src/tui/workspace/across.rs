//! The workspace's cross-notice views, opened from the list of notices with `U` and `D`: the
//! units view and the deadlines view over every notice ("everything due this month, everywhere,
//! by lead unit"). The same view states (`UnitsView`, `DeadlinesView`) and panes as a notice's
//! own, their rows naming their notice; units gathered by the workspace's unit identities
//! (printed and official names, the user's aliases). Keys resolve through the keymap table;
//! Enter opens the row's notice at that measure or milestone; Space checks a measure or milestone
//! off (or back) in its own notice's check-offs, which the shell saves to that notice's state
//! file. Check-offs stay each notice's own.

use std::rc::Rc;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::domain::Loc;
use crate::domain::workspace::units::Identities;

pub use super::notices::Notices;
use crate::tui::action::Action;
use crate::tui::app::{DeadlineOrder, DeadlinesView, Focus, UnitsView};
use crate::tui::i18n::Lang;
use crate::tui::keymap::{self, Ctx};
use crate::tui::layout::{View, inner_height};
use crate::tui::theme::Theme;
use crate::tui::widgets::{deadlines, row, units};

/// What a key did in a cross-notice view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Went {
    Stay,
    /// Back to the list of notices.
    Back,
    /// Open notice `.0` at `.1`.
    Open(usize, Loc),
    /// Space on a measure or milestone of notice `.0`: check it off or back (the list does it,
    /// the shell saves the notice's state file).
    Toggle(usize, Loc),
    Quit,
}

/// A cross-notice view's state: which view, the focus, both views' rows and selections.
#[derive(Debug, Clone)]
pub struct Across {
    view: View,
    focus: Focus,
    /// Each view is built when first shown (over 500 notices each takes a tenth of a second).
    units: Option<UnitsView>,
    deadlines: Option<DeadlinesView>,
    /// The unit identities across the notices (with the user's aliases).
    table: Rc<Identities>,
    /// The screen's size when last drawn (paging needs the panes' heights).
    size: Rect,
    /// What the last key did, shown in place of the keys until the next key.
    status: Option<String>,
}

impl Across {
    /// The units view (`View::Units`) or the deadlines view over every notice.
    pub fn new(n: &Notices, view: View) -> Across {
        let mut a = Across {
            view: View::Units,
            focus: Focus::UnitList,
            units: None,
            deadlines: None,
            table: Rc::new(Identities::new(&n.cats, &n.aliases)),
            size: Rect::new(0, 0, 80, 24),
            status: None,
        };
        a.show(n, view);
        a
    }

    /// The same views with the check-offs read again: orders and selections kept.
    pub fn refreshed(&self, n: &Notices) -> Across {
        let today = n.opts.today;
        let (cats, p) = (&n.cats, &n.progress);
        let units = self.units.as_ref().map(|old| {
            let mut units = UnitsView::new(cats, p, today, Some(&self.table));
            units.sort(old.sorted_by(), 1);
            units.restore(old.list(), old.parts_cursor());
            units
        });
        let height = self.height(0);
        let deadlines = self.deadlines.as_ref().map(|old| {
            let by = old.sorted_by();
            old.resorted(cats, p, today, by, name_in(&self.table), height)
        });
        Across {
            units,
            deadlines,
            ..self.clone()
        }
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Says `text` in the footer until the next key.
    pub fn say(&mut self, text: String) {
        self.status = Some(text);
    }

    /// What the footer says, if it says more than the keys.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The units view (empty until first shown).
    pub fn units(&self) -> &UnitsView {
        static NONE: std::sync::OnceLock<UnitsView> = std::sync::OnceLock::new();
        self.units
            .as_ref()
            .unwrap_or_else(|| NONE.get_or_init(UnitsView::default))
    }

    /// The deadlines view (empty until first shown).
    pub fn deadlines(&self) -> &DeadlinesView {
        static NONE: std::sync::OnceLock<DeadlinesView> = std::sync::OnceLock::new();
        self.deadlines
            .as_ref()
            .unwrap_or_else(|| NONE.get_or_init(DeadlinesView::default))
    }

    /// Shows a view, built now if it was not yet.
    fn show(&mut self, n: &Notices, view: View) {
        let (cats, p, today) = (&n.cats, &n.progress, n.opts.today);
        match view {
            View::Units if self.units.is_none() => {
                self.units = Some(UnitsView::new(cats, p, today, Some(&self.table)));
            }
            View::Deadlines if self.deadlines.is_none() => {
                let by = DeadlineOrder::Date;
                let names = name_in(&self.table);
                self.deadlines = Some(DeadlinesView::new(cats, p, today, by, names));
            }
            _ => {}
        }
        self.view = view;
        self.focus = match view {
            View::Deadlines => Focus::Deadlines,
            _ => Focus::UnitList,
        };
    }

    /// A key, resolved through the keymap as in a notice's own views.
    pub fn key(&mut self, n: &Notices, ev: KeyEvent) -> Went {
        self.status = None;
        let ctrl_c = ev.code == crossterm::event::KeyCode::Char('c')
            && ev
                .modifiers
                .contains(crossterm::event::KeyModifiers::CONTROL);
        if ctrl_c {
            return Went::Quit;
        }
        let Some(action) = keymap::resolve(Ctx::Browse, ev) else {
            return Went::Stay;
        };
        let cats = &n.cats;
        let page = self.height(usize::from(self.focus == Focus::UnitMeasures));
        let half = (page / 2).max(1) as isize;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::Top => -(isize::MAX / 2),
            Action::Bottom => isize::MAX / 2,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            Action::PageDown => page as isize,
            Action::PageUp => -(page as isize),
            _ => 0,
        };
        if delta != 0 {
            match (self.focus, &mut self.units, &mut self.deadlines) {
                (Focus::UnitList, Some(u), _) => u.move_list(delta, page),
                (Focus::UnitMeasures, Some(u), _) => u.move_parts(cats, delta, page),
                (Focus::Deadlines, _, Some(d)) => d.move_by(delta, page),
                _ => {}
            }
            return Went::Stay;
        }
        match (action, self.focus) {
            (Action::Back | Action::Quit, _) => return Went::Back,
            (Action::Units, _) if self.view == View::Units => return Went::Back,
            (Action::Deadlines, _) if self.view == View::Deadlines => return Went::Back,
            (Action::Units, _) => self.show(n, View::Units),
            (Action::Deadlines, _) => self.show(n, View::Deadlines),
            (Action::NextPane | Action::PrevPane, Focus::UnitList) => {
                self.focus = Focus::UnitMeasures
            }
            (Action::Expand | Action::Activate, Focus::UnitList) => {
                self.focus = Focus::UnitMeasures
            }
            (Action::NextPane | Action::PrevPane | Action::Collapse, Focus::UnitMeasures) => {
                self.focus = Focus::UnitList
            }
            (Action::Activate | Action::Expand, Focus::UnitMeasures) => {
                if let Some(p) = self.units().selected_part(cats) {
                    return Went::Open(p.doc, p.loc);
                }
            }
            (Action::Activate | Action::Expand, Focus::Deadlines) => {
                if let Some((d, l)) = self.deadlines().selected_in() {
                    return Went::Open(d, l);
                }
            }
            (Action::Toggle, Focus::UnitMeasures) => {
                if let Some(p) = self.units().selected_part(cats) {
                    return Went::Toggle(p.doc, p.loc);
                }
            }
            (Action::Toggle, Focus::Deadlines) => {
                if let Some((d, l)) = self.deadlines().selected_in() {
                    return Went::Toggle(d, l);
                }
            }
            (Action::Sort, _) => self.sort(n),
            _ => {}
        }
        Went::Stay
    }

    fn sort(&mut self, n: &Notices) {
        let h = self.height(0);
        if let (View::Units, Some(u)) = (self.view, &mut self.units) {
            u.sort(u.sorted_by().next(), h);
        } else if let (View::Deadlines, Some(d)) = (self.view, &self.deadlines) {
            let (by, today) = (d.sorted_by().next(), n.opts.today);
            let names = name_in(&self.table);
            self.deadlines = Some(d.resorted(&n.cats, &n.progress, today, by, names, h));
        }
    }

    /// Rows inside pane `which` (0: the unit list or the deadlines; 1: a unit's measures).
    fn height(&self, which: usize) -> usize {
        self.panes(self.size)
            .get(which)
            .map_or(1, |r| inner_height(*r))
    }

    /// The panes under the header and tab lines, above the footer.
    fn panes(&self, area: Rect) -> Vec<Rect> {
        let body = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(3),
            ..area
        };
        match self.view {
            View::Units => Layout::horizontal([Constraint::Fill(2), Constraint::Fill(3)])
                .split(body)
                .to_vec(),
            _ => vec![body],
        }
    }

    /// Draws the view: a heading, the two tabs, the panes, the keys.
    pub fn draw(&mut self, f: &mut Frame<'_>, n: &Notices) {
        let area = f.area();
        self.size = area;
        // Both selections in view at this size.
        let (h0, h1) = (self.height(0), self.height(1));
        if let Some(u) = &mut self.units {
            u.follow(&n.cats, h0, h1);
        }
        if let Some(d) = &mut self.deadlines {
            d.follow(h0);
        }
        let (o, l) = (&n.opts, n.opts.lang);
        let t = Theme::new(o.color);
        let w = usize::from(area.width);
        let k = n.cats.len();
        let mut head = vec![(
            match l {
                Lang::Zh => format!("工作区 · {k} 份通知"),
                Lang::En => format!("Workspace · {k} notices"),
            },
            t.bold(),
        )];
        if n.as_of {
            let text = l.pick("  今天按 --as-of ", "  today is --as-of ");
            head.push((format!("{text}{}", o.today), t.warn()));
        }
        let tabs = [
            (
                View::Units,
                "U",
                l.pick("单位（全部通知）", "units (every notice)"),
            ),
            (
                View::Deadlines,
                "D",
                l.pick("期限（全部通知）", "deadlines (every notice)"),
            ),
        ]
        .into_iter()
        .map(|(v, key, name)| {
            let style = if v == self.view {
                t.selected(true)
            } else {
                t.dim()
            };
            (format!(" {key} {name} "), style)
        })
        .collect();
        let line = |y: u16| Rect {
            y: area.y + y,
            height: 1,
            ..area
        };
        if area.height < 4 {
            return;
        }
        f.render_widget(Paragraph::new(row(o, head, w)), line(0));
        f.render_widget(Paragraph::new(row(o, tabs, w)), line(1));
        let source = units::Source {
            cats: &n.cats,
            progress: &n.progress,
            opts: o,
            units: self.units(),
            deadlines: self.deadlines(),
            focus: self.focus,
        };
        let panes = self.panes(area);
        match self.view {
            View::Units => {
                units::draw_list(f, &source, panes[0]);
                units::draw_parts(f, &source, panes[1]);
            }
            _ => deadlines::draw_in(f, &source, panes[0]),
        }
        let foot = match &self.status {
            Some(said) => row(o, vec![(said.clone(), t.warn())], w),
            None => row(o, vec![(footer(l), t.dim())], w),
        };
        f.render_widget(Paragraph::new(foot), line(area.height - 1));
    }
}

/// A unit's name as the order by unit lists it: its body's name across the notices.
fn name_in(table: &Identities) -> impl Fn(&str) -> String + '_ {
    |name| table.name_of(name).unwrap_or(name).to_string()
}

/// The keys of a cross-notice view, with the keymap's labels.
fn footer(l: Lang) -> String {
    let key = |a: Action| {
        keymap::bindings(Ctx::Browse, false)
            .find(|b| b.action == a)
            .map_or("", |b| b.label)
    };
    let (down, up, tab, enter, sort, space) = (
        key(Action::Down),
        key(Action::Up),
        key(Action::NextPane),
        key(Action::Activate),
        key(Action::Sort),
        key(Action::Toggle),
    );
    let (u, d, esc) = (
        key(Action::Units),
        key(Action::Deadlines),
        key(Action::Back),
    );
    match l {
        Lang::Zh => format!(
            "{down} {up} 选择  {tab} 换窗格  {enter} 打开该通知（q 回到这里）  {space} 勾选  {sort} 排序  {u} 单位  {d} 期限  {esc} q 回到通知列表"
        ),
        Lang::En => format!(
            "{down} {up} select  {tab} pane  {enter} open (q comes back)  {space} check  {sort} sort  {u} units  {d} deadlines  {esc} q back to the list"
        ),
    }
}
