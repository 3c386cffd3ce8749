//! Moving around: selections, panes, views, expanding and collapsing.

use super::{App, Focus, Mode, UnitPart};
use crate::domain::{Item, Loc, Section};
use crate::tui::layout::{self, Screen, View};
use crate::tui::tree::{Row, Tree};

impl App {
    /// Rows visible in the list that has the focus (or the detail pane).
    pub(super) fn page(&self) -> usize {
        let a = self.areas();
        let rect = match self.focus {
            Focus::Detail => a.detail,
            Focus::Section(i) => a.lists.iter().find(|(s, _)| *s == i).map(|(_, r)| *r),
            Focus::UnitList | Focus::Deadlines | Focus::Results => a.lists.first().map(|(_, r)| *r),
            Focus::UnitMeasures => a.lists.get(1).map(|(_, r)| *r),
        };
        rect.map_or(1, layout::inner_height).max(1)
    }

    /// Section `i`, its tree and the height of its pane: what moving in that tree needs.
    fn section_tree(&mut self, i: usize) -> (&Section, &mut Tree, usize) {
        let height = self.section_height(i);
        (&self.cat.doc.sections[i], self.sections.tree_mut(i), height)
    }

    /// Rows of section `i`'s pane in the tree view, whether or not it is on screen now.
    pub(super) fn section_height(&self, i: usize) -> usize {
        let n = self.cat.doc.sections.len();
        let a = layout::areas(self.size, View::Tree, n, i, false);
        a.lists
            .iter()
            .find(|(s, _)| *s == i)
            .map_or(1, |(_, r)| layout::inner_height(*r))
    }

    /// Rows of a list of another view: `which` 0 (units, deadlines) or 1 (a unit's measures).
    pub(super) fn list_height(&self, view: View, which: usize) -> usize {
        let n = self.cat.doc.sections.len();
        let a = layout::areas(self.size, view, n, self.sections.selected(), false);
        a.lists
            .get(which)
            .map_or(1, |(_, r)| layout::inner_height(*r))
    }

    /// The measures of the selected unit (see [`UnitsView::parts`]).
    pub fn unit_measures(&self) -> Vec<UnitPart> {
        self.units.parts(std::slice::from_ref(&self.cat))
    }

    /// Where the selection of the focused list (or the one the detail pane follows) points.
    pub fn selected_loc(&self) -> Option<Loc> {
        match self.screen() {
            Screen::Tree => {
                let row = self.sections.selected_row()?;
                Some(self.loc_of(self.sections.selected(), row))
            }
            Screen::Units => self
                .units
                .selected_part(std::slice::from_ref(&self.cat))
                .map(|p| p.loc),
            Screen::Deadlines => self.deadlines.selected(),
            Screen::Results => match self.search_hit()?.target {
                crate::domain::search::Target::Item(l) => Some(l),
                crate::domain::search::Target::Unit(_) => None,
            },
        }
    }

