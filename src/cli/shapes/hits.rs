//! `fgf who --json` and `fgf search --json` hits.

use serde::Serialize;

use crate::domain::model::{Allocation, Confidence, Verified};
use crate::domain::search::{Hit, Target};
use crate::domain::{Catalog, Item};

/// One `fgf who --json` hit: a task or a measure (a milestone hit stands for its measure).
#[derive(Serialize)]
pub struct WhoHit<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub task: &'a str,
    pub section: &'a str,
    /// The task's title.
    pub title: &'a str,
    /// The task's title or the measure's text.
    pub text: &'a str,
    /// The field the query matched.
    pub field: &'a str,
    pub score: i64,
    pub lead: Vec<&'a str>,
    pub support: Vec<&'a str>,
    pub confidence: Confidence,
    #[serde(flatten)]
    pub more: WhoMore<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum WhoMore<'a> {
    /// A task: its measures' ids.
    Task { measures: Vec<&'a str> },
    /// A measure: the other reading of its allocation and a verified one, if any.
    Measure {
        alternative: Option<&'a Allocation>,
        verified: Option<&'a Verified>,
    },
}

impl<'a> WhoHit<'a> {
    pub fn new(item: Item<'a>, field: &'a str, score: i64) -> WhoHit<'a> {
        match item {
            Item::Task(s, t) => WhoHit {
                kind: "task",
                id: &t.id,
                task: &t.id,
                section: &s.key,
                title: &t.title,
                text: &t.title,
                field,
                score,
                lead: t.lead_units(),
                support: t.support_units(),
                confidence: t.confidence(),
                more: WhoMore::Task {
                    measures: t.measures.iter().map(|m| m.id.as_str()).collect(),
                },
            },
            Item::Measure(s, t, m) | Item::Milestone(s, t, m, _) => WhoHit {
                kind: "measure",
                id: &m.id,
                task: &t.id,
                section: &s.key,
                title: &t.title,
                text: &m.text,
                field,
                score,
                lead: m.lead.iter().map(String::as_str).collect(),
                support: m.support.iter().map(String::as_str).collect(),
                confidence: m.confidence,
                more: WhoMore::Measure {
                    alternative: m.alternative.as_ref(),
                    verified: m.verified.as_deref(),
                },
            },
        }
    }
}

/// One `fgf search --json` hit. For a unit, `lead` and `support` are the ids of the measures it
/// leads and supports; a task or measure adds `confidence` and `alternative` (a task's: none).
#[derive(Serialize)]
pub struct SearchHit<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub field: &'static str,
    pub text: &'a str,
    pub positions: &'a [usize],
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub score: i64,
    pub matches: Vec<Match<'a>>,
    #[serde(flatten)]
    pub allocation: Option<HitAllocation<'a>>,
}

#[derive(Serialize)]
pub struct Match<'a> {
    pub field: &'static str,
    pub text: &'a str,
    pub positions: &'a [usize],
}

#[derive(Serialize)]
pub struct HitAllocation<'a> {
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
}

impl<'a> SearchHit<'a> {
    pub fn new(cat: &'a Catalog, h: &'a Hit) -> SearchHit<'a> {
        let strings = |v: Vec<&str>| v.into_iter().map(String::from).collect();
        let ids =
            |items: &mut dyn Iterator<Item = Item<'_>>| items.map(|i| i.id().to_string()).collect();
        let (lead, support, allocation) = match h.target {
            Target::Unit(u) => (ids(&mut cat.led_by(u)), ids(&mut cat.supported_by(u)), None),
            Target::Item(loc) => match cat.at(loc) {
                Item::Task(_, t) => (
                    strings(t.lead_units()),
                    strings(t.support_units()),
                    Some(HitAllocation {
                        confidence: t.confidence(),
                        alternative: None,
                    }),
                ),
                Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => (
                    m.lead.clone(),
                    m.support.clone(),
                    Some(HitAllocation {
                        confidence: m.confidence,
                        alternative: m.alternative.as_ref(),
                    }),
                ),
            },
        };
        SearchHit {
            kind: h.kind.as_str(),
            id: &h.id,
            field: h.field.as_str(),
            text: &h.text,
            positions: &h.positions,
            lead,
            support,
            score: h.score,
            matches: h
                .matches
                .iter()
                .map(|m| Match {
                    field: m.field.as_str(),
                    text: &m.text,
                    positions: &m.positions,
                })
                .collect(),
            allocation,
        }
    }
}
