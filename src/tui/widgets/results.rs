//! The search results: kind, id, where it matched, and the text with the matched characters
//! highlighted (pinyin matches are mapped back to the Chinese characters by the engine).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{disp, list_rows, pane, row, theme};
use crate::domain::Catalog;
use crate::domain::search::{Field, Hit, ItemKind, Target};
use crate::domain::text::width;
use crate::tui::app::{App, Focus, Mode, Options, SearchState};
use crate::tui::i18n::Lang;
use crate::tui::layout::{inner_height, inner_width};

/// What the results pane draws from: the options, the document, the search typed, and the
/// status line's message and the history's problem (said in the title and the empty pane).
pub struct ResultsCtx<'a> {
    pub opts: &'a Options,
    pub cat: &'a Catalog,
    pub search: &'a SearchState,
    pub focused: bool,
    pub status: Option<&'a str>,
    pub history_problem: Option<&'a str>,
}

impl AsRef<Options> for ResultsCtx<'_> {
    fn as_ref(&self) -> &Options {
        self.opts
    }
}

impl<'a> ResultsCtx<'a> {
    /// `None` when no search is being typed.
    pub fn of(app: &'a App) -> Option<ResultsCtx<'a>> {
        let Mode::Search(search) = &app.mode else {
            return None;
        };
        Some(ResultsCtx {
            opts: &app.opts,
            cat: &app.cat,
            search,
            focused: app.focus == Focus::Results,
            status: app.status.as_deref(),
            history_problem: app.finder.history_problem.as_deref(),
        })
    }
}

pub fn draw(f: &mut Frame, app: &ResultsCtx, area: Rect) {
    let s = app.search;
    let t = theme(app);
    let l = app.opts.lang;
    let cols = inner_width(area);
    let c = s.cursor;
    let mut lines: Vec<Line> = list_rows(
        app,
        s.results.hits.iter(),
        c,
        inner_height(area),
        Some(app.focused),
        |_, h| hit_row(app, h, cols, Vec::new(), item_words(app.cat, h.target)),
    );
    let mut title = match l {
        Lang::Zh => format!("搜索结果 {} 条", s.results.total),
        Lang::En => format!("{} results", s.results.total),
    };
    // What the parser made of odd input (a lone `!`, a bad date): said, never an error.
    for note in &s.results.query.notes {
        title.push_str(" · ");
        title.push_str(&crate::domain::lang::query_note(note, l));
    }
    // What Ctrl-y copied.
    if let Some(msg) = app.status {
        title.push_str(" · ");
        title.push_str(&disp(app, msg));
    }
    // Why the search history is not kept, while there is nothing else to show.
    if let (true, Some(why)) = (lines.is_empty(), app.history_problem) {
        for w in crate::domain::text::wrap(&disp(app, why), cols) {
            lines.push(Line::styled(w, t.warn()));
        }
    }
    f.render_widget(
        Paragraph::new(lines).block(pane(app, title, true, area.width)),
        area,
    );
}

/// One hit as a row of `cols` columns after `head` (a notice's 文号 across the workspace):
/// kind, id, field, the text with its matched characters lit, and for a match outside the
/// text the item's own words (`words`: `item_words`), dimmed.
pub fn hit_row(
    app: &impl AsRef<Options>,
    h: &Hit,
    cols: usize,
    mut head: Vec<(String, Style)>,
    words: &str,
) -> Line<'static> {
    let t = theme(app);
    let l = app.as_ref().lang;
    let kind = match (h.kind, l) {
        (ItemKind::Task, Lang::Zh) => "任务",
        (ItemKind::Measure, Lang::Zh) => "举措",
        (ItemKind::Unit, Lang::Zh) => "单位",
        (ItemKind::Task, Lang::En) => "task",
        (ItemKind::Measure, Lang::En) => "meas",
        (ItemKind::Unit, Lang::En) => "unit",
    };
    let id = if h.kind == ItemKind::Unit {
        String::new()
    } else {
        format!("{} ", h.id)
    };
    head.extend([
        (format!("{kind} "), t.dim()),
        (id, t.id()),
        (format!("{} ", field_label(h.field, l)), t.dim()),
    ]);
    let used: usize = head.iter().map(|(s, _)| width(s)).sum();
    let mut line = row(app, head, cols);
    let shown = highlighted(app, h, cols.saturating_sub(used));
    let rest = cols.saturating_sub(used + shown.iter().map(|s| s.width()).sum::<usize>());
    line.spans.extend(shown);
    // A match on a unit, an id or a date: the item's own words follow, dimmed.
    if let (false, true, Target::Item(_)) = (
        matches!(h.field, Field::Text | Field::Title | Field::Name),
        rest > 4,
        h.target,
    ) {
        line.spans.extend(
            row(
                app,
                vec![(format!("  {}", disp(app, words)), t.dim())],
                rest,
            )
            .spans,
        );
    }
    line
}

