//! The state file's format, version 1:
//!
//! ```json
//! {
//!   "version": 1,
//!   "document": "yufubanfa-2019-103",
//!   "milestones": {
//!     "9.2.1": { "done": true, "at": "2026-11-25T13:26:01.5Z", "note": "已报送" },
//!     "9.2.2": { "done": false, "at": "2026-11-25T14:00:00Z" }
//!   },
//!   "log": {
//!     "9.2.1": [
//!       { "at": "2026-11-20T09:00:00Z", "by": "张三", "status": "in-progress", "text": "已起草" }
//!     ]
//!   }
//! }
//! ```
//!
//! `log` (the progress log, milestone or measure id -> entries oldest first) is optional and left out
//! when empty, so a file without a log is exactly what fgf wrote before the log existed.
//!
//! Keys are sorted (BTreeMap) and the JSON is pretty-printed, so the file diffs well under git.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use serde::de::{DeserializeSeed, Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_path_to_error::{Path as JsonPath, Segment};

use super::StoreError;
use crate::domain::progress::log::{Entry, Log};
use crate::domain::progress::{Mark, State, Verification};
use crate::domain::text::sanitize;

/// The version this fgf reads and writes.
pub const VERSION: u64 = 1;

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a state file: {\"version\": 1, \"document\", \"milestones\", \"log\"?}"
)]
struct FileV1 {
    #[allow(dead_code)] // checked by `Probe`
    version: u64,
    document: String,
    milestones: Milestones,
    #[serde(default)]
    log: LogIn,
    /// Verified readings per measure (`fgf verify`); absent when there are none, so that a file
    /// without them is exactly what earlier versions wrote (and read).
    #[serde(default)]
    verified: Records<Verification>,
}

/// What `to_json` writes: the same shape, borrowing the state (a large state is not copied).
#[derive(Serialize)]
struct FileV1Out<'a> {
    version: u64,
    document: &'a str,
    milestones: &'a BTreeMap<String, Mark>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    log: &'a Log,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    verified: &'a BTreeMap<String, Verification>,
}

/// A mark from more than this far ahead of the clock is refused: it would win every merge for ever.
pub const MAX_AHEAD: SignedDuration = SignedDuration::from_hours(24);

/// A record kept per id whose time decides merges: a check-off, or a verified reading.
trait Stamped: for<'de> Deserialize<'de> {
    /// What the ids name, for messages ("milestone").
    const WHAT: &'static str;
    /// What serde expects, for messages.
    const EXPECTING: &'static str;
    fn at(&self) -> Timestamp;
}

impl Stamped for Mark {
    const WHAT: &'static str = "milestone";
    const EXPECTING: &'static str = "a map (an object) of milestone id -> check-off";
    fn at(&self) -> Timestamp {
        self.at
    }
}

impl Stamped for Verification {
    const WHAT: &'static str = "measure";
    const EXPECTING: &'static str = "a map (an object) of measure id -> verified reading";
    fn at(&self) -> Timestamp {
        self.at
    }
}

/// The milestones (or verified) object, read refusing what serde would take silently: a
/// duplicate id (serde keeps the last, which may be the older record) and a time implausibly far
/// in the future.
struct Records<T>(BTreeMap<String, T>);

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records(BTreeMap::new())
    }
}

type Milestones = Records<Mark>;

impl<'de, T: Stamped> Deserialize<'de> for Records<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let now = Timestamp::now();
        let latest = now.checked_add(MAX_AHEAD).unwrap_or(Timestamp::MAX);
        d.deserialize_map(RecordsVisitor {
            now,
            latest,
            kind: std::marker::PhantomData,
        })
    }
}

struct RecordsVisitor<T> {
    now: Timestamp,
    latest: Timestamp,
    kind: std::marker::PhantomData<T>,
}

