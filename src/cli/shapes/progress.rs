//! `fgf progress --json`, `fgf deadlines --json` (one notice and across notices) and what
//! `fgf check` / `uncheck --json` changed.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::Counts;
use crate::domain::model::{Allocation, Confidence, Verified};

/// `fgf progress --json` for one notice.
#[derive(Serialize)]
pub struct ProgressOut<'a> {
    pub document: &'a str,
    pub as_of: Date,
    pub state: &'a Path,
    pub sections: Vec<SectionProgress<'a>>,
    /// Ids of the overdue milestones.
    pub overdue: Vec<&'a str>,
    /// Ids in the state file that are not milestones of the document.
    pub unknown: Vec<&'a str>,
    /// Each id with a progress log: its latest reported status.
    pub latest: BTreeMap<&'a str, &'static str>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct SectionProgress<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub tasks: Vec<TaskProgress<'a>>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct TaskProgress<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub measures: Vec<Tallied<'a>>,
    #[serde(flatten)]
    pub counts: Counts,
}

/// An id with its counts (a measure's).
#[derive(Serialize)]
pub struct Tallied<'a> {
    pub id: &'a str,
    #[serde(flatten)]
    pub counts: Counts,
}

/// `fgf progress --json` across notices.
#[derive(Serialize)]
pub struct ProgressAcross<'a> {
    pub as_of: Date,
    pub documents: Vec<NoticeProgress<'a>>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct NoticeProgress<'a> {
    pub document: &'a str,
    pub number: &'a str,
    pub title: &'a str,
    pub overdue: Vec<&'a str>,
    #[serde(flatten)]
    pub counts: Counts,
}

/// `fgf deadlines --json` for one notice.
#[derive(Serialize)]
pub struct DeadlinesOut<'a, T: Serialize> {
    pub document: &'a str,
    pub as_of: Date,
    pub groups: Vec<DeadlineGroup<T>>,
}

/// `fgf deadlines --json` across notices (each milestone names its notice).
#[derive(Serialize)]
pub struct DeadlinesAcross<'a, T: Serialize> {
    pub documents: Vec<&'a str>,
    pub as_of: Date,
    pub groups: Vec<DeadlineGroup<T>>,
}

/// The milestones due on one day (or undated: `deadline` null), with counts.
#[derive(Serialize)]
pub struct DeadlineGroup<T: Serialize> {
    pub deadline: Option<Date>,
    pub total: usize,
    pub done: usize,
    pub overdue: usize,
    pub milestones: Vec<T>,
}

impl<T: Serialize> DeadlineGroup<T> {
    /// Counted from the milestones' states.
    pub fn new(deadline: Option<Date>, milestones: Vec<T>, state: impl Fn(&T) -> &str) -> Self {
        let count = |st: &str| milestones.iter().filter(|m| state(m) == st).count();
        DeadlineGroup {
            deadline,
            total: milestones.len(),
            done: count("done"),
            overdue: count("overdue"),
            milestones,
        }
    }
}

/// A milestone of `fgf deadlines --json`: where it sits, its allocation, its state.
#[derive(Serialize)]
pub struct DeadlineMilestone<'a> {
    pub id: &'a str,
    pub measure: &'a str,
    pub task: &'a str,
    pub section: &'a str,
    pub deadline: Option<Date>,
    /// The deadline as the notice words it.
    pub phrase: Option<&'a str>,
    pub text: &'a str,
    pub measure_text: &'a str,
    pub lead: &'a [String],
    pub responsible: &'a [String],
    pub support: &'a [String],
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
    pub verified: Option<&'a Verified>,
    /// done / open / overdue.
    pub state: &'static str,
    pub done: bool,
    pub overdue: bool,
    pub checked_at: Option<Timestamp>,
    pub note: Option<&'a str>,
    /// The latest status its progress log reports.
    pub latest: Option<&'static str>,
}

/// What `fgf check --json` / `uncheck --json` did, and the notice's counts after it.
#[derive(Serialize)]
pub struct CheckOut<'a> {
    pub document: &'a str,
    pub state: &'a Path,
    pub changed: Vec<Changed<'a>>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct Changed<'a> {
    pub id: &'a str,
    pub done: bool,
    pub was_done: bool,
    pub at: Timestamp,
    pub note: Option<&'a str>,
}
