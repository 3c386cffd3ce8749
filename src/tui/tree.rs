//! One section pane's tree: tasks that expand to their measures, and the selection in it.

use super::cursor::Cursor;
use crate::domain::Section;

/// A visible row of a section pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Task index within the section.
    Task(usize),
    /// Task index, measure index.
    Measure(usize, usize),
}

impl Row {
    pub fn task(self) -> usize {
        match self {
            Row::Task(t) | Row::Measure(t, _) => t,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub expanded: Vec<bool>,
    pub cursor: Cursor,
    /// The visible rows, rebuilt only when the expansion changes (never per frame).
    rows: Vec<Row>,
}

impl Tree {
    pub fn new(section: &Section) -> Tree {
        let mut t = Tree {
            expanded: vec![false; section.tasks.len()],
            cursor: Cursor::default(),
            rows: Vec::new(),
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
        for (ti, task) in section.tasks.iter().enumerate() {
            self.rows.push(Row::Task(ti));
            if self.expanded[ti] {
                self.rows
                    .extend((0..task.measures.len()).map(|mi| Row::Measure(ti, mi)));
            }
        }
    }

    /// Expands or collapses a task, keeping the selection on the same row item (or its task).
    pub fn set_expanded(&mut self, section: &Section, task: usize, open: bool, height: usize) {
        if self.expanded[task] == open {
            return;
        }
        let keep = match self.selected() {
            Some(Row::Measure(t, _)) if t == task && !open => Row::Task(t),
            Some(r) => r,
            None => Row::Task(0),
        };
        self.expanded[task] = open;
        self.rebuild(section);
        self.select(keep, height);
    }

    /// Selects a row (expanding its task if it is a measure).
    pub fn reveal(&mut self, section: &Section, row: Row, height: usize) {
        if let Row::Measure(t, _) = row {
            self.set_expanded(section, t, true, height);
        }
        self.select(row, height);
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
}
