//! The help screen: every binding of the keymap table, grouped by where it works (two columns
//! when there is room), then the markers' legend and the query syntax (`legend.rs`); scrolled
//! with j / k when it does not fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pane, theme};
use crate::domain::Catalog;
use crate::domain::text::fit;
use crate::tui::app::{App, Options};
use crate::tui::keymap::{BINDINGS, Ctx};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::scroll::Scroll;
use crate::tui::theme::Theme;

/// The popup's area: centred, leaving a margin, at most 110 columns.
pub fn area(screen: Rect) -> Rect {
    let h = screen.height.saturating_sub(2).max(1);
    let w = 110.min(screen.width.saturating_sub(4)).max(1);
    let [v] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(screen);
    let [r] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(v);
    r
}

/// What the help draws from: the options, the document (its sections name the digit keys)
/// and the scroll. Made from the App in one place (`of`).
pub struct HelpCtx<'a> {
    pub opts: &'a Options,
    pub cat: &'a Catalog,
    pub scroll: &'a Scroll,
}

impl AsRef<Options> for HelpCtx<'_> {
    fn as_ref(&self) -> &Options {
        self.opts
    }
}

impl<'a> HelpCtx<'a> {
    pub fn of(app: &'a App) -> HelpCtx<'a> {
        HelpCtx {
            opts: &app.opts,
            cat: &app.cat,
            scroll: &app.help_scroll,
        }
    }
}

/// Each binding once, under the first context it works in.
fn group(app: &HelpCtx, ctx: Ctx, title: &str, width: usize) -> Vec<Line<'static>> {
    let t = theme(app);
    let mut lines = vec![Line::styled(title.to_string(), t.bold())];
    for b in BINDINGS.iter().filter(|b| b.ctxs.first() == Some(&ctx)) {
        let (label, help) = super::describe(app.opts, app.cat, b);
        lines.push(key_line(t, &label, &help, width));
    }
    lines.push(Line::default());
    lines
}

/// One binding of a help screen: its keys, then what they do, within `width` columns.
pub fn key_line(t: Theme, label: &str, help: &str, width: usize) -> Line<'static> {
    Line::from(vec![
        // At least one blank after a label of 12 columns (Ctrl-p S-Tab).
        Span::styled(format!("  {}", fit(label, 13)), t.key()),
        Span::raw(fit(help, width.saturating_sub(15))),
    ])
}

/// The groups of the right-hand column (the left one is browsing).
const RIGHT: [(Ctx, &str, &str); 6] = [
    (
        Ctx::Confirm,
        "确认（整项任务）",
        "Confirming (a whole task)",
    ),
    (
        Ctx::Input,
        "输入（备注、搜索、核实来源）",
        "Typing (a note, a search, a source)",
    ),
    (Ctx::Search, "搜索（/）", "Searching (/)"),
    (Ctx::Pick, "核实分工（v）", "Verifying an allocation (v)"),
    (Ctx::Overview, "总览（O）", "The overview (O)"),
    (Ctx::Help, "帮助窗口", "This screen"),
];

/// All lines of the help, for `width` columns inside the popup (the app scrolls by them).
pub fn lines(app: &HelpCtx, width: usize) -> Vec<Line<'static>> {
    let l = app.opts.lang;
    let two = width >= 90;
    let col = if two { width / 2 } else { width };
    let left = group(app, Ctx::Browse, l.pick("浏览", "Browsing"), col);
    let right: Vec<Line> = RIGHT
        .iter()
        .flat_map(|&(ctx, zh, en)| group(app, ctx, l.pick(zh, en), col))
        .collect();
    let legend = super::legend::lines(app, width);
    if !two {
        return left.into_iter().chain(right).chain(legend).collect();
    }
    let n = left.len().max(right.len());
    let keys = (0..n).map(|i| {
        let mut spans: Vec<Span> = left.get(i).map_or(vec![], |x| x.spans.clone());
        let used: usize = spans.iter().map(|s| s.width()).sum();
        spans.push(Span::raw(" ".repeat(col.saturating_sub(used))));
        spans.extend(right.get(i).map_or(vec![], |x| x.spans.clone()));
        Line::from(spans)
    });
    keys.chain(legend).collect()
}

pub fn draw(f: &mut Frame, app: &HelpCtx) {
    let r = area(f.area());
    let all = lines(app, inner_width(r));
    let title = app.opts.lang.pick(
        "帮助 · j k 滚动 · Esc 关闭",
        "Help · j k scroll · Esc to close",
    );
    popup(f, app, r, title, all, app.scroll);
}

/// A popup (the help, the overview) at `r`: its lines scrolled as `scroll` says, the title on the
/// border with how many lines are hidden above and below.
pub fn popup(
    f: &mut Frame,
    app: &impl AsRef<Options>,
    r: Rect,
    title: &str,
    all: Vec<Line>,
    scroll: &Scroll,
) {
    let top = scroll.measure(all.len(), inner_height(r));
    let shown: Vec<Line> = all.into_iter().skip(top).collect();
    let block = super::detail::more_marks(app, pane(app, title.to_string(), true, r.width), scroll);
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(shown).block(block), r);
}
