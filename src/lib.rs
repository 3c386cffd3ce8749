//! fgf: the 放管服 reform's task tree in the terminal.
//!
//! `domain` is the pure core (document model, lookups); `cli` and `tui` are thin shells over it.

pub mod cli;
pub mod domain;
pub mod tui;
