//! Check-off state in use: check, uncheck, toggle and notes with undo / redo, plus roll-ups.
//!
//! [`Progress`] wraps the [`State`] of one document. Every change is stamped with the time it is made
//! (passed in as `now`, so tests and the TUI choose the clock) and returned as a [`Change`] that says which
//! milestones moved; undo and redo make new, later marks, so that they too win merges with other copies.

pub mod agenda;
pub mod log;
mod rollup;
mod state;
mod verified;

use jiff::{SignedDuration, Timestamp};

pub use log::{Entry, History, LogStatus};
pub use rollup::{DeadlineGroup, Status, Tally, deadline_groups};
pub use state::{Mark, State};
pub use verified::Verification;

use crate::domain::catalog::{Catalog, Item};

/// One milestone's mark before and after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub id: String,
    pub before: Option<Mark>,
    pub after: Mark,
}

impl Edit {
    fn was_done(&self) -> bool {
        self.before.as_ref().is_some_and(|m| m.done)
    }
}

/// What one action changed (possibly nothing: a check of a milestone already checked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub edits: Vec<Edit>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The milestone ids changed, in the order they were changed.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.edits.iter().map(|e| e.id.as_str())
    }

    /// Milestones that went from open to done.
    pub fn checked(&self) -> impl Iterator<Item = &Edit> {
        self.edits.iter().filter(|e| e.after.done && !e.was_done())
    }

    /// Milestones that went from done to open.
    pub fn unchecked(&self) -> impl Iterator<Item = &Edit> {
        self.edits.iter().filter(|e| !e.after.done && e.was_done())
    }
}

/// The milestone ids an id stands for: a milestone itself, all of a measure's, or all of a task's.
/// `None` when the document has no such id.
pub fn milestone_ids<'c>(cat: &'c Catalog, id: &str) -> Option<Vec<&'c str>> {
    Some(match cat.get(id)? {
        Item::Task(_, t) => t
            .measures
            .iter()
            .flat_map(|m| m.milestones.iter().map(|k| k.id.as_str()))
            .collect(),
        Item::Measure(_, _, m) => m.milestones.iter().map(|k| k.id.as_str()).collect(),
        Item::Milestone(_, _, _, k) => vec![k.id.as_str()],
    })
}

