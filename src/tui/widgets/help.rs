//! The help screen: every binding of the keymap table, grouped by where it works.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pane, theme};
use crate::domain::text::fit;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Ctx};

/// The popup's area: centred, at most 64 columns and as tall as the table.
pub fn area(screen: Rect) -> Rect {
    let h = (BINDINGS.len() as u16 + 6).min(screen.height);
    let w = 64.min(screen.width);
    let [v] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(screen);
    let [r] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(v);
    r
}

pub fn draw(f: &mut Frame, app: &App) {
    let t = theme(app);
    let l = app.opts.lang;
    let r = area(f.area());
    let mut lines = Vec::new();
    for (ctx, title) in [
        (Ctx::Browse, l.pick("浏览", "Browsing")),
        (Ctx::Any, l.pick("任何时候", "Anywhere")),
        (Ctx::Help, l.pick("帮助窗口", "This screen")),
    ] {
        lines.push(Line::styled(title.to_string(), t.bold()));
        for b in BINDINGS.iter().filter(|b| b.ctx == ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(b.label, 12)), t.key()),
                Span::raw(l.pick(b.zh, b.en)),
            ]));
        }
    }
    let title = l
        .pick("帮助 · 按 Esc 关闭", "Help · Esc to close")
        .to_string();
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(pane(app, title, true)), r);
}
