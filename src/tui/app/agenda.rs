//! The deadlines view's state: the agenda's rows (from `domain::progress::agenda`, for one notice
//! or several: rows name their notice by index), its order, and the selection.

use jiff::civil::Date;

pub use crate::domain::progress::agenda::{AgendaRow as DeadlineRow, Band, DeadlineOrder};
use crate::domain::progress::agenda::{agenda, done_past_due};
use crate::domain::{Catalog, Item, Loc, Progress};
use crate::tui::cursor::Cursor;

/// The agenda's rows, its order, and the selection (always on a milestone, never a heading).
#[derive(Debug, Clone, Default)]
pub struct DeadlinesView {
    rows: Vec<DeadlineRow>,
    cursor: Cursor,
    by: DeadlineOrder,
    /// The check-offs changed since the counts were made (recounted when the view shows).
    pub(super) stale: bool,
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
            stale: false,
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

    /// The groups' overdue counts again after the check-offs changed: only the past-due group
    /// has overdue milestones, all of its milestones less those checked off (counted from the
    /// check-offs, not the document).
    pub(crate) fn recount(&mut self, cats: &[Catalog], progress: &[Progress], today: Date) {
        self.stale = false;
        let done: usize = cats
            .iter()
            .zip(progress)
            .map(|(c, p)| done_past_due(c, p, today).count())
            .sum();
        for r in &mut self.rows {
            if let DeadlineRow::Band(Band::Past, n, late) = r {
                *late = n.saturating_sub(done);
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
