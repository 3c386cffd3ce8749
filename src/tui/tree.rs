//! One section pane's tree: tasks that expand to their measures, and measures with several
//! milestones that expand to them (org-mode style), with the selection in it.

use std::collections::HashSet;

use super::cursor::Cursor;
use crate::domain::filter::TaskMatch;
use crate::domain::{Section, Tally};

/// A visible row of a section pane (indices within the section).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    Task(usize),
    Measure(usize, usize),
    Milestone(usize, usize, usize),
}

impl Row {
    pub fn task(self) -> usize {
        match self {
            Row::Task(t) | Row::Measure(t, _) | Row::Milestone(t, _, _) => t,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub expanded: Vec<bool>,
    /// Measures (task, measure) whose milestones are shown.
    pub open_measures: HashSet<(usize, usize)>,
    pub cursor: Cursor,
    /// The visible rows, rebuilt only when the expansion or the filter changes (never per frame).
    rows: Vec<Row>,
    /// What a filter keeps of the section (tasks in document order), if one is set.
    kept: Option<Vec<TaskMatch>>,
}

impl Tree {
    pub fn new(section: &Section) -> Tree {
        let mut t = Tree {
            expanded: vec![false; section.tasks.len()],
            open_measures: HashSet::new(),
            cursor: Cursor::default(),
            rows: Vec::new(),
            kept: None,
        };
        t.rebuild(section);
        t
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.cursor.sel).copied()
    }

    fn rebuild(&mut self, section: &Section) {
        self.rows.clear();
        let Some(kept) = &self.kept else {
            for (ti, task) in section.tasks.iter().enumerate() {
                self.rows.push(Row::Task(ti));
                if !self.expanded[ti] {
                    continue;
                }
                for (mi, m) in task.measures.iter().enumerate() {
                    self.rows.push(Row::Measure(ti, mi));
                    if self.open_measures.contains(&(ti, mi)) {
                        self.rows
                            .extend((0..m.milestones.len()).map(|k| Row::Milestone(ti, mi, k)));
                    }
                }
            }
            return;
        };
        for t in kept {
            let ti = t.task;
            self.rows.push(Row::Task(ti));
            if !self.expanded[ti] {
                continue;
            }
            for m in &t.measures {
                self.rows.push(Row::Measure(ti, m.measure));
                if self.open_measures.contains(&(ti, m.measure)) {
                    let ks = m.milestones.iter();
                    self.rows
                        .extend(ks.map(|&k| Row::Milestone(ti, m.measure, k)));
                }
            }
        }
    }

    /// Whether a filter narrows this pane.
    pub fn is_filtered(&self) -> bool {
        self.kept.is_some()
    }

    /// Under a filter: the tally of a task's matching milestones (`None` when not filtered).
    pub fn kept_tally(&self, task: usize) -> Option<Tally> {
        let kept = self.kept.as_ref()?;
        let i = kept.binary_search_by_key(&task, |t| t.task).ok()?;
        Some(kept[i].tally)
    }

    /// Under a filter: the tally of every matching milestone of the section.
    pub fn kept_total(&self) -> Option<Tally> {
        Some(self.kept.as_ref()?.iter().map(|t| t.tally).sum())
    }

    /// Under a filter: how many measures match.
    pub fn kept_measures(&self) -> usize {
        self.kept
            .as_ref()
            .map_or(0, |k| k.iter().map(|t| t.measures.len()).sum())
    }

    /// Narrows the pane to what a filter keeps (`None`: everything), keeping the selection on the
    /// same row if it stays, else on its task, else near where it was. `open` expands the tasks
    /// that match, so that what matched shows.
    pub fn set_kept(
        &mut self,
        section: &Section,
        kept: Option<Vec<TaskMatch>>,
        open: bool,
        height: usize,
    ) {
        if open && let Some(k) = &kept {
            for t in k {
                self.expanded[t.task] = true;
            }
        }
        self.kept = kept;
        self.rebuild_keeping(section, true, height);
    }

    /// Under a filter: task `task` narrowed again (`None`: nothing of it matches now), after
    /// check-offs in it changed.
    pub fn set_task_kept(
        &mut self,
        section: &Section,
        task: usize,
        kept: Option<TaskMatch>,
        height: usize,
    ) {
        let Some(all) = &mut self.kept else { return };
        match (all.binary_search_by_key(&task, |t| t.task), kept) {
            (Ok(i), Some(k)) => all[i] = k,
            (Ok(i), None) => {
                all.remove(i);
            }
            (Err(i), Some(k)) => all.insert(i, k),
            (Err(_), None) => return,
        }
        // A row checked off out of the filter: the one after it moves up under the cursor.
        self.rebuild_keeping(section, false, height);
    }

    /// Rebuilds the rows, keeping the selection on the same row if it stays, else (`ancestor`) on
    /// its nearest ancestor that does, else at the same place.
    fn rebuild_keeping(&mut self, section: &Section, ancestor: bool, height: usize) {
        let before = self.selected();
        let at = self.cursor.sel;
        self.rebuild(section);
        let stays = |r: Row| self.rows.contains(&r);
        let keep = before.and_then(|r| {
            let up = match r {
                _ if !ancestor => [Some(r), None, None],
                Row::Milestone(t, m, _) => [Some(r), Some(Row::Measure(t, m)), Some(Row::Task(t))],
                Row::Measure(t, _) => [Some(r), Some(Row::Task(t)), None],
                Row::Task(_) => [Some(r), None, None],
            };
            up.into_iter().flatten().find(|&r| stays(r))
        });
        match keep {
            Some(r) => self.select(r, height),
            None => self.cursor.set(at, self.rows.len(), height),
        }
    }

    /// Every task expanded (`measures`: and every measure with several milestones opened), or
    /// everything folded to the tasks; the selection stays on its row or its nearest ancestor.
    pub fn set_all(&mut self, section: &Section, open: bool, measures: bool, height: usize) {
        let keep = match (self.selected(), open, measures) {
            (Some(Row::Measure(t, _) | Row::Milestone(t, _, _)), false, _) => Row::Task(t),
            (Some(Row::Milestone(t, m, _)), true, false) => Row::Measure(t, m),
            (Some(r), _, _) => r,
            (None, _, _) => Row::Task(0),
        };
        self.expanded.iter_mut().for_each(|e| *e = open);
        self.open_measures.clear();
        if open && measures {
            for (ti, t) in section.tasks.iter().enumerate() {
                for (mi, m) in t.measures.iter().enumerate() {
                    if m.milestones.len() > 1 {
                        self.open_measures.insert((ti, mi));
                    }
                }
            }
        }
        self.rebuild(section);
        self.select(keep, height);
    }

    /// The row to keep selected when `closing` disappears: the nearest ancestor that stays.
    fn keep(&self, closing: Row) -> Row {
        match (self.selected(), closing) {
            (Some(Row::Measure(t, _) | Row::Milestone(t, _, _)), Row::Task(c)) if t == c => {
                Row::Task(t)
            }
            (Some(Row::Milestone(t, m, _)), Row::Measure(ct, cm)) if (t, m) == (ct, cm) => {
                Row::Measure(t, m)
            }
            (Some(r), _) => r,
            (None, _) => Row::Task(0),
        }
    }

    /// Expands or collapses a task, keeping the selection on the same item (or its task).
    pub fn set_expanded(&mut self, section: &Section, task: usize, open: bool, height: usize) {
        if self.expanded[task] == open {
            return;
        }
        let keep = if open {
            self.selected().unwrap_or(Row::Task(0))
        } else {
            self.keep(Row::Task(task))
        };
        self.expanded[task] = open;
        self.rebuild(section);
        self.select(keep, height);
    }

    /// Shows or hides a measure's milestones.
    pub fn set_measure_open(
        &mut self,
        section: &Section,
        t: usize,
        m: usize,
        open: bool,
        height: usize,
    ) {
        if self.open_measures.contains(&(t, m)) == open {
            return;
        }
        let keep = if open {
            self.selected().unwrap_or(Row::Task(0))
        } else {
            self.keep(Row::Measure(t, m))
        };
        if open {
            self.open_measures.insert((t, m));
        } else {
            self.open_measures.remove(&(t, m));
        }
        self.rebuild(section);
        self.select(keep, height);
    }

    /// Selects a row, opening what it sits in.
    pub fn reveal(&mut self, section: &Section, row: Row, height: usize) {
        match row {
            Row::Task(_) => {}
            Row::Measure(t, _) => self.set_expanded(section, t, true, height),
            Row::Milestone(t, m, _) => {
                self.set_expanded(section, t, true, height);
                self.set_measure_open(section, t, m, true, height);
            }
        }
        self.select(row, height);
    }

    /// h / ←: a milestone goes up to its measure, an open measure closes, a measure goes up to
    /// its task, a task folds.
    pub fn collapse(&mut self, section: &Section, height: usize) {
        match self.selected() {
            Some(Row::Milestone(t, m, _)) => self.reveal(section, Row::Measure(t, m), height),
            Some(Row::Measure(t, m)) if self.open_measures.contains(&(t, m)) => {
                self.set_measure_open(section, t, m, false, height)
            }
            Some(Row::Measure(t, _)) => self.reveal(section, Row::Task(t), height),
            Some(Row::Task(t)) => self.set_expanded(section, t, false, height),
            None => {}
        }
    }

    /// l / → (`enter` false) and Enter: a task unfolds (Enter on an open one folds it; l moves
    /// into it), a measure with several milestones opens (l; or moves into it). Returns whether
    /// there was nothing to unfold, so the detail pane is what opens.
    pub fn expand(&mut self, section: &Section, enter: bool, height: usize) -> bool {
        match self.selected() {
            Some(Row::Task(t)) if self.expanded[t] && enter => {
                self.set_expanded(section, t, false, height)
            }
            Some(Row::Task(t)) if self.expanded[t] => self.move_by(1, height),
            Some(Row::Task(t)) => self.set_expanded(section, t, true, height),
            Some(Row::Measure(t, m))
                if !enter && section.tasks[t].measures[m].milestones.len() > 1 =>
            {
                if self.open_measures.contains(&(t, m)) {
                    self.move_by(1, height);
                } else {
                    self.set_measure_open(section, t, m, true, height);
                }
            }
            Some(_) => return true,
            None => {}
        }
        false
    }

    fn select(&mut self, row: Row, height: usize) {
        let i = self.rows.iter().position(|r| *r == row).unwrap_or(0);
        self.cursor.set(i, self.rows.len(), height);
    }

    pub fn move_by(&mut self, delta: isize, height: usize) {
        self.cursor.move_by(delta, self.rows.len(), height);
    }

    pub fn follow(&mut self, height: usize) {
        self.cursor.follow(self.rows.len(), height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seeds;

    #[test]
    fn expanding_and_collapsing_keeps_the_selection() {
        let cat = seeds::embedded();
        let s = &cat.doc.sections[0];
        let mut t = Tree::new(s);
        assert_eq!(t.rows().len(), 10);
        t.move_by(8, 20); // task 9
        t.set_expanded(s, 8, true, 20);
        assert_eq!(t.rows().len(), 16);
        assert_eq!(t.selected(), Some(Row::Task(8)));
        t.move_by(2, 20);
        assert_eq!(t.selected(), Some(Row::Measure(8, 1)));
        t.set_expanded(s, 8, false, 20);
        assert_eq!(
            t.selected(),
            Some(Row::Task(8)),
            "collapsing moves to the task"
        );
        t.reveal(s, Row::Measure(0, 4), 5);
        assert_eq!(t.selected(), Some(Row::Measure(0, 4)));
        assert!(t.cursor.offset > 0, "scrolled to show it in 5 rows");
    }

    #[test]
    fn measures_open_to_their_milestones() {
        let cat = seeds::embedded();
        let s = &cat.doc.sections[2]; // 服: task 19 is index 0; 19.3 has three milestones
        let mut t = Tree::new(s);
        t.reveal(s, Row::Milestone(0, 2, 1), 30);
        assert_eq!(t.selected(), Some(Row::Milestone(0, 2, 1)));
        assert_eq!(
            t.rows()
                .iter()
                .filter(|r| matches!(r, Row::Milestone(..)))
                .count(),
            3
        );
        t.set_measure_open(s, 0, 2, false, 30);
        assert_eq!(
            t.selected(),
            Some(Row::Measure(0, 2)),
            "closing moves to the measure"
        );
        t.reveal(s, Row::Milestone(0, 2, 2), 30);
        t.set_expanded(s, 0, false, 30);
        assert_eq!(t.selected(), Some(Row::Task(0)));
    }
}
