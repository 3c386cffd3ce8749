//! `?` on the workspace's list and in its cross-notice views: the keys of the list, of the units
//! and deadlines views across the notices, and of this popup, from the keymap table as a notice's
//! help is (scrolled with j / k when it does not fit; Esc or `?` closes it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::action::Action;
use crate::tui::app::Options;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{self, Binding, Ctx};
use crate::tui::layout::inner_width;
use crate::tui::scroll::Scroll;
use crate::tui::theme::Theme;
use crate::tui::widgets::help::{area, key_line, popup};

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
    lines.extend(bindings.map(|b| key_line(theme, b.label, lang.pick(b.zh, b.en), width)));
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

/// Draws the popup over what is on the screen, as a notice's help is drawn; returns where.
pub fn draw(f: &mut Frame, o: &Options, scroll: &Scroll) -> Rect {
    let r = area(f.area());
    let all = lines(o.lang, Theme::new(o.color), inner_width(r));
    let title = o.lang.pick(
        "帮助 · j k 滚动 · Esc 关闭",
        "Help · j k scroll · Esc to close",
    );
    popup(f, o, r, title, all, scroll);
    r
}
