//! Verified readings: a measure's allocation as someone checked it against a named source (the
//! official table), kept in the state file beside the check-offs and merged the same way: per
//! measure, the later record wins; a clear is kept as a record too, so that it can win a merge.

use std::cmp::Ordering;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// One measure's verified allocation, or (`cleared`) the undoing of an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a verified reading: {\"lead\", \"support\", \"source\", \"at\", \"by\"?, \"cleared\"?}"
)]
pub struct Verification {
    /// The lead units as the source gives them (names as the document prints them).
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub support: Vec<String>,
    /// What the reading was checked against, as the user named it.
    #[serde(default)]
    pub source: String,
    /// When it was recorded, UTC.
    pub at: Timestamp,
    /// Who recorded it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// An earlier verification undone (`fgf verify ID --clear`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cleared: bool,
}

impl Verification {
    /// The order merges use: the later record wins; equal times fall back to the content, so
    /// every copy picks the same winner.
    pub fn precedence(&self, other: &Verification) -> Ordering {
        let key = |v: &Verification| {
            (
                v.at,
                v.cleared,
                v.lead.clone(),
                v.support.clone(),
                v.source.clone(),
                v.by.clone(),
            )
        };
        key(self).cmp(&key(other))
    }
}
