//! Filters that narrow the tree (issue 17): open, overdue, uncertain allocation, a unit in a role,
//! a deadline range, combined with "and". Pure: what matches, what a section keeps of its shape
//! (tasks over their matching measures over their matching milestones), and the filter in words.
//! The TUI's section panes use it; a command could too.

use jiff::civil::Date;

use super::Catalog;
use super::lang::Lang;
use super::model::{Measure, Milestone, Section};
use super::progress::{Progress, Status, Tally};

/// A unit's part in a measure that the unit filter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRole {
    /// Leads it (or, where a notice names no lead, is responsible for it).
    Lead,
    /// Cooperates on it.
    Cooperating,
    Either,
}

/// A unit (index into `doc.units`) in a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitFilter {
    pub unit: usize,
    pub role: UnitRole,
}

/// Every criterion that is set must hold. The default filters nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Milestones not checked off.
    pub open: bool,
    /// Milestones not checked off whose deadline is before "today".
    pub overdue: bool,
    /// Measures whose allocation is uncertain (not read with high confidence, not verified).
    pub uncertain: bool,
    pub unit: Option<UnitFilter>,
    /// Milestones due on or after this day …
    pub from: Option<Date>,
    /// … and on or before this one.
    pub to: Option<Date>,
}

/// What a filter keeps of one measure: its index and its matching milestones' indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureMatch {
    pub measure: usize,
    pub milestones: Vec<usize>,
}

/// What a filter keeps of one task, and the tally of the milestones kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskMatch {
    pub task: usize,
    pub measures: Vec<MeasureMatch>,
    pub tally: Tally,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether the milestone-level criteria (open, overdue, deadline range) hold.
    pub fn milestone(&self, progress: &Progress, today: Date, k: &Milestone) -> bool {
        let status = progress.status(k, today);
        if self.open && status == Status::Done {
            return false;
        }
        if self.overdue && status != Status::Overdue {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = k.deadline else { return false };
            if self.from.is_some_and(|f| d < f) || self.to.is_some_and(|t| d > t) {
                return false;
            }
        }
        true
    }

    /// Whether the measure-level criteria (uncertain allocation, the unit) hold.
    pub fn measure_itself(&self, cat: &Catalog, m: &Measure) -> bool {
        if self.uncertain && m.is_certain() {
            return false;
        }
        let Some(uf) = self.unit else { return true };
        let name = cat.doc.units[uf.unit].name.as_str();
        let names = |list: &[String]| {
            list.iter()
                .any(|u| cat.unit_exact(u) == Some(uf.unit) || u == name)
        };
        let leads = names(m.in_charge());
        let cooperates = names(&m.support);
        match uf.role {
            UnitRole::Lead => leads,
            UnitRole::Cooperating => cooperates,
            UnitRole::Either => leads || cooperates,
        }
    }

    /// The milestones of `m` the filter keeps: none when the measure itself does not match.
    pub fn measure(
        &self,
        cat: &Catalog,
        progress: &Progress,
        today: Date,
        m: &Measure,
    ) -> Vec<usize> {
        if !self.measure_itself(cat, m) {
            return Vec::new();
        }
        (0..m.milestones.len())
            .filter(|&k| self.milestone(progress, today, &m.milestones[k]))
            .collect()
    }

    /// What the filter keeps of a section, in document order: tasks with at least one matching
    /// measure, each with its matching measures and their matching milestones.
    pub fn section(
        &self,
        cat: &Catalog,
        progress: &Progress,
        today: Date,
        s: &Section,
    ) -> Vec<TaskMatch> {
        (0..s.tasks.len())
            .filter_map(|t| self.task(cat, progress, today, s, t))
            .collect()
    }

    /// What the filter keeps of task `ti` of a section (`None`: no measure matches).
    pub fn task(
        &self,
        cat: &Catalog,
        progress: &Progress,
        today: Date,
        s: &Section,
        ti: usize,
    ) -> Option<TaskMatch> {
        let mut tally = Tally::default();
        let measures: Vec<MeasureMatch> = s.tasks[ti]
            .measures
            .iter()
            .enumerate()
            .filter_map(|(mi, m)| {
                let ks = self.measure(cat, progress, today, m);
                for &k in &ks {
                    tally = tally + progress.milestone(&m.milestones[k]);
                }
                (!ks.is_empty()).then_some(MeasureMatch {
                    measure: mi,
                    milestones: ks,
                })
            })
            .collect();
        (!measures.is_empty()).then_some(TaskMatch {
            task: ti,
            measures,
            tally,
        })
    }

    /// The filter in words, criteria joined by " · " (empty when it filters nothing). Unit names
    /// come from the document: the caller neutralises the text before it reaches a terminal.
    pub fn describe(&self, cat: &Catalog, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.open {
            parts.push(lang.pick("未完成", "open").into());
        }
        if self.overdue {
            parts.push(lang.pick("逾期", "overdue").into());
        }
        if self.uncertain {
            parts.push(lang.pick("分工待核", "uncertain").into());
        }
        if let Some(uf) = self.unit {
            let name = &cat.doc.units[uf.unit].name;
            let role = match uf.role {
                UnitRole::Lead => lang.pick("牵头", "leads"),
                UnitRole::Cooperating => lang.pick("配合", "cooperates"),
                UnitRole::Either => lang.pick("牵头或配合", "leads or cooperates"),
            };
            parts.push(format!("{name} {role}"));
        }
        if self.from.is_some() || self.to.is_some() {
            let d = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
            let label = lang.pick("期限", "due");
            parts.push(format!("{label} {}..{}", d(self.from), d(self.to)));
        }
        parts.join(" · ")
    }
}

