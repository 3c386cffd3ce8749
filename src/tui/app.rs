//! The TUI's state and `update`: an action in, state changed, an effect out. No terminal here.

use jiff::civil::Date;
use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::cursor::Cursor;
use super::i18n::Lang;
use super::keymap::Ctx;
use super::layout::{self, Areas, View};
use super::tree::{Row, Tree};
use super::widgets::detail;
use crate::domain::{Catalog, Item, Loc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Section(usize),
    Detail,
    UnitList,
    UnitMeasures,
}

/// Options fixed at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub today: Date,
    /// Draw “ ” — as two columns (terminals set to East Asian ambiguous = wide).
    pub ambiwide: bool,
    pub color: bool,
}

pub struct App {
    pub cat: Catalog,
    pub opts: Options,
    pub view: View,
    pub focus: Focus,
    pub help: bool,
    pub trees: Vec<Tree>,
    /// The section pane shown on a narrow screen and described by the detail pane.
    pub section: usize,
    pub detail_scroll: usize,
    /// Units in display order (most measures led first) and the selections of the units view.
    pub unit_order: Vec<usize>,
    pub unit_cursor: Cursor,
    pub unit_measure_cursor: Cursor,
    pub size: Rect,
}

impl App {
    pub fn new(cat: Catalog, opts: Options) -> App {
        let trees = cat.doc.sections.iter().map(Tree::new).collect();
        let mut unit_order: Vec<usize> = (0..cat.doc.units.len()).collect();
        unit_order.sort_by_key(|&u| {
            let (lead, support) = cat.unit_counts(u);
            (std::cmp::Reverse(lead), std::cmp::Reverse(support))
        });
        App {
            cat,
            opts,
            view: View::Tree,
            focus: Focus::Section(0),
            help: false,
            trees,
            section: 0,
            detail_scroll: 0,
            unit_order,
            unit_cursor: Cursor::default(),
            unit_measure_cursor: Cursor::default(),
            size: Rect::new(0, 0, 80, 24),
        }
    }

    pub fn ctx(&self) -> Ctx {
        if self.help { Ctx::Help } else { Ctx::Browse }
    }

    pub fn areas(&self) -> Areas {
        let n = self.cat.doc.sections.len();
        layout::areas(
            self.size,
            self.view,
            n,
            self.section,
            self.focus == Focus::Detail,
        )
    }

    /// Rows visible in the list that has the focus (or the detail pane).
    fn page(&self) -> usize {
        let a = self.areas();
        let rect = match self.focus {
            Focus::Detail => a.detail,
            Focus::Section(i) => a.lists.iter().find(|(s, _)| *s == i).map(|(_, r)| *r),
            Focus::UnitList => a.lists.first().map(|(_, r)| *r),
            Focus::UnitMeasures => a.lists.get(1).map(|(_, r)| *r),
        };
        rect.map_or(1, layout::inner_height).max(1)
    }

    /// Rows of section `i`'s pane in the tree view, whether or not it is on screen now.
    fn section_height(&self, i: usize) -> usize {
        let n = self.cat.doc.sections.len();
        let a = layout::areas(self.size, View::Tree, n, i, false);
        a.lists
            .iter()
            .find(|(s, _)| *s == i)
            .map_or(1, |(_, r)| layout::inner_height(*r))
    }

    /// Rows of the units view's lists: 0 the units, 1 the selected unit's measures.
    fn unit_list_height(&self, which: usize) -> usize {
        let n = self.cat.doc.sections.len();
        let a = layout::areas(self.size, View::Units, n, self.section, false);
        a.lists
            .get(which)
            .map_or(1, |(_, r)| layout::inner_height(*r))
    }

    /// The measures of the selected unit: (measure, leads it?).
    pub fn unit_measures(&self) -> Vec<(Loc, bool)> {
        let Some(&u) = self.unit_order.get(self.unit_cursor.sel) else {
            return Vec::new();
        };
        let loc = |i: Item<'_>| self.cat.locate(i.id());
        let led = self.cat.led_by(u).filter_map(loc).map(|l| (l, true));
        let sup = self.cat.supported_by(u).filter_map(loc).map(|l| (l, false));
        led.chain(sup).collect()
    }

