//! Folding every section pane at once (zR, zM, org's S-Tab cycle) and jumping to the next or
//! previous open or overdue milestone (]o [o ]d [d).

use super::{App, Focus};
use crate::domain::progress::Status;
use crate::domain::{Item, Loc};

/// A position in document order: (section, task, measure + 1, milestone + 1), a task before its
/// measures and a measure before its milestones.
type Key = (usize, usize, usize, usize);

impl App {
    /// The rows each section pane shows, in section order.
    pub(super) fn section_heights(&self) -> Vec<usize> {
        (0..self.sections.len())
            .map(|i| self.section_height(i))
            .collect()
    }

    /// zR (`open`) / zM: every pane unfolded to its milestones, or folded to its tasks.
    pub(super) fn fold_all(&mut self, open: bool) {
        self.fold_to(if open { 2 } else { 0 });
    }

    /// Folds every pane to a level: 0 tasks only, 1 tasks open, 2 milestones shown as well.
    fn fold_to(&mut self, level: u8) {
        let heights = self.section_heights();
        let sections = &self.cat.doc.sections;
        self.sections
            .set_all(sections, level > 0, level > 1, |i| heights[i]);
        self.detail_scroll.reset();
        let (zh, en) = match level {
            0 => ("已全部折叠到任务", "folded to the tasks"),
            1 => ("已展开任务", "tasks unfolded"),
            _ => ("已全部展开", "everything unfolded"),
        };
        self.say(zh.into(), en.into());
    }

    /// S-Tab: in a section pane, org's global cycle (folded → tasks open → everything open →
    /// folded); elsewhere the previous pane, as S-Tab means in most TUIs.
    pub(super) fn cycle_fold(&mut self) {
        if !matches!(self.focus, Focus::Section(_)) {
            self.cycle_focus(-1);
            return;
        }
        let next = (self.sections.fold_level() + 1) % 3;
        self.fold_to(next);
    }

    /// ]o [o ]d [d: the next (`forward`) or previous open (or `overdue`) milestone the filter
    /// keeps, in document order from the selection, wrapping at the ends.
    pub(super) fn jump_next(&mut self, forward: bool, overdue: bool) {
        let here = self.selected_loc().map_or((0, 0, 0, 0), |l| self.key_of(l));
        let targets = self.milestones_wanted(overdue);
        let pick = if forward {
            targets.iter().find(|(k, _)| *k > here)
        } else {
            targets.iter().rev().find(|(k, _)| *k < here)
        };
        let wrapped = pick.is_none();
        let target = pick.or(if forward {
            targets.first()
        } else {
            targets.last()
        });
        let Some(&(_, loc)) = target else {
            let filtered = !self.sections.filter().is_empty();
            match (overdue, filtered) {
                (true, false) => self.say("没有逾期的里程碑".into(), "no overdue milestone".into()),
                (false, false) => self.say("没有未完成的里程碑".into(), "no open milestone".into()),
                (true, true) => self.say(
                    "筛选范围内没有逾期的里程碑".into(),
                    "no overdue milestone within the filter".into(),
                ),
                (false, true) => self.say(
                    "筛选范围内没有未完成的里程碑".into(),
                    "no open milestone within the filter".into(),
                ),
            }
            return;
        };
        self.jump_to(loc);
        if wrapped {
            if forward {
                self.say(
                    "已到末尾，从头继续".into(),
                    "hit the end, continued at the top".into(),
                );
            } else {
                self.say(
                    "已到开头，从末尾继续".into(),
                    "hit the top, continued at the end".into(),
                );
            }
        }
    }

    /// A location's place in document order. A measure with one milestone stands for it (its
    /// milestone has no row of its own).
    fn key_of(&self, loc: Loc) -> Key {
        match loc {
            Loc::Task(s, t) => (s, t, 0, 0),
            Loc::Measure(s, t, m) => {
                let single = self.cat.doc.sections[s].tasks[t].measures[m]
                    .milestones
                    .len()
                    == 1;
                (s, t, m + 1, usize::from(single))
            }
            Loc::Milestone(s, t, m, k) => (s, t, m + 1, k + 1),
        }
    }

    /// The open (or overdue) milestones the filter keeps, in document order, each with where a
    /// jump lands: the milestone, or its measure when it is the measure's only one.
    fn milestones_wanted(&self, overdue: bool) -> Vec<(Key, Loc)> {
        let f = self.sections.filter();
        let today = self.opts.today;
        let mut out = Vec::new();
        for (si, s) in self.cat.doc.sections.iter().enumerate() {
            for (ti, t) in s.tasks.iter().enumerate() {
                for (mi, m) in t.measures.iter().enumerate() {
                    if !f.measure_itself(&self.cat, m) {
                        continue;
                    }
                    for (ki, k) in m.milestones.iter().enumerate() {
                        let status = self.progress.status(k, today);
                        let wanted = if overdue {
                            status == Status::Overdue
                        } else {
                            status != Status::Done
                        };
                        if !wanted || !f.milestone(&self.progress, today, k) {
                            continue;
                        }
                        let loc = if m.milestones.len() == 1 {
                            Loc::Measure(si, ti, mi)
                        } else {
                            Loc::Milestone(si, ti, mi, ki)
                        };
                        out.push(((si, ti, mi + 1, ki + 1), loc));
                    }
                }
            }
        }
        out
    }

    /// The milestone a note is about: the selected one, or the only one of the selected measure.
    pub(super) fn selected_milestone(&self) -> Option<String> {
        match self.selected_loc().map(|l| self.cat.at(l)) {
            Some(Item::Milestone(_, _, _, k)) => Some(k.id.clone()),
            Some(Item::Measure(_, _, m)) if m.milestones.len() == 1 => {
                Some(m.milestones[0].id.clone())
            }
            _ => None,
        }
    }
}