/// The words of a hit's item (`hit_row`'s last argument): a task's title, a measure's text (a
/// milestone's measure's); none for a unit.
pub fn item_words(cat: &Catalog, target: Target) -> &str {
    match target {
        Target::Item(loc) => match cat.at(loc) {
            crate::domain::Item::Task(_, task) => &task.title,
            crate::domain::Item::Measure(_, _, m) | crate::domain::Item::Milestone(_, _, m, _) => {
                &m.text
            }
        },
        Target::Unit(_) => "",
    }
}

fn field_label(f: Field, l: Lang) -> &'static str {
    match f {
        Field::Id => l.pick("编号", "id"),
        Field::Title => l.pick("标题", "title"),
        Field::Name => l.pick("名称", "name"),
        Field::Lead => l.pick("牵头", "lead"),
        Field::Support => l.pick("配合", "coop"),
        Field::Text => l.pick("正文", "text"),
        Field::Deadline => l.pick("期限", "date"),
        Field::Official => l.pick("领导", "official"),
    }
}

/// The hit's text cut to `cols` columns, its matched characters bold and coloured. A match deep
/// in a long text is brought into view: the text starts a little before the first match.
fn highlighted(app: &impl AsRef<Options>, h: &Hit, cols: usize) -> Vec<Span<'static>> {
    let t = theme(app);
    let hit_style = t.key().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let chars: Vec<char> = h.text.chars().collect();
    let first = h.positions.first().copied().unwrap_or(0);
    let start = if first > cols / 4 {
        first - cols / 8
    } else {
        0
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", t.dim()));
        used += 1;
    }
    let rest_width: usize = chars[start.min(chars.len())..]
        .iter()
        .map(|c| width(&disp(app, &c.to_string())))
        .sum();
    // Cut at the right edge too: the last column is then a `…`.
    let cut = used + rest_width > cols;
    let room = if cut { cols.saturating_sub(1) } else { cols };
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let shown = disp(app, &c.to_string());
        let w = width(&shown);
        if used + w > room {
            spans.push(Span::styled("…", t.dim()));
            break;
        }
        used += w;
        let style = if h.positions.binary_search(&i).is_ok() {
            hit_style
        } else {
            Style::new()
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&shown),
            _ => spans.push(Span::styled(shown, style)),
        }
    }
    spans
}

/// The detail pane for a unit hit: what it leads and supports.
pub fn unit_lines(o: &Options, cat: &Catalog, u: usize, cols: usize) -> Vec<Line<'static>> {
    let app = o;
    let t = theme(app);
    let l = app.lang;
    let unit = &cat.doc.units[u];
    let (lead, support) = cat.unit_counts(u);
    let mut out = vec![row(app, vec![(disp(app, &unit.name), t.bold())], cols)];
    let counts = match l {
        Lang::Zh => format!("牵头 {lead} 项 · 配合 {support} 项 · Enter 打开单位视图"),
        Lang::En => format!("leads {lead} · supports {support} · Enter opens the units view"),
    };
    out.push(row(app, vec![(counts, t.dim())], cols));
    if !unit.aliases.is_empty() {
        let aliases = format!(
            "{}{}",
            l.pick("简称：", "short forms: "),
            unit.aliases.join(" ")
        );
        out.push(row(app, vec![(disp(app, &aliases), t.plain())], cols));
    }
    out.push(Line::default());
    for (label, items) in [
        (l.pick("牵头", "leads"), cat.led_by(u).collect::<Vec<_>>()),
        (l.pick("配合", "supports"), cat.supported_by(u).collect()),
    ] {
        out.push(Line::styled(label.to_string(), t.bold()));
        for item in items {
            if let crate::domain::Item::Measure(_, _, m) = item {
                out.push(row(
                    app,
                    vec![
                        (format!("  {} ", m.id), t.id()),
                        (disp(app, &m.text), t.plain()),
                    ],
                    cols,
                ));
            }
        }
    }
    out
}
