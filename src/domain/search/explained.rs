//! A hit as the engine explains it, its texts and positions borrowed from the notice and the
//! compiled query (`Explained`): what printing tens of thousands of hits reads, with no text copied.
//! `Explained::into_hit` makes the owned `Hit` that results, the TUI and `--json` keep.

use std::borrow::Cow;
use std::cmp::Reverse;

use super::corpus::Corpus;
use super::{Field, FieldMatch, Hit, ItemKind, Target};

/// A task, measure or unit that matched, explained; see `Hit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained<'a> {
    pub kind: ItemKind,
    pub target: Target,
    /// 9, 9.2, or a unit's name.
    pub id: &'a str,
    pub score: i64,
    /// The best-matching field (the entry's main field when no term matched one: `!word` only).
    pub field: Field,
    /// Every field a term matched.
    pub matches: Vec<ExplainedField<'a>>,
}

/// One field of a hit that a term matched; see `FieldMatch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedField<'a> {
    pub field: Field,
    /// For lead / support matches: which unit (index into `doc.units`).
    pub unit: Option<usize>,
    pub text: Cow<'a, str>,
    /// Matched characters, as char indices into `text`, ascending.
    pub positions: Cow<'a, [usize]>,
    pub score: i64,
}

impl Explained<'_> {
    /// The matched char indices in one field (a unit's name for lead / support).
    pub fn positions_in(&self, field: Field, unit: Option<usize>) -> &[usize] {
        self.matches
            .iter()
            .find(|m| m.field == field && m.unit == unit)
            .map_or(&[], |m| &m.positions)
    }

    /// The owned hit; `src` is the notice it was found in.
    pub(crate) fn into_hit(self, src: &impl Corpus) -> Hit {
        let (text, positions) = match best(&self.matches) {
            Some(f) => (f.text.to_string(), f.positions.to_vec()),
            None => (src.main_text(self.target).to_string(), Vec::new()),
        };
        Hit {
            kind: self.kind,
            target: self.target,
            id: self.id.to_string(),
            score: self.score,
            field: self.field,
            text,
            positions,
            matches: self
                .matches
                .into_iter()
                .map(|f| FieldMatch {
                    field: f.field,
                    unit: f.unit,
                    text: f.text.into_owned(),
                    positions: f.positions.into_owned(),
                    score: f.score,
                })
                .collect(),
        }
    }
}

/// The best-matching field's match, if a term matched one (the last of equals; on equal
/// scores the field first in `Field`'s order).
pub(crate) fn best<'b, 'a>(matches: &'b [ExplainedField<'a>]) -> Option<&'b ExplainedField<'a>> {
    matches.iter().max_by_key(|f| (f.score, Reverse(f.field)))
}

impl Hit {
    /// The hit, borrowed, as the engine explains it (for printing a hit already kept).
    pub fn explained(&self) -> Explained<'_> {
        Explained {
            kind: self.kind,
            target: self.target,
            id: &self.id,
            score: self.score,
            field: self.field,
            matches: self
                .matches
                .iter()
                .map(|m| ExplainedField {
                    field: m.field,
                    unit: m.unit,
                    text: Cow::Borrowed(&m.text),
                    positions: Cow::Borrowed(&m.positions),
                    score: m.score,
                })
                .collect(),
        }
    }
}