/// The check-off state of one document, with an undo / redo history of this session's changes.
#[derive(Debug, Clone)]
pub struct Progress {
    state: State,
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl Progress {
    pub fn new(state: State) -> Progress {
        Progress {
            state,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn into_state(self) -> State {
        self.state
    }

    pub fn is_done(&self, milestone: &str) -> bool {
        self.state.is_done(milestone)
    }

    pub fn note(&self, milestone: &str) -> Option<&str> {
        self.state.note(milestone)
    }

    /// Adds a progress-log entry to a milestone or measure (not undone by undo: entries are a set that
    /// merges keep). A `done` status does not check anything off by itself: the caller checks off too.
    pub fn add_entry(&mut self, id: &str, entry: Entry) -> bool {
        self.state.add_entry(id, entry)
    }

    /// Checks off milestones (ids as given by [`milestone_ids`]). A note, when given, replaces the
    /// milestone's note; without one the note is kept.
    pub fn check(&mut self, milestones: &[&str], note: Option<&str>, now: Timestamp) -> Change {
        let targets = milestones
            .iter()
            .map(|id| {
                let note = match note {
                    Some(n) => clean_note(n),
                    None => self.note(id).map(String::from),
                };
                (id.to_string(), true, note)
            })
            .collect();
        self.record(targets, now)
    }

    /// Unchecks milestones; their notes are kept.
    pub fn uncheck(&mut self, milestones: &[&str], now: Timestamp) -> Change {
        let targets = milestones
            .iter()
            .map(|id| (id.to_string(), false, self.note(id).map(String::from)))
            .collect();
        self.record(targets, now)
    }

    /// Space in the TUI: a milestone flips; a measure or task is checked whole unless all of it is done,
    /// then it is unchecked whole (as org-mode). `None` when the document has no such id.
    pub fn toggle(&mut self, cat: &Catalog, id: &str, now: Timestamp) -> Option<Change> {
        let ids = milestone_ids(cat, id)?;
        Some(if ids.iter().all(|k| self.is_done(k)) {
            self.uncheck(&ids, now)
        } else {
            self.check(&ids, None, now)
        })
    }

    /// What [`Progress::toggle`] would do, for a prompt before a whole task: `(true, n)` checks the `n`
    /// open milestones, `(false, n)` unchecks all `n`. `None` when the document has no such id.
    pub fn toggle_effect(&self, cat: &Catalog, id: &str) -> Option<(bool, usize)> {
        let ids = milestone_ids(cat, id)?;
        let open = ids.iter().filter(|k| !self.is_done(k)).count();
        Some(if open == 0 {
            (false, ids.len())
        } else {
            (true, open)
        })
    }

    /// Sets (or, with `None` or blank text, clears) a milestone's note; its state stays as it is.
    pub fn set_note(&mut self, milestone: &str, note: Option<&str>, now: Timestamp) -> Change {
        let note = note.and_then(clean_note);
        let target = (milestone.to_string(), self.is_done(milestone), note);
        self.record(vec![target], now)
    }

    /// Reverts the last change of this session; returns what the undo itself changed. A milestone that
    /// was changed again since (here or in another copy, after a merge) is left alone.
    pub fn undo(&mut self, now: Timestamp) -> Option<Change> {
        let change = self.undo.pop()?;
        let targets = self.still_as_left(&change, |e| {
            let b = e.before.as_ref();
            (b.is_some_and(|m| m.done), b.and_then(|m| m.note.clone()))
        });
        let done = self.apply(targets, now);
        self.redo.push(change);
        Some(done)
    }

    /// Makes the last undone change again; returns what the redo changed.
    pub fn redo(&mut self, now: Timestamp) -> Option<Change> {
        let change = self.redo.pop()?;
        let targets = change
            .edits
            .iter()
            .map(|e| (e.id.clone(), e.after.done, e.after.note.clone()))
            .collect();
        let done = self.apply(targets, now);
        self.undo.push(change);
        Some(done)
    }

    /// Records a verified reading of a measure (or its clearing): `fgf verify`, the TUI's `v`.
    pub fn verify(&mut self, measure: &str, v: Verification) {
        self.state.verified.insert(measure.to_string(), v);
    }

    /// Adopts a state merged elsewhere (what [`crate::domain::store::Store::save`] returns), keeping the
    /// history; returns the milestone ids whose state or note differs from before.
    pub fn absorb(&mut self, merged: State) -> Vec<String> {
        let mut changed: Vec<String> = merged
            .marks
            .iter()
            .filter(|(id, m)| !self.state.mark(id).is_some_and(|o| o.same_content(m)))
            .map(|(id, _)| id.clone())
            .collect();
        let logged: Vec<String> = merged
            .log
            .iter()
            .filter(|(id, l)| self.state.log.get(*id) != Some(l) && !changed.contains(id))
            .map(|(id, _)| id.clone())
            .collect();
        changed.extend(logged);
        changed.extend(
            self.state
                .marks
                .keys()
                .filter(|id| !merged.marks.contains_key(*id))
                .cloned(),
        );
        self.state = merged;
        changed
    }

    /// The edits of `change` whose milestones are still as the change left them, mapped to new targets.
    fn still_as_left(
        &self,
        change: &Change,
        target: impl Fn(&Edit) -> (bool, Option<String>),
    ) -> Vec<(String, bool, Option<String>)> {
        change
            .edits
            .iter()
            .filter(|e| {
                self.state
                    .mark(&e.id)
                    .is_some_and(|m| m.same_content(&e.after))
            })
            .map(|e| {
                let (done, note) = target(e);
                (e.id.clone(), done, note)
            })
            .collect()
    }

    /// Applies targets and pushes the change on the undo stack (a new change clears redo).
    fn record(&mut self, targets: Vec<(String, bool, Option<String>)>, now: Timestamp) -> Change {
        let change = self.apply(targets, now);
        if !change.is_empty() {
            self.undo.push(change.clone());
            self.redo.clear();
        }
        change
    }

    /// Sets each milestone to (done, note), stamping a time later than its previous mark's.
    fn apply(&mut self, targets: Vec<(String, bool, Option<String>)>, now: Timestamp) -> Change {
        let mut edits = Vec::new();
        for (id, done, note) in targets {
            let before = self.state.mark(&id).cloned();
            let current_done = before.as_ref().is_some_and(|m| m.done);
            let current_note = before.as_ref().and_then(|m| m.note.clone());
            if current_done == done && current_note == note {
                continue;
            }
            let at = match &before {
                Some(m) if m.at >= now => {
                    m.at.checked_add(SignedDuration::from_nanos(1))
                        .unwrap_or(m.at)
                }
                _ => now,
            };
            let after = Mark { done, at, note };
            self.state.marks.insert(id.clone(), after.clone());
            if let Some(prev) = edits.iter().position(|e: &Edit| e.id == id) {
                // The same id twice in one action: keep one edit from the first before to the last after.
                let first: Edit = edits.remove(prev);
                edits.push(Edit {
                    id,
                    before: first.before,
                    after,
                });
            } else {
                edits.push(Edit { id, before, after });
            }
        }
        Change { edits }
    }
}

/// A note keeps its lines (one written in an editor has several): in each, runs of blanks fold to
/// one space and the ends are trimmed; blank lines before and after go; blank means none.
fn clean_note(text: &str) -> Option<String> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let first = lines.iter().position(|l| !l.is_empty())?;
    let last = lines.iter().rposition(|l| !l.is_empty())?;
    Some(lines[first..=last].join("\n"))
}

#[cfg(test)]
mod tests;
