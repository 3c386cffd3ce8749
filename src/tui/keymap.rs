//! One table of key bindings. It drives dispatch (`resolve`), the footer hints and the help screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, FilterKey};
use super::i18n::Lang;
use super::input::Edit;
use crate::domain::filter::UnitRole;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Browsing: the section panes, the units and deadlines views and the detail pane.
    Browse,
    Help,
    /// A y / n question.
    Confirm,
    /// Typing into the input line (a note): printable keys are text.
    Input,
    /// Typing a search: as Input; Ctrl-n / Ctrl-p move in the results, ↑ / ↓ walk the history.
    Search,
    /// Picking units from a list (verifying an allocation).
    Pick,
    /// The overview: a row selected, Enter goes to its milestones.
    Overview,
    /// After the first key of a two-key command (z, [, ], f): the key that completes it; any
    /// other key cancels.
    Prefix(char),
    /// The workspace's list of notices (shown first when it holds more than one).
    Workspace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub struct Binding {
    pub ctxs: &'static [Ctx],
    pub keys: &'static [Key],
    /// How the keys are written in the footer and the help screen.
    pub label: &'static str,
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown in the footer (the help screen shows every binding).
    pub footer: bool,
}

const DIGITS: [Key; 9] = [
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];
const B: &[Ctx] = &[Ctx::Browse];
const INPUT: &[Ctx] = &[Ctx::Input, Ctx::Search];
const SEARCH: &[Ctx] = &[Ctx::Search];
/// Where `q` quits: not at a y / n prompt, which answers y, n or Esc only.
const BROWSE_HELP: &[Ctx] = &[Ctx::Browse, Ctx::Help, Ctx::Overview];
const ALL: &[Ctx] = &[
    Ctx::Browse,
    Ctx::Workspace,
    Ctx::Help,
    Ctx::Confirm,
    Ctx::Input,
    Ctx::Search,
    Ctx::Pick,
    Ctx::Overview,
    Ctx::Prefix('z'),
    Ctx::Prefix(']'),
    Ctx::Prefix('['),
    Ctx::Prefix('f'),
];
const PICK: &[Ctx] = &[Ctx::Pick];
const W: &[Ctx] = &[Ctx::Workspace];
const Z: &[Ctx] = &[Ctx::Prefix('z')];
const NEXT: &[Ctx] = &[Ctx::Prefix(']')];
const PREV: &[Ctx] = &[Ctx::Prefix('[')];
const FILTER: &[Ctx] = &[Ctx::Prefix('f')];
/// The contexts of the two-key commands.
pub const PREFIXES: [Ctx; 4] = [
    Ctx::Prefix('z'),
    Ctx::Prefix(']'),
    Ctx::Prefix('['),
    Ctx::Prefix('f'),
];

