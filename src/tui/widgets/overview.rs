//! The overview popup (O): gauges per section, bars per lead unit, deadlines by month. Bars are
//! drawn with patterns as well as colours (█ done, ▒ overdue, ░ open), so they read with NO_COLOR;
//! labels are fitted by display width.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{disp, theme};
use crate::domain::text::fit;
use crate::tui::app::{App, Mode};
use crate::tui::layout::inner_width;
use crate::tui::theme::Theme;

/// `width` cells split in proportion: done █, overdue ▒, open ░.
fn bar(t: &Theme, done: usize, late: usize, total: usize, width: usize) -> Vec<Span<'static>> {
    let cells = |n: usize| (n * width).checked_div(total).unwrap_or(0);
    let (d, l) = (cells(done), cells(late));
    let o = width.saturating_sub(d + l);
    vec![
        Span::styled("█".repeat(d), t.done()),
        Span::styled("▒".repeat(l), t.overdue()),
        Span::styled("░".repeat(o), t.dim()),
    ]
}

fn text(s: String, style: Style) -> Span<'static> {
    Span::styled(s, style)
}

pub fn draw(f: &mut Frame, app: &App) {
    let Mode::Overview(o) = &app.mode else {
        return;
    };
    let t = theme(app);
    let l = app.opts.lang;
    let r = super::help::area(f.area());
    let cols = inner_width(r);
    let label = (cols / 3).clamp(8, 24);
    let width = cols.saturating_sub(label + 30).clamp(4, 40);
    let mut lines: Vec<Line> = vec![Line::styled(l.pick("各部分", "Sections"), t.bold())];
    for (heading, tally) in &o.sections {
        let mut spans = vec![text(
            format!("{} ", fit(&disp(app, heading), label)),
            t.plain(),
        )];
        spans.extend(bar(&t, tally.done, 0, tally.total, width));
        spans.push(text(
            format!(" {tally} {}", tally.percent_text()),
            t.plain(),
        ));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        l.pick(
            "各牵头单位（█ 已完成 ▒ 逾期 ░ 未完成）",
            "Lead units (█ done ▒ overdue ░ open)",
        ),
        t.bold(),
    ));
    for (_, name, tally, late) in &o.units {
        let mut spans = vec![text(format!("{} ", fit(&disp(app, name), label)), t.lead())];
        spans.extend(bar(&t, tally.done, *late, tally.total, width));
        let open = tally.total - tally.done - late;
        let counts = match l {
            crate::tui::i18n::Lang::Zh => format!(" 完成 {} 未完成 {open} 逾期 {late}", tally.done),
            crate::tui::i18n::Lang::En => format!(" done {} open {open} late {late}", tally.done),
        };
        spans.push(text(counts, t.plain()));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        l.pick("按月份的时限", "Deadlines by month"),
        t.bold(),
    ));
    for m in &o.months {
        let month = format!("{:04}-{:02}", m.year, m.month);
        let mut spans = vec![text(format!("{} ", fit(&month, label)), t.plain())];
        spans.extend(bar(&t, m.done, m.late, m.due, width));
        let counts = match l {
            crate::tui::i18n::Lang::Zh => {
                format!(" 到期 {} 完成 {} 滞后 {}", m.due, m.done, m.late)
            }
            crate::tui::i18n::Lang::En => format!(" due {} done {} late {}", m.due, m.done, m.late),
        };
        spans.push(text(counts, t.plain()));
        lines.push(Line::from(spans));
    }
    let at = o.line_of(o.sel);
    if let Some(line) = lines.get_mut(at) {
        *line = std::mem::take(line).patch_style(t.selected(true));
    }
    let title = l.pick(
        "总览 · j k 选择 · Enter 前往 · Esc 关闭",
        "Overview · j k select · Enter to go · Esc to close",
    );
    super::help::popup(f, app, r, title, lines, &o.scroll);
}
