//! The filter menu (f then a key), the prompts for a unit and a deadline range, clearing (F), and
//! narrowing again when the check-offs change. The predicates are `domain::filter`'s.

use super::{App, Mode};
use crate::domain::Loc;
use crate::domain::filter::{Filter, UnitFilter, parse_range};
use crate::domain::lookup::{self, UnitMatch};
use crate::tui::action::{Action, Effect, FilterKey};
use crate::tui::i18n::Lang;
use crate::tui::input::LineInput;
use crate::tui::layout::View;
use crate::tui::sections::Facts;

impl App {
    /// The filter on the section panes (empty: none).
    pub fn filter(&self) -> &Filter {
        self.sections.filter()
    }

    /// Narrows the section panes to `filter` (the command line's at start, or the menu's) and
    /// shows them.
    pub fn set_filter(&mut self, filter: Filter) {
        let heights = self.section_heights();
        let facts = Facts {
            cat: &self.cat,
            progress: &self.progress,
            today: self.opts.today,
        };
        self.sections.set_filter(filter, &facts, |i| heights[i]);
        if self.view != View::Tree {
            self.switch_view(View::Tree);
        }
        self.detail_scroll.reset();
        let n = self.sections.matching_measures();
        let what = self.filter().describe(&self.cat, self.opts.lang);
        match n {
            Some(n) => self.say(
                format!("筛选：{what}，{n} 项举措相符（F 清除）"),
                format!("filter: {what}: {n} measure(s) match (F clears)"),
            ),
            None => self.say("已清除筛选".into(), "filter cleared".into()),
        }
    }

    /// After the check-offs of `ids` (milestones, measures or tasks) changed: their tasks narrow
    /// again (open and overdue depend on check-offs).
    pub(super) fn refilter_ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        if self.filter().is_empty() {
            return;
        }
        let mut tasks: Vec<(usize, usize)> = ids
            .into_iter()
            .filter_map(|id| match self.cat.locate(id)? {
                Loc::Task(s, t) | Loc::Measure(s, t, _) | Loc::Milestone(s, t, _, _) => {
                    Some((s, t))
                }
            })
            .collect();
        tasks.sort_unstable();
        tasks.dedup();
        let heights = self.section_heights();
        let facts = Facts {
            cat: &self.cat,
            progress: &self.progress,
            today: self.opts.today,
        };
        self.sections.refilter_tasks(&facts, &tasks, |i| heights[i]);
    }

    /// Narrows every pane again (a verification changed which allocations are uncertain).
    pub(super) fn refilter(&mut self) {
        let heights = self.section_heights();
        let facts = Facts {
            cat: &self.cat,
            progress: &self.progress,
            today: self.opts.today,
        };
        self.sections.refilter(&facts, |i| heights[i]);
    }

    /// f then a key: open, overdue and uncertain switch on and off; a unit or a range asks.
    pub(super) fn filter_key(&mut self, key: FilterKey) {
        let mut f = self.filter().clone();
        match key {
            FilterKey::Open => f.open = !f.open,
            FilterKey::Overdue => f.overdue = !f.overdue,
            FilterKey::Uncertain => f.uncertain = !f.uncertain,
            FilterKey::Unit(_) | FilterKey::Due => {
                self.mode = Mode::Filter {
                    key,
                    input: LineInput::default(),
                };
                return;
            }
        }
        self.set_filter(f);
    }

    /// F: no filter.
    pub(super) fn clear_filter(&mut self) {
        if self.filter().is_empty() {
            self.say("没有筛选".into(), "no filter is set".into());
        } else {
            self.set_filter(Filter::default());
        }
    }

    pub(super) fn filter_input(&mut self, action: Action) -> Effect {
        let Mode::Filter { key, input } = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Edit(e) => {
                input.apply(e);
            }
            Action::Back => self.mode = Mode::Browse,
            Action::Submit => {
                let (key, text) = (*key, input.text());
                self.mode = Mode::Browse;
                self.submit_filter(key, text.trim());
            }
            _ => {}
        }
        Effect::None
    }

    fn submit_filter(&mut self, key: FilterKey, text: &str) {
        let mut f = self.filter().clone();
        match key {
            FilterKey::Unit(role) => match self.unit_named(text) {
                Ok(unit) => f.unit = Some(UnitFilter { unit, role }),
                Err(why) => return self.status = Some(why),
            },
            FilterKey::Due => match parse_range(text) {
                Ok((from, to)) => (f.from, f.to) = (from, to),
                Err(e) => return self.status = Some(e.text(self.opts.lang)),
            },
            FilterKey::Open | FilterKey::Overdue | FilterKey::Uncertain => {}
        }
        self.set_filter(f);
    }

    /// The unit a typed name names, as `fgf unit` finds it (exactly, else by pinyin or fuzzily
    /// when one unit ranks first); else why not, in the run's language.
    pub fn unit_named(&self, name: &str) -> Result<usize, String> {
        let names = |us: &[usize]| {
            let v: Vec<&str> = us
                .iter()
                .take(6)
                .map(|&u| self.cat.doc.units[u].name.as_str())
                .collect();
            v.join("、")
        };
        match (lookup::unit(&self.cat, name), self.opts.lang) {
            (UnitMatch::Exact(u) | UnitMatch::Best(u, _), _) => Ok(u),
            (UnitMatch::Unclear(c), Lang::Zh) if c.is_empty() => {
                Err(format!("没有与 {name:?} 相符的单位"))
            }
            (UnitMatch::Unclear(c), Lang::En) if c.is_empty() => {
                Err(format!("no unit matches {name:?}"))
            }
            (UnitMatch::Unclear(c), Lang::Zh) => Err(format!(
                "{name:?} 可指几个单位：{}；请写得更确切",
                names(&c)
            )),
            (UnitMatch::Unclear(c), Lang::En) => Err(format!(
                "{name:?} could be several units: {}; say which",
                names(&c)
            )),
        }
    }
}
