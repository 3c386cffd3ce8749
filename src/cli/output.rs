//! Text output for people: colour only when stdout shows it (a terminal, `NO_COLOR`,
//! `CLICOLOR_FORCE`, as anstream decides); otherwise no escape sequence is written at all.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::lang::{t, tr};
use crate::domain::progress::Status;
use crate::domain::roles::officials_line;
use crate::domain::text::{char_width, fit, sanitize};
use crate::domain::{Catalog, Confidence, Measure, Official, Role, RoleRow};

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
        _ => paint(WARN, doubt_text(c)),
    }
}

/// An item's allocation as text lines: one a role (the notice's word as its label), then its
/// officials; lead and responsible units in the lead colour.
pub fn role_lines(rows: &[RoleRow<'_>], officials: &[Official]) -> Vec<String> {
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| {
            let joined = r.joined();
            let units = if r.role == Role::Support {
                joined
            } else {
                paint(LEAD, &joined)
            };
            format!("{}  {units}", role_label(r))
        })
        .collect();
    if !officials.is_empty() {
        let label = t("负责领导", "Officials");
        out.push(format!("{label}  {}", officials_line(officials)));
    }
    out
}

/// A role's label: the notice's word in Chinese, the role in English (as wide as the others).
fn role_label<'a>(r: &'a RoleRow<'_>) -> &'a str {
    if !super::lang::is_en() {
        return &r.label;
    }
    match r.role {
        Role::Lead => "Lead    ",
        Role::Responsible => "Resp.   ",
        Role::Support => "Support ",
    }
}

