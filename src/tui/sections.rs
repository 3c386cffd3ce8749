//! The section panes as one view that owns its state: a tree per section, the section selected
//! (shown on a narrow screen, followed by the detail pane), and the filter narrowing every tree.
//! `App` holds one and hands it what it needs (the document, the check-offs, pane heights);
//! `widgets::tree` draws a pane from it.

use jiff::civil::Date;

use super::tree::{Row, Tree};
use crate::domain::filter::Filter;
use crate::domain::{Catalog, Progress, Section, Tally};

#[derive(Debug, Clone)]
pub struct Sections {
    trees: Vec<Tree>,
    selected: usize,
    filter: Filter,
}

/// What a filter needs besides itself: the document, the check-offs and "today".
pub struct Facts<'a> {
    pub cat: &'a Catalog,
    pub progress: &'a Progress,
    pub today: Date,
}

impl Sections {
    pub fn new(cat: &Catalog) -> Sections {
        Sections {
            trees: cat.doc.sections.iter().map(Tree::new).collect(),
            selected: 0,
            filter: Filter::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.trees.len()
    }

    pub fn is_empty(&self) -> bool {
        self.trees.is_empty()
    }

    pub fn tree(&self, i: usize) -> &Tree {
        &self.trees[i]
    }

    pub fn tree_mut(&mut self, i: usize) -> &mut Tree {
        &mut self.trees[i]
    }

    /// The section shown on a narrow screen and described by the detail pane.
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.trees.len().saturating_sub(1));
    }

    /// The row selected in the selected section's pane.
    pub fn selected_row(&self) -> Option<Row> {
        self.trees.get(self.selected)?.selected()
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Sets the filter and narrows every pane to it, opening the tasks that match.
    /// `height(i)` is the number of rows section `i`'s pane shows.
    pub fn set_filter(&mut self, filter: Filter, facts: &Facts, height: impl Fn(usize) -> usize) {
        self.filter = filter;
        self.narrow(facts, true, height);
    }

    /// Narrows again after the check-offs changed (open and overdue depend on them). Nothing to
    /// do without a filter.
    pub fn refilter(&mut self, facts: &Facts, height: impl Fn(usize) -> usize) {
        if !self.filter.is_empty() {
            self.narrow(facts, false, height);
        }
    }

    /// Narrows again only the tasks `(section, task)` whose check-offs changed: on a large
    /// document a whole narrowing per key would cost tens of milliseconds.
    pub fn refilter_tasks(
        &mut self,
        facts: &Facts,
        tasks: &[(usize, usize)],
        height: impl Fn(usize) -> usize,
    ) {
        if self.filter.is_empty() {
            return;
        }
        for &(s, t) in tasks {
            let sec = &facts.cat.doc.sections[s];
            let kept = self
                .filter
                .task(facts.cat, facts.progress, facts.today, sec, t);
            self.trees[s].set_task_kept(sec, t, kept, height(s));
        }
    }

    fn narrow(&mut self, facts: &Facts, open: bool, height: impl Fn(usize) -> usize) {
        let sections = &facts.cat.doc.sections;
        for (i, (tree, s)) in self.trees.iter_mut().zip(sections).enumerate() {
            let kept = (!self.filter.is_empty()).then(|| {
                self.filter
                    .section(facts.cat, facts.progress, facts.today, s)
            });
            tree.set_kept(s, kept, open, height(i));
        }
    }

    /// Under a filter: the measures that match across every section.
    pub fn matching_measures(&self) -> Option<usize> {
        (!self.filter.is_empty()).then(|| self.trees.iter().map(Tree::kept_measures).sum())
    }

    /// Every pane's tasks expanded (`measures`: their milestones too), or all folded.
    pub fn set_all(
        &mut self,
        sections: &[Section],
        open: bool,
        measures: bool,
        height: impl Fn(usize) -> usize,
    ) {
        for (i, (tree, s)) in self.trees.iter_mut().zip(sections).enumerate() {
            tree.set_all(s, open, measures, height(i));
        }
    }

    /// How far the selected pane is unfolded, for org's S-Tab cycle: 0 all folded, 1 tasks
    /// open, 2 milestones shown as well.
    pub fn fold_level(&self) -> u8 {
        let t = &self.trees[self.selected];
        if !t.open_measures.is_empty() {
            2
        } else if t.expanded.iter().any(|&e| e) {
            1
        } else {
            0
        }
    }

    /// The tally a section's title shows: under a filter, of its matching milestones.
    pub fn title_tally(&self, i: usize, whole: Tally) -> Tally {
        self.trees[i].kept_total().unwrap_or(whole)
    }
}
