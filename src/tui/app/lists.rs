//! The units view's state (the deadlines view's is in `agenda.rs`): each owns its rows, its order
//! and its selections, and moves, clicks and follows within them. The rows come from the domain
//! (`workspace::bodies`, `progress::agenda`) for one notice (the App's) or for every notice of the
//! workspace (the workspace list's cross-notice views, `tui::workspace::across`): rows name their
//! notice by index. Here too: `s` (sort) and the views' counts kept in step with the check-offs.

use jiff::civil::Date;

use super::App;
pub use crate::domain::workspace::bodies::{Body, Part as UnitPart, UnitOrder};
use crate::domain::workspace::bodies::{bodies, order, parts, recount};
use crate::domain::workspace::units::Identities;
use crate::domain::{Catalog, Progress};
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
    /// The check-offs changed since the counts were made (recounted when the view shows).
    stale: bool,
    /// The selected body's measures, kept while it stays selected (a body across 500 notices
    /// has its alternative readings looked up in each: too slow for every frame).
    shown: PartsCache,
}

/// The measures of a body (by its index), made when first asked for.
#[derive(Debug, Default)]
struct PartsCache(std::sync::Mutex<Option<(usize, Vec<UnitPart>)>>);

impl Clone for PartsCache {
    fn clone(&self) -> PartsCache {
        PartsCache::default()
    }
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
        let Some(b) = self.selected_unit() else {
            return Vec::new();
        };
        let mut shown = self.shown.0.lock().unwrap_or_else(|e| e.into_inner());
        match &*shown {
            Some((at, list)) if *at == b => list.clone(),
            _ => {
                let list = parts(cats, &self.bodies[b]);
                *shown = Some((b, list.clone()));
                list
            }
        }
    }

    /// The selected measure of the selected body.
    pub fn selected_part(&self, cats: &[Catalog]) -> Option<UnitPart> {
        self.parts(cats).get(self.parts.sel).copied()
    }

    /// The counts again after the check-offs changed (the order stays until sorted again).
    pub(crate) fn recount(&mut self, cats: &[Catalog], progress: &[Progress], today: Date) {
        self.stale = false;
        recount(&mut self.bodies, cats, progress, today);
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

    /// After the check-offs changed: the units and deadlines views' counts are stale, recounted
    /// now if one of them shows, else when one is shown (`refollow`). A check-off in the tree
    /// costs no count of the whole document.
    pub(super) fn recount_lists(&mut self) {
        self.units.stale = true;
        self.deadlines.stale = true;
        self.fresh_lists();
    }

    /// Recounts the units and deadlines views if they are stale and one of them shows.
    pub(super) fn fresh_lists(&mut self) {
        if !matches!(self.view, View::Units | View::Deadlines) {
            return;
        }
        let cats = std::slice::from_ref(&self.cat);
        let progress = std::slice::from_ref(&self.progress);
        if self.units.stale {
            self.units.recount(cats, progress, self.opts.today);
        }
        if self.deadlines.stale {
            self.deadlines.recount(cats, progress, self.opts.today);
        }
    }

    /// The units and deadlines views made again (the allocations changed: a verified reading),
    /// their orders and selections kept.
    pub(super) fn rebuild_lists(&mut self) {
        let cats = std::slice::from_ref(&self.cat);
        let progress = std::slice::from_ref(&self.progress);
        let today = self.opts.today;
        let old = &self.units;
        let mut units = UnitsView::new(cats, progress, today, None);
        units.sort(old.sorted_by(), 1);
        units.restore(old.list(), old.parts_cursor());
        self.units = units;
        let (by, height) = (
            self.deadlines.sorted_by(),
            self.list_height(View::Deadlines, 0),
        );
        self.deadlines = self
            .deadlines
            .resorted(cats, progress, today, by, str::to_string, height);
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