impl<'de, T: Stamped> Visitor<'de> for RecordsVisitor<T> {
    type Value = Records<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Records<T>, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(id) = map.next_key::<String>()? {
            if out.contains_key(&id) {
                return Err(A::Error::custom(format!(
                    "duplicate {} {id:?}: an id may appear once (which of the two records is meant?)",
                    T::WHAT
                )));
            }
            let record = map.next_value_seed(Plausible(&self))?;
            out.insert(id, record);
        }
        Ok(Records(out))
    }
}

/// A record whose time is not too far ahead of the clock.
struct Plausible<'v, T>(&'v RecordsVisitor<T>);

impl<'de, T: Stamped> DeserializeSeed<'de> for Plausible<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let record = T::deserialize(d)?;
        if record.at() > self.0.latest {
            return Err(D::Error::custom(too_far_ahead(record.at(), self.0.now)));
        }
        Ok(record)
    }
}

/// The log object: id -> list of entries, each as plausible in time as a mark. Duplicate entries are
/// one (the log is a set); a duplicate id is refused as in `milestones`.
#[derive(Default)]
struct LogIn(Log);

impl<'de> Deserialize<'de> for LogIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let now = Timestamp::now();
        let latest = now.checked_add(MAX_AHEAD).unwrap_or(Timestamp::MAX);
        d.deserialize_map(LogVisitor { now, latest })
    }
}

struct LogVisitor {
    now: Timestamp,
    latest: Timestamp,
}

impl<'de> Visitor<'de> for LogVisitor {
    type Value = LogIn;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map (an object) of milestone or measure id -> list of log entries")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LogIn, A::Error> {
        let mut out = Log::new();
        while let Some(id) = map.next_key::<String>()? {
            if out.contains_key(&id) {
                return Err(A::Error::custom(format!(
                    "duplicate log id {id:?}: an id may appear once (put all its entries in one list)"
                )));
            }
            let entries: Vec<Entry> = map.next_value()?;
            if let Some(e) = entries.iter().find(|e| e.at > self.latest) {
                return Err(A::Error::custom(too_far_ahead(e.at, self.now)));
            }
            out.insert(id, entries.into_iter().collect());
        }
        Ok(LogIn(out))
    }
}

fn too_far_ahead(at: Timestamp, now: Timestamp) -> String {
    format!(
        "the time {at} is more than a day ahead of this computer's clock ({}): refused, \
         since a mark from a wrong clock would win every merge for ever \
         (check the clock of the machine that wrote it)",
        now.round(jiff::Unit::Second).unwrap_or(now)
    )
}

/// Read first, on its own, so that a file of another version is reported as such, not as a wrong shape.
#[derive(Deserialize)]
#[serde(expecting = "a state file: {\"version\": 1, \"document\", \"milestones\", \"log\"?}")]
struct Probe {
    #[serde(deserialize_with = "known_version")]
    #[allow(dead_code)]
    version: u64,
}

fn known_version<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
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
        marks: file.milestones.0,
        log: file.log.0,
        verified: file.verified.0,
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
const EXPECTED: &str = "a state file: {\"version\": 1, \"document\", \"milestones\", \"log\"?}";

fn malformed(path: &Path, field: String, e: serde_json::Error) -> StoreError {
    let mut message = crate::domain::error::json_text(&e);
    if field.ends_with(".at") && e.is_data() {
        message.push_str(" (expected a time such as 2026-11-25T13:00:00Z)");
    }
    // Keys and values quoted from the file are untrusted text.
    StoreError::Malformed {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        field: sanitize(&field).into_owned(),
        message: sanitize(&message).into_owned(),
    }
}

/// The file's text for a state: pretty, keys in order, a final newline.
pub fn to_json(state: &State) -> String {
    let file = FileV1Out {
        version: VERSION,
        document: &state.document,
        milestones: &state.marks,
        log: &state.log,
        verified: &state.verified,
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
            Segment::Map { key } if out == "milestones" || out == "log" || out == "verified" => {
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
