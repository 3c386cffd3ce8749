//! The deadlines view: milestones grouped by deadline (earliest first, undated last), each with
//! its state, measure and lead units; overdue ones marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, pane, row, theme};
use crate::domain::Item;
use crate::domain::progress::Status;
use crate::tui::app::{App, DeadlineRow, Focus};
use crate::tui::layout::{inner_height, inner_width};

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let l = app.opts.lang;
    let focused = app.focus == Focus::Deadlines;
    let cols = inner_width(area);
    let c = app.deadlines.cursor();
    let mut lines: Vec<Line> = Vec::new();
    for (i, r) in app
        .deadlines
        .rows()
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(inner_height(area))
    {
        let mut line = match *r {
            DeadlineRow::Header(d, n) => {
                let when = crate::domain::present::group_deadline(d, l);
                let word = l.pick("个里程碑", "milestones");
                row(app, vec![(format!("{when}  {n} {word}"), t.bold())], cols)
            }
            DeadlineRow::Milestone(loc) => {
                let Item::Milestone(_, _, m, k) = app.cat.at(loc) else {
                    continue;
                };
                let (mark, style) = match app.progress.status(k, app.opts.today) {
                    Status::Done => (l.pick("[x] 完成 ", "[x] done "), t.done()),
                    Status::Overdue => (l.pick("[ ] 逾期 ", "[ ] late "), t.overdue()),
                    Status::Open => (l.pick("[ ] 未完 ", "[ ] open "), t.plain()),
                };
                let mut spans = vec![(format!("  {} ", k.id), t.id()), (mark.to_string(), style)];
                spans.push((format!("{} ", disp(app, &m.lead.join("、"))), t.lead()));
                if !m.is_certain() {
                    spans.push(("? ".into(), t.warn()));
                }
                spans.push((disp(app, m.text_of(k)), t.plain()));
                row(app, spans, cols)
            }
        };
        if i == c.sel {
            line = line.patch_style(t.selected(focused));
        }
        lines.push(line);
    }
    let overdue = app.rollup.overdue();
    let title = match l {
        crate::tui::i18n::Lang::Zh => format!("期限 · 截至 {} 逾期 {overdue} 项", app.opts.today),
        crate::tui::i18n::Lang::En => {
            format!("Deadlines · {overdue} overdue as of {}", app.opts.today)
        }
    };
    f.render_widget(
        Paragraph::new(lines).block(pane(app, title, focused, area.width)),
        area,
    );
}
