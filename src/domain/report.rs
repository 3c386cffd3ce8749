//! A 督查 report's figures: completion by section and by lead unit, overdue milestones grouped by
//! lead unit with their latest status, what changed since a day, and the uncertain allocations.
//! Pure: the CLI lays it out as Markdown or Word.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::domain::catalog::{Catalog, Loc};
use crate::domain::model::{Measure, Milestone, Section};
use crate::domain::progress::{LogStatus, Progress, Tally};

/// What a report covers.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// "Today" for overdue.
    pub as_of: Date,
    /// Changes from this day on (in the time zone given to [`Report::new`]).
    pub since: Option<Date>,
    /// Only what this unit (an index into the document's units) leads.
    pub unit: Option<usize>,
}

/// One lead unit's line: its milestones done / total and how many are overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub unit: usize,
    pub tally: Tally,
    pub overdue: usize,
}

/// An overdue milestone.
#[derive(Debug, Clone)]
pub struct Late<'c> {
    pub measure: &'c Measure,
    pub milestone: &'c Milestone,
    /// The latest status reported in the log (none: nobody said).
    pub latest: Option<LogStatus>,
}

/// A change since `--since`: a check-off (or uncheck), or a log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub at: Timestamp,
    /// A check-off (`Some(true)`) or an uncheck (`Some(false)`) rather than a log entry.
    pub checked: Option<bool>,
    pub id: String,
    /// Who (a log entry's author; none for a check-off or an uncheck, which record no name).
    pub by: Option<String>,
    pub status: Option<LogStatus>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Report<'c> {
    pub scope: Scope,
    pub overall: Tally,
    pub overdue_count: usize,
    pub sections: Vec<(&'c Section, Tally)>,
    /// Lead units in the document's order, each with what it leads in scope.
    pub units: Vec<UnitRow>,
    /// Overdue milestones by lead unit (a milestone with two leads is under both), units in the
    /// document's order, milestones in document order.
    pub overdue: Vec<(usize, Vec<Late<'c>>)>,
    /// Changes since `scope.since`, oldest first (empty without `since`).
    pub changes: Vec<ChangeRow>,
    /// Measures in scope whose allocation is uncertain.
    pub uncertain: Vec<&'c Measure>,
}

impl<'c> Report<'c> {
    /// The report of `cat` with `p`'s check-offs and log; `tz` turns `since` into a time.
    pub fn new(cat: &'c Catalog, p: &Progress, scope: Scope, tz: &TimeZone) -> Report<'c> {
        let n = cat.doc.units.len();
        let mut unit_tally = vec![Tally::default(); n];
        let mut unit_late: Vec<Vec<Late<'c>>> = vec![Vec::new(); n];
        let mut sections = Vec::new();
        let mut uncertain = Vec::new();
        let mut overdue_count = 0;
        let state = p.state();
        let mut leads: Vec<usize> = Vec::new();
        for s in &cat.doc.sections {
            let mut tally = Tally::default();
            for m in s.tasks.iter().flat_map(|t| &t.measures) {
                leads.clear();
                leads.extend(m.lead.iter().filter_map(|u| cat.unit_exact(u)));
                if scope.unit.is_some_and(|u| !leads.contains(&u)) {
                    continue;
                }
                if !m.is_certain() {
                    uncertain.push(m);
                }
                let measure_log = state.log.contains_key(&m.id);
                for k in &m.milestones {
                    // One look-up of the mark per milestone: a large state makes them the cost.
                    let done = p.is_done(&k.id);
                    let t = Tally {
                        done: usize::from(done),
                        total: 1,
                    };
                    tally = tally + t;
                    let late = !done && k.deadline.is_some_and(|d| d < scope.as_of);
                    overdue_count += usize::from(late);
                    let latest = if late && (measure_log || state.log.contains_key(&k.id)) {
                        state.history(&m.id, &k.id).latest()
                    } else {
                        None
                    };
                    for &u in &leads {
                        unit_tally[u] = unit_tally[u] + t;
                        if late {
                            unit_late[u].push(Late {
                                measure: m,
                                milestone: k,
                                latest,
                            });
                        }
                    }
                }
            }
            if tally.total > 0 || scope.unit.is_none() {
                sections.push((s, tally));
            }
        }
        let overall = sections.iter().map(|&(_, t)| t).sum();
        let keep = |u: &usize| scope.unit.is_none_or(|only| only == *u);
        let units = (0..n)
            .filter(|u| unit_tally[*u].total > 0 && keep(u))
            .map(|u| UnitRow {
                unit: u,
                tally: unit_tally[u],
                overdue: unit_late[u].len(),
            })
            .collect();
        let overdue = unit_late
            .into_iter()
            .enumerate()
            .filter(|(u, l)| !l.is_empty() && keep(u))
            .collect();
        let changes = match scope.since {
            Some(day) => changes_since(cat, p, scope.unit, day, tz),
            None => Vec::new(),
        };
        Report {
            scope,
            overall,
            overdue_count,
            sections,
            units,
            overdue,
            changes,
            uncertain,
        }
    }
}

/// Check-offs and log entries of the measures in scope from `day` on, oldest first.
fn changes_since(
    cat: &Catalog,
    p: &Progress,
    unit: Option<usize>,
    day: Date,
    tz: &TimeZone,
) -> Vec<ChangeRow> {
    let from = day
        .to_zoned(tz.clone())
        .map_or(Timestamp::MIN, |z| z.timestamp());
    let state = p.state();
    // The measure an id (milestone or measure) belongs to, when it is in scope.
    let measure_of = |id: &str| -> Option<&Measure> {
        let (s, t, m) = match cat.locate(id)? {
            Loc::Milestone(s, t, m, _) | Loc::Measure(s, t, m) => (s, t, m),
            Loc::Task(..) => return None,
        };
        let measure = &cat.doc.sections[s].tasks[t].measures[m];
        let led = |u| measure.lead.iter().any(|n| cat.unit_exact(n) == Some(u));
        unit.is_none_or(led).then_some(measure)
    };
    let mut out = Vec::new();
    // `fgf log --status done` checks off at the same moment: one row, the entry's.
    let mut logged_done = std::collections::HashSet::new();
    for (id, entries) in &state.log {
        if measure_of(id).is_none() {
            continue;
        }
        for e in entries.iter().filter(|e| e.at >= from) {
            if e.status == Some(LogStatus::Done) {
                logged_done.insert((e.at, id.as_str()));
            }
            out.push(ChangeRow {
                at: e.at,
                checked: None,
                id: id.clone(),
                by: Some(e.by.clone()),
                status: e.status,
                text: e.text.clone(),
            });
        }
    }
    for (id, mark) in &state.marks {
        if mark.at < from {
            continue;
        }
        let Some(measure) = measure_of(id) else {
            continue;
        };
        if mark.done
            && (logged_done.contains(&(mark.at, id.as_str()))
                || logged_done.contains(&(mark.at, measure.id.as_str())))
        {
            continue;
        }
        out.push(ChangeRow {
            at: mark.at,
            checked: Some(mark.done),
            id: id.clone(),
            by: None,
            status: mark.done.then_some(LogStatus::Done),
            text: mark.note.clone().unwrap_or_default(),
        });
    }
    out.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    out
}

/// Deadlines of one month: how many fall due, are done, are late (open past the deadline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRow {
    pub year: i16,
    pub month: i8,
    pub due: usize,
    pub done: usize,
    pub late: usize,
}

/// The dated milestones by the month of their deadline, earliest first.
pub fn months(cat: &Catalog, p: &Progress, today: Date) -> Vec<MonthRow> {
    let mut rows: std::collections::BTreeMap<(i16, i8), MonthRow> = Default::default();
    for k in cat.measures().flat_map(|(_, _, m)| &m.milestones) {
        let Some(d) = k.deadline else { continue };
        let row = rows.entry((d.year(), d.month())).or_insert(MonthRow {
            year: d.year(),
            month: d.month(),
            due: 0,
            done: 0,
            late: 0,
        });
        let done = p.is_done(&k.id);
        row.due += 1;
        row.done += usize::from(done);
        row.late += usize::from(!done && d < today);
    }
    rows.into_values().collect()
}