/// The allocation on one line: "牵头 X  配合 Y" (the notice's words where it has its own).
pub fn role_summary(rows: &[RoleRow<'_>]) -> String {
    rows.iter()
        .map(|r| {
            let label = match (super::lang::is_en(), r.role) {
                (false, _) => r.label.trim_end_matches("单位"),
                (true, Role::Lead) => "lead",
                (true, Role::Responsible) => "responsible",
                (true, Role::Support) => "support",
            };
            let joined = r.joined();
            match r.role {
                Role::Support => format!("{label} {joined}"),
                _ => format!("{label} {}", paint(LEAD, &joined)),
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Where a milestone stands, for people: `[x] 已完成`, `[ ] 逾期`, `[ ] 未完成`, styled.
pub fn status_label(s: Status) -> String {
    let label = crate::domain::present::status_label(s, super::lang::get());
    match s {
        Status::Done => paint(DONE, label),
        Status::Overdue => paint(WARN, label),
        Status::Open => label.to_string(),
    }
}

/// Where a milestone stands, in `--json`: done, open or overdue.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Open => "open",
        Status::Overdue => "overdue",
    }
}

/// The flag after a measure's units: 已核实 for a verified reading, else `doubt`.
pub fn flag(m: &Measure) -> String {
    if m.verified.is_some() {
        paint(DONE, flag_text(m))
    } else {
        doubt(m.confidence)
    }
}

/// The words of `flag`, unstyled.
pub fn flag_text(m: &Measure) -> &'static str {
    if m.verified.is_some() {
        t(" ✔已核实", " ✔verified")
    } else {
        doubt_text(m.confidence)
    }
}

/// The words of `doubt`, unstyled.
pub fn doubt_text(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "",
        Confidence::Medium => t(" ⚠分工待核(medium)", " ⚠to verify(medium)"),
        Confidence::Low => t(" ⚠分工存疑(low)", " ⚠doubtful(low)"),
    }
}

/// A measure's lead units fitted to a column `cols` wide whose last two columns hold ⚠ when
/// the allocation is uncertain (`fgf show ID` gives the other reading).
pub fn lead_column(m: &Measure, cols: usize) -> String {
    let flag = if m.verified.is_some() {
        paint(DONE, "✔ ")
    } else if m.is_certain() {
        "  ".to_string()
    } else {
        paint(WARN, "⚠ ")
    };
    let lead = fit(&units(&m.lead), cols.saturating_sub(2));
    format!("{}{flag}", paint(LEAD, &lead))
}

/// The lines that tell a user an allocation is uncertain (why: the document's `reading`), and
/// what else it could be.
pub fn doubt_lines(cat: &Catalog, m: &Measure) -> Vec<String> {
    if let Some(v) = &m.verified {
        let by = v.by.as_deref().map_or(String::new(), |b| format!("，{b}"));
        let (source, day) = (&v.source, v.at.to_zoned(jiff::tz::TimeZone::UTC).date());
        let (lead, support) = (units(&v.inferred.lead), units(&v.inferred.support));
        let level = m.confidence.as_str();
        return vec![
            paint(
                DONE,
                &tr!(
                    "✔ 已核实（来源：{source}{by}，{day}）",
                    "✔ verified (source: {source}{by}, {day})"
                ),
            ),
            tr!(
                "  文件推断  牵头 {lead}  配合 {support}（{level}）",
                "  inferred from the document  lead {lead}  support {support} ({level})"
            ),
        ];
    }
    if m.is_certain() {
        return Vec::new();
    }
    let level = m.confidence.as_str();
    let reason = cat.doubt_reason(!super::lang::is_en());
    let mut out = vec![paint(
        WARN,
        &tr!(
            "⚠ 分工读法不确定（{level}）：{reason}",
            "⚠ uncertain reading of the allocation ({level}): {reason}"
        ),
    )];
    if !m.reading.is_empty() {
        out.push(format!("  {}", m.reading));
    }
    if let Some(alt) = &m.alternative {
        let (lead, support) = (units(&alt.lead), units(&alt.support));
        out.push(tr!(
            "  另一读法  牵头 {lead}  配合 {support}",
            "  other reading  lead {lead}  support {support}"
        ));
    }
    out
}

/// An id as typed: full-width digits and dots (`９．２`, `9。2`) read as ASCII, surrounding
/// whitespace (full-width too) ignored.
pub fn id_arg(id: &str) -> String {
    crate::domain::text::half_width(id).trim().to_string()
}

/// What to tell a user about an id that names nothing: the known ids near it, when it looks like
/// an id at all (digits and dots), else that ids are numbers and `fgf who` finds words.
pub fn unknown_id(cat: &Catalog, id: &str) -> Vec<String> {
    let mut out = vec![tr!(
        "没有编号为 {id:?} 的任务、举措或里程碑",
        "no task, measure or milestone has the id {id:?}"
    )];
    let near = nearest_ids(cat, id);
    if !near.is_empty() {
        let near = near.join(", ");
        out.push(tr!("  相近的编号：{near}", "  nearest ids: {near}"));
    } else if !looks_like_id(id) {
        out.push(tr!(
            "  按文字查找请用 `fgf who {id}`",
            "  to find it by its words: `fgf who {id}`"
        ));
    }
    out.push(
        t(
            "  编号形如 9（任务）、9.2（举措）、9.2.1（里程碑）；`fgf list` 列出全部",
            "  ids look like 9 (task), 9.2 (measure), 9.2.1 (milestone); `fgf list` shows them all",
        )
        .to_string(),
    );
    out
}

fn looks_like_id(id: &str) -> bool {
    id.chars().any(|c| c.is_ascii_digit()) && id.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// On stderr: `id` is unknown (with the nearest ids), and nothing was changed.
pub fn unknown_unchanged(cat: &Catalog, id: &str) {
    let mut lines = unknown_id(cat, id).into_iter();
    let first = lines.next().unwrap_or_default();
    anstream::eprintln!(
        "fgf: {first}{}",
        t("；什么也没有改", "; nothing was changed")
    );
    lines.for_each(|l| anstream::eprintln!("{l}"));
}

/// The known ids within two edits of an id-shaped `id` (`9.99` -> 9.9, 19.9), nearest first, at
/// most five; none for text that is no id (`abc` is near no number).
pub fn nearest_ids(cat: &Catalog, id: &str) -> Vec<String> {
    if !looks_like_id(id) {
        return Vec::new();
    }
    let mut near: Vec<(usize, &str)> = cat
        .ids()
        .map(|k| (strsim::levenshtein(k, id), k))
        .filter(|&(d, _)| d <= 2)
        .collect();
    near.sort_by_key(|&(d, k)| (d, k.len(), k.to_string()));
    near.into_iter()
        .take(5)
        .map(|(_, k)| k.to_string())
        .collect()
}

/// `--limit`: 0 means all.
pub fn shown_limit(limit: usize) -> usize {
    if limit == 0 { usize::MAX } else { limit }
}

/// The note when fewer hits are shown than matched.
pub fn shown_of(shown: usize, total: usize) -> String {
    tr!(
        "显示 {total} 条中的 {shown} 条；--limit 0 显示全部",
        "{shown} of {total} hits shown; --limit 0 shows all"
    )
}

pub fn nothing_matches(query: &str) -> String {
    tr!("没有与 {query:?} 相符的结果", "nothing matches {query:?}")
}

/// The columns text output is fitted to: `COLUMNS` when it is a number, else the terminal's
/// width when stdout is one; `None` (lines are not cut) for a pipe or a file.
pub fn columns() -> Option<usize> {
    use std::io::IsTerminal;
    let env = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse().ok());
    env.filter(|&c: &usize| c > 0).or_else(|| {
        let out = std::io::stdout();
        if !out.is_terminal() {
            return None;
        }
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: TIOCGWINSZ writes a winsize into `ws`, which lives for the call.
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
        (ok && ws.ws_col > 0).then_some(usize::from(ws.ws_col))
    })
}

/// `text` fitted to `cols` (`columns()`) when there is a width to fit.
pub fn fitted(text: String, cols: Option<usize>) -> String {
    match cols {
        Some(c) => fit_lines(&text, c),
        None => text,
    }
}

/// Each line of `text` cut to `cols` display columns (CJK two), ending in `…` where cut. Escape
/// sequences (the styles `Paint` writes) are kept and take no column; a style open at the cut
/// is closed. The document's text in it is already neutralised, so every ESC is ours.
pub fn fit_lines(text: &str, cols: usize) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            fit_styled(body, cols) + nl
        })
        .collect()
}