/// Why a deadline range could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeError {
    /// Nothing on either side of `..`.
    Empty,
    /// Neither a day nor a month.
    NotADate(String),
    /// The start is after the end.
    Backwards(Date, Date),
}

impl RangeError {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (RangeError::Empty, Lang::Zh) => "请写 起..止，如 2020-01-01..2020-06-30".into(),
            (RangeError::Empty, Lang::En) => {
                "expected FROM..TO, e.g. 2020-01-01..2020-06-30".into()
            }
            (RangeError::NotADate(s), Lang::Zh) => {
                format!("{s:?} 不是日期（2020-06-30）或月份（2020-06）")
            }
            (RangeError::NotADate(s), Lang::En) => {
                format!("{s:?} is neither a day (2020-06-30) nor a month (2020-06)")
            }
            (RangeError::Backwards(f, t), Lang::Zh) => format!("起始 {f} 晚于截止 {t}"),
            (RangeError::Backwards(f, t), Lang::En) => format!("{f} is after {t}"),
        }
    }
}

/// A deadline range as typed: `FROM..TO` with either end left out (`..2020-06-30`,
/// `2020-01-01..`), or one day or month alone. A day is `2020-06-30`; a month `2020-06` reads as
/// its first day at the start of a range and its last day at the end. Full-width digits and
/// punctuation are accepted.
pub fn parse_range(text: &str) -> Result<(Option<Date>, Option<Date>), RangeError> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' => '-',
            '．' | '。' => '.',
            c => c,
        })
        .collect();
    let (from, to) = match text.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (text.as_str(), text.as_str()),
    };
    if from.is_empty() && to.is_empty() {
        return Err(RangeError::Empty);
    }
    let end = |s: &str, last: bool| -> Result<Option<Date>, RangeError> {
        if s.is_empty() {
            return Ok(None);
        }
        if let Ok(d) = s.parse::<Date>() {
            return Ok(Some(d));
        }
        let month = format!("{s}-01")
            .parse::<Date>()
            .map_err(|_| RangeError::NotADate(s.to_string()))?;
        Ok(Some(if last { month.last_of_month() } else { month }))
    };
    let (from, to) = (end(from, false)?, end(to, true)?);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(RangeError::Backwards(f, t));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests;