    /// What the detail pane describes.
    pub fn detail_item(&self) -> Option<Item<'_>> {
        match self.view {
            View::Tree => {
                let row = self.trees.get(self.section)?.selected()?;
                Some(self.cat.at(self.loc_of(self.section, row)))
            }
            View::Units => {
                let (loc, _) = *self.unit_measures().get(self.unit_measure_cursor.sel)?;
                Some(self.cat.at(loc))
            }
        }
    }

    pub fn loc_of(&self, section: usize, row: Row) -> Loc {
        match row {
            Row::Task(t) => Loc::Task(section, t),
            Row::Measure(t, m) => Loc::Measure(section, t, m),
        }
    }

    fn detail_len(&self) -> usize {
        let width = self.areas().detail.map_or(40, layout::inner_width);
        self.detail_item()
            .map_or(0, |item| detail::lines(self, item, width).len())
    }

    fn focus_order(&self) -> Vec<Focus> {
        let mut order: Vec<Focus> = match self.view {
            View::Tree => (0..self.trees.len()).map(Focus::Section).collect(),
            View::Units => vec![Focus::UnitList, Focus::UnitMeasures],
        };
        let detail_shown = self.view == View::Tree || self.areas().detail.is_some();
        if detail_shown {
            order.push(Focus::Detail);
        }
        order
    }

    fn set_focus(&mut self, f: Focus) {
        if let Focus::Section(i) = f {
            self.section = i;
        }
        self.focus = f;
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.refollow();
            }
            Action::Help => self.help = true,
            Action::Back if self.help => self.help = false,
            Action::Back => self.back(),
            Action::Units => {
                self.view = if self.view == View::Units {
                    View::Tree
                } else {
                    View::Units
                };
                self.focus = if self.view == View::Units {
                    Focus::UnitList
                } else {
                    Focus::Section(self.section)
                };
                self.refollow();
            }
            Action::Section(i) if i < self.trees.len() => {
                self.view = View::Tree;
                self.set_focus(Focus::Section(i));
                self.detail_scroll = 0;
                self.refollow();
            }
            Action::Section(_) => {}
            Action::NextPane | Action::PrevPane => {
                let order = self.focus_order();
                let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane {
                    1
                } else {
                    order.len() - 1
                };
                self.set_focus(order[(at + step) % order.len()]);
                self.refollow();
            }
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
        }
        Effect::None
    }

    fn move_by(&mut self, delta: isize) {
        let page = self.page();
        match self.focus {
            Focus::Section(i) => {
                self.trees[i].move_by(delta, page);
                self.detail_scroll = 0;
            }
            Focus::Detail => {
                let max = self.detail_len().saturating_sub(page);
                self.detail_scroll = (self.detail_scroll as isize)
                    .saturating_add(delta)
                    .clamp(0, max as isize) as usize;
            }
            Focus::UnitList => {
                self.unit_cursor.move_by(delta, self.unit_order.len(), page);
                self.unit_measure_cursor = Cursor::default();
                self.detail_scroll = 0;
            }
            Focus::UnitMeasures => {
                self.unit_measure_cursor
                    .move_by(delta, self.unit_measures().len(), page);
                self.detail_scroll = 0;
            }
        }
    }

    fn back(&mut self) {
        match (self.view, self.focus) {
            (View::Tree, Focus::Detail) => self.focus = Focus::Section(self.section),
            (View::Units, Focus::Detail) => self.focus = Focus::UnitMeasures,
            (View::Units, _) => self.update_view_tree(),
            _ => {}
        }
    }

    fn update_view_tree(&mut self) {
        self.view = View::Tree;
        self.focus = Focus::Section(self.section);
        self.refollow();
    }

    fn collapse(&mut self) {
        match self.focus {
            Focus::Section(i) => {
                let height = self.section_height(i);
                let section = &self.cat.doc.sections[i];
                let tree = &mut self.trees[i];
                match tree.selected() {
                    Some(Row::Measure(t, _)) => tree.reveal(section, Row::Task(t), height),
                    Some(Row::Task(t)) => tree.set_expanded(section, t, false, height),
                    None => {}
                }
            }
            Focus::Detail | Focus::UnitMeasures => self.back(),
            Focus::UnitList => {}
        }
    }

    /// l / → (`toggle` false) and Enter (`toggle` true).
    fn expand(&mut self, toggle: bool) {
        match self.focus {
            Focus::Section(i) => {
                let height = self.section_height(i);
                let section = &self.cat.doc.sections[i];
                let tree = &mut self.trees[i];
                match tree.selected() {
                    Some(Row::Task(t)) if tree.expanded[t] && toggle => {
                        tree.set_expanded(section, t, false, height)
                    }
                    Some(Row::Task(t)) if tree.expanded[t] => tree.move_by(1, height),
                    Some(Row::Task(t)) => tree.set_expanded(section, t, true, height),
                    Some(Row::Measure(..)) => {
                        self.focus = Focus::Detail;
                        self.detail_scroll = 0;
                    }
                    None => {}
                }
            }
            Focus::UnitList => self.focus = Focus::UnitMeasures,
            Focus::UnitMeasures if toggle => self.jump_to_unit_measure(),
            Focus::UnitMeasures if self.areas().detail.is_some() => self.focus = Focus::Detail,
            Focus::UnitMeasures | Focus::Detail => {}
        }
    }

    /// Enter on a unit's measure: show it in its section pane.
    fn jump_to_unit_measure(&mut self) {
        let Some(&(Loc::Measure(s, t, m), _)) =
            self.unit_measures().get(self.unit_measure_cursor.sel)
        else {
            return;
        };
        self.view = View::Tree;
        self.set_focus(Focus::Section(s));
        let height = self.section_height(s);
        self.trees[s].reveal(&self.cat.doc.sections[s], Row::Measure(t, m), height);
        self.detail_scroll = 0;
    }

    /// Keeps every selection visible after a resize or a change of view.
    fn refollow(&mut self) {
        for i in 0..self.trees.len() {
            let h = self.section_height(i);
            self.trees[i].follow(h);
        }
        if self.view == View::Units {
            let (hu, hm) = (self.unit_list_height(0), self.unit_list_height(1));
            self.unit_cursor.follow(self.unit_order.len(), hu);
            let n = self.unit_measures().len();
            self.unit_measure_cursor.follow(n, hm);
        }
        if self.focus == Focus::Detail && self.areas().detail.is_none() {
            self.focus = Focus::Section(self.section);
        }
    }
}
