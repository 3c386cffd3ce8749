//! `fgf show ID --json`: the item as in the tree, with where it sits, and each milestone's
//! check-off and progress log.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::domain::model::{Allocation, Confidence, Official, Roles, Verified};
use crate::domain::progress::LogStatus;
use crate::domain::progress::log::History;
use crate::domain::{Item, Measure, Milestone, Task};

/// A milestone's check-off and log (all `null` when the state file could not be read).
#[derive(Serialize, Default)]
pub struct MilestoneMarks<'a> {
    /// done / open / overdue.
    pub state: Option<&'static str>,
    pub done: Option<bool>,
    pub checked_at: Option<Timestamp>,
    pub note: Option<&'a str>,
    pub latest: Option<&'static str>,
    pub log: Option<Vec<LogEntry>>,
}

/// An entry of a progress log, newest first.
#[derive(Serialize)]
pub struct LogEntry {
    pub at: Timestamp,
    pub by: Option<String>,
    pub status: Option<&'static str>,
    pub text: String,
}

pub fn log_entries(h: History) -> Vec<LogEntry> {
    h.entries
        .into_iter()
        .map(|e| LogEntry {
            at: e.at,
            by: (!e.by.is_empty()).then_some(e.by),
            status: e.status.map(LogStatus::name),
            text: e.text,
        })
        .collect()
}

fn no(b: &bool) -> bool {
    !*b
}

#[derive(Serialize)]
pub struct MilestoneShown<'a> {
    pub id: &'a str,
    pub deadline: Option<Date>,
    pub phrase: Option<&'a str>,
    /// Left out for a milestone that is the whole measure (inside a measure's list).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub text: &'a str,
    #[serde(skip_serializing_if = "no")]
    pub inferred: bool,
    #[serde(flatten)]
    pub marks: MilestoneMarks<'a>,
}

#[derive(Serialize)]
pub struct MeasureShown<'a> {
    pub id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: &'a str,
    pub text: &'a str,
    pub lead: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub responsible: &'a [String],
    pub support: &'a [String],
    #[serde(skip_serializing_if = "Roles::is_empty")]
    pub roles: &'a Roles,
    #[serde(skip_serializing_if = "<[Official]>::is_empty")]
    pub officials: &'a [Official],
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
    pub reading: &'a str,
    pub milestones: Vec<MilestoneShown<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<&'a Verified>,
}

#[derive(Serialize)]
pub struct TaskShown<'a> {
    pub id: &'a str,
    pub number: u32,
    pub numeral: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub lead: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub responsible: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub support: &'a [String],
    #[serde(skip_serializing_if = "Roles::is_empty")]
    pub roles: &'a Roles,
    #[serde(skip_serializing_if = "<[Official]>::is_empty")]
    pub officials: &'a [Official],
    pub measures: Vec<MeasureShown<'a>>,
}

/// `fgf show ID --json`.
#[derive(Serialize)]
pub struct Shown<'a> {
    pub kind: &'static str,
    pub section: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_title: Option<&'a str>,
    #[serde(flatten)]
    pub item: ItemShown<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum ItemShown<'a> {
    Task(TaskShown<'a>),
    Measure(MeasureShown<'a>),
    Milestone {
        #[serde(flatten)]
        milestone: MilestoneShown<'a>,
        measure: &'a str,
        lead: &'a [String],
        support: &'a [String],
        confidence: Confidence,
    },
}

/// Each milestone's marks, given the measure it belongs to.
pub type MarksOf<'m> = dyn Fn(&'m Measure, &'m Milestone) -> MilestoneMarks<'m> + 'm;

fn milestone<'a>(
    m: &'a Measure,
    k: &'a Milestone,
    text: &'a str,
    marks: &MarksOf<'a>,
) -> MilestoneShown<'a> {
    MilestoneShown {
        id: &k.id,
        deadline: k.deadline,
        phrase: k.phrase.as_deref(),
        text,
        inferred: k.inferred,
        marks: marks(m, k),
    }
}

fn measure<'a>(m: &'a Measure, marks: &MarksOf<'a>) -> MeasureShown<'a> {
    MeasureShown {
        id: &m.id,
        label: &m.label,
        text: &m.text,
        lead: &m.lead,
        responsible: &m.responsible,
        support: &m.support,
        roles: &m.roles,
        officials: &m.officials,
        confidence: m.confidence,
        alternative: m.alternative.as_ref(),
        reading: &m.reading,
        milestones: (m.milestones.iter())
            .map(|k| milestone(m, k, &k.text, marks))
            .collect(),
        verified: m.verified.as_deref(),
    }
}

fn task<'a>(t: &'a Task, marks: &MarksOf<'a>) -> TaskShown<'a> {
    TaskShown {
        id: &t.id,
        number: t.number,
        numeral: &t.numeral,
        label: &t.label,
        title: &t.title,
        lead: &t.lead,
        responsible: &t.responsible,
        support: &t.support,
        roles: &t.roles,
        officials: &t.officials,
        measures: t.measures.iter().map(|m| measure(m, marks)).collect(),
    }
}

impl<'a> Shown<'a> {
    pub fn new(item: Item<'a>, marks: &MarksOf<'a>) -> Shown<'a> {
        let (kind, section, t, item) = match item {
            Item::Task(s, t) => ("task", s, None, ItemShown::Task(task(t, marks))),
            Item::Measure(s, t, m) => {
                ("measure", s, Some(t), ItemShown::Measure(measure(m, marks)))
            }
            Item::Milestone(s, t, m, k) => {
                let milestone = milestone(m, k, m.text_of(k), marks);
                let item = ItemShown::Milestone {
                    milestone,
                    measure: &m.id,
                    lead: &m.lead,
                    support: &m.support,
                    confidence: m.confidence,
                };
                ("milestone", s, Some(t), item)
            }
        };
        Shown {
            kind,
            section: &section.key,
            task: t.map(|t| t.id.as_str()),
            task_title: t.map(|t| t.title.as_str()),
            item,
        }
    }
}