fn fit_styled(line: &str, cols: usize) -> String {
    let visible = |s: &str| {
        let mut esc = false;
        s.chars()
            .filter(|&c| {
                let v = !esc && c != '\u{1b}';
                if c == '\u{1b}' {
                    esc = true;
                } else if esc && c.is_ascii_alphabetic() {
                    esc = false;
                }
                v
            })
            .map(char_width)
            .sum::<usize>()
    };
    if visible(line) <= cols {
        return line.to_string();
    }
    let mut out = String::new();
    let (mut used, mut esc, mut styled) = (0, false, false);
    for c in line.chars() {
        if c == '\u{1b}' || esc {
            esc = !(c != '\u{1b}' && c.is_ascii_alphabetic());
            styled = true;
            out.push(c);
            continue;
        }
        let w = char_width(c);
        if used + w + 1 > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    if styled {
        out.push_str("\u{1b}[0m");
    }
    out.push('…');
    out
}

/// Two columns of text, the second starting at the same display column on every line (a CJK
/// character is two columns), each line after `indent`.
pub fn aligned(rows: &[(&str, &str)], indent: &str) -> String {
    use crate::domain::text::width;
    let col = rows.iter().map(|(a, _)| width(a)).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for (a, b) in rows {
        let pad = " ".repeat(col - width(a));
        let _ = writeln!(out, "{indent}{a}{pad}{b}");
    }
    out.pop();
    out
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

    #[test]
    fn fit_lines_cuts_by_display_width_and_keeps_styles_closed() {
        let styled = format!("{}重庆市{}发展改革委员会", ID.render(), ID.render_reset());
        let cut = fit_lines(&format!("{styled}\nab\n"), 9);
        let plain: String = cut
            .replace(&ID.render().to_string(), "")
            .replace("\u{1b}[0m", "");
        assert_eq!(plain, "重庆市发…\nab\n");
        assert!(
            cut.lines().next().unwrap().ends_with("\u{1b}[0m…"),
            "{cut:?}"
        );
        assert_eq!(fit_lines("一二三", 6), "一二三");
    }

    #[test]
    fn ids_are_suggested_only_for_what_looks_like_an_id() {
        let cat = crate::domain::seeds::embedded();
        assert!(nearest_ids(&cat, "abc").is_empty());
        assert!(
            nearest_ids(&cat, "9.99")
                .iter()
                .all(|k| strsim::levenshtein(k, "9.99") <= 2)
        );
        assert!(!nearest_ids(&cat, "9.99").is_empty());
        assert_eq!(id_arg("\u{3000}９．２ "), "9.2");
        assert_eq!(id_arg("9。2。1"), "9.2.1");
    }
}
