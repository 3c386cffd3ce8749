//! The embedded default document: 渝府办发〔2019〕103号.

use super::catalog::Catalog;

/// The notice's text as extracted from its PDF, verbatim (the fidelity tests read it).
pub const SOURCE_TEXT: &str = include_str!("../../seeds/yufubanfa-2019-103.source.txt");

/// The structured document in fgf's JSON format.
pub const DOCUMENT_JSON: &str = include_str!("../../seeds/yufubanfa-2019-103.json");

/// The document number of the embedded document, for `--version`.
pub const EMBEDDED_NUMBER: &str = "渝府办发〔2019〕103号";

/// Loads the embedded document. It is checked by the test suite, so failure here is a build defect.
pub fn embedded() -> Catalog {
    Catalog::from_json(DOCUMENT_JSON)
        .expect("the embedded document is valid (see tests/dataset_*.rs)")
}

/// The id of the embedded document (its state file's name).
pub const EMBEDDED_ID: &str = "yufubanfa-2019-103";
