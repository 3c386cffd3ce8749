//! A section pane: tasks with their progress cookie, expanding to measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, pane, row, theme};
use crate::tui::app::{App, Focus};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::tree::Row;

pub fn draw(f: &mut Frame, app: &App, section: usize, area: Rect) {
    let t = theme(app);
    let s = &app.cat.doc.sections[section];
    let tree = &app.trees[section];
    let focused = app.focus == Focus::Section(section);
    let cols = inner_width(area);
    let height = inner_height(area);
    let title = format!("{} {}、{}", s.key, s.numeral, s.title);
    let block = pane(app, title, focused);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let start = tree.cursor.offset.min(tree.rows().len());
    for (i, r) in tree.rows().iter().enumerate().skip(start).take(height) {
        let selected = i == tree.cursor.sel
            && (focused || app.focus == Focus::Detail && app.section == section);
        let mut line = match *r {
            Row::Task(ti) => {
                let task = &s.tasks[ti];
                let marker = if tree.expanded[ti] { "▾ " } else { "▸ " };
                let head = format!("（{}）", task.numeral);
                let spans = vec![
                    (marker.to_string(), t.dim()),
                    (head, t.id()),
                    (disp(app, &task.title), t.bold()),
                ];
                row(app, spans, cols)
            }
            Row::Measure(ti, mi) => {
                let m = &s.tasks[ti].measures[mi];
                let mut spans = vec![(format!("  {} ", m.id), t.id())];
                if !m.is_certain() {
                    spans.push(("? ".to_string(), t.warn()));
                }
                spans.push((disp(app, &m.text), t.plain()));
                row(app, spans, cols)
            }
        };
        if selected {
            line = line.patch_style(t.selected(focused));
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines).block(block), area);
}
