//! The detail pane: a task or measure in full, wrapped by display width, with its units,
//! milestones (milestones.rs) and, where the reading of the table is uncertain, a visible note.

mod milestones;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use self::milestones::milestone;
use super::{disp, pane, theme};
use crate::domain::progress::Status;
use crate::domain::roles::officials_line;
use crate::domain::search::Target;
use crate::domain::text::{wrap, wrap_items};
use crate::domain::{Catalog, Progress};
use crate::domain::{Item, Measure, Official, Role, RoleRow};
use crate::tui::app::{App, Focus, Options};
use crate::tui::i18n::Lang;
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::scroll::Scroll;
use crate::tui::theme::Theme;

/// What the detail pane draws from: the options, the document and its check-offs, the item
/// selected, the pane's scroll and focus. Made from the App in one place (`of`); the drawing
/// below sees nothing else of it.
pub struct DetailCtx<'a> {
    pub opts: &'a Options,
    pub cat: &'a Catalog,
    pub progress: &'a Progress,
    pub item: Option<Item<'a>>,
    /// Shown when no item is selected (a unit among the search results).
    pub otherwise: Vec<Line<'static>>,
    pub scroll: &'a Scroll,
    pub focused: bool,
}

impl AsRef<Options> for DetailCtx<'_> {
    fn as_ref(&self) -> &Options {
        self.opts
    }
}

impl<'a> DetailCtx<'a> {
    pub fn of(app: &'a App, cols: usize) -> DetailCtx<'a> {
        let item = app.detail_item();
        // No item: a unit among the search results, or nothing.
        let otherwise = match (item, app.search_hit().map(|h| h.target)) {
            (None, Some(Target::Unit(u))) => {
                super::results::unit_lines(&app.opts, &app.cat, u, cols)
            }
            _ => Vec::new(),
        };
        DetailCtx {
            opts: &app.opts,
            cat: &app.cat,
            progress: &app.progress,
            item,
            otherwise,
            scroll: &app.detail_scroll,
            focused: app.focus == Focus::Detail,
        }
    }
}

pub fn draw(f: &mut Frame, app: &DetailCtx, area: Rect) {
    let title = app.opts.lang.pick("详情", "Detail").to_string();
    let block = pane(app, title, app.focused, area.width);
    let lines = match app.item {
        Some(item) => lines(app, item, inner_width(area)),
        None => app.otherwise.clone(),
    };
    let scroll = app.scroll.measure(lines.len(), inner_height(area));
    let block = more_marks(app, block, app.scroll);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner_height(area))
        .collect();
    f.render_widget(Paragraph::new(visible).block(block), area);
}

/// Says on the pane's border how many lines are scrolled off above and below, when any are.
pub fn more_marks<'a>(o: &impl AsRef<Options>, block: Block<'a>, scroll: &Scroll) -> Block<'a> {
    let t = theme(o);
    let (above, below) = scroll.hidden();
    let l = o.as_ref().lang;
    let mut block = block;
    if above > 0 {
        let s = format!(" ↑ {above} {} ", l.pick("行", "more"));
        block = block.title_top(Line::styled(s, t.key()).right_aligned());
    }
    if below > 0 {
        let s = format!(" ↓ {below} {} ", l.pick("行", "more"));
        block = block.title_bottom(Line::styled(s, t.key()).right_aligned());
    }
    block
}

/// Every line of the detail of `item` at `cols` columns (the app counts them to scroll).
pub fn lines(app: &DetailCtx, item: Item<'_>, cols: usize) -> Vec<Line<'static>> {
    let t = theme(app);
    let l = app.opts.lang;
    let mut out = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style, indent: usize| {
        let pad = " ".repeat(indent);
        for w in wrap(&disp(app, text), cols.saturating_sub(indent)) {
            out.push(Line::styled(format!("{pad}{w}"), style));
        }
    };
    match item {
        Item::Task(s, task) => {
            para(&mut out, &task.heading(), t.bold(), 0);
            para(
                &mut out,
                &format!("{} · {}", s.heading(), s.key),
                t.dim(),
                0,
            );
            out.push(task_progress(app, &t, task));
            out.push(Line::default());
            allocation(&mut out, app, &t, &task.role_rows(), &task.officials, cols);
            out.push(Line::default());
            out.push(Line::styled(
                format!(
                    "{} ({})",
                    l.pick("贯彻举措", "Measures"),
                    task.measures.len()
                ),
                t.bold(),
            ));
            for m in &task.measures {
                let flag = if m.is_certain() { "" } else { "? " };
                para(
                    &mut out,
                    &format!("{} {flag}{}", m.id, m.text),
                    t.plain(),
                    0,
                );
            }
        }
        Item::Measure(s, task, m) | Item::Milestone(s, task, m, _) => {
            para(
                &mut out,
                &format!("{} · {}", s.heading(), task.heading()),
                t.dim(),
                0,
            );
            out.push(Line::styled(m.id.clone(), t.id()));
            let text = if m.label.is_empty() {
                m.text.clone()
            } else {
                format!("{} {}", m.label, m.text)
            };
            para(&mut out, &text, t.plain(), 0);
            out.push(Line::default());
            allocation(&mut out, app, &t, &m.role_rows(), &m.officials, cols);
            if m.inherited {
                let same = l.pick("（分工同所属任务）", "(the task's allocation)");
                out.push(Line::styled(same.to_string(), t.dim()));
            }
            doubt(&mut out, app, &t, m, cols);
            out.push(Line::default());
            out.push(Line::styled(
                l.pick("里程碑", "Milestones").to_string(),
                t.bold(),
            ));
            let chosen = match item {
                Item::Milestone(_, _, _, k) => Some(k.id.as_str()),
                _ => None,
            };
            for k in &m.milestones {
                milestone(
                    &mut out,
                    app,
                    &t,
                    (m, k),
                    chosen == Some(k.id.as_str()),
                    cols,
                );
            }
        }
    }
    out
}

/// 牵头单位 and 配合单位, each under its own label.
/// 进度 2/6 33% · 逾期 3
fn task_progress(app: &DetailCtx, t: &Theme, task: &crate::domain::Task) -> Line<'static> {
    let l = app.opts.lang;
    let tally = app.progress.task(task);
    let late = task
        .measures
        .iter()
        .flat_map(|m| &m.milestones)
        .filter(|k| app.progress.status(k, app.opts.today) == Status::Overdue)
        .count();
    let mut spans = vec![Span::styled(
        format!(
            "{} {tally} {}",
            l.pick("进度", "progress"),
            tally.percent_text()
        ),
        if tally.is_complete() {
            t.done()
        } else {
            t.bold()
        },
    )];
    if late > 0 {
        spans.push(Span::styled(
            format!(" · {} {late}", l.pick("逾期", "overdue")),
            t.overdue(),
        ));
    }
    Line::from(spans)
}

