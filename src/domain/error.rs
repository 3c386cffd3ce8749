//! Typed errors of the core.

use std::fmt;

/// One problem found in a document, located by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `sections[0].tasks[3].measures[1].lead[0]`.
    pub path: String,
    pub message: String,
    /// The message in Chinese (empty where there is none: a parser's own words).
    pub zh: String,
}

impl Problem {
    /// The message in the run's language.
    pub fn message_in(&self, lang: crate::domain::Lang) -> &str {
        if lang == crate::domain::Lang::Zh && !self.zh.is_empty() {
            &self.zh
        } else {
            &self.message
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// Not JSON, or not the shape of a document.
    #[error("line {line}, column {column}: {message}")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed, but inconsistent.
    #[error("{} problem(s): {}", .0.len(), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

impl DocError {
    pub fn from_json(e: serde_json::Error) -> DocError {
        DocError::Parse {
            line: e.line(),
            column: e.column(),
            message: json_text(&e),
        }
    }
}

/// serde_json's message without the " at line L column C" it appends: every file fgf reads
/// reports the place itself (and `lang::json_message` says the words in the run's language).
pub fn json_text(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
