//! The mouse (only with `--mouse`): a click on a tab opens it; the wheel scrolls the pane under
//! the pointer (a list moves its selection and takes the focus; the detail pane, the help and
//! the overview scroll). A click in a pane is `nav.rs`'s `click`.

use ratatui::layout::Rect;

use super::{App, Focus, Mode};
use crate::tui::action::Action;
use crate::tui::layout::View;
use crate::tui::mouse::{tab_at, tab_labels};
use crate::tui::widgets::disp;

/// Lines a wheel notch scrolls a text pane (the detail, the help); a list moves one row.
const WHEEL_LINES: isize = 3;

/// Whether (x, y) is inside `r`'s border.
pub(super) fn inside(r: Rect, x: u16, y: u16) -> bool {
    x > r.x && x + 1 < r.right() && y > r.y && y + 1 < r.bottom()
}

impl App {
    /// A click on the tab bar: the tab under the pointer, as its digit key would (a view already
    /// shown stays). Returns whether the click was on the tab bar.
    pub(super) fn click_tab(&mut self, x: u16, y: u16) -> bool {
        if y != self.areas().tabs.y {
            return false;
        }
        let keys: Vec<String> = (self.cat.doc.sections.iter())
            .map(|s| disp(self, &s.key))
            .collect();
        let n = keys.len();
        match tab_at(&tab_labels(&keys, self.opts.lang), x) {
            Some(i) if i == n && self.view == View::Units => {}
            Some(i) if i == n + 1 && self.view == View::Deadlines => {}
            Some(i) => self.section_key(i),
            None => {}
        }
        true
    }

    /// The wheel at (x, y), `down` or up, in any mode that shows something to scroll.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let sign = if down { 1 } else { -1 };
        match &mut self.mode {
            Mode::Help => self.help_scroll.by(sign * WHEEL_LINES),
            Mode::Overview(_) => {
                let step = if down { Action::Down } else { Action::Up };
                self.overview_input(step);
            }
            Mode::Browse | Mode::Search(_) => self.wheel_pane(x, y, sign),
            _ => {}
        }
    }

    fn wheel_pane(&mut self, x: u16, y: u16, sign: isize) {
        let a = self.areas();
        if a.detail.is_some_and(|r| inside(r, x, y)) {
            self.detail_scroll.by(sign * WHEEL_LINES);
            return;
        }
        let Some(&(which, _)) = a.lists.iter().find(|(_, r)| inside(*r, x, y)) else {
            return;
        };
        let page = self.page();
        if let Mode::Search(s) = &mut self.mode {
            s.cursor.move_by(sign, s.results.hits.len(), page);
            self.detail_scroll.reset();
            return;
        }
        let focus = match self.view {
            View::Tree => Focus::Section(which),
            View::Units if which == 0 => Focus::UnitList,
            View::Units => Focus::UnitMeasures,
            View::Deadlines => Focus::Deadlines,
        };
        self.set_focus(focus);
        self.move_by(sign);
    }
}
