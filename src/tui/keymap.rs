//! One table of key bindings. It drives dispatch (`resolve`), the footer hints and the help screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Everywhere but the help screen's own keys.
    Any,
    /// Browsing: the section panes, the units view and the detail pane.
    Browse,
    Help,
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
    pub ctx: Ctx,
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

macro_rules! b {
    ($ctx:ident, [$($k:expr),+], $label:expr, $action:expr, $zh:expr, $en:expr, $footer:expr) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),+], label: $label, action: $action, zh: $zh, en: $en, footer: $footer }
    };
}

pub static BINDINGS: &[Binding] = &[
    b!(
        Help,
        [code(KeyCode::Esc), ch('?')],
        "Esc ?",
        Action::Back,
        "关闭帮助",
        "close help",
        true
    ),
    b!(
        Browse,
        [ch('j'), code(KeyCode::Down)],
        "j ↓",
        Action::Down,
        "下移",
        "down",
        true
    ),
    b!(
        Browse,
        [ch('k'), code(KeyCode::Up)],
        "k ↑",
        Action::Up,
        "上移",
        "up",
        true
    ),
    b!(
        Browse,
        [ch('h'), code(KeyCode::Left)],
        "h ←",
        Action::Collapse,
        "折叠 / 回到任务",
        "collapse / to task",
        true
    ),
    b!(
        Browse,
        [ch('l'), code(KeyCode::Right)],
        "l →",
        Action::Expand,
        "展开 / 打开",
        "expand / open",
        true
    ),
    b!(
        Browse,
        [code(KeyCode::Enter)],
        "Enter",
        Action::Activate,
        "展开、打开或跳转",
        "expand, open or jump",
        true
    ),
    b!(
        Browse,
        [ch('g'), code(KeyCode::Home)],
        "g Home",
        Action::Top,
        "到顶部",
        "top",
        false
    ),
    b!(
        Browse,
        [ch('G'), code(KeyCode::End)],
        "G End",
        Action::Bottom,
        "到底部",
        "bottom",
        false
    ),
    b!(
        Browse,
        [ctrl('d')],
        "Ctrl-d",
        Action::HalfPageDown,
        "下翻半页",
        "half page down",
        false
    ),
    b!(
        Browse,
        [ctrl('u')],
        "Ctrl-u",
        Action::HalfPageUp,
        "上翻半页",
        "half page up",
        false
    ),
    b!(
        Browse,
        [code(KeyCode::PageDown)],
        "PgDn",
        Action::PageDown,
        "下翻一页",
        "page down",
        false
    ),
    b!(
        Browse,
        [code(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        "上翻一页",
        "page up",
        false
    ),
    b!(
        Browse,
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "下一窗格",
        "next pane",
        true
    ),
    b!(
        Browse,
        [code(KeyCode::BackTab)],
        "S-Tab",
        Action::PrevPane,
        "上一窗格",
        "previous pane",
        false
    ),
    Binding {
        ctx: Ctx::Browse,
        keys: &DIGITS,
        label: "1 2 3",
        action: Action::Section(0),
        zh: "切换到第几部分（放 管 服）",
        en: "section pane (放 管 服)",
        footer: true,
    },
    b!(
        Browse,
        [ch('u')],
        "u",
        Action::Units,
        "单位视图：谁牵头什么",
        "units view: who leads what",
        true
    ),
    b!(
        Browse,
        [code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "返回",
        "back",
        false
    ),
    b!(Browse, [ch('?')], "?", Action::Help, "帮助", "help", true),
    b!(
        Any,
        [ch('q'), ctrl('c')],
        "q Ctrl-c",
        Action::Quit,
        "退出",
        "quit",
        true
    ),
];

/// The action a key press asks for in a context, if any.
pub fn resolve(ctx: Ctx, ev: KeyEvent) -> Option<Action> {
    let ctrl_held = ev.modifiers.contains(KeyModifiers::CONTROL);
    BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx || b.ctx == Ctx::Any)
        .find_map(|b| {
            let i = b
                .keys
                .iter()
                .position(|k| k.code == ev.code && k.ctrl == ctrl_held)?;
            Some(match b.action {
                Action::Section(_) => Action::Section(i),
                a => a,
            })
        })
}

/// The bindings that apply in a context, for the footer (`footer_only`) or the help screen.
pub fn bindings(ctx: Ctx, footer_only: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| (b.ctx == ctx || b.ctx == Ctx::Any) && (b.footer || !footer_only))
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
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Down, none)),
            Some(Action::Down)
        );
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(resolve(Ctx::Browse, key(KeyCode::Char('d'), none)), None);
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(Ctx::Browse, key(KeyCode::Char('3'), none)),
            Some(Action::Section(2))
        );
    }

    #[test]
    fn help_keys_close_help_and_browse_keys_do_nothing_there() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char('?'), none)),
            Some(Action::Back)
        );
        assert_eq!(resolve(Ctx::Help, key(KeyCode::Char('j'), none)), None);
        assert_eq!(
            resolve(Ctx::Help, key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [Ctx::Browse, Ctx::Help] {
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