macro_rules! b {
    ($ctxs:expr, [$($k:expr),+], $label:expr, $action:expr, $zh:expr, $en:expr, $footer:expr) => {
        Binding { ctxs: $ctxs, keys: &[$($k),+], label: $label, action: $action, zh: $zh, en: $en, footer: $footer }
    };
}

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b!(&[Ctx::Help], [code(KeyCode::Esc), ch('?')], "Esc ?", Action::Back, "关闭帮助", "close help", true),
    b!(&[Ctx::Help], [ch('j'), code(KeyCode::Down)], "j ↓", Action::Down, "向下滚动", "scroll down", true),
    b!(&[Ctx::Help], [ch('k'), code(KeyCode::Up)], "k ↑", Action::Up, "向上滚动", "scroll up", true),
    b!(&[Ctx::Help], [code(KeyCode::PageDown), ch(' ')], "PgDn Space", Action::PageDown, "下翻一页", "page down", false),
    b!(&[Ctx::Help], [code(KeyCode::PageUp)], "PgUp", Action::PageUp, "上翻一页", "page up", false),
    b!(&[Ctx::Overview], [code(KeyCode::Esc), ch('O')], "Esc O", Action::Back, "关闭总览", "close the overview", true),
    b!(&[Ctx::Overview], [ch('j'), code(KeyCode::Down)], "j ↓", Action::Down, "下一行", "next row", true),
    b!(&[Ctx::Overview], [ch('k'), code(KeyCode::Up)], "k ↑", Action::Up, "上一行", "previous row", true),
    b!(&[Ctx::Overview], [code(KeyCode::Enter)], "Enter", Action::Activate, "前往该部分、单位或月份的里程碑", "go to the milestones of that section, unit or month", true),
    b!(&[Ctx::Overview], [code(KeyCode::PageDown)], "PgDn", Action::PageDown, "下翻一页", "page down", false),
    b!(&[Ctx::Overview], [code(KeyCode::PageUp)], "PgUp", Action::PageUp, "上翻一页", "page up", false),
    b!(&[Ctx::Confirm], [ch('y'), code(KeyCode::Enter)], "y Enter", Action::Confirm(true), "确认", "yes", true),
    b!(&[Ctx::Confirm], [ch('n'), code(KeyCode::Esc)], "n Esc", Action::Confirm(false), "取消", "no", true),
    b!(PICK, [ch('j'), code(KeyCode::Down)], "j ↓", Action::Down, "下一个单位", "next unit", true),
    b!(PICK, [ch('k'), code(KeyCode::Up)], "k ↑", Action::Up, "上一个单位", "previous unit", true),
    b!(PICK, [ch(' ')], "Space", Action::Toggle, "牵头 → 配合 → 不选", "lead → cooperating → none", true),
    b!(PICK, [code(KeyCode::Enter)], "Enter", Action::Submit, "下一步：填写来源", "next: name the source", true),
    b!(PICK, [code(KeyCode::Esc)], "Esc", Action::Back, "放弃核实", "cancel", true),
    b!(SEARCH, [code(KeyCode::Enter)], "Enter", Action::Submit, "跳转到结果（空行：重搜上一次）", "go to the hit (empty: the last search again)", true),
    b!(SEARCH, [code(KeyCode::Esc)], "Esc", Action::Back, "取消，回到原处", "cancel, back where you were", true),
    b!(SEARCH, [ctrl('n'), code(KeyCode::Tab)], "Ctrl-n Tab", Action::Down, "下一条结果", "next result", true),
    b!(SEARCH, [ctrl('p'), code(KeyCode::BackTab)], "Ctrl-p S-Tab", Action::Up, "上一条结果", "previous result", false),
    b!(SEARCH, [code(KeyCode::Up)], "↑", Action::HistoryPrev, "上一条搜索历史", "earlier search", true),
    b!(SEARCH, [code(KeyCode::Down)], "↓", Action::HistoryNext, "下一条搜索历史", "later search", false),
    b!(SEARCH, [ctrl('y')], "Ctrl-y", Action::Yank, "复制结果的编号", "copy the hit's id", false),
    b!(SEARCH, [code(KeyCode::PageDown)], "PgDn", Action::PageDown, "结果下翻一页", "results page down", false),
    b!(SEARCH, [code(KeyCode::PageUp)], "PgUp", Action::PageUp, "结果上翻一页", "results page up", false),
    b!(&[Ctx::Input], [code(KeyCode::Enter)], "Enter", Action::Submit, "确定", "done", true),
    b!(&[Ctx::Input], [code(KeyCode::Esc)], "Esc", Action::Back, "放弃", "cancel", true),
    b!(&[Ctx::Input], [code(KeyCode::Tab)], "Tab", Action::NextStatus, "进度日志：换一种状态", "log: next status", false),
    b!(INPUT, [code(KeyCode::Backspace)], "Backspace", Action::Edit(Edit::Backspace), "删除前一字", "delete back", false),
    b!(INPUT, [code(KeyCode::Delete)], "Delete", Action::Edit(Edit::Delete), "删除后一字", "delete forward", false),
    b!(INPUT, [ctrl('w')], "Ctrl-w", Action::Edit(Edit::DeleteWord), "删除前一词", "delete word", true),
    b!(INPUT, [ctrl('u')], "Ctrl-u", Action::Edit(Edit::DeleteToStart), "删除到行首", "delete to start", true),
    b!(INPUT, [code(KeyCode::Left)], "←", Action::Edit(Edit::Left), "光标左移", "caret left", false),
    b!(INPUT, [code(KeyCode::Right)], "→", Action::Edit(Edit::Right), "光标右移", "caret right", false),
    b!(INPUT, [code(KeyCode::Home), ctrl('a')], "Home Ctrl-a", Action::Edit(Edit::Home), "到行首", "to start", false),
    b!(INPUT, [code(KeyCode::End), ctrl('e')], "End Ctrl-e", Action::Edit(Edit::End), "到行尾", "to end", false),
    b!(B, [ch('j'), code(KeyCode::Down)], "j ↓", Action::Down, "下移", "down", true),
    b!(B, [ch('k'), code(KeyCode::Up)], "k ↑", Action::Up, "上移", "up", true),
    b!(B, [ch('h'), code(KeyCode::Left)], "h ←", Action::Collapse, "折叠 / 回到上级", "collapse / up a level", true),
    b!(B, [ch('l'), code(KeyCode::Right)], "l →", Action::Expand, "展开 / 打开", "expand / open", true),
    b!(B, [code(KeyCode::Enter)], "Enter", Action::Activate, "展开、打开或跳转", "expand, open or jump", true),
    b!(B, [ch(' ')], "Space", Action::Toggle, "勾选 / 取消（整项任务先确认）", "check / uncheck (asks for a task)", true),
    b!(B, [ch('u')], "u", Action::Undo, "撤销", "undo", true),
    b!(B, [ctrl('r')], "Ctrl-r", Action::Redo, "重做", "redo", false),
    b!(B, [ch('a')], "a", Action::Note, "里程碑备注", "note on a milestone", false),
    b!(B, [ch('L')], "L", Action::Log, "进度日志：记一条（Tab 换状态）", "log progress (Tab: status)", false),
    b!(B, [ch('O')], "O", Action::Overview, "总览：各部分、各牵头单位、按月份的时限", "overview: sections, lead units, deadlines by month", false),
    b!(B, [ch('v')], "v", Action::Verify, "按正式文件核实举措的牵头/配合单位", "verify a measure's units against the official table", false),
    b!(B, [ch('y')], "y", Action::Yank, "复制编号到剪贴板（OSC 52）", "copy the id (OSC 52 clipboard)", false),
    b!(B, [ch('Y')], "Y", Action::YankText, "复制内容及牵头、配合单位", "copy the text with lead and cooperating units", false),
    b!(B, [ch('/')], "/", Action::Search, "搜索（中文、拼音、@牵头 +配合 #编号）", "search (Chinese, pinyin, @lead +coop #id)", true),
    b!(B, [ch('n')], "n", Action::NextHit, "下一条搜索结果", "next search hit", false),
    b!(B, [ch('N')], "N", Action::PrevHit, "上一条搜索结果", "previous search hit", false),
    b!(B, [ch('g'), code(KeyCode::Home)], "g Home", Action::Top, "到顶部", "top", false),
    b!(B, [ch('G'), code(KeyCode::End)], "G End", Action::Bottom, "到底部", "bottom", false),
    b!(B, [ctrl('d')], "Ctrl-d", Action::HalfPageDown, "下翻半页", "half page down", false),
    b!(B, [ctrl('u')], "Ctrl-u", Action::HalfPageUp, "上翻半页", "half page up", false),
    b!(B, [code(KeyCode::PageDown)], "PgDn", Action::PageDown, "下翻一页", "page down", false),
    b!(B, [code(KeyCode::PageUp)], "PgUp", Action::PageUp, "上翻一页", "page up", false),
    b!(B, [code(KeyCode::Tab)], "Tab", Action::NextPane, "下一窗格", "next pane", true),
    b!(B, [code(KeyCode::BackTab)], "S-Tab", Action::CycleFold, "折叠循环（其他窗格：上一窗格）", "cycle folding (elsewhere: previous pane)", false),
    Binding { ctxs: B, keys: &DIGITS, label: "1-9", action: Action::Section(0), zh: "标签（各部分、单位、期限、总览）", en: "tabs (sections, units, deadlines, overview)", footer: true },
    b!(B, [ch('U')], "U", Action::Units, "单位视图：谁牵头什么", "units: who leads what", false),
    b!(B, [ch('D')], "D", Action::Deadlines, "期限视图：按截止日期", "deadlines view", false),
    b!(B, [ch('s')], "s", Action::Sort, "排序：单位（牵头数、配合数、逾期、名称）、期限（日期、单位）", "sort: units (lead, support, overdue, name), deadlines (date, unit)", true),
    b!(B, [code(KeyCode::Esc)], "Esc", Action::Back, "返回", "back", false),
    b!(B, [ch('z')], "z", Action::Prefix('z'), "折叠：zR 全部展开，zM 全部折叠", "folds: zR open all, zM close all", false),
    b!(Z, [ch('R')], "zR", Action::FoldAll(true), "全部展开（各部分的任务和里程碑）", "unfold everything (tasks and milestones)", true),
    b!(Z, [ch('M')], "zM", Action::FoldAll(false), "全部折叠到任务", "fold everything to the tasks", true),
    b!(B, [ch(']')], "]", Action::Prefix(']'), "跳到下一个：]o 未完成，]d 逾期", "next: ]o open, ]d overdue", false),
    b!(NEXT, [ch('o')], "]o", Action::JumpTo { forward: true, overdue: false }, "下一个未完成的里程碑", "next open milestone", true),
    b!(NEXT, [ch('d')], "]d", Action::JumpTo { forward: true, overdue: true }, "下一个逾期的里程碑", "next overdue milestone", true),
    b!(B, [ch('[')], "[", Action::Prefix('['), "跳到上一个：[o 未完成，[d 逾期", "previous: [o open, [d overdue", false),
    b!(PREV, [ch('o')], "[o", Action::JumpTo { forward: false, overdue: false }, "上一个未完成的里程碑", "previous open milestone", true),
    b!(PREV, [ch('d')], "[d", Action::JumpTo { forward: false, overdue: true }, "上一个逾期的里程碑", "previous overdue milestone", true),
    b!(B, [ch('f')], "f", Action::Prefix('f'), "筛选：未完成、逾期、待核、单位、期限", "filter menu: open, overdue, uncertain, unit, dates", false),
    b!(FILTER, [ch('o')], "fo", Action::Filter(FilterKey::Open), "未完成（再按取消）", "open (again: off)", true),
    b!(FILTER, [ch('d')], "fd", Action::Filter(FilterKey::Overdue), "逾期（再按取消）", "overdue (again: off)", true),
    b!(FILTER, [ch('?')], "f?", Action::Filter(FilterKey::Uncertain), "分工待核（再按取消）", "uncertain allocation (again: off)", true),
    b!(FILTER, [ch('u')], "fu", Action::Filter(FilterKey::Unit(UnitRole::Either)), "单位（牵头或配合）：输入名称", "a unit, leading or cooperating: type its name", true),
    b!(FILTER, [ch('l')], "fl", Action::Filter(FilterKey::Unit(UnitRole::Lead)), "单位牵头：输入名称", "a unit as lead: type its name", true),
    b!(FILTER, [ch('c')], "fc", Action::Filter(FilterKey::Unit(UnitRole::Cooperating)), "单位配合：输入名称", "a unit cooperating: type its name", true),
    b!(FILTER, [ch('r')], "fr", Action::Filter(FilterKey::Due), "期限范围：如 2020-01..2020-06", "deadline range: e.g. 2020-01..2020-06", true),
    b!(FILTER, [ch('F'), ch('x')], "fF fx", Action::ClearFilter, "清除全部筛选", "clear the filter", true),
    b!(B, [ch('F')], "F", Action::ClearFilter, "清除筛选", "clear the filter", false),
    b!(B, [ch('A')], "A", Action::EditNote, "在 $EDITOR 中写多行备注", "a note of several lines in $EDITOR", false),
    b!(B, [ch('?')], "?", Action::Help, "帮助", "help", true),
    b!(W, [ch('j'), code(KeyCode::Down)], "j ↓", Action::Down, "下一份通知", "next notice", false),
    b!(W, [ch('k'), code(KeyCode::Up)], "k ↑", Action::Up, "上一份通知", "previous notice", false),
    b!(W, [code(KeyCode::PageDown), ctrl('d')], "PgDn Ctrl-d", Action::PageDown, "下翻一页", "page down", false),
    b!(W, [code(KeyCode::PageUp), ctrl('u')], "PgUp Ctrl-u", Action::PageUp, "上翻一页", "page up", false),
    b!(W, [ch('g'), code(KeyCode::Home)], "g Home", Action::Top, "第一份", "first", false),
    b!(W, [ch('G'), code(KeyCode::End)], "G End", Action::Bottom, "最后一份", "last", false),
    b!(W, [code(KeyCode::Enter), ch('l'), code(KeyCode::Right)], "Enter l →", Action::Activate, "打开（q 回来）", "open (q back)", true),
    b!(W, [ch('/')], "/", Action::Search, "搜索全部通知", "search all", true),
    b!(W, [ch('U')], "U", Action::Units, "各通知单位", "all units", true),
    b!(W, [ch('D')], "D", Action::Deadlines, "各通知期限", "all deadlines", true),
    b!(W, [ch('?')], "?", Action::Help, "帮助", "help", true),
    b!(W, [ch('q'), code(KeyCode::Esc)], "q", Action::Quit, "退出", "quit", true),
    b!(BROWSE_HELP, [ch('q')], "q", Action::Quit, "退出", "quit", true),
    b!(&PREFIXES, [code(KeyCode::Esc)], "Esc", Action::Back, "取消", "cancel", true),
    b!(ALL, [ctrl('c')], "Ctrl-c", Action::Quit, "退出", "quit", false),
    b!(ALL, [ctrl('z')], "Ctrl-z", Action::Suspend, "挂起到后台（fg 回来）", "suspend (fg to come back)", false),
];

