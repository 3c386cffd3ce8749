//! The state file's format, version 1:
//!
//! ```json
//! {
//!   "version": 1,
//!   "document": "yufubanfa-2019-103",
//!   "milestones": {
//!     "9.2.1": { "done": true, "at": "2026-11-25T13:26:01.5Z", "note": "已报送" },
//!     "9.2.2": { "done": false, "at": "2026-11-25T14:00:00Z" }
//!   }
//! }
//! ```
//!
//! Keys are sorted (BTreeMap) and the JSON is pretty-printed, so the file diffs well under git.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};
use serde_path_to_error::{Path as JsonPath, Segment};

use super::StoreError;
use crate::domain::progress::{Mark, State, Verification};

/// The version this fgf reads and writes.
pub const VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a state file: {\"version\": 1, \"document\", \"milestones\"}"
)]
struct FileV1 {
    version: u64,
    document: String,
    milestones: BTreeMap<String, Mark>,
    /// Verified readings per measure (`fgf verify`); absent when there are none, so that a file
    /// without them is exactly what earlier versions wrote (and read).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    verified: BTreeMap<String, Verification>,
}

/// Read first, on its own, so that a file of another version is reported as such, not as a wrong shape.
#[derive(Deserialize)]
#[serde(expecting = "a state file: {\"version\": 1, \"document\", \"milestones\"}")]
struct Probe {
    #[serde(deserialize_with = "known_version")]
    #[allow(dead_code)]
    version: u64,
}

fn known_version<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) if n.as_u64() == Some(VERSION) => Ok(VERSION),
        serde_json::Value::Number(n) => Err(D::Error::custom(format!(
            "unknown state file version {n}: this fgf reads version {VERSION} (a newer fgf may have written it)"
        ))),
        other => Err(D::Error::custom(format!(
            "the version must be a number ({VERSION}), found {other}"
        ))),
    }
}

/// Parses a state file's text; `path` is only for the error.
pub fn parse(text: &str, path: &Path) -> Result<State, StoreError> {
    let locate = |e: serde_path_to_error::Error<serde_json::Error>| {
        malformed(path, field_name(e.path()), e.into_inner())
    };
    not_an_object(text, path)?;
    let probe = &mut serde_json::Deserializer::from_str(text);
    let _: Probe = serde_path_to_error::deserialize(probe).map_err(locate)?;
    let full = &mut serde_json::Deserializer::from_str(text);
    let file: FileV1 = serde_path_to_error::deserialize(&mut *full).map_err(locate)?;
    full.end()
        .map_err(|e| malformed(path, TOP.to_string(), e))?;
    Ok(State {
        document: file.document,
        marks: file.milestones,
        verified: file.verified,
    })
}

/// A derived struct would also accept a JSON array (fields by position): only an object is a state file.
fn not_an_object(text: &str, path: &Path) -> Result<(), StoreError> {
    let Some(start) = text.find(|c: char| !c.is_whitespace()) else {
        return Ok(()); // empty: serde_json reports it
    };
    if text[start..].starts_with('{') {
        return Ok(());
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(malformed(path, TOP.to_string(), e)),
    };
    let found = match value {
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Null | serde_json::Value::Object(_) => "null",
    };
    let before = &text[..start];
    Err(StoreError::Malformed {
        path: path.to_path_buf(),
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        field: TOP.to_string(),
        message: format!("expected {EXPECTED}, found {found}"),
    })
}

const TOP: &str = "(top level)";
const EXPECTED: &str = "a state file: {\"version\": 1, \"document\", \"milestones\"}";

fn malformed(path: &Path, field: String, e: serde_json::Error) -> StoreError {
    let text = e.to_string();
    // serde_json appends " at line L column C"; the error reports the location itself.
    let mut message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    if field.ends_with(".at") && e.is_data() {
        message.push_str(" (expected a time such as 2026-11-25T13:00:00Z)");
    }
    StoreError::Malformed {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        field,
        message,
    }
}

/// The file's text for a state: pretty, keys in order, a final newline.
pub fn to_json(state: &State) -> String {
    let file = FileV1 {
        version: VERSION,
        document: state.document.clone(),
        milestones: state.marks.clone(),
        verified: state.verified.clone(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a state always serializes");
    text.push('\n');
    text
}

/// `milestones["9.2.1"].done`: map keys quoted (milestone ids have dots of their own).
fn field_name(path: &JsonPath) -> String {
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } if out.is_empty() => out.push_str(key),
            Segment::Map { key } if out == "milestones" || out == "verified" => {
                out.push_str(&format!("[{key:?}]"))
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    if out.is_empty() { TOP.to_string() } else { out }
}
