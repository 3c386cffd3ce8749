//! `?` on the workspace's list and in its cross-notice views: the keys of the list, of the units
//! and deadlines views across the notices, and of this popup, from the keymap table as a notice's
//! help is (scrolled with j / k when it does not fit; Esc or `?` closes it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::domain::text::fit;
use crate::tui::action::Action;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{self, Binding, Ctx};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::scroll::Scroll;
use crate::tui::theme::Theme;
use crate::tui::widgets::help::area;

/// What the cross-notice views do of a notice's browsing keys (`across.rs`).
const ACROSS: [Action; 16] = [
    Action::Down,
    Action::Up,
    Action::Top,
    Action::Bottom,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::PageUp,
    Action::NextPane,
    Action::Activate,
    Action::Toggle,
    Action::Sort,
    Action::Units,
    Action::Deadlines,
    Action::Back,
    Action::Help,
];

fn group<'b>(
    title: &str,
    bindings: impl Iterator<Item = &'b Binding>,
    lang: Lang,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.bold())];
    for b in bindings {
        let text = fit(lang.pick(b.zh, b.en), width.saturating_sub(15));
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", fit(b.label, 13)), theme.key()),
            Span::raw(text),
        ]));
    }
    lines.push(Line::default());
    lines
}

/// Every line of the popup, for `width` columns inside it.
pub fn lines(lang: Lang, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let list = keymap::bindings(Ctx::Workspace, false);
    let across = keymap::bindings(Ctx::Browse, false).filter(|b| ACROSS.contains(&b.action));
    let help = keymap::bindings(Ctx::Help, false);
    // The search's own keys (not the line editing shared with notes); it copies no id.
    let search_keys = keymap::bindings(Ctx::Search, false)
        .filter(|b| b.ctxs.first() == Some(&Ctx::Search) && b.action != Action::Yank);
    let search = lang.pick(
        "  查询与通知内相同：中文、拼音、@牵头 +配合 #编号；in:文号 只搜某些通知。Enter 打开结果所在的通知（按 q 回到通知列表）",
        "  The query as in a notice: Chinese, pinyin, @lead +coop #id; in:NUMBER for some notices only. Enter opens the hit's notice (q comes back to the list)",
    );
    let mut out = group(
        lang.pick("通知列表", "The list of notices"),
        list,
        lang,
        theme,
        width,
    );
    out.extend(group(
        lang.pick(
            "各通知的单位、期限视图（U D）",
            "Units and deadlines across the notices (U D)",
        ),
        across,
        lang,
        theme,
        width,
    ));
    let mut searching = group(
        lang.pick("搜索全部通知（/）", "Searching every notice (/)"),
        search_keys,
        lang,
        theme,
        width,
    );
    searching.pop();
    out.extend(searching);
    out.extend(
        crate::domain::text::wrap(search, width.max(20))
            .into_iter()
            .map(Line::raw),
    );
    out.push(Line::default());
    out.extend(group(
        lang.pick("帮助窗口", "This screen"),
        help,
        lang,
        theme,
        width,
    ));
    out
}

/// Draws the popup over what is on the screen; returns where.
pub fn draw(f: &mut Frame, lang: Lang, theme: Theme, scroll: &Scroll) -> Rect {
    let r = area(f.area());
    let all = lines(lang, theme, inner_width(r));
    let top = scroll.measure(all.len(), inner_height(r));
    let (above, below) = scroll.hidden();
    let more = match (above, below) {
        (0, 0) => String::new(),
        (a, b) => format!(" ↑{a} ↓{b}"),
    };
    let title = lang.pick(
        "帮助 · j k 滚动 · Esc 关闭",
        "Help · j k scroll · Esc to close",
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim())
        .title(format!(" {title}{more} "));
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(all.into_iter().skip(top).collect::<Vec<_>>()).block(block),
        r,
    );
    r
}
