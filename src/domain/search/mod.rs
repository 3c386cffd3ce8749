//! Search: query language, pinyin keys, matching and ranking over a catalog.

pub mod pinyin;
pub mod query;

pub use query::{DateRange, Group, Kind, Query, Scope, Term, parse};
