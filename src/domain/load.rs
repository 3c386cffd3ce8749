//! Loading a document from a file (`--doc PATH`, `FGF_DOC`, `fgf doc check`): limits first, then
//! every problem at once, each with its JSON path and its line and column in the file.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Lang;
use super::catalog::Catalog;
use super::error::{DocError, Problem};
use super::input::{InputError, read_regular};
use super::locate::{locate, pos_of_offset};
use super::model::Document;
use super::{shape, validate};

/// A document larger than this is refused before it is read (256 MiB).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Arrays and objects nested deeper than this are refused (a document needs 9; serde_json's own
/// limit is 128).
pub const MAX_DEPTH: usize = 32;

/// One problem of a document file: where it is and what is wrong. Shown as
/// `LINE:COLUMN: PATH: message` (the column counts characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// JSON path (`sections[0].tasks[3].id`); empty for the document as a whole.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The message in Chinese (empty where there is none: the JSON parser's own words).
    pub zh: String,
}

impl Finding {
    /// `LINE:COLUMN: PATH: message` in the run's language.
    pub fn text_in(&self, lang: crate::domain::Lang) -> String {
        let zh = lang == crate::domain::Lang::Zh;
        let path = match (self.path.is_empty(), zh) {
            (false, _) => self.path.as_str(),
            (true, true) => "（整个文档）",
            (true, false) => "(document)",
        };
        let message = if zh && !self.zh.is_empty() {
            &self.zh
        } else {
            &self.message
        };
        format!("{}:{}: {path}: {message}", self.line, self.column)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(f, "{}:{}: {path}: {}", self.line, self.column, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the document {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the document {} is {size} bytes, over fgf's limit of 256 MiB ({MAX_BYTES} bytes); refused",
        .path.display()
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error("the document {} is not a regular file ({kind}); refused", .path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{} is not a valid fgf document ({} problem(s)):\n{}", .path.display(), .findings.len(), list(.path, .findings))]
    Invalid {
        path: PathBuf,
        findings: Vec<Finding>,
    },
}

/// One finding a line, as `fgf doc check` prints them: `FILE:LINE:COLUMN: PATH: message`.
fn list(path: &Path, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {}:{f}", path.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads, checks and indexes the document at `path`.
pub fn from_path(path: &Path) -> Result<Catalog, LoadError> {
    let bytes = read_limited(path)?;
    // The fast path: a valid document. The text is freed before the indexes are built, so that
    // text, document and indexes are never in memory all at once. (Parsing from a reader instead
    // would keep the text out of memory entirely, but takes twice as long.)
    if let Some(doc) = parse_document(&bytes) {
        drop(bytes);
        if let Ok(cat) = Catalog::new(doc) {
            return Ok(cat);
        }
        return Err(invalid(path, &read_limited(path)?));
    }
    Err(invalid(path, &bytes))
}

/// The document in `bytes`, if they hold a well-formed one (what is wrong with one that does
/// not is for `from_bytes` to say). The text is checked for UTF-8 in one
/// SIMD pass first: then serde_json need not check each string (as `from_slice` does), which
/// halves the parse of a large document whose strings are Chinese.
pub fn parse_document(bytes: &[u8]) -> Option<Document> {
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    serde_json::from_str(text).ok()
}

pub(crate) fn invalid(path: &Path, bytes: &[u8]) -> LoadError {
    match from_bytes(bytes) {
        Ok(_) => LoadError::Invalid {
            path: path.to_path_buf(),
            findings: vec![Finding {
                path: String::new(),
                line: 1,
                column: 1,
                message: "the file changed while it was read".into(),
                zh: "读取过程中文件被改动了".into(),
            }],
        },
        Err(findings) => LoadError::Invalid {
            path: path.to_path_buf(),
            findings,
        },
    }
}

/// The file's bytes, refusing one over `MAX_BYTES` before reading it (and stopping at the limit
/// for a file that grows), and anything but a regular file (a FIFO, `/dev/zero`) without blocking.
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let path_buf = || path.to_path_buf();
    read_regular(path, MAX_BYTES).map_err(|e| match e {
        InputError::Io(source) => LoadError::Io {
            path: path_buf(),
            source,
        },
        InputError::NotRegular(kind) => LoadError::NotRegular {
            path: path_buf(),
            kind,
        },
        InputError::TooLarge(size) => LoadError::TooLarge {
            path: path_buf(),
            size,
        },
    })
}

/// Checks and indexes a document given as bytes: the catalog, or every problem found.
pub fn from_bytes(bytes: &[u8]) -> Result<Catalog, Vec<Finding>> {
    let whole = |text: &str, offset: usize, message: String, zh: String| {
        let p = pos_of_offset(text, offset);
        vec![Finding {
            path: String::new(),
            line: p.line,
            column: p.column,
            message,
            zh,
        }]
    };
    if bytes.len() as u64 > MAX_BYTES {
        return Err(whole(
            "",
            0,
            format!("over the limit of {MAX_BYTES} bytes"),
            format!("超过 {MAX_BYTES} 字节的上限"),
        ));
    }
    let text = match simdutf8::compat::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(whole(
                good,
                good.len(),
                "not UTF-8 text".into(),
                "不是 UTF-8 文本".into(),
            ));
        }
    };
    // The common case, fast: a valid document. (serde_json's recursion limit of 128 keeps the
    // stack safe here; a document nested deeper than ours cannot have the model's shape.)
    if let Ok(doc) = serde_json::from_str::<Document>(text)
        && let Ok(cat) = Catalog::new(doc)
    {
        return Ok(cat);
    }
    if let Some(offset) = too_deep(bytes) {
        return Err(whole(
            text,
            offset,
            format!("nested deeper than {MAX_DEPTH} levels (a document needs 9); refused"),
            format!("嵌套超过 {MAX_DEPTH} 层（文档只需 9 层），不予读取"),
        ));
    }
    Err(findings(text))
}

/// Every problem of `text`, which did not load: syntax, then shape and consistency, in file order.
fn findings(text: &str) -> Vec<Finding> {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![typed_finding(text, e, ("not JSON: ", "不是 JSON："))],
    };
    let mut problems = shape::check(&mut value);
    match serde_json::from_value::<Document>(value) {
        Ok(doc) => {
            let broken: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
            problems.extend(
                validate::check(&doc)
                    .into_iter()
                    .filter(|p| !broken.iter().any(|b| under(&p.path, b))),
            );
        }
        Err(e) => problems.push(Problem {
            path: String::new(),
            message: e.to_string(),
            zh: String::new(),
        }),
    }
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let positions = locate(text, &paths);
    let mut out: Vec<Finding> = problems
        .into_iter()
        .zip(positions)
        .map(|(p, pos)| Finding {
            path: p.path,
            line: pos.line,
            column: pos.column,
            message: p.message,
            zh: p.zh,
        })
        .collect();
    // A JSON value keeps the last of two equal keys: only the typed parse sees a duplicate.
    if let Err(e) = serde_json::from_str::<Document>(text)
        && (out.is_empty() || e.to_string().starts_with("duplicate field"))
    {
        out.push(typed_finding(text, e, ("", "")));
    }
    out.sort_by_key(|f| (f.line, f.column));
    out
}

/// A serde_json error as a finding at its line and column (in characters).
/// A finding of serde_json's: its own words, after fgf's prefix (English, Chinese) if any.
fn typed_finding(text: &str, e: serde_json::Error, (prefix, zh): (&str, &str)) -> Finding {
    let DocError::Parse {
        line,
        column,
        message,
    } = DocError::from_json(e)
    else {
        unreachable!("from_json makes a Parse error")
    };
    Finding {
        path: String::new(),
        line,
        column: char_column(text, line, column),
        zh: if zh.is_empty() {
            String::new()
        } else {
            format!(
                "{zh}{}",
                crate::domain::lang::json_message(&message, Lang::Zh)
            )
        },
        message: format!("{prefix}{message}"),
    }
}

/// Whether `path` is `base` or inside it (a problem there follows from the shape problem).
fn under(path: &str, base: &str) -> bool {
    base.is_empty()
        || path
            .strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// serde_json counts columns in bytes; people and editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count().max(1)
}

/// The byte offset where arrays and objects first nest deeper than `MAX_DEPTH`.
fn too_deep(bytes: &[u8]) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
