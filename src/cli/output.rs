//! Text output for people: colour only when stdout shows it (a terminal, `NO_COLOR`,
//! `CLICOLOR_FORCE`, as anstream decides); otherwise no escape sequence is written at all.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::domain::text::sanitize;
use crate::domain::{Catalog, Confidence, Measure};

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const ID: Style = AnsiColor::Cyan.on_default().bold();
pub const LEAD: Style = AnsiColor::Green.on_default();
pub const DONE: Style = AnsiColor::Green.on_default().bold();
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();

/// Whether text is styled: anstream's choice for stdout, made once, so that output into a pipe
/// (tens of thousands of search hits, say) is not styled only to have the styles stripped again.
#[derive(Debug, Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    pub fn stdout() -> Paint {
        static STYLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        Paint(*STYLED.get_or_init(|| {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }))
    }

    /// `text` in `style`, onto `out`.
    pub fn push(self, out: &mut String, style: Style, text: &str) {
        if self.0 {
            let _ = write!(out, "{style}{text}{style:#}");
        } else {
            out.push_str(text);
        }
    }
}

/// `text` in `style`, for stdout.
pub fn paint(style: Style, text: &str) -> String {
    let mut out = String::new();
    Paint::stdout().push(&mut out, style, text);
    out
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

/// Whether text output goes to a terminal (or colour is forced for one, `CLICOLOR_FORCE`): then a
/// document's text is neutralised before it is printed (see `domain::text::sanitize`).
pub fn for_terminal() -> bool {
    use std::io::IsTerminal;
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    std::io::stdout().is_terminal() || forced
}

/// `text` with each line passed through `sanitize` (line breaks are kept): for a terminal and for a
/// pipe alike, since a pipe often ends on a terminal.
pub fn safe_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ids (or other strings) from an untrusted file, neutralised and joined with ", ".
pub fn safe_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| sanitize(s.as_ref()).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Serialized JSON with the characters JSON does not escape but a terminal may obey (DEL, C1
/// controls such as U+009B CSI, bidi overrides) written as `\uXXXX`: the same data, safe to show.
/// They can only occur inside strings, so the result is the same JSON value.
pub fn json_safe(text: String) -> String {
    let risky = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
    if !text.chars().any(risky) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_safe_escapes_c1_and_bidi_and_keeps_the_value() {
        let v = serde_json::json!({"t": "a\u{1b}[31m\u{9b}2J\u{202e}x\u{7f}市"});
        let text = json_safe(serde_json::to_string(&v).unwrap());
        assert!(
            text.chars().all(|c| !c.is_control() && c != '\u{202e}'),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }

    #[test]
    fn safe_lines_keeps_line_breaks_and_neutralises_the_rest() {
        assert_eq!(
            safe_lines("a\u{1b}[2J\nb\u{7}\u{9b}\u{202e}"),
            "a␛[2J\nb␇??"
        );
        assert_eq!(safe_list(&["9.1\u{1b}]52", "9.2"]), "9.1␛]52, 9.2");
    }
}