fn allocation(
    out: &mut Vec<Line<'static>>,
    app: &DetailCtx,
    t: &Theme,
    rows: &[RoleRow<'_>],
    officials: &[Official],
    cols: usize,
) {
    let l = app.opts.lang;
    for r in rows {
        let label = match (l, r.role) {
            (Lang::Zh, _) => r.label.as_str(),
            (Lang::En, Role::Lead) => "Lead",
            (Lang::En, Role::Responsible) => "Responsible",
            (Lang::En, Role::Support) => "Cooperating",
        };
        let mut names = r.units.clone();
        let last = names.pop().map(|n| {
            if r.etc {
                format!("{n}等")
            } else {
                n.to_string()
            }
        });
        names.extend(last.as_deref());
        units(out, app, t, label, &names, r.role != Role::Support, cols);
    }
    if !officials.is_empty() {
        out.push(Line::styled(
            l.pick("负责领导", "Officials").to_string(),
            t.bold(),
        ));
        for w in wrap(
            &disp(app, &officials_line(officials)),
            cols.saturating_sub(2),
        ) {
            out.push(Line::styled(format!("  {w}"), t.plain()));
        }
    }
}

fn units(
    out: &mut Vec<Line<'static>>,
    app: &DetailCtx,
    t: &Theme,
    label: &str,
    names: &[&str],
    lead: bool,
    cols: usize,
) {
    out.push(Line::styled(label.to_string(), t.bold()));
    let shown: Vec<String> = names.iter().map(|n| disp(app, n)).collect();
    let none = app.opts.lang.pick("（无）", "(none)");
    let shown: Vec<&str> = if shown.is_empty() {
        vec![none]
    } else {
        shown.iter().map(String::as_str).collect()
    };
    let style = if lead { t.lead() } else { t.plain() };
    // A name that holds a 、 itself is kept apart by ；.
    let sep = if names.iter().any(|n| n.contains('、')) {
        "；"
    } else {
        "、"
    };
    for w in wrap_items(&shown, sep, cols.saturating_sub(2)) {
        out.push(Line::styled(format!("  {w}"), style));
    }
}

fn doubt(out: &mut Vec<Line<'static>>, app: &DetailCtx, t: &Theme, m: &Measure, cols: usize) {
    let l = app.opts.lang;
    if let Some(v) = &m.verified {
        out.push(Line::default());
        let day = v.at.to_zoned(jiff::tz::TimeZone::UTC).date();
        let by = v.by.as_deref().unwrap_or("");
        let text = format!("{}：{} {by} {day}", l.pick("已核实", "Verified"), v.source);
        for w in wrap(&disp(app, &text), cols.saturating_sub(2)) {
            out.push(Line::styled(format!("  {w}"), t.done()));
        }
        return;
    }
    if m.is_certain() {
        return;
    }
    out.push(Line::default());
    let head = format!(
        "⚠ {}（{}）",
        l.pick("分工读法不确定", "Uncertain allocation"),
        m.confidence.as_str()
    );
    out.push(Line::styled(head, t.warn()));
    let why = app.cat.doubt_reason(l == Lang::Zh);
    for w in wrap(&disp(app, why), cols.saturating_sub(2)) {
        out.push(Line::styled(format!("  {w}"), t.warn()));
    }
    if !m.reading.is_empty() && app.cat.doc.format >= 2 {
        for w in wrap(&disp(app, &m.reading), cols.saturating_sub(2)) {
            out.push(Line::styled(format!("  {w}"), t.warn()));
        }
    }
    if let Some(alt) = &m.alternative {
        let lead = if alt.lead.is_empty() {
            "—".to_string()
        } else {
            alt.lead.join("、")
        };
        let sup = if alt.support.is_empty() {
            "—".to_string()
        } else {
            alt.support.join("、")
        };
        let text = format!(
            "{}：{} {}；{} {}",
            l.pick("另一读法", "Other reading"),
            l.pick("牵头", "lead"),
            lead,
            l.pick("配合", "cooperating"),
            sup
        );
        for w in wrap(&disp(app, &text), cols.saturating_sub(2)) {
            out.push(Line::styled(format!("  {w}"), t.warn()));
        }
    }
}
