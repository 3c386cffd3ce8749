//! A section pane: tasks with their progress cookie (2/6), measures with a check box, and the
//! milestones of an opened measure with deadline and state.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{disp, list_rows, pane, row, theme};
use crate::domain::progress::Status;
use crate::domain::text::width;
use crate::domain::{Catalog, Measure, Progress, Section, Tally};
use crate::tui::app::{App, Focus, Options};
use crate::tui::i18n::Lang;
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::sections::Sections;
use crate::tui::theme::Theme;
use crate::tui::tree::{Row, Tree};

/// What a section pane is drawn from: its view state and the facts it shows, not the whole `App`.
pub struct PaneCtx<'a> {
    pub opts: &'a Options,
    pub cat: &'a Catalog,
    pub progress: &'a Progress,
    pub sections: &'a Sections,
    /// The section's tally as the rollup counts it (the title shows it when no filter is set).
    pub tally: Tally,
    /// The pane has the keys.
    pub focused: bool,
    /// Its selection shows (focused, or the detail pane describes it).
    pub show_selection: bool,
}

impl AsRef<Options> for PaneCtx<'_> {
    fn as_ref(&self) -> &Options {
        self.opts
    }
}

impl<'a> PaneCtx<'a> {
    /// The context of section `section`'s pane in `app`.
    pub fn of(app: &'a App, section: usize) -> PaneCtx<'a> {
        let focused = app.focus == Focus::Section(section);
        PaneCtx {
            opts: &app.opts,
            cat: &app.cat,
            progress: &app.progress,
            sections: &app.sections,
            tally: app.rollup.section(section),
            focused,
            show_selection: focused
                || (app.focus == Focus::Detail && app.sections.selected() == section),
        }
    }
}

pub fn draw(f: &mut Frame, c: &PaneCtx, section: usize, area: Rect) {
    let t = theme(c);
    let s = &c.cat.doc.sections[section];
    let tree = c.sections.tree(section);
    let cols = inner_width(area);
    let height = inner_height(area);
    let tally = c.sections.title_tally(section, c.tally);
    let mut title = format!(
        "{} {}、{} {} {}",
        s.key,
        s.numeral,
        s.title,
        tally,
        tally.percent_text()
    );
    if tree.is_filtered() {
        let n = tree.kept_measures();
        title = match c.opts.lang {
            Lang::Zh => format!("{title} · 筛出 {n} 项"),
            Lang::En => format!("{title} · {n} match"),
        };
    }
    let block = pane(c, title, c.focused, area.width);
    let highlight = c.show_selection.then_some(c.focused);
    let mut lines = list_rows(c, tree.rows(), tree.cursor, height, highlight, |_, r| {
        let open = tree.expanded.get(r.task()).copied().unwrap_or(false);
        row_line(c, &t, s, tree, open, *r, cols)
    });
    if lines.is_empty() && tree.is_filtered() {
        let none = c.opts.lang.pick("（无相符项）", "(nothing matches)");
        lines.push(Line::styled(none, t.dim()));
    }
    f.render_widget(Paragraph::new(lines).block(block), area);
}

/// The marker of a milestone with a note (a measure shows it when one of its milestones has one).
pub const NOTE_MARK: &str = "✎ ";

fn row_line<'a>(
    c: &PaneCtx,
    t: &Theme,
    s: &Section,
    tree: &Tree,
    task_open: bool,
    r: Row,
    cols: usize,
) -> Line<'a> {
    match r {
        Row::Task(ti) => {
            let task = &s.tasks[ti];
            let tally = tree.kept_tally(ti).unwrap_or_else(|| c.progress.task(task));
            let cookie = format!(" {tally}");
            let marker = if task_open { "▾ " } else { "▸ " };
            let head = task.label();
            let room = cols.saturating_sub(width(marker) + width(&head) + width(&cookie));
            let title = crate::domain::text::fit(&disp(c, &task.title), room);
            let cookie_style = cookie_style(t, tally);
            row(
                c,
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
            let mut spans = vec![(format!("  {} ", m.id), t.id()), check_box(c, t, m)];
            if !m.is_certain() {
                spans.push(("? ".into(), t.warn()));
            }
            if m.milestones
                .iter()
                .any(|k| c.progress.note(&k.id).is_some())
            {
                spans.push((NOTE_MARK.into(), t.key()));
            }
            spans.push((disp(c, &m.text), t.plain()));
            row(c, spans, cols)
        }
        Row::Milestone(ti, mi, ki) => {
            let m = &s.tasks[ti].measures[mi];
            let k = &m.milestones[ki];
            let status = c.progress.status(k, c.opts.today);
            let (mark, style) = match status {
                Status::Done => ("[x] ", t.done()),
                Status::Overdue => ("[ ] ", t.overdue()),
                Status::Open => ("[ ] ", t.plain()),
            };
            let when = disp(c, &crate::domain::present::deadline_text(k, c.opts.lang));
            let text = if !m.is_whole(k) {
                disp(c, &k.text)
            } else {
                String::new()
            };
            let mut spans = vec![
                (format!("    {} ", k.id), t.id()),
                (mark.into(), style),
                (format!("{when} "), style),
            ];
            if c.progress.note(&k.id).is_some() {
                spans.push((NOTE_MARK.into(), t.key()));
            }
            spans.push((text, t.plain()));
            row(c, spans, cols)
        }
    }
}

/// [x] all done, [-] some, [ ] none; a measure with several milestones shows [1/3].
fn check_box(c: &PaneCtx, t: &Theme, m: &Measure) -> (String, Style) {
    let tally = c.progress.measure(m);
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
