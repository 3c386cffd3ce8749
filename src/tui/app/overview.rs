//! O (or the tab after the views): the overview, a popup of figures: a gauge per section, a bar
//! per lead unit (done / open / overdue), deadlines by month (due, done, late). Computed when
//! opened; j / k select a row, Enter goes to its milestones (the section's pane, the unit in the
//! units view, the month in the deadlines view), Esc closes.

use jiff::tz::TimeZone;

use super::{App, Focus, Mode};
use crate::domain::Tally;
use crate::domain::report::{MonthRow, Report, Scope, months};
use crate::tui::action::{Action, Effect};
use crate::tui::layout::View;
use crate::tui::scroll::Scroll;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Section heading and its tally.
    pub sections: Vec<(String, Tally)>,
    /// Lead unit (index into the document's units), its name, its tally and how many of its
    /// milestones are overdue.
    pub units: Vec<(usize, String, Tally, usize)>,
    pub months: Vec<MonthRow>,
    /// The selected row, counting sections, then units, then months.
    pub sel: usize,
    pub scroll: Scroll,
}

/// What a row of the overview stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Section(usize),
    Unit(usize),
    Month(i16, i8),
}

impl Overview {
    fn rows(&self) -> usize {
        self.sections.len() + self.units.len() + self.months.len()
    }

    /// What row `i` stands for.
    pub fn row(&self, i: usize) -> Option<Row> {
        let (s, u) = (self.sections.len(), self.units.len());
        if i < s {
            Some(Row::Section(i))
        } else if i < s + u {
            Some(Row::Unit(self.units[i - s].0))
        } else {
            let m = self.months.get(i - s - u)?;
            Some(Row::Month(m.year, m.month))
        }
    }

    /// The line row `i` is drawn on: a heading over each group, a blank line between groups.
    pub fn line_of(&self, i: usize) -> usize {
        let (s, u) = (self.sections.len(), self.units.len());
        if i < s {
            1 + i
        } else if i < s + u {
            s + 3 + (i - s)
        } else {
            s + u + 5 + (i - s - u)
        }
    }
}

impl App {
    pub(crate) fn begin_overview(&mut self) {
        let today = self.opts.today;
        let scope = Scope {
            as_of: today,
            since: None,
            unit: None,
        };
        let r = Report::new(&self.cat, &self.progress, scope, &TimeZone::UTC);
        let units = r
            .units
            .iter()
            .map(|u| {
                let name = self.cat.doc.units[u.unit].name.clone();
                (u.unit, name, u.tally, u.overdue)
            })
            .collect();
        let overview = Overview {
            sections: r.sections.iter().map(|(s, t)| (s.heading(), *t)).collect(),
            units,
            months: months(&self.cat, &self.progress, today),
            sel: 0,
            scroll: Scroll::default(),
        };
        self.mode = Mode::Overview(Box::new(overview));
    }

    pub(super) fn overview_input(&mut self, action: Action) -> Effect {
        let Mode::Overview(o) = &mut self.mode else {
            return Effect::None;
        };
        let page = o.scroll.page() as isize;
        let step = match action {
            Action::Back | Action::Help => {
                self.mode = Mode::Browse;
                return Effect::None;
            }
            Action::Activate | Action::Submit => {
                let row = o.row(o.sel);
                self.mode = Mode::Browse;
                if let Some(row) = row {
                    self.go_to(row);
                }
                return Effect::None;
            }
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            _ => 0,
        };
        let last = o.rows().saturating_sub(1) as isize;
        o.sel = (o.sel as isize + step).clamp(0, last.max(0)) as usize;
        let line = o.line_of(o.sel);
        // The group's heading stays in view above its first row.
        o.scroll.reveal(line.saturating_sub(1));
        o.scroll.reveal(line);
        Effect::None
    }

    /// Enter on an overview row: its milestones where they are listed.
    fn go_to(&mut self, row: Row) {
        match row {
            Row::Section(i) => self.section_key(i),
            Row::Unit(u) => {
                self.view = View::Units;
                self.focus = Focus::UnitList;
                let height = self.list_height(View::Units, 0);
                self.units.select(u, height);
            }
            Row::Month(y, m) => {
                self.view = View::Deadlines;
                self.focus = Focus::Deadlines;
                let height = self.list_height(View::Deadlines, 0);
                self.deadlines
                    .select_month(std::slice::from_ref(&self.cat), y, m, height);
            }
        }
        self.detail_scroll.reset();
        self.refollow();
    }
}
