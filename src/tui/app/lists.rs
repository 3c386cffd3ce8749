//! The units view and the deadlines view: each owns its rows, its order and its selections, and
//! moves, clicks and follows within them. The rows come from the domain (`workspace::bodies`,
//! `progress::agenda`) for one notice (the App's) or for every notice of the workspace (the
//! workspace list's cross-notice views, `tui::workspace::across`): rows name their notice by index.

use jiff::civil::Date;

use super::App;
use crate::domain::progress::agenda::agenda;
pub use crate::domain::progress::agenda::{AgendaRow as DeadlineRow, Band, DeadlineOrder};
pub use crate::domain::workspace::bodies::{Body, Part as UnitPart, UnitOrder};
use crate::domain::workspace::bodies::{bodies, order, parts};
use crate::domain::workspace::units::Identities;
use crate::domain::{Catalog, Item, Loc, Progress};
use crate::tui::cursor::Cursor;
use crate::tui::layout::View;

/// Bodies (one notice: its units) in the chosen order, the selected one and its selected measure.
#[derive(Debug, Clone, Default)]
pub struct UnitsView {
    bodies: Vec<Body>,
    order: Vec<usize>,
    by: UnitOrder,
    list: Cursor,
    parts: Cursor,
}

impl UnitsView {
    /// With `table`, the units the identities join across notices are one body.
    pub fn new(
        cats: &[Catalog],
        progress: &[Progress],
        today: Date,
        table: Option<&Identities>,
    ) -> UnitsView {
        let bodies = bodies(cats, progress, today, table);
        UnitsView {
            order: order(&bodies, UnitOrder::default()),
            bodies,
            ..UnitsView::default()
        }
    }

    /// Bodies (indexes into [`UnitsView::body`]; one notice: its unit indexes) in display order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn body(&self, i: usize) -> &Body {
        &self.bodies[i]
    }

    /// The order the bodies are in.
    pub fn sorted_by(&self) -> UnitOrder {
        self.by
    }

    /// The unit list's selection and scroll.
    pub fn list(&self) -> Cursor {
        self.list
    }

    /// The selection and scroll of the selected unit's measures.
    pub fn parts_cursor(&self) -> Cursor {
        self.parts
    }

    /// The selected body (one notice: the unit's index).
    pub fn selected_unit(&self) -> Option<usize> {
        self.order.get(self.list.sel).copied()
    }

    /// The measures of the selected body (see [`crate::domain::workspace::bodies::parts`]).
    pub fn parts(&self, cats: &[Catalog]) -> Vec<UnitPart> {
        self.selected_unit()
            .map_or_else(Vec::new, |b| parts(cats, &self.bodies[b]))
    }

    /// The selected measure of the selected body.
    pub fn selected_part(&self, cats: &[Catalog]) -> Option<UnitPart> {
        self.parts(cats).get(self.parts.sel).copied()
    }

    /// The counts again after the check-offs changed (the order stays until sorted again).
    pub(crate) fn recount(&mut self, cats: &[Catalog], progress: &[Progress], today: Date) {
        for (b, fresh) in self
            .bodies
            .iter_mut()
            .zip(bodies(cats, progress, today, None))
        {
            if b.members == fresh.members {
                b.overdue = fresh.overdue;
            }
        }
    }

    /// Puts the bodies in `by` order; the selected one stays selected.
    pub(crate) fn sort(&mut self, by: UnitOrder, height: usize) {
        let was = self.selected_unit();
        self.by = by;
        self.order = order(&self.bodies, by);
        if let Some(b) = was {
            let parts = self.parts;
            self.select(b, height);
            self.parts = parts;
        }
    }

    /// Puts back both selections (clamped to the rows there are).
    pub(crate) fn restore(&mut self, list: Cursor, parts: Cursor) {
        let last = self.order.len().saturating_sub(1);
        self.list = Cursor {
            sel: list.sel.min(last),
            offset: list.offset.min(last),
        };
        self.parts = parts;
    }

    pub(crate) fn move_list(&mut self, delta: isize, page: usize) {
        self.list.move_by(delta, self.order.len(), page);
        self.parts = Cursor::default();
    }

    pub(crate) fn move_parts(&mut self, cats: &[Catalog], delta: isize, page: usize) {
        let n = self.parts(cats).len();
        self.parts.move_by(delta, n, page);
    }

    /// A click on visible row `row` of the unit list.
    pub(crate) fn click_list(&mut self, row: usize, page: usize) {
        self.list
            .set(self.list.offset + row, self.order.len(), page);
        self.parts = Cursor::default();
    }

    /// A click on visible row `row` of the measures.
    pub(crate) fn click_parts(&mut self, cats: &[Catalog], row: usize, page: usize) {
        let n = self.parts(cats).len();
        self.parts.set(self.parts.offset + row, n, page);
    }

    /// Selects body `u`, scrolled only as far as it needs to be seen in `height` rows.
    pub(crate) fn select(&mut self, u: usize, height: usize) {
        let i = self.order.iter().position(|&x| x == u).unwrap_or(0);
        self.list = Cursor::default();
        self.list.set(i, self.order.len(), height);
        self.parts = Cursor::default();
    }

    /// Keeps both selections visible in lists of `list` and `parts` rows.
    pub(crate) fn follow(&mut self, cats: &[Catalog], list: usize, parts: usize) {
        self.list.follow(self.order.len(), list);
        let n = self.parts(cats).len();
        self.parts.follow(n, parts);
    }
}

