//! O: the overview, a popup of figures: a gauge per section, a bar per lead unit (done / open /
//! overdue), deadlines by month (due, done, late). Computed when opened; j / k scroll, Esc closes.

use jiff::tz::TimeZone;

use super::{App, Mode};
use crate::domain::Tally;
use crate::domain::report::{MonthRow, Report, Scope, months};
use crate::tui::action::{Action, Effect};
use crate::tui::scroll::Scroll;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Section heading and its tally.
    pub sections: Vec<(String, Tally)>,
    /// Lead unit name, its tally and how many of its milestones are overdue.
    pub units: Vec<(String, Tally, usize)>,
    pub months: Vec<MonthRow>,
    pub scroll: Scroll,
}

impl App {
    pub(super) fn begin_overview(&mut self) {
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
            .map(|u| (self.cat.doc.units[u.unit].name.clone(), u.tally, u.overdue))
            .collect();
        let overview = Overview {
            sections: r.sections.iter().map(|(s, t)| (s.heading(), *t)).collect(),
            units,
            months: months(&self.cat, &self.progress, today),
            scroll: Scroll::default(),
        };
        self.mode = Mode::Overview(Box::new(overview));
    }

    pub(super) fn overview_input(&mut self, action: Action) -> Effect {
        let Mode::Overview(o) = &mut self.mode else {
            return Effect::None;
        };
        let page = o.scroll.page() as isize;
        match action {
            Action::Back | Action::Help => self.mode = Mode::Browse,
            Action::Down => o.scroll.by(1),
            Action::Up => o.scroll.by(-1),
            Action::PageDown => o.scroll.by(page),
            Action::PageUp => o.scroll.by(-page),
            _ => {}
        }
        Effect::None
    }
}