/// A binding's keys and help as shown to the user. The digit keys are the document's own tabs:
/// its sections, then the units and deadlines views and the overview (`1 放 2 管 3 服 4 单位
/// 5 期限 6 总览` for the 103号).
pub fn describe(b: &Binding, sections: &[&str], lang: Lang) -> (String, String) {
    if !matches!(b.action, Action::Section(_)) {
        return (b.label.to_string(), lang.pick(b.zh, b.en).to_string());
    }
    let n = sections.len();
    let reach = (n + 3).min(DIGITS.len());
    let mut tabs: Vec<String> = sections.iter().map(|s| s.to_string()).collect();
    tabs.push(lang.pick("单位", "units").to_string());
    tabs.push(lang.pick("期限", "deadlines").to_string());
    tabs.push(lang.pick("总览", "overview").to_string());
    let listed: Vec<String> = tabs
        .iter()
        .take(reach)
        .enumerate()
        .map(|(i, t)| format!("{} {t}", i + 1))
        .collect();
    let help = format!("{}{}", lang.pick("标签：", "tab: "), listed.join(" "));
    (format!("1-{reach}"), help)
}

/// The action a key press asks for in a context, if any. In the input line a printable key
/// without Ctrl is text.
pub fn resolve(ctx: Ctx, ev: KeyEvent) -> Option<Action> {
    let ctrl_held = ev.modifiers.contains(KeyModifiers::CONTROL);
    let bound = BINDINGS
        .iter()
        .filter(|b| b.ctxs.contains(&ctx))
        .find_map(|b| {
            let i = b
                .keys
                .iter()
                .position(|k| k.code == ev.code && k.ctrl == ctrl_held)?;
            Some(match b.action {
                Action::Section(_) => Action::Section(i),
                a => a,
            })
        });
    match (ctx, ev.code) {
        (Ctx::Input | Ctx::Search, KeyCode::Char(c)) if bound.is_none() && !ctrl_held => {
            Some(Action::Edit(Edit::Insert(c)))
        }
        // A two-key command not completed is cancelled, whatever the key.
        (Ctx::Prefix(_), _) if bound.is_none() => Some(Action::Back),
        _ => bound,
    }
}