/// The agenda's rows, its order, and the selection (always on a milestone, never a heading).
#[derive(Debug, Clone)]
pub struct DeadlinesView {
    rows: Vec<DeadlineRow>,
    cursor: Cursor,
    by: DeadlineOrder,
}

impl DeadlinesView {
    /// The agenda of `cats` on `today`; `unit_name` names a unit as the order by unit lists it.
    pub fn new(
        cats: &[Catalog],
        progress: &[Progress],
        today: Date,
        by: DeadlineOrder,
        unit_name: impl Fn(&str) -> String,
    ) -> DeadlinesView {
        let rows = agenda(cats, progress, today, by, unit_name);
        // The first rows are headings: start on the first milestone, the headings in view.
        let first = rows
            .iter()
            .position(|r| matches!(r, DeadlineRow::Milestone(..)))
            .unwrap_or(0);
        DeadlinesView {
            rows,
            cursor: Cursor {
                sel: first,
                offset: 0,
            },
            by,
        }
    }

    pub fn rows(&self) -> &[DeadlineRow] {
        &self.rows
    }

    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    pub fn sorted_by(&self) -> DeadlineOrder {
        self.by
    }

    /// The selected milestone: its notice and location.
    pub fn selected_in(&self) -> Option<(usize, Loc)> {
        match self.rows.get(self.cursor.sel)? {
            DeadlineRow::Milestone(d, l) => Some((*d, *l)),
            _ => None,
        }
    }

    /// The selected milestone (of the one notice).
    pub fn selected(&self) -> Option<Loc> {
        self.selected_in().map(|(_, l)| l)
    }

    /// The groups' overdue counts again after the check-offs changed.
    pub(crate) fn recount(&mut self, cats: &[Catalog], progress: &[Progress], today: Date) {
        let mut band = None;
        let mut seen = std::collections::HashSet::new();
        for i in 0..self.rows.len() {
            match self.rows[i] {
                DeadlineRow::Band(..) => {
                    band = Some(i);
                    seen.clear();
                    if let DeadlineRow::Band(_, _, late) = &mut self.rows[i] {
                        *late = 0;
                    }
                }
                DeadlineRow::Milestone(d, l) if seen.insert((d, l)) => {
                    let late = match (cats[d].at(l), progress.get(d)) {
                        (Item::Milestone(_, _, _, k), Some(p)) => {
                            p.status(k, today) == crate::domain::progress::Status::Overdue
                        }
                        _ => false,
                    };
                    if let Some(DeadlineRow::Band(_, _, n)) = band.map(|b| &mut self.rows[b]) {
                        *n += usize::from(late);
                    }
                }
                _ => {}
            }
        }
    }

