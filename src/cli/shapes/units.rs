//! `fgf unit --json` (one unit, every unit, across notices) and `fgf docs --json`.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::model::{Allocation, Confidence, OfficialName, Unit};
use crate::domain::{Catalog, Item, Tally};

/// A unit's own fields, shared by the one-unit and the every-unit shapes.
#[derive(Serialize)]
pub struct UnitHead<'a> {
    pub name: &'a str,
    pub aliases: &'a [String],
    pub collective: bool,
    pub official: Option<&'a OfficialName>,
}

impl<'a> From<&'a Unit> for UnitHead<'a> {
    fn from(u: &'a Unit) -> UnitHead<'a> {
        UnitHead {
            name: &u.name,
            aliases: &u.aliases,
            collective: u.collective,
            official: u.official.as_ref(),
        }
    }
}

/// `fgf unit NAME --json`.
#[derive(Serialize)]
pub struct UnitOut<'a> {
    #[serde(flatten)]
    pub unit: UnitHead<'a>,
    /// Ids of what it leads and supports.
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Format 2's third role, present where the document has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Vec<String>>,
    /// Each measure it leads or supports, with its role (`null` for a task).
    pub measures: Vec<Option<UnitMeasure<'a>>>,
    /// Where it would lead or support under a measure's alternative reading.
    pub alternative_reading: Vec<Option<UnitMeasure<'a>>>,
}

#[derive(Serialize)]
pub struct UnitMeasure<'a> {
    pub id: &'a str,
    pub role: &'static str,
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
}

impl<'a> UnitMeasure<'a> {
    pub fn of(item: &Item<'a>, leads: bool) -> Option<UnitMeasure<'a>> {
        let Item::Measure(_, _, m) = item else {
            return None;
        };
        Some(UnitMeasure {
            id: &m.id,
            role: if leads { "lead" } else { "support" },
            confidence: m.confidence,
            alternative: m.alternative.as_ref(),
        })
    }
}

/// A row of `fgf unit --json` (every unit with its counts).
#[derive(Serialize)]
pub struct UnitRow<'a> {
    #[serde(flatten)]
    pub unit: UnitHead<'a>,
    pub lead: usize,
    pub support: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<usize>,
}

/// `fgf unit NAME --json` across notices: the name asked and the unit in each notice.
#[derive(Serialize)]
pub struct UnitAcross<'a> {
    pub name: &'a str,
    pub units: Vec<UnitAcrossRow<'a>>,
}

#[derive(Serialize)]
pub struct UnitAcrossRow<'a> {
    pub document: &'a str,
    pub name: &'a str,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub support: Vec<String>,
}

/// A row of `fgf unit --json` across notices: one body, its names and counts summed.
#[derive(Serialize)]
pub struct UnitsAcross<'a> {
    pub name: &'a str,
    pub names: &'a [String],
    pub documents: &'a [String],
    pub lead: usize,
    pub support: usize,
}

/// A row of `fgf docs --json`.
#[derive(Serialize)]
pub struct DocRow<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub title: &'a str,
    pub issuer: &'a str,
    /// Signed, else published.
    pub date: Option<Date>,
    pub measures: usize,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

impl<'a> DocRow<'a> {
    pub fn new(cat: &'a Catalog, measures: usize, tally: Tally, overdue: usize) -> DocRow<'a> {
        let d = &cat.doc;
        DocRow {
            id: &d.id,
            number: &d.number,
            title: &d.title,
            issuer: &d.issuer,
            date: d.signed.or(d.published),
            measures,
            done: tally.done,
            total: tally.total,
            overdue,
        }
    }
}