/// The key presses behind an event. fgf binds no Alt keys, so Alt-x is an Esc and an x that arrived
/// in one read (typed fast, or coalesced over a slow SSH link): both are kept, in order.
pub fn presses(ev: KeyEvent) -> Vec<KeyEvent> {
    if ev.modifiers.contains(KeyModifiers::ALT) && matches!(ev.code, KeyCode::Char(_)) {
        let plain = KeyEvent::new(ev.code, ev.modifiers - KeyModifiers::ALT);
        vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), plain]
    } else {
        vec![ev]
    }
}

/// The bindings that apply in a context, for the footer (`footer_only`) or the help screen.
pub fn bindings(ctx: Ctx, footer_only: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctxs.contains(&ctx) && (b.footer || !footer_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn resolves_vim_keys_arrows_and_ctrl() {
        let none = KeyModifiers::NONE;
        let b = Ctx::Browse;
        assert_eq!(
            resolve(b, key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(resolve(b, key(KeyCode::Down, none)), Some(Action::Down));
        assert_eq!(
            resolve(b, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            resolve(b, key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(resolve(b, key(KeyCode::Char('d'), none)), None);
        assert_eq!(
            resolve(b, key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(b, key(KeyCode::Char('3'), none)),
            Some(Action::Section(2))
        );
        assert_eq!(
            resolve(b, key(KeyCode::Char(' '), none)),
            Some(Action::Toggle)
        );
    }

    #[test]
    fn help_keys_close_help_and_browse_keys_do_nothing_there() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char('?'), none)),
            Some(Action::Back)
        );
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char('j'), none)),
            Some(Action::Down),
            "scrolls the help"
        );
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char(' '), none)),
            Some(Action::PageDown),
            "Space pages the help (as in less), never checks anything off behind it"
        );
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn in_the_input_line_letters_are_text_and_ctrl_keys_edit() {
        let none = KeyModifiers::NONE;
        let i = Ctx::Input;
        assert_eq!(
            resolve(i, key(KeyCode::Char('q'), none)),
            Some(Action::Edit(Edit::Insert('q')))
        );
        assert_eq!(
            resolve(i, key(KeyCode::Char('税'), none)),
            Some(Action::Edit(Edit::Insert('税')))
        );
        assert_eq!(
            resolve(i, key(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            Some(Action::Edit(Edit::DeleteToStart))
        );
        assert_eq!(resolve(i, key(KeyCode::Enter, none)), Some(Action::Submit));
        assert_eq!(
            resolve(i, key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(i, key(KeyCode::Char('x'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn alt_letter_is_esc_then_the_letter() {
        let alt_slash = key(KeyCode::Char('/'), KeyModifiers::ALT);
        let codes: Vec<KeyCode> = presses(alt_slash).iter().map(|k| k.code).collect();
        assert_eq!(codes, [KeyCode::Esc, KeyCode::Char('/')]);
        assert_eq!(presses(alt_slash)[1].modifiers, KeyModifiers::NONE);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(presses(j), [j]);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for &ctx in ALL {
            let mut seen = Vec::new();
            for b in bindings(ctx, false) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {ctx:?}");
                    seen.push(*k);
                }
            }
        }
    }
}
