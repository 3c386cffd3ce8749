//! Roll-ups (done / total per measure, task, section, document), overdue milestones and deadline groups.

use std::fmt;

use jiff::civil::Date;

use super::Progress;
use crate::domain::catalog::{Catalog, Loc};
use crate::domain::model::{Measure, Milestone, Section, Task};

/// Done milestones out of all, as an org-mode cookie: `3/7`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub done: usize,
    pub total: usize,
}

impl Tally {
    /// Whole percent, rounded down (100 only when all is done); 0 for an empty tally.
    pub fn percent(self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }

    /// The percent for people: `0%` only when nothing is done, `<1%` when something is but
    /// under one percent (1/120), `100%` only when all is done.
    pub fn percent_text(self) -> String {
        match self.percent() {
            0 if self.done > 0 => "<1%".to_string(),
            p => format!("{p}%"),
        }
    }

    pub fn is_complete(self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, o: Tally) -> Tally {
        Tally {
            done: self.done + o.done,
            total: self.total + o.total,
        }
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), |a, b| a + b)
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.done, self.total)
    }
}

/// Where a milestone stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Done,
    Open,
    /// Open and its deadline is before the day.
    Overdue,
}

impl Progress {
    pub fn milestone(&self, k: &Milestone) -> Tally {
        Tally {
            done: usize::from(self.is_done(&k.id)),
            total: 1,
        }
    }

    pub fn measure(&self, m: &Measure) -> Tally {
        m.milestones.iter().map(|k| self.milestone(k)).sum()
    }

    pub fn task(&self, t: &Task) -> Tally {
        t.measures.iter().map(|m| self.measure(m)).sum()
    }

    pub fn section(&self, s: &Section) -> Tally {
        s.tasks.iter().map(|t| self.task(t)).sum()
    }

    pub fn overall(&self, cat: &Catalog) -> Tally {
        cat.doc.sections.iter().map(|s| self.section(s)).sum()
    }

    /// The tally of whatever a location points at.
    pub fn at(&self, cat: &Catalog, loc: Loc) -> Tally {
        match cat.at(loc) {
            crate::domain::Item::Task(_, t) => self.task(t),
            crate::domain::Item::Measure(_, _, m) => self.measure(m),
            crate::domain::Item::Milestone(_, _, _, k) => self.milestone(k),
        }
    }

    /// Done, open, or overdue (open and its deadline before `today`). Undated milestones are never overdue.
    pub fn status(&self, k: &Milestone, today: Date) -> Status {
        if self.is_done(&k.id) {
            Status::Done
        } else if k.deadline.is_some_and(|d| d < today) {
            Status::Overdue
        } else {
            Status::Open
        }
    }

    /// Every overdue milestone as of `today`, in document order.
    pub fn overdue(&self, cat: &Catalog, today: Date) -> Vec<Loc> {
        milestone_locs(cat)
            .filter(|&loc| match cat.at(loc) {
                crate::domain::Item::Milestone(_, _, _, k) => {
                    self.status(k, today) == Status::Overdue
                }
                _ => false,
            })
            .collect()
    }
}

/// Milestones sharing a deadline (`None`: no date in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineGroup {
    pub deadline: Option<Date>,
    /// Milestone locations, in document order.
    pub milestones: Vec<Loc>,
}

/// The document's milestones grouped by deadline: earliest first, undated last.
pub fn deadline_groups(cat: &Catalog) -> Vec<DeadlineGroup> {
    let mut groups: Vec<DeadlineGroup> = Vec::new();
    for loc in milestone_locs(cat) {
        let crate::domain::Item::Milestone(_, _, _, k) = cat.at(loc) else {
            continue;
        };
        match groups.iter_mut().find(|g| g.deadline == k.deadline) {
            Some(g) => g.milestones.push(loc),
            None => groups.push(DeadlineGroup {
                deadline: k.deadline,
                milestones: vec![loc],
            }),
        }
    }
    // None sorts first in Option's order; undated belongs last.
    groups.sort_by_key(|g| (g.deadline.is_none(), g.deadline));
    groups
}

/// Every milestone location in document order.
fn milestone_locs(cat: &Catalog) -> impl Iterator<Item = Loc> + '_ {
    cat.doc.sections.iter().enumerate().flat_map(|(si, s)| {
        s.tasks.iter().enumerate().flat_map(move |(ti, t)| {
            t.measures.iter().enumerate().flat_map(move |(mi, m)| {
                (0..m.milestones.len()).map(move |ki| Loc::Milestone(si, ti, mi, ki))
            })
        })
    })
}