    /// Moves by `delta` rows; headings are not stops (a move onto one goes on in its direction,
    /// or back when there is nothing further).
    pub(crate) fn move_by(&mut self, delta: isize, page: usize) {
        let n = self.rows.len();
        let from = self.cursor;
        self.cursor.move_by(delta, n, page);
        let step = if delta < 0 { -1 } else { 1 };
        for dir in [step, -step] {
            while self.selected_in().is_none() && self.can_step(dir) {
                self.cursor.move_by(dir, n, page);
            }
            if self.selected_in().is_some() {
                return;
            }
        }
        self.cursor = from;
    }

    fn can_step(&self, dir: isize) -> bool {
        if dir < 0 {
            self.cursor.sel > 0
        } else {
            self.cursor.sel + 1 < self.rows.len()
        }
    }

    /// Selects row `i` (a milestone), scrolled as little as needed.
    pub(crate) fn select_row(&mut self, i: usize, height: usize) {
        self.cursor = Cursor::default();
        self.cursor.set(i, self.rows.len(), height);
    }

    /// Selects the first milestone due in month `m` of year `y`.
    pub(crate) fn select_month(&mut self, cats: &[Catalog], y: i16, m: i8, height: usize) {
        let first = self.rows.iter().position(|r| match r {
            DeadlineRow::Milestone(d, l) => matches!(cats[*d].at(*l),
                Item::Milestone(_, _, _, k) if k.deadline.is_some_and(|d| (d.year(), d.month()) == (y, m))),
            _ => false,
        });
        if let Some(i) = first {
            self.select_row(i, height);
        }
    }

    pub(crate) fn click(&mut self, row: usize, page: usize) {
        let n = self.rows.len();
        self.cursor.set(self.cursor.offset + row, n, page);
    }

    pub(crate) fn follow(&mut self, height: usize) {
        self.cursor.follow(self.rows.len(), height);
    }

    /// The same agenda in `by` order, the selected milestone still selected.
    pub(crate) fn resorted(
        &self,
        cats: &[Catalog],
        progress: &[Progress],
        today: Date,
        by: DeadlineOrder,
        unit_name: impl Fn(&str) -> String,
        height: usize,
    ) -> DeadlinesView {
        let mut view = DeadlinesView::new(cats, progress, today, by, unit_name);
        let was = self.rows.get(self.cursor.sel);
        if let Some(i) = view.rows.iter().position(|r| Some(r) == was) {
            view.select_row(i, height);
        }
        view
    }
}

impl App {
    /// `s`: the units view or the deadlines view in its next order; the pane title says which.
    pub(super) fn sort(&mut self) {
        let cats = std::slice::from_ref(&self.cat);
        let progress = std::slice::from_ref(&self.progress);
        match self.view {
            View::Units => {
                let height = self.list_height(View::Units, 0);
                self.units.sort(self.units.sorted_by().next(), height);
            }
            View::Deadlines => {
                let height = self.list_height(View::Deadlines, 0);
                let by = self.deadlines.sorted_by().next();
                let today = self.opts.today;
                self.deadlines =
                    self.deadlines
                        .resorted(cats, progress, today, by, str::to_string, height);
            }
            View::Tree => {
                self.status = Some(
                    self.opts
                        .lang
                        .pick(
                            "s 排序只用于单位视图（U）和期限视图（D）",
                            "s sorts the units view (U) and the deadlines view (D)",
                        )
                        .to_string(),
                );
            }
        }
        self.refollow();
    }

    /// The counts of the units and deadlines views again after the check-offs changed.
    pub(super) fn recount_lists(&mut self) {
        let cats = std::slice::from_ref(&self.cat);
        let progress = std::slice::from_ref(&self.progress);
        self.units.recount(cats, progress, self.opts.today);
        self.deadlines.recount(cats, progress, self.opts.today);
    }

    /// Whether "today" is `--as-of`'s day (said in the header).
    pub fn as_of(&self) -> bool {
        self.as_of
    }

    /// Says that "today" is the day `--as-of` gave.
    pub fn with_as_of(mut self, as_of: bool) -> App {
        self.as_of = as_of;
        self
    }
}
