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
    let c = app.units.list();
    let mut lines = Vec::new();
    for (i, &u) in app
        .units
        .order()
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(inner_height(area))
    {
        let (lead, support) = app.cat.unit_counts(u);
        // Responsible (format 2: no lead named) counts with the lead: in charge.
        let lead = lead + app.cat.responsible_count(u);
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
    let c = app.units.parts_cursor();
    let name = app
        .units
        .selected_unit()
        .map_or("", |u| app.cat.doc.units[u].name.as_str());
    let mut lines: Vec<Line> = Vec::new();
    for (i, part) in app
        .unit_measures()
        .into_iter()
        .enumerate()
        .skip(c.offset)
        .take(inner_height(area))
    {
        let (id, text, certain, lead) = match app.cat.at(part.loc) {
            Item::Measure(_, _, m) => (&m.id, &m.text, m.is_certain(), &m.lead),
            // A task's own allocation (format 2), where none of its measures inherits it.
            Item::Task(_, task) => (&task.id, &task.title, true, &task.lead),
            Item::Milestone(..) => continue,
        };
        // Under the alternative reading only: marked apart, in the warning style. In charge
        // without being named lead: responsible (format 2).
        let named_lead = lead.iter().any(|u| u == name);
        let role = match (part.alternative, part.leads, named_lead) {
            (false, true, true) => (l.pick("牵头 ", "lead "), t.lead()),
            (false, true, false) => (l.pick("负责 ", "resp "), t.lead()),
            (false, false, _) => (l.pick("配合 ", "coop "), t.plain()),
            (true, true, _) => (l.pick("另读牵头 ", "alt lead "), t.warn()),
            (true, false, _) => (l.pick("另读配合 ", "alt coop "), t.warn()),
        };
        let mut spans = vec![(role.0.to_string(), role.1), (format!("{id} "), t.id())];
        if !certain {
            spans.push(("? ".to_string(), t.warn()));
        }
        spans.push((disp(app, text), t.plain()));
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
