//! Text output for people: colour only on a terminal (anstream strips it otherwise and honours NO_COLOR).

use anstyle::{AnsiColor, Style};

use crate::domain::{Catalog, Confidence, Measure};

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const ID: Style = AnsiColor::Cyan.on_default().bold();
pub const LEAD: Style = AnsiColor::Green.on_default();
pub const DONE: Style = AnsiColor::Green.on_default().bold();
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();

pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// 市市场监管局、市司法局 — or — when empty.
pub fn units(list: &[impl AsRef<str>]) -> String {
    if list.is_empty() {
        "—".to_string()
    } else {
        list.iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// A short flag for an allocation that is not certain, empty when it is.
pub fn doubt(c: Confidence) -> String {
    match c {
        Confidence::High => String::new(),
        Confidence::Medium => paint(WARN, " ⚠分工待核(medium)"),
        Confidence::Low => paint(WARN, " ⚠分工存疑(low)"),
    }
}

/// The lines that tell a user an allocation is uncertain, and what else it could be.
pub fn doubt_lines(m: &Measure) -> Vec<String> {
    if m.is_certain() {
        return Vec::new();
    }
    let mut out = vec![paint(
        WARN,
        &format!(
            "⚠ 分工读法不确定（{}）：原表经 PDF 提取后错乱，此处牵头/配合单位为推断，请以正式文件为准。",
            m.confidence.as_str()
        ),
    )];
    if let Some(alt) = &m.alternative {
        out.push(format!(
            "  另一读法  牵头 {}  配合 {}",
            units(&alt.lead),
            units(&alt.support)
        ));
    }
    out
}

/// "7.2 压减企业开办时间"-style suggestions for an unknown id: the nearest known ids.
pub fn nearest_ids(cat: &Catalog, id: &str) -> Vec<String> {
    let mut all: Vec<&str> = cat.ids().collect();
    all.sort_by_key(|k| (strsim::levenshtein(k, id), k.len(), k.to_string()));
    all.into_iter().take(5).map(String::from).collect()
}
