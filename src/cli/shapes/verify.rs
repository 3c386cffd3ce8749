//! `fgf verify --json`: what was recorded, and `fgf verify --list --json`.

use std::path::Path;

use serde::Serialize;

use crate::domain::Measure;
use crate::domain::model::{Allocation, Confidence, Verified};
use crate::domain::progress::Verification;

/// What `fgf verify ID --json` recorded (`verified` null when it cleared one).
#[derive(Serialize)]
pub struct VerifyOut<'a> {
    pub id: &'a str,
    pub verified: Option<&'a Verification>,
    pub cleared: bool,
    pub state: &'a Path,
}

/// `fgf verify --list --json`: the verified readings and the measures still inferred.
#[derive(Serialize)]
pub struct VerifyList<'a> {
    pub verified: Vec<VerifiedRow<'a>>,
    pub inferred: Vec<InferredRow<'a>>,
}

#[derive(Serialize)]
pub struct VerifiedRow<'a> {
    pub id: &'a str,
    pub verified: Option<&'a Verified>,
}

#[derive(Serialize)]
pub struct InferredRow<'a> {
    pub id: &'a str,
    pub confidence: Confidence,
    pub alternative: Option<&'a Allocation>,
}

impl<'a> VerifyList<'a> {
    pub fn new(verified: &[&'a Measure], inferred: &[&'a Measure]) -> VerifyList<'a> {
        VerifyList {
            verified: (verified.iter())
                .map(|m| VerifiedRow {
                    id: &m.id,
                    verified: m.verified.as_deref(),
                })
                .collect(),
            inferred: (inferred.iter())
                .map(|m| InferredRow {
                    id: &m.id,
                    confidence: m.confidence,
                    alternative: m.alternative.as_ref(),
                })
                .collect(),
        }
    }
}
