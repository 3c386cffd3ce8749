//! Drawing the workspace's list of notices: a heading, two lines a notice (文号 and progress bar;
//! title), the keys at the foot; or the search, or the cross-notice view, under the help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::List;
use crate::domain::text::{fit, sanitize};
use crate::tui::action::Action;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{self, Ctx};

impl List {
    /// Draws the list: a heading, two lines a notice (文号 and bar; title), the keys at the foot;
    /// or the cross-notice view.
    pub fn draw(&mut self, f: &mut Frame<'_>) {
        self.draw_under(f);
        // The help and the terminal's quirks, as a notice's frame has them (view::draw).
        if let Some(o) = self.notices.as_ref().map(|n| &n.opts) {
            if let Some(scroll) = &self.help {
                let r = super::help::draw(f, o, scroll);
                crate::tui::view::clear_cut_glyphs(f.buffer_mut(), r);
            }
            crate::tui::view::terminal_fixes(f.buffer_mut(), o);
        }
    }

    /// A notice's text as the terminal takes it: neutralised, and with `--ambiwide` a padding
    /// column after each ambiguous character (`widgets::disp`).
    fn shown(&self, s: &str) -> String {
        match &self.notices {
            Some(n) => crate::tui::widgets::disp(&n.opts, s),
            None => sanitize(s).into_owned(),
        }
    }

    /// The search, the cross-notice view or the list (under the help, when it is open).
    fn draw_under(&mut self, f: &mut Frame<'_>) {
        if let (Some(s), Some(n)) = (&mut self.find, &self.notices) {
            s.draw(f, n, &mut self.indexes);
            return;
        }
        if let (Some(a), Some(n)) = (&mut self.across, &self.notices) {
            a.draw(f, n);
            return;
        }
        let area = f.area();
        let zh = self.lang == Lang::Zh;
        let n = self.rows.len();
        let head = if zh {
            format!("工作区 · {n} 份通知")
        } else {
            format!("Workspace · {n} notices")
        };
        // The footer's keys from the keymap (those that need every notice only with them);
        // within 80 columns: ↑ ↓ are left to be guessed.
        let needs_notices = [Action::Search, Action::Units, Action::Deadlines];
        let foot = keymap::bindings(Ctx::Workspace, true)
            .filter(|b| self.notices.is_some() || !needs_notices.contains(&b.action))
            .map(|b| {
                let label = b.label.split(' ').next().unwrap_or(b.label);
                format!("{label} {}", self.lang.pick(b.zh, b.en))
            })
            .collect::<Vec<_>>()
            .join("  ");
        let t = self.theme;
        let w = usize::from(area.width);
        let per_page = per_page(area.height);
        self.page = per_page;
        if self.selected < self.top {
            self.top = self.selected;
        }
        if self.selected >= self.top + per_page {
            self.top = self.selected + 1 - per_page;
        }
        let mut lines = vec![Line::styled(fit(&head, w), t.bold()), Line::raw("")];
        for (i, r) in self.rows.iter().enumerate().skip(self.top).take(per_page) {
            let sel = i == self.selected;
            let filled = (r.done * 10).checked_div(r.total).unwrap_or(0);
            let pct = (r.done * 100).checked_div(r.total).unwrap_or(0);
            let late = match (r.overdue, zh) {
                (0, _) => String::new(),
                (k, true) => format!("  逾期 {k}"),
                (k, false) => format!("  overdue {k}"),
            };
            let style = if sel { t.selected(true) } else { t.bold() };
            let label = fit(&self.shown(&r.label), 28.min(w.saturating_sub(2)));
            lines.push(Line::from(vec![
                Span::styled(if sel { "▶ " } else { "  " }, style),
                Span::styled(label, style),
                Span::raw(format!("  {}/{} {pct:>3}% ", r.done, r.total)),
                Span::styled("█".repeat(filled), t.done()),
                Span::styled("░".repeat(10 - filled), t.dim()),
                Span::styled(late, t.overdue()),
            ]));
            let title = fit(&self.shown(&r.title), w.saturating_sub(4));
            lines.push(Line::styled(format!("    {title}"), t.dim()));
        }
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        f.render_widget(Paragraph::new(lines), body);
        if area.height > 0 {
            let foot_area = Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            };
            f.render_widget(
                Paragraph::new(Line::styled(fit(&foot, w), t.dim())),
                foot_area,
            );
        }
    }
}

/// Notices shown at once on a screen `height` rows high (two lines each, under a heading and a
/// blank line, over the keys).
fn per_page(height: u16) -> usize {
    usize::from(height.saturating_sub(3) / 2).max(1)
}

/// Notices the list shows on the terminal as it is now (on the whole screen); a full screen of
/// 50 rows when its size cannot be read.
pub fn rows_on_screen() -> usize {
    per_page(crossterm::terminal::size().map_or(50, |(_, h)| h))
}
