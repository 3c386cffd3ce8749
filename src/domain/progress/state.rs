//! The check-off record of one document: per milestone, its latest change (a check, an uncheck, a note).
//!
//! An uncheck is kept as a mark with `done: false` (a tombstone with its time) so that it can win a merge
//! against an older check. Merging keeps, per milestone, the later mark: a join, so merging is commutative,
//! associative and idempotent, and any two copies that have seen the same changes agree.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::log::{Entry, History, Log, merge_log};
use crate::domain::Catalog;
use crate::domain::catalog::Loc;

use super::verified::Verification;

/// The latest change to one milestone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a check-off: {\"done\": true|false, \"at\": \"2026-11-25T13:00:00Z\", \"note\"?}"
)]
pub struct Mark {
    /// Checked off (`true`) or unchecked again (`false`, kept so the uncheck can win a merge).
    pub done: bool,
    /// When the change was made, UTC.
    pub at: Timestamp,
    /// An optional one-line note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Mark {
    /// The order merges use: the later change wins; equal times fall back to the content, so every copy
    /// picks the same winner.
    pub fn precedence(&self, other: &Mark) -> Ordering {
        (self.at, self.done, &self.note).cmp(&(other.at, other.done, &other.note))
    }

    /// Same state and note, whenever it was made.
    pub fn same_content(&self, other: &Mark) -> bool {
        self.done == other.done && self.note == other.note
    }
}

/// Everything recorded for one document: milestone id -> latest mark, and the progress log (milestone
/// or measure id -> entries). Ids the document lacks are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The document id (`Document::id`) the marks belong to.
    pub document: String,
    pub marks: BTreeMap<String, Mark>,
    pub log: Log,
    /// Measure id -> its latest verified reading (or the clearing of one): `fgf verify`.
    pub verified: BTreeMap<String, Verification>,
}

impl State {
    pub fn new(document: impl Into<String>) -> State {
        State {
            document: document.into(),
            marks: BTreeMap::new(),
            log: Log::new(),
            verified: BTreeMap::new(),
        }
    }

    pub fn mark(&self, milestone: &str) -> Option<&Mark> {
        self.marks.get(milestone)
    }

    pub fn is_done(&self, milestone: &str) -> bool {
        self.marks.get(milestone).is_some_and(|m| m.done)
    }

    pub fn note(&self, milestone: &str) -> Option<&str> {
        self.marks.get(milestone).and_then(|m| m.note.as_deref())
    }

    /// Takes in every mark and verified reading of `other` that is later than ours and every log entry
    /// we lack; returns the ids whose record changed or whose log gained an entry (each once, sorted).
    /// `other.document` is not looked at: the caller checks both are for the same document.
    pub fn merge(&mut self, other: &State) -> Vec<String> {
        let mut changed = self.merge_marks(other);
        changed.extend(merge_log(&mut self.log, &other.log));
        changed.sort_unstable();
        changed.dedup();
        changed
    }

    fn merge_marks(&mut self, other: &State) -> Vec<String> {
        let mut changed = Vec::new();
        for (id, theirs) in &other.marks {
            match self.marks.get(id) {
                Some(ours) if ours.precedence(theirs) != Ordering::Less => {}
                _ => {
                    self.marks.insert(id.clone(), theirs.clone());
                    changed.push(id.clone());
                }
            }
        }
        for (id, theirs) in &other.verified {
            match self.verified.get(id) {
                Some(ours) if ours.precedence(theirs) != Ordering::Less => {}
                _ => {
                    self.verified.insert(id.clone(), theirs.clone());
                    changed.push(id.clone());
                }
            }
        }
        changed
    }

    /// The verified reading of a measure, unless none was recorded or it was cleared.
    pub fn verified(&self, measure: &str) -> Option<&Verification> {
        self.verified.get(measure).filter(|v| !v.cleared)
    }

    /// `a` merged with `b` (equal to `b` merged with `a`).
    pub fn merged(a: &State, b: &State) -> State {
        let mut out = a.clone();
        out.merge(b);
        out
    }

    /// Ids in the record that are not milestones of `cat` (or, for the log, measures): kept untouched,
    /// reported to the user. Sorted, each once.
    pub fn unknown_ids(&self, cat: &Catalog) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .marks
            .keys()
            .filter(|id| !matches!(cat.locate(id), Some(Loc::Milestone(..))))
            .chain(self.log.keys().filter(|id| {
                !matches!(cat.locate(id), Some(Loc::Milestone(..) | Loc::Measure(..)))
            }))
            .map(String::as_str)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Drops every mark and log entry of the given ids (a merge refusing ids the document lacks).
    pub fn forget(&mut self, ids: &[String]) {
        self.marks.retain(|id, _| !ids.contains(id));
        self.log.retain(|id, _| !ids.contains(id));
    }

    /// Adds a log entry to a milestone or measure; false when it was there already.
    pub fn add_entry(&mut self, id: &str, entry: Entry) -> bool {
        self.log.entry(id.to_string()).or_default().insert(entry)
    }

    /// A milestone's log with its measure's entries and its check-off, newest first.
    pub fn history(&self, measure: &str, milestone: &str) -> History {
        let own = [milestone, measure]
            .into_iter()
            .filter_map(|id| self.log.get(id))
            .flatten();
        History::new(own, self.mark(milestone), self.is_done(milestone))
    }

    /// How many log entries there are, over every id.
    pub fn entry_count(&self) -> usize {
        self.log.values().map(|s| s.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: i64) -> Timestamp {
        Timestamp::from_second(s).unwrap()
    }

    fn mark(done: bool, s: i64) -> Mark {
        Mark {
            done,
            at: ts(s),
            note: None,
        }
    }

    #[test]
    fn the_later_change_wins_either_way_round() {
        let mut a = State::new("d");
        a.marks.insert("1.1.1".into(), mark(true, 10));
        let mut b = State::new("d");
        b.marks.insert("1.1.1".into(), mark(false, 20));
        assert_eq!(State::merged(&a, &b).marks["1.1.1"], mark(false, 20));
        assert_eq!(State::merged(&b, &a).marks["1.1.1"], mark(false, 20));
    }

    #[test]
    fn merge_reports_what_it_took_in() {
        let mut a = State::new("d");
        a.marks.insert("1.1.1".into(), mark(true, 10));
        let mut b = State::new("d");
        b.marks.insert("1.1.1".into(), mark(true, 5));
        b.marks.insert("2.1.1".into(), mark(true, 5));
        assert_eq!(a.merge(&b), vec!["2.1.1".to_string()]);
        assert!(a.merge(&b).is_empty(), "idempotent");
    }

    #[test]
    fn unknown_ids_are_those_that_are_not_milestones() {
        let cat = crate::domain::seeds::embedded();
        let mut s = State::new(&cat.doc.id);
        for id in ["1.1.1", "99.1.1", "9.2"] {
            s.marks.insert(id.into(), mark(true, 1));
        }
        assert_eq!(s.unknown_ids(&cat), vec!["9.2", "99.1.1"]);
    }
}
