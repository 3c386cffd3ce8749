//! The header (document and progress), the tab bar and the footer (keys that work now, from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{disp, row, theme};
use crate::domain::text::width;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::keymap;
use crate::tui::layout::View;

pub fn header(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let d = &app.cat.doc;
    let measures: usize = app.cat.measures().count();
    let uncertain = app
        .cat
        .measures()
        .filter(|(_, _, m)| !m.is_certain())
        .count();
    let l = app.opts.lang;
    let stats = match l {
        crate::tui::i18n::Lang::Zh => format!(
            "  {} 项任务 {} 条举措 {} 条分工待核",
            app.cat.tasks().count(),
            measures,
            uncertain
        ),
        crate::tui::i18n::Lang::En => format!(
            "  {} tasks {} measures {} uncertain",
            app.cat.tasks().count(),
            measures,
            uncertain
        ),
    };
    let spans = vec![
        ("fgf ".to_string(), t.key()),
        (disp(app, &d.number), t.bold()),
        (stats, t.dim()),
    ];
    f.render_widget(Paragraph::new(row(app, spans, area.width as usize)), area);
}

pub fn tabs(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let mut spans = Vec::new();
    for (i, s) in app.cat.doc.sections.iter().enumerate() {
        let active = app.view == View::Tree && app.section == i;
        let style = if active { t.selected(true) } else { t.plain() };
        spans.push(Span::styled(
            format!(" {} {} ", i + 1, disp(app, &s.key)),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    let units = app.opts.lang.pick(" u 单位 ", " u units ");
    let style = if app.view == View::Units {
        t.selected(true)
    } else {
        t.plain()
    };
    spans.push(Span::styled(units, style));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn footer(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for b in keymap::bindings(app.ctx(), true) {
        // Keys that do nothing in the focused pane are left out of the hints.
        let idle = matches!(
            (app.focus, b.action),
            (Focus::Detail | Focus::UnitList, Action::Activate)
        );
        if idle {
            continue;
        }
        // The footer shows the first words of the help text ("折叠 / 回到任务" -> "折叠").
        let words = app.opts.lang.pick(b.zh, b.en);
        let short = words
            .split([' ', '：', ':', '，', '、'])
            .find(|w| !w.is_empty() && *w != "/")
            .unwrap_or(words);
        // Help and quit always show, on the right; the rest fill the left as room allows.
        let pinned = matches!(b.action, Action::Help | Action::Quit)
            || (app.help && b.action == Action::Back);
        let side = if pinned { &mut right } else { &mut left };
        side.push((b.label.to_string(), t.key()));
        side.push((format!(" {short}  "), t.dim()));
    }
    if let Some((last, _)) = right.last_mut() {
        last.truncate(last.trim_end().len());
    }
    let right_width: usize = right.iter().map(|(s, _)| width(s)).sum();
    let room = (area.width as usize).saturating_sub(right_width + 1);
    let mut line = row(app, left, room);
    let pad = room.saturating_sub(line.width());
    line.spans.push(Span::raw(" ".repeat(pad)));
    line.spans.extend(
        row(
            app,
            right,
            area.width as usize - room.min(area.width as usize),
        )
        .spans,
    );
    f.render_widget(Paragraph::new(line), area);
}
