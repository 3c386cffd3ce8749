//! The header (document and progress), the tab bar, and the bottom line: a prompt, the note being
//! typed, a status message, or the keys that work now (from the keymap).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{describe, disp, row, theme};
use crate::domain::text::{caret_window, width};
use crate::tui::action::{Action, FilterKey};
use crate::tui::app::{App, Focus, Mode, Options};
use crate::tui::i18n::Lang;
use crate::tui::input::LineInput;
use crate::tui::keymap;
use crate::tui::layout::View;

pub fn header(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let d = &app.cat.doc;
    let done = app.rollup.overall();
    let uncertain = app.rollup.uncertain;
    let stats = match app.opts.lang {
        Lang::Zh => format!(
            "  进度 {done} {}  {uncertain} 条分工待核",
            done.percent_text()
        ),
        Lang::En => format!(
            "  progress {done} {}  {uncertain} uncertain allocations",
            done.percent_text()
        ),
    };
    let mut spans = vec![
        ("fgf ".to_string(), t.key()),
        (disp(app, &d.number), t.bold()),
        (stats, t.dim()),
    ];
    // The filter first: what the panes show; then the day they are judged by.
    if let Some(n) = app.sections.matching_measures() {
        let what = app.sections.filter().describe(&app.cat, app.opts.lang);
        let text = match app.opts.lang {
            Lang::Zh => format!("  筛选：{what}（{n} 项，F 清除）"),
            Lang::En => format!("  filter: {what} ({n}, F clears)"),
        };
        spans.push((disp(app, &text), t.key()));
    }
    if app.as_of {
        let day = app.opts.today;
        let text = app
            .opts
            .lang
            .pick("  今天按 --as-of ", "  today is --as-of ");
        spans.push((format!("{text}{day}"), t.warn()));
    }
    if let Some(why) = &app.read_only {
        let label = app.opts.lang.pick("  ⚠ 只读：", "  ⚠ read-only: ");
        spans.push((format!("{label}{}", disp(app, why)), t.warn()));
    }
    f.render_widget(Paragraph::new(row(app, spans, area.width as usize)), area);
}

