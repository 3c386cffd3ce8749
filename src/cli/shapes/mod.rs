//! The machine-readable shapes of `--json`, one typed struct each (documented in the README;
//! `tests/it/json_shapes.rs` holds one snapshot each). Stable: add fields, never rename.
//!
//! Printing goes through `serde_json::Value` (a sorted map), so the keys come out in one stable
//! order whatever the order of a struct's fields.

mod export;
mod hits;
mod list;
mod progress;
mod show;
mod units;
mod verify;

use serde::Serialize;

pub use export::{ExportAcross, ExportOut, ExportRow};
pub use hits::{SearchHit, WhoHit};
pub use list::write_document;
pub use progress::{
    Changed, CheckOut, DeadlineGroup, DeadlineMilestone, DeadlinesAcross, DeadlinesOut,
    NoticeProgress, ProgressAcross, ProgressOut, SectionProgress, Tallied, TaskProgress,
};
pub use show::{MilestoneMarks, Shown, log_entries};
pub use units::{
    DocRow, UnitAcross, UnitAcrossRow, UnitHead, UnitMeasure, UnitOut, UnitRow, UnitsAcross,
};
pub use verify::{VerifyList, VerifyOut};

use crate::domain::Tally;

/// A row of a list across notices: the notice's id beside the row's own fields.
#[derive(Serialize)]
pub struct InDoc<'a, T: Serialize> {
    pub document: &'a str,
    #[serde(flatten)]
    pub row: T,
}

/// A tally's `done`, `total` and `percent`, flattened into the struct that holds it.
#[derive(Serialize, Clone, Copy)]
pub struct Counts {
    pub done: usize,
    pub total: usize,
    pub percent: usize,
}

impl From<Tally> for Counts {
    fn from(t: Tally) -> Counts {
        Counts {
            done: t.done,
            total: t.total,
            percent: t.percent(),
        }
    }
}

/// The value as printed: pretty, keys sorted, the characters a terminal might obey escaped.
pub fn text<T: Serialize + ?Sized>(v: &T) -> anyhow::Result<String> {
    let v = serde_json::to_value(v)?;
    Ok(super::output::json_safe(serde_json::to_string_pretty(&v)?))
}

pub fn print<T: Serialize + ?Sized>(v: &T) -> anyhow::Result<()> {
    println!("{}", text(v)?);
    Ok(())
}
