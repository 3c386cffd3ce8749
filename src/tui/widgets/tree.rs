//! A section pane: tasks with their progress cookie (2/6), measures with a check box, and the
//! milestones of an opened measure with deadline and state.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, pane, row, theme};
use crate::domain::progress::Status;
use crate::domain::text::width;
use crate::domain::{Measure, Section, Tally};
use crate::tui::app::{App, Focus};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::theme::Theme;
use crate::tui::tree::Row;

pub fn draw(f: &mut Frame, app: &App, section: usize, area: Rect) {
    let t = theme(app);
    let s = &app.cat.doc.sections[section];
    let tree = &app.trees[section];
    let focused = app.focus == Focus::Section(section);
    let cols = inner_width(area);
    let height = inner_height(area);
    let tally = app.rollup.section(section);
    let title = format!(
        "{} {}、{} {} {}",
        s.key,
        s.numeral,
        s.title,
        tally,
        tally.percent_text()
    );
    let block = pane(app, title, focused, area.width);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let start = tree.cursor.offset.min(tree.rows().len());
    for (i, r) in tree.rows().iter().enumerate().skip(start).take(height) {
        let mut line = row_line(
            app,
            &t,
            s,
            tree.expanded.get(r.task()).copied().unwrap_or(false),
            *r,
            cols,
        );
        let shown = focused || (app.focus == Focus::Detail && app.section == section);
        if i == tree.cursor.sel && shown {
            line = line.patch_style(t.selected(focused));
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines).block(block), area);
}

fn row_line<'a>(
    app: &App,
    t: &Theme,
    s: &Section,
    task_open: bool,
    r: Row,
    cols: usize,
) -> Line<'a> {
    match r {
        Row::Task(ti) => {
            let task = &s.tasks[ti];
            let tally = app.progress.task(task);
            let cookie = format!(" {tally}");
            let marker = if task_open { "▾ " } else { "▸ " };
            let head = task.label();
            let room = cols.saturating_sub(width(marker) + width(&head) + width(&cookie));
            let title = crate::domain::text::fit(&disp(app, &task.title), room);
            let cookie_style = cookie_style(t, tally);
            row(
                app,
                vec![
                    (marker.into(), t.dim()),
                    (head, t.id()),
                    (title, t.bold()),
                    (cookie, cookie_style),
                ],
                cols,
            )
        }
        Row::Measure(ti, mi) => {
            let m = &s.tasks[ti].measures[mi];
            let mut spans = vec![(format!("  {} ", m.id), t.id()), check_box(app, t, m)];
            if !m.is_certain() {
                spans.push(("? ".into(), t.warn()));
            }
            spans.push((disp(app, &m.text), t.plain()));
            row(app, spans, cols)
        }
        Row::Milestone(ti, mi, ki) => {
            let m = &s.tasks[ti].measures[mi];
            let k = &m.milestones[ki];
            let status = app.progress.status(k, app.opts.today);
            let (mark, style) = match status {
                Status::Done => ("[x] ", t.done()),
                Status::Overdue => ("[ ] ", t.overdue()),
                Status::Open => ("[ ] ", t.plain()),
            };
            let when = disp(
                app,
                &crate::domain::present::deadline_text(k, app.opts.lang),
            );
            let text = if !m.is_whole(k) {
                disp(app, &k.text)
            } else {
                String::new()
            };
            let spans = vec![
                (format!("    {} ", k.id), t.id()),
                (mark.into(), style),
                (format!("{when} "), style),
                (text, t.plain()),
            ];
            row(app, spans, cols)
        }
    }
}

/// [x] all done, [-] some, [ ] none; a measure with several milestones shows [1/3].
fn check_box(app: &App, t: &Theme, m: &Measure) -> (String, Style) {
    let tally = app.progress.measure(m);
    let text = match (m.milestones.len(), tally.done) {
        (1, 1) => "[x] ".to_string(),
        (1, _) => "[ ] ".to_string(),
        _ => format!("[{tally}] "),
    };
    (text, cookie_style(t, tally))
}

fn cookie_style(t: &Theme, tally: Tally) -> Style {
    if tally.is_complete() {
        t.done()
    } else {
        t.dim()
    }
}
