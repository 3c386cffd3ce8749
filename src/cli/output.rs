//! Text output for people: colour only when stdout shows it (a terminal, `NO_COLOR`,
//! `CLICOLOR_FORCE`, as anstream decides); otherwise no escape sequence is written at all.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

pub use super::ids::*;
use super::lang::{t, tr};
pub use super::screen::*;
use crate::domain::progress::Status;
use crate::domain::roles::officials_line;
use crate::domain::text::fit;
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
    let lead = fit(&units(m.in_charge()), cols.saturating_sub(2));
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
