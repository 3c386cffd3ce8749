//! The chrome's words: Chinese by default, English with `--lang en` (or LANG=en*). The language
//! itself is the domain's (`domain::lang`), so that the commands speak the same one.

pub use crate::domain::lang::Lang;
