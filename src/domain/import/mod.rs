//! `fgf import`: a task-allocation notice as published (text from a web page or a PDF, a .docx,
//! a .csv or .xlsx table) -> a format-2 document and a report of what was read. Pure: nothing is
//! printed; the CLI shows the report.
//!
//! The recognition is ours: numbering (`text`), allocations (`alloc`), deadlines (`deadline`),
//! units (`units`), table columns (`table`); the containers are read by well-kept crates
//! (`containers`).

pub mod alloc;
mod build;
mod containers;
pub mod deadline;
pub mod decode;
pub mod fold;
pub mod table;
pub mod text;
pub mod units;

use build::Node;
use text::{Item, Parsed};

use crate::domain::model::Document;

/// What the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Docx,
    Csv,
    Xlsx,
}

impl Kind {
    /// By the file's name, else by its first bytes (a zip is a .docx when it holds
    /// word/document.xml, else a spreadsheet).
    pub fn guess(name: &str, bytes: &[u8]) -> Kind {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "docx" => Kind::Docx,
            "xlsx" | "xlsm" | "xls" | "ods" => Kind::Xlsx,
            "csv" => Kind::Csv,
            _ if bytes.starts_with(b"PK\x03\x04") => {
                let docx = bytes.windows(17).any(|w| w == b"word/document.xml");
                if docx { Kind::Docx } else { Kind::Xlsx }
            }
            _ => Kind::Text,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Kind::Text => "文本",
            Kind::Docx => " Word 文件（.docx）",
            Kind::Csv => "表格（.csv）",
            Kind::Xlsx => "表格（.xlsx）",
        }
    }
}

/// What the import did, for the person running it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub sections: usize,
    pub tasks: usize,
    pub measures: usize,
    /// Milestones with a deadline or an undated phrase.
    pub deadlines: usize,
    /// Every unit the document lists (each created from the notice's names).
    pub units: Vec<String>,
    /// Short forms resolved to a full name: (as written, unit).
    pub resolved: Vec<(String, String)>,
    /// Names that may be one unit written two ways.
    pub near: Vec<(String, String)>,
    /// Lines (or table rows) not placed: (line, text).
    pub unplaced: Vec<(usize, String)>,
    /// The input looks like a PDF table read column by column.
    pub scrambled: bool,
    /// How the text was decoded (UTF-8, GB18030 …).
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the input cannot be read: {0}")]
    Unreadable(String),
    /// No item names a unit.
    #[error("no allocation found: no item names a lead, responsible or cooperating unit")]
    NoAllocation { scrambled: bool },
}

/// Reads a notice.
pub fn import(bytes: &[u8], kind: Kind) -> Result<(Document, Report), ImportError> {
    let mut report = Report {
        encoding: "UTF-8",
        ..Report::default()
    };
    let (parsed, table) = match kind {
        Kind::Text => {
            let (text, enc) = decode::decode(bytes);
            report.encoding = enc;
            (text::parse(&decode::lines(&text)), None)
        }
        Kind::Docx => {
            let (paras, tables) = containers::docx(bytes).map_err(ImportError::Unreadable)?;
            let table = tables.iter().find_map(|t| table::nodes(t));
            if table.is_some() {
                (text::parse(&preamble(&paras)), table)
            } else {
                // Tables without a known header: their rows are lines of text.
                let mut lines = paras;
                for t in &tables {
                    for (_, cells) in t {
                        lines.push((lines.len() + 1, cells.join("，")));
                    }
                }
                (text::parse(&lines), None)
            }
        }
        Kind::Csv => {
            let rows = containers::csv(bytes).map_err(ImportError::Unreadable)?;
            (Parsed::default(), table::nodes(&rows))
        }
        Kind::Xlsx => {
            let sheets = containers::sheets(bytes).map_err(ImportError::Unreadable)?;
            (
                Parsed::default(),
                sheets.iter().find_map(|s| table::nodes(s)),
            )
        }
    };
    let scrambled = parsed.lines >= 20 && parsed.fragments * 10 >= parsed.lines * 4;
    report.scrambled = scrambled;
    report.unplaced = parsed.unplaced;
    let roots = match table {
        Some(t) => t,
        None => tree(parsed.items),
    };
    let doc = build::document(parsed.meta, roots, kind.describe(), &mut report)
        .ok_or(ImportError::NoAllocation { scrambled })?;
    report.unplaced.sort();
    Ok((doc, report))
}

/// The paragraphs before a .docx's table: the metadata.
fn preamble(paras: &[(usize, String)]) -> Vec<(usize, String)> {
    let f = |l: &str| text::numbering(&fold::Folded::new(l).fold).is_some();
    paras.iter().filter(|(_, l)| !f(l)).cloned().collect()
}

/// Numbered items -> a tree by their numbering, outer styles above inner ones; a group's
/// allocation becomes its own (its items inherit it).
fn tree(items: Vec<Item>) -> Vec<Node> {
    let mut roots: Vec<Node> = Vec::new();
    let mut stack: Vec<(text::Style, Vec<usize>)> = Vec::new();
    for item in items {
        while stack.last().is_some_and(|(s, _)| *s >= item.style) {
            stack.pop();
        }
        let mut alloc = item.alloc;
        if let Some(g) = item.group {
            alloc.merge(g);
        }
        let node = Node {
            label: item.label,
            text: item.text,
            alloc,
            deadlines: Vec::new(),
            line: item.line,
            children: Vec::new(),
        };
        let path = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
        let siblings = children_at(&mut roots, &path);
        siblings.push(node);
        let mut mine = path;
        mine.push(siblings.len() - 1);
        stack.push((item.style, mine));
    }
    roots
}

fn children_at<'a>(roots: &'a mut Vec<Node>, path: &[usize]) -> &'a mut Vec<Node> {
    let mut list = roots;
    for &i in path {
        list = &mut list[i].children;
    }
    list
}
