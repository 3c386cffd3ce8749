//! The units view: every unit (across notices: every body) with how many measures it leads and
//! supports, in the order chosen with `s`, and the selected unit's measures. Enter on a measure
//! jumps to it in its section pane (across notices: opens its notice there).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, list_rows, pane, row};
use crate::domain::workspace::bodies::short_label;
use crate::domain::{Catalog, Item, Progress};
use crate::tui::app::{App, DeadlinesView, Focus, Options, UnitOrder, UnitsView};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::theme::Theme;

/// What the units and deadlines panes draw: the App's one notice, or every notice of the
/// workspace (then each row names its notice).
pub struct Source<'a> {
    pub cats: &'a [Catalog],
    pub progress: &'a [Progress],
    pub opts: &'a Options,
    pub units: &'a UnitsView,
    pub deadlines: &'a DeadlinesView,
    pub focus: Focus,
}

impl<'a> Source<'a> {
    pub fn of(app: &'a App) -> Source<'a> {
        Source {
            cats: std::slice::from_ref(&app.cat),
            progress: std::slice::from_ref(&app.progress),
            opts: &app.opts,
            units: &app.units,
            deadlines: &app.deadlines,
            focus: app.focus,
        }
    }

    /// Several notices: rows name theirs.
    pub fn many(&self) -> bool {
        self.cats.len() > 1
    }

    /// A notice's tag before a row (`〔2019〕103号 `), or nothing with one notice.
    pub fn tag(&self, doc: usize) -> String {
        if self.many() {
            format!("{} ", disp(self.opts, short_label(&self.cats[doc])))
        } else {
            String::new()
        }
    }

    pub fn theme(&self) -> Theme {
        Theme::new(self.opts.color)
    }
}

pub fn draw_units(f: &mut Frame, app: &App, area: Rect) {
    draw_list(f, &Source::of(app), area);
}

pub fn draw_measures(f: &mut Frame, app: &App, area: Rect) {
    draw_parts(f, &Source::of(app), area);
}

/// The unit list: counts (lead, cooperating; overdue when sorted by it), the name, and how many
/// notices name it when more than one.
pub fn draw_list(f: &mut Frame, s: &Source, area: Rect) {
    let (t, l, o) = (s.theme(), s.opts.lang, s.opts);
    let focused = s.focus == Focus::UnitList;
    let cols = inner_width(area);
    let c = s.units.list();
    let by = s.units.sorted_by();
    let lines: Vec<Line> = list_rows(
        o,
        s.units.order().iter(),
        c,
        inner_height(area),
        Some(focused),
        |_, &b| {
            let body = s.units.body(b);
            // Responsible (format 2: no lead named) counts with the lead: in charge.
            let mut counts = format!("{:>3} {:>3} ", body.lead, body.support);
            if by == UnitOrder::Overdue {
                counts.push_str(&format!("{:>3} ", body.overdue));
            }
            let mut spans = vec![(counts, t.dim()), (disp(o, &body.name), t.plain())];
            let notices = {
                let mut docs: Vec<usize> = body.members.iter().map(|m| m.0).collect();
                docs.dedup();
                docs.len()
            };
            if notices > 1 {
                let n = match l {
                    crate::tui::i18n::Lang::Zh => format!(" ·{notices}份"),
                    crate::tui::i18n::Lang::En => format!(" ·{notices}"),
                };
                spans.push((n, t.dim()));
            }
            row(o, spans, cols)
        },
    );
    let cols_named = if by == UnitOrder::Overdue {
        l.pick("牵头 配合 逾期", "lead coop late")
    } else {
        l.pick("牵头 配合", "lead coop")
    };
    // The order first: a narrow pane cuts the column names, not the order.
    let title = format!(
        "{} · {} · {cols_named}",
        l.pick("单位", "Units"),
        by.label(l)
    );
    f.render_widget(
        Paragraph::new(lines).block(pane(o, title, focused, area.width)),
        area,
    );
}

/// The selected unit's measures: its role, the id, `?` when the allocation is uncertain, the text;
/// across notices each row starts with its notice.
pub fn draw_parts(f: &mut Frame, s: &Source, area: Rect) {
    let (t, l, o) = (s.theme(), s.opts.lang, s.opts);
    let focused = s.focus == Focus::UnitMeasures;
    let cols = inner_width(area);
    let c = s.units.parts_cursor();
    let body = s.units.selected_unit().map(|b| s.units.body(b));
    let name = body.map_or("", |b| b.name.as_str());
    let lines: Vec<Line> = list_rows(
        o,
        s.units.parts(s.cats),
        c,
        inner_height(area),
        Some(focused),
        |_, part| {
            let cat = &s.cats[part.doc];
            let (id, text, certain, lead) = match cat.at(part.loc) {
                Item::Measure(_, _, m) => (&m.id, &m.text, m.is_certain(), &m.lead),
                // A task's own allocation (format 2), where none of its measures inherits it.
                Item::Task(_, task) => (&task.id, &task.title, true, &task.lead),
                Item::Milestone(..) => return Line::default(),
            };
            // Under the alternative reading only: marked apart, in the warning style. In charge
            // without being named lead: responsible (format 2). The unit's name in this notice.
            let here = body
                .and_then(|b| b.members.iter().find(|m| m.0 == part.doc))
                .map_or(name, |&(_, u)| cat.doc.units[u].name.as_str());
            let named_lead = lead.iter().any(|u| u == here);
            let role = match (part.alternative, part.leads, named_lead) {
                (false, true, true) => (l.pick("牵头 ", "lead "), t.lead()),
                (false, true, false) => (l.pick("负责 ", "resp "), t.lead()),
                (false, false, _) => (l.pick("配合 ", "coop "), t.plain()),
                (true, true, _) => (l.pick("另读牵头 ", "alt lead "), t.warn()),
                (true, false, _) => (l.pick("另读配合 ", "alt coop "), t.warn()),
            };
            let mut spans = vec![(s.tag(part.doc), t.dim())];
            spans.push((role.0.to_string(), role.1));
            spans.push((format!("{} ", disp(o, id)), t.id()));
            if !certain {
                spans.push(("? ".to_string(), t.warn()));
            }
            spans.push((disp(o, text), t.plain()));
            row(o, spans, cols)
        },
    );
    let title = format!("{} · {}", name, l.pick("举措", "measures"));
    f.render_widget(
        Paragraph::new(lines).block(pane(o, title, focused, area.width)),
        area,
    );
}
