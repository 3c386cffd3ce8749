//! `fgf export --format json`: the allocation table, one notice or across notices.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::model::{Allocation, Confidence, Official, Roles, Verified};
use crate::domain::{Measure, Milestone, Section, Task};

/// One notice's table.
#[derive(Serialize)]
pub struct ExportOut<'a> {
    pub document: &'a str,
    pub number: &'a str,
    /// With `--unit`: the unit's name in this notice.
    pub unit: Option<&'a str>,
    /// With `--progress`: the day the states are for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Option<String>>,
    pub measures: Vec<ExportRow<'a>>,
}

/// Across notices: each notice's table.
#[derive(Serialize)]
pub struct ExportAcross<'a> {
    pub unit: Option<&'a str>,
    pub as_of: Option<String>,
    pub documents: Vec<ExportOut<'a>>,
}

/// A measure's row.
#[derive(Serialize)]
pub struct ExportRow<'a> {
    pub section: &'a str,
    pub task: &'a str,
    pub task_title: &'a str,
    pub id: &'a str,
    pub text: &'a str,
    pub lead: &'a [String],
    pub support: &'a [String],
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
    pub verified: Option<&'a Verified>,
    /// With `--unit`: 牵头, 负责 or 配合.
    pub role: Option<&'static str>,
    pub milestones: Vec<ExportMilestone<'a>>,
    /// With `--progress`: "2/3 done" or "0/1 overdue: 9.2.1".
    pub progress: Option<String>,
    /// Format 2's fields, present where the document has them.
    #[serde(flatten)]
    pub v2: Option<RowV2<'a>>,
}

#[derive(Serialize)]
pub struct RowV2<'a> {
    pub responsible: &'a [String],
    pub roles: &'a Roles,
    pub officials: &'a [Official],
    pub label: &'a str,
    pub inherited: bool,
}

#[derive(Serialize)]
pub struct ExportMilestone<'a> {
    pub id: &'a str,
    pub deadline: Option<Date>,
    pub text: &'a str,
    #[serde(flatten)]
    pub v2: Option<MilestoneV2<'a>>,
}

#[derive(Serialize)]
pub struct MilestoneV2<'a> {
    pub phrase: Option<&'a str>,
    pub inferred: bool,
}

impl<'a> ExportRow<'a> {
    pub fn new(
        (section, task, m): (&'a Section, &'a Task, &'a Measure),
        role: Option<&'static str>,
        v2: bool,
        progress: Option<String>,
    ) -> ExportRow<'a> {
        let milestone = |k: &'a Milestone| ExportMilestone {
            id: &k.id,
            deadline: k.deadline,
            text: m.text_of(k),
            v2: v2.then_some(MilestoneV2 {
                phrase: k.phrase.as_deref(),
                inferred: k.inferred,
            }),
        };
        ExportRow {
            section: &section.key,
            task: &task.id,
            task_title: &task.title,
            id: &m.id,
            text: &m.text,
            lead: &m.lead,
            support: &m.support,
            confidence: m.confidence,
            alternative: m.alternative.as_ref(),
            verified: m.verified.as_deref(),
            role,
            milestones: m.milestones.iter().map(milestone).collect(),
            progress,
            v2: v2.then(|| RowV2 {
                responsible: &m.responsible,
                roles: &m.roles,
                officials: &m.officials,
                label: &m.label,
                inherited: m.inherited,
            }),
        }
    }
}
