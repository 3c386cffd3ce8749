//! The verify popup (v): the units, each marked lead, cooperating or neither, for the measure
//! being verified; the source is typed on the footer line.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{disp, list_rows, pane, row, theme};
use crate::tui::app::{App, Mode};
use crate::tui::layout::{inner_height, inner_width};

pub fn draw(f: &mut Frame, app: &App) {
    let Mode::Verify(form) = &app.mode else {
        return;
    };
    let t = theme(app);
    let l = app.opts.lang;
    let r = super::help::area(f.area());
    let (cols, rows) = (inner_width(r), inner_height(r));
    let lines: Vec<Line> = list_rows(
        app,
        app.units.order().iter(),
        form.cursor,
        rows,
        Some(true).filter(|_| form.source.is_none()),
        |_, &u| {
            let (mark, style) = match form.parts[u] {
                Some(true) => (l.pick("[牵头] ", "[lead] "), t.lead()),
                Some(false) => (l.pick("[配合] ", "[coop] "), t.plain()),
                None => ("       ", t.dim()),
            };
            let name = disp(app, &app.cat.doc.units[u].name);
            row(app, vec![(mark.to_string(), style), (name, style)], cols)
        },
    );
    let title = match l {
        crate::tui::i18n::Lang::Zh => format!(
            "核实 {} 的分工 · Space 牵头/配合/不选 · Enter 填写来源 · Esc 放弃",
            form.measure
        ),
        crate::tui::i18n::Lang::En => format!(
            "Verify {} · Space lead/coop/none · Enter the source · Esc cancel",
            form.measure
        ),
    };
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(pane(app, title, true, r.width)),
        r,
    );
}
