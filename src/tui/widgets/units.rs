//! The units view: every unit with how many measures it leads and supports, and the selected
//! unit's measures. Enter on a measure jumps to it in its section pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, pane, row, theme};
use crate::domain::Item;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{inner_height, inner_width};

pub fn draw_units(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let l = app.opts.lang;
    let focused = app.focus == Focus::UnitList;
    let cols = inner_width(area);
    let c = app.unit_cursor;
    let mut lines = Vec::new();
    for (i, &u) in app
        .unit_order
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(inner_height(area))
    {
        let (lead, support) = app.cat.unit_counts(u);
        let counts = format!("{lead:>3} {support:>3} ");
        let spans = vec![
            (counts, t.dim()),
            (disp(app, &app.cat.doc.units[u].name), t.plain()),
        ];
        let mut line = row(app, spans, cols);
        if i == c.sel {
            line = line.patch_style(t.selected(focused));
        }
        lines.push(line);
    }
    let title = l.pick("单位 · 牵头 配合", "Units · lead coop").to_string();
    f.render_widget(
        Paragraph::new(lines).block(pane(app, title, focused, area.width)),
        area,
    );
}

pub fn draw_measures(f: &mut Frame, app: &App, area: Rect) {
    let t = theme(app);
    let l = app.opts.lang;
    let focused = app.focus == Focus::UnitMeasures;
    let cols = inner_width(area);
    let c = app.unit_measure_cursor;
    let name = app
        .unit_order
        .get(app.unit_cursor.sel)
        .map_or("", |&u| app.cat.doc.units[u].name.as_str());
    let mut lines: Vec<Line> = Vec::new();
    for (i, part) in app
        .unit_measures()
        .into_iter()
        .enumerate()
        .skip(c.offset)
        .take(inner_height(area))
    {
        let Item::Measure(_, _, m) = app.cat.at(part.loc) else {
            continue;
        };
        // Under the alternative reading only: marked apart, in the warning style.
        let role = match (part.alternative, part.leads) {
            (false, true) => (l.pick("牵头 ", "lead "), t.lead()),
            (false, false) => (l.pick("配合 ", "coop "), t.plain()),
            (true, true) => (l.pick("另读牵头 ", "alt lead "), t.warn()),
            (true, false) => (l.pick("另读配合 ", "alt coop "), t.warn()),
        };
        let mut spans = vec![(role.0.to_string(), role.1), (format!("{} ", m.id), t.id())];
        if !m.is_certain() {
            spans.push(("? ".to_string(), t.warn()));
        }
        spans.push((disp(app, &m.text), t.plain()));
        let mut line = row(app, spans, cols);
        if i == c.sel {
            line = line.patch_style(t.selected(focused));
        }
        lines.push(line);
    }
    let title = format!("{} · {}", name, l.pick("举措", "measures"));
    f.render_widget(
        Paragraph::new(lines).block(pane(app, title, focused, area.width)),
        area,
    );
}
