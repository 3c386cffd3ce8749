//! Screen geometry, shared by the view (to draw) and the app (to page and scroll by the right amount).

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the screen shows "need at least W×H" instead of the panes.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;
/// From this width the section panes stand side by side.
pub const WIDE_WIDTH: u16 = 150;
/// Narrower than this, the detail pane replaces the list when focused instead of standing beside it.
const SPLIT_WIDTH: u16 = 70;

/// The views a user switches between (tabs, digit keys, U and D).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Tree,
    Units,
    /// Milestones grouped by deadline.
    Deadlines,
}

/// What the body lays out: a view, or the search results while a search is typed (over the
/// view it began in, which comes back on Esc). Derived from the view and the mode, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Tree,
    Units,
    Deadlines,
    Results,
}

impl From<View> for Screen {
    fn from(v: View) -> Screen {
        match v {
            View::Tree => Screen::Tree,
            View::Units => Screen::Units,
            View::Deadlines => Screen::Deadlines,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    pub footer: Rect,
    /// Section panes as (section index, area); in the units view: the unit list and its measures.
    pub lists: Vec<(usize, Rect)>,
    pub detail: Option<Rect>,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn wide(area: Rect, sections: usize) -> bool {
    area.width >= WIDE_WIDTH && sections <= 4
}

/// Lays out the screen. `section` is the section shown on a narrow screen; `detail_focused`
/// lets a very narrow screen give the whole body to the detail pane.
pub fn areas(
    area: Rect,
    screen: impl Into<Screen>,
    sections: usize,
    section: usize,
    detail_focused: bool,
) -> Areas {
    let [header, tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (lists, detail) = match screen.into() {
        Screen::Tree if wide(area, sections) => {
            let mut cs = vec![Constraint::Fill(2); sections];
            cs.push(Constraint::Fill(3));
            let cols = Layout::horizontal(cs).split(body);
            let lists = (0..sections).map(|i| (i, cols[i])).collect();
            (lists, Some(cols[sections]))
        }
        Screen::Tree => split(body, section, detail_focused, 45),
        Screen::Deadlines | Screen::Results => split(body, 0, detail_focused, 55),
        Screen::Units => {
            let three = area.width >= 120;
            if three {
                let [u, m, d] = Layout::horizontal([
                    Constraint::Fill(2),
                    Constraint::Fill(3),
                    Constraint::Fill(3),
                ])
                .areas(body);
                (vec![(0, u), (1, m)], Some(d))
            } else {
                let [u, m] =
                    Layout::horizontal([Constraint::Fill(2), Constraint::Fill(3)]).areas(body);
                (vec![(0, u), (1, m)], None)
            }
        }
    };
    Areas {
        header,
        tabs,
        footer,
        lists,
        detail,
    }
}

fn split(
    body: Rect,
    index: usize,
    detail_focused: bool,
    percent: u16,
) -> (Vec<(usize, Rect)>, Option<Rect>) {
    if body.width < SPLIT_WIDTH {
        return if detail_focused {
            (Vec::new(), Some(body))
        } else {
            (vec![(index, body)], None)
        };
    }
    let [l, d] =
        Layout::horizontal([Constraint::Percentage(percent), Constraint::Fill(1)]).areas(body);
    (vec![(index, l)], Some(d))
}

/// Rows inside a bordered pane.
pub fn inner_height(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

/// Columns inside a bordered pane.
pub fn inner_width(r: Rect) -> usize {
    r.width.saturating_sub(2) as usize
}
