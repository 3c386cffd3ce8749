//! The units view and the deadlines view: each owns its rows and its selections, and moves,
//! clicks and follows within them. The App routes keys here by focus.

use jiff::civil::Date;

use crate::domain::progress::deadline_groups;
use crate::domain::{Catalog, Item, Loc};
use crate::tui::cursor::Cursor;

/// One row of a unit's measures: what it leads or supports, and whether only under the
/// alternative reading of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitPart {
    pub loc: Loc,
    pub leads: bool,
    pub alternative: bool,
}

/// Units in display order (most measures led first), the selected unit and its selected measure.
#[derive(Debug, Clone, Default)]
pub struct UnitsView {
    order: Vec<usize>,
    list: Cursor,
    parts: Cursor,
}

impl UnitsView {
    pub fn new(cat: &Catalog) -> UnitsView {
        let mut order: Vec<usize> = (0..cat.doc.units.len()).collect();
        order.sort_by_key(|&u| {
            let (lead, support) = cat.unit_counts(u);
            (std::cmp::Reverse(lead), std::cmp::Reverse(support))
        });
        UnitsView {
            order,
            ..UnitsView::default()
        }
    }

    /// Units (indexes into the document's unit list) in display order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The unit list's selection and scroll.
    pub fn list(&self) -> Cursor {
        self.list
    }

    /// The selection and scroll of the selected unit's measures.
    pub fn parts_cursor(&self) -> Cursor {
        self.parts
    }

    /// The selected unit.
    pub fn selected_unit(&self) -> Option<usize> {
        self.order.get(self.list.sel).copied()
    }

    /// The measures of the selected unit: those it leads (or is responsible for), those it
    /// supports, then those it would lead or support only under their alternative reading.
    pub fn parts(&self, cat: &Catalog) -> Vec<UnitPart> {
        let Some(u) = self.selected_unit() else {
            return Vec::new();
        };
        let part = |alternative| {
            move |(loc, leads)| UnitPart {
                loc,
                leads,
                alternative,
            }
        };
        let loc = |i: Item<'_>| cat.locate(i.id());
        let in_charge = cat.led_by(u).chain(cat.responsible_for(u));
        let led = in_charge.filter_map(loc).map(|l| (l, true));
        let sup = cat.supported_by(u).filter_map(loc).map(|l| (l, false));
        let alt = cat.alternative_parts(u).into_iter();
        led.chain(sup)
            .map(part(false))
            .chain(alt.map(part(true)))
            .collect()
    }

    /// The selected measure of the selected unit.
    pub fn selected_part(&self, cat: &Catalog) -> Option<UnitPart> {
        self.parts(cat).get(self.parts.sel).copied()
    }

    pub(super) fn move_list(&mut self, delta: isize, page: usize) {
        self.list.move_by(delta, self.order.len(), page);
        self.parts = Cursor::default();
    }

    pub(super) fn move_parts(&mut self, cat: &Catalog, delta: isize, page: usize) {
        let n = self.parts(cat).len();
        self.parts.move_by(delta, n, page);
    }

    /// A click on visible row `row` of the unit list.
    pub(super) fn click_list(&mut self, row: usize, page: usize) {
        self.list
            .set(self.list.offset + row, self.order.len(), page);
        self.parts = Cursor::default();
    }

    /// A click on visible row `row` of the measures.
    pub(super) fn click_parts(&mut self, cat: &Catalog, row: usize, page: usize) {
        let n = self.parts(cat).len();
        self.parts.set(self.parts.offset + row, n, page);
    }

    /// Selects unit `u`, scrolled only as far as it needs to be seen in `height` rows.
    pub(super) fn select(&mut self, u: usize, height: usize) {
        let i = self.order.iter().position(|&x| x == u).unwrap_or(0);
        self.list = Cursor::default();
        self.list.set(i, self.order.len(), height);
        self.parts = Cursor::default();
    }

    /// Keeps both selections visible in lists of `list` and `parts` rows.
    pub(super) fn follow(&mut self, cat: &Catalog, list: usize, parts: usize) {
        self.list.follow(self.order.len(), list);
        let n = self.parts(cat).len();
        self.parts.follow(n, parts);
    }
}

/// A row of the deadlines view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineRow {
    /// A deadline (None: no date in the text) and how many milestones share it.
    Header(Option<Date>, usize),
    Milestone(Loc),
}

/// Milestones grouped by deadline, and the selection (always on a milestone, never a heading).
#[derive(Debug, Clone)]
pub struct DeadlinesView {
    rows: Vec<DeadlineRow>,
    cursor: Cursor,
}

impl DeadlinesView {
    pub fn new(cat: &Catalog) -> DeadlinesView {
        let mut rows = Vec::new();
        for g in deadline_groups(cat) {
            rows.push(DeadlineRow::Header(g.deadline, g.milestones.len()));
            rows.extend(g.milestones.into_iter().map(DeadlineRow::Milestone));
        }
        // The first row is a deadline heading: start on its first milestone.
        DeadlinesView {
            rows,
            cursor: Cursor { sel: 1, offset: 0 },
        }
    }

    pub fn rows(&self) -> &[DeadlineRow] {
        &self.rows
    }

    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// The selected milestone.
    pub fn selected(&self) -> Option<Loc> {
        match self.rows.get(self.cursor.sel)? {
            DeadlineRow::Milestone(l) => Some(*l),
            DeadlineRow::Header(..) => None,
        }
    }

    /// Moves by `delta` rows; headings are not stops (a move onto one goes on to its first
    /// milestone, or back to the one before).
    pub(super) fn move_by(&mut self, delta: isize, page: usize) {
        let n = self.rows.len();
        self.cursor.move_by(delta, n, page);
        if let Some(DeadlineRow::Header(..)) = self.rows.get(self.cursor.sel) {
            let step = if delta < 0 && self.cursor.sel > 0 {
                -1
            } else {
                1
            };
            self.cursor.move_by(step, n, page);
        }
    }

    /// Selects the first milestone due in month `m` of year `y` (the first row after that
    /// month's first heading), scrolled as little as needed.
    pub(super) fn select_month(&mut self, y: i16, m: i8, height: usize) {
        let first = self.rows.iter().position(
            |r| matches!(r, DeadlineRow::Header(Some(d), _) if d.year() == y && d.month() == m),
        );
        if let Some(i) = first {
            self.cursor = Cursor::default();
            self.cursor.set(i + 1, self.rows.len(), height);
        }
    }

    pub(super) fn click(&mut self, row: usize, page: usize) {
        let n = self.rows.len();
        self.cursor.set(self.cursor.offset + row, n, page);
    }

    pub(super) fn follow(&mut self, height: usize) {
        self.cursor.follow(self.rows.len(), height);
    }
}