    /// What the detail pane describes.
    pub fn detail_item(&self) -> Option<Item<'_>> {
        self.selected_loc().map(|l| self.cat.at(l))
    }

    pub fn loc_of(&self, section: usize, row: Row) -> Loc {
        match row {
            Row::Task(t) => Loc::Task(section, t),
            Row::Measure(t, m) => Loc::Measure(section, t, m),
            Row::Milestone(t, m, k) => Loc::Milestone(section, t, m, k),
        }
    }

    fn focus_order(&self) -> Vec<Focus> {
        let mut order: Vec<Focus> = match self.screen() {
            Screen::Tree => (0..self.sections.len()).map(Focus::Section).collect(),
            Screen::Units => vec![Focus::UnitList, Focus::UnitMeasures],
            Screen::Deadlines => vec![Focus::Deadlines],
            Screen::Results => vec![Focus::Results],
        };
        if self.view == View::Tree || self.areas().detail.is_some() {
            order.push(Focus::Detail);
        }
        order
    }

    pub(super) fn set_focus(&mut self, f: Focus) {
        if let Focus::Section(i) = f {
            self.sections.select(i);
        }
        self.focus = f;
    }

    pub(super) fn cycle_focus(&mut self, step: isize) {
        let order = self.focus_order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(order.len() as isize) as usize;
        self.set_focus(order[next]);
        self.refollow();
    }

    /// 1..n: a section; n+1: the units view; n+2: the deadlines view; n+3: the overview (as the tab
    /// bar shows them).
    pub(super) fn section_key(&mut self, i: usize) {
        let n = self.sections.len();
        if i < n {
            self.view = View::Tree;
            self.set_focus(Focus::Section(i));
            self.detail_scroll.reset();
            self.refollow();
        } else if i == n {
            self.switch_view(View::Units);
        } else if i == n + 1 {
            self.switch_view(View::Deadlines);
        } else if i == n + 2 {
            self.begin_overview();
        }
    }

    /// Goes to a view (from it, back to the tree).
    pub(super) fn switch_view(&mut self, view: View) {
        self.view = if self.view == view { View::Tree } else { view };
        self.focus = match self.view {
            View::Tree => Focus::Section(self.sections.selected()),
            View::Units => Focus::UnitList,
            View::Deadlines => Focus::Deadlines,
        };
        self.detail_scroll.reset();
        self.refollow();
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let page = self.page();
        match self.focus {
            Focus::Section(i) => self.sections.tree_mut(i).move_by(delta, page),
            Focus::Detail => {
                self.detail_scroll.by(delta);
                return;
            }
            Focus::UnitList => self.units.move_list(delta, page),
            Focus::UnitMeasures => {
                self.units
                    .move_parts(std::slice::from_ref(&self.cat), delta, page)
            }
            Focus::Deadlines => self.deadlines.move_by(delta, page),
            Focus::Results => {}
        }
        self.detail_scroll.reset();
    }

    pub(super) fn back(&mut self) {
        match (self.view, self.focus) {
            (View::Tree, Focus::Detail) => self.focus = Focus::Section(self.sections.selected()),
            (View::Units, Focus::Detail) => self.focus = Focus::UnitMeasures,
            (View::Units, Focus::UnitMeasures) => self.focus = Focus::UnitList,
            (View::Deadlines, Focus::Detail) => self.focus = Focus::Deadlines,
            (View::Units | View::Deadlines, _) => self.switch_view(View::Tree),
            _ => {}
        }
    }

    pub(super) fn collapse(&mut self) {
        match self.focus {
            Focus::Section(i) => {
                let (section, tree, height) = self.section_tree(i);
                tree.collapse(section, height);
            }
            Focus::UnitMeasures => self.focus = Focus::UnitList,
            Focus::Detail => self.back(),
            Focus::UnitList | Focus::Deadlines | Focus::Results => {}
        }
    }

    /// l / → (`enter` false) and Enter (`enter` true).
    pub(super) fn expand(&mut self, enter: bool) {
        match self.focus {
            Focus::Section(i) => {
                let (section, tree, height) = self.section_tree(i);
                // Nothing to unfold: l opens the detail as Enter does (full-screen on a narrow
                // screen), and says where the keys now go.
                if tree.expand(section, enter, height) {
                    self.focus = Focus::Detail;
                    self.detail_scroll.reset();
                    if !enter {
                        self.say(
                            "详情：j k 滚动，h 或 Esc 返回".into(),
                            "detail: j k scroll, h or Esc to go back".into(),
                        );
                    }
                }
            }
            Focus::UnitList => self.focus = Focus::UnitMeasures,
            Focus::UnitMeasures | Focus::Deadlines if enter => self.jump_to_selection(),
            Focus::UnitMeasures | Focus::Deadlines if self.areas().detail.is_some() => {
                self.focus = Focus::Detail
            }
            Focus::UnitMeasures | Focus::Deadlines | Focus::Detail | Focus::Results => {}
        }
    }

    /// Enter in the units or deadlines view: show the selection in its section pane.
    pub(super) fn jump_to_selection(&mut self) {
        if let Some(loc) = self.selected_loc() {
            self.jump_to(loc);
        }
    }

    /// Shows a task, measure or milestone selected in its section pane.
    pub fn jump_to(&mut self, loc: Loc) {
        let (s, row) = match loc {
            Loc::Task(s, t) => (s, Row::Task(t)),
            Loc::Measure(s, t, m) => (s, Row::Measure(t, m)),
            Loc::Milestone(s, t, m, k) => (s, Row::Milestone(t, m, k)),
        };
        self.view = View::Tree;
        self.set_focus(Focus::Section(s));
        let (section, tree, height) = self.section_tree(s);
        tree.reveal(section, row, height);
        // What the filter hides cannot be shown under it: the filter goes, and says so.
        if tree.selected() != Some(row) && !self.filter().is_empty() {
            self.set_filter(crate::domain::filter::Filter::default());
            let (section, tree, height) = self.section_tree(s);
            tree.reveal(section, row, height);
            let id = self.cat.at(loc).id().to_string();
            self.say(
                format!("已清除筛选，以显示 {id}"),
                format!("filter cleared to show {id}"),
            );
        }
        self.detail_scroll.reset();
        self.mode = Mode::Browse;
    }

    /// A click: the pane under it takes the focus, and a list row under it is selected.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.click_tab(x, y) {
            return;
        }
        let a = self.areas();
        let inside = |r| super::mouse::inside(r, x, y);
        if a.detail.is_some_and(inside) {
            self.focus = Focus::Detail;
            return;
        }
        let Some(&(which, r)) = a.lists.iter().find(|(_, r)| inside(*r)) else {
            return;
        };
        let row = (y - r.y - 1) as usize;
        let page = layout::inner_height(r);
        match self.screen() {
            Screen::Tree => {
                self.set_focus(Focus::Section(which));
                let tree = self.sections.tree_mut(which);
                let (n, at) = (tree.rows().len(), tree.cursor.offset + row);
                if at < n {
                    tree.cursor.set(at, n, page);
                }
            }
            Screen::Units if which == 0 => {
                self.focus = Focus::UnitList;
                self.units.click_list(row, page);
            }
            Screen::Units => {
                self.focus = Focus::UnitMeasures;
                self.units
                    .click_parts(std::slice::from_ref(&self.cat), row, page);
            }
            Screen::Deadlines => {
                self.focus = Focus::Deadlines;
                self.deadlines.click(row, page);
            }
            Screen::Results => {}
        }
        self.detail_scroll.reset();
    }

    /// Keeps every selection visible after a resize or a change of view.
    pub(super) fn refollow(&mut self) {
        self.fresh_lists();
        for i in 0..self.sections.len() {
            let h = self.section_height(i);
            self.sections.tree_mut(i).follow(h);
        }
        let (hu, hm) = (
            self.list_height(View::Units, 0),
            self.list_height(View::Units, 1),
        );
        self.units.follow(std::slice::from_ref(&self.cat), hu, hm);
        let hd = self.list_height(View::Deadlines, 0);
        self.deadlines.follow(hd);
        if self.focus == Focus::Detail && self.areas().detail.is_none() {
            self.focus = match self.view {
                View::Tree => Focus::Section(self.sections.selected()),
                View::Units => Focus::UnitMeasures,
                View::Deadlines => Focus::Deadlines,
            };
        }
    }
}