pub fn tabs(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let l = app.opts.lang;
    let n = app.cat.doc.sections.len();
    // The labels the mouse's clicks are matched against (tui/mouse.rs).
    let keys: Vec<String> = app
        .cat
        .doc
        .sections
        .iter()
        .map(|s| disp(app, &s.key))
        .collect();
    // The overview is a popup over a view: while it shows, its tab is the one lit.
    let overview = matches!(app.mode, Mode::Overview(_));
    let tabs = crate::tui::mouse::tab_labels(&keys, l)
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let lit = match i {
                _ if i < n => app.view == View::Tree && app.sections.selected() == i,
                _ if i == n => app.view == View::Units,
                _ if i == n + 1 => app.view == View::Deadlines,
                _ => true,
            };
            (label, lit && (overview == (i == n + 2)))
        });
    let mut spans = Vec::new();
    for (label, active) in tabs {
        spans.push(Span::styled(
            label,
            if active { t.selected(true) } else { t.plain() },
        ));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The bottom line. In the note editor it also places the terminal cursor at the caret, so that
/// an input method composes in place.
pub fn footer(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let l = app.opts.lang;
    let cols = area.width as usize;
    match &app.mode {
        Mode::Confirm(p) => {
            let task = app
                .cat
                .get(&p.id)
                .map(|i| i.id().to_string())
                .unwrap_or_default();
            let q = match (l, p.check) {
                (Lang::Zh, true) => format!("勾选任务 {task} 的 {} 个未完成里程碑？", p.count),
                (Lang::Zh, false) => format!("取消任务 {task} 的全部 {} 个里程碑？", p.count),
                (Lang::En, true) => {
                    format!("Check the {} open milestones of task {task}?", p.count)
                }
                (Lang::En, false) => format!("Uncheck all {} milestones of task {task}?", p.count),
            };
            let mut spans = vec![(q, t.warn()), ("  ".into(), t.plain())];
            spans.extend(hints(app));
            f.render_widget(Paragraph::new(row(app, spans, cols)), area);
        }
        Mode::Note { milestone, input } => {
            let label = format!("{} {milestone}：", l.pick("备注", "note"));
            input_line(f, app, area, label, input);
        }
        Mode::Log { id, status, input } => {
            let word = l.pick(status.zh(), status.en());
            let label = format!("{} {id} [{word}, Tab]：", l.pick("日志", "log"));
            input_line(f, app, area, label, input);
        }
        Mode::Search(s) => search_line(f, app, area, hints(app), &s.input),
        Mode::Filter { key, input } => {
            let label = match key {
                FilterKey::Due => l.pick(
                    "筛选期限（如 2020-01..2020-06）：",
                    "due (e.g. 2020-01..2020-06): ",
                ),
                _ => l.pick(
                    "筛选单位（名称、简称或拼音）：",
                    "unit (name, short form or pinyin): ",
                ),
            };
            input_line(f, app, area, label.to_string(), input);
        }
        Mode::Verify(v) if v.source.is_some() => {
            let label = format!("{} {}：", l.pick("核实来源", "source"), v.measure);
            if let Some(input) = &v.source {
                input_line(f, app, area, label, input);
            }
        }
        _ if app.status.is_some() => {
            let msg = app.status.clone().unwrap_or_default();
            f.render_widget(
                Paragraph::new(row(app, vec![(disp(app, &msg), t.warn())], cols)),
                area,
            );
        }
        _ => key_hints(f, app, area),
    }
}

/// The search line: `/` and the query (the caret by display width), the search's keys on the
/// right, as many as leave the query at least 24 columns. The workspace's search draws it too.
pub fn search_line(
    f: &mut Frame,
    app: &impl AsRef<Options>,
    area: Rect,
    mut keys: Vec<(String, Style)>,
    input: &LineInput,
) {
    let cols = area.width as usize;
    while !keys.is_empty() && cols < 24 + keys.iter().map(|(s, _)| width(s)).sum::<usize>() {
        keys.truncate(keys.len() - 2);
    }
    let used: usize = keys.iter().map(|(s, _)| width(s)).sum();
    let left = Rect::new(area.x, area.y, area.width - used as u16, 1);
    let right = Rect::new(left.right(), area.y, used as u16, 1);
    f.render_widget(Paragraph::new(row(app, keys, used)), right);
    input_line(f, app, left, "/".to_string(), input);
}

/// The footer hints of the search line's keys (`Ctx::Search`), but those of `left_out`.
pub fn search_hints(o: &Options, left_out: &[Action]) -> Vec<(String, Style)> {
    let t = theme(o);
    keymap::bindings(keymap::Ctx::Search, true)
        .filter(|b| !left_out.contains(&b.action))
        .flat_map(|b| {
            let (label, help) = keymap::describe(b, &[], o.lang);
            [(label, t.key()), (format!(" {}  ", short(&help)), t.dim())]
        })
        .collect()
}

/// A label and the text being typed, with the terminal cursor at the caret (by display width).
fn input_line(
    f: &mut Frame,
    app: &impl AsRef<Options>,
    area: Rect,
    label: String,
    input: &LineInput,
) {
    let t = theme(app);
    let cols = area.width as usize;
    // The text scrolls sideways around the caret (readline, fzf) once it is wider than the line.
    let before = disp(app, &input.before_caret());
    let after = disp(app, &input.after_caret());
    let room = cols.saturating_sub(width(&label));
    let (text, caret) = caret_window(&before, &after, room);
    let line = row(app, vec![(label.clone(), t.key()), (text, t.plain())], cols);
    f.render_widget(Paragraph::new(line), area);
    let x = (width(&label) + caret).min(cols.saturating_sub(1)) as u16;
    f.set_cursor_position(Position::new(area.x + x, area.y));
}

/// The footer hints of the current context, as (text, style) spans.
fn hints(app: &App) -> Vec<(String, ratatui::style::Style)> {
    let t = theme(app);
    keymap::bindings(app.ctx(), true)
        .flat_map(|b| hint(app, &t, b))
        .collect()
}

/// A binding as footer spans: its keys, then the first words of its help.
fn hint(
    app: &App,
    t: &crate::tui::theme::Theme,
    b: &keymap::Binding,
) -> [(String, ratatui::style::Style); 2] {
    let (label, help) = describe(&app.opts, &app.cat, b);
    [(label, t.key()), (format!(" {}  ", short(&help)), t.dim())]
}

/// The first words of a binding's help text ("折叠 / 回到上级" -> "折叠"), for the footer.
fn short(words: &str) -> &str {
    words
        .split([' ', '：', ':', '，', '、', '（'])
        .find(|w| !w.is_empty() && *w != "/")
        .unwrap_or(words)
}

fn key_hints(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for b in keymap::bindings(app.ctx(), true) {
        // Keys that do nothing in the focused pane are left out of the hints.
        let idle = matches!(
            (app.focus, b.action),
            (Focus::Detail | Focus::UnitList, Action::Activate)
        ) || (b.action == Action::Sort
            && !matches!(app.view, View::Units | View::Deadlines));
        if idle {
            continue;
        }
        // Help and quit always show, on the right; the rest fill the left as room allows.
        let pinned = matches!(b.action, Action::Help | Action::Quit)
            || (app.mode == Mode::Help && b.action == Action::Back);
        let side = if pinned { &mut right } else { &mut left };
        side.extend(hint(app, &t, b));
    }
    if let Some((last, _)) = right.last_mut() {
        last.truncate(last.trim_end().len());
    }
    let right_width: usize = right.iter().map(|(s, _)| width(s)).sum();
    let room = (area.width as usize).saturating_sub(right_width + 1);
    // Whole hints only: a key is never shown without its label (the last label may lose its
    // trailing blanks).
    let mut kept = Vec::new();
    let mut used = 0;
    for pair in left.chunks(2) {
        let w: usize = pair.iter().map(|(s, _)| width(s)).sum();
        let tight = w - (width(&pair[pair.len() - 1].0) - width(pair[pair.len() - 1].0.trim_end()));
        if used + tight > room {
            break;
        }
        used += w;
        kept.extend(pair.iter().cloned());
    }
    let mut line = row(app, kept, room);
    // At least one blank between the hints and the pinned keys.
    let pad = room.saturating_sub(line.width()) + 1;
    line.spans.push(Span::raw(" ".repeat(pad)));
    line.spans
        .extend(row(app, right, (area.width as usize).saturating_sub(room + 1)).spans);
    f.render_widget(Paragraph::new(line), area);
}
