//! Mouse events (only with `--mouse`) to actions, beside the keymap: a left click and the wheel,
//! at the pointer's cell. The app decides what is there (`app/mouse.rs`): a tab, a pane's row,
//! the pane under the wheel.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::action::Action;

/// The action a mouse event asks for, if any (moves, drags and releases ask for none).
pub fn action(ev: MouseEvent) -> Option<Action> {
    let (x, y) = (ev.column, ev.row);
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        MouseEventKind::ScrollDown => Some(Action::Wheel(x, y, true)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(x, y, false)),
        _ => None,
    }
}

/// The tab bar's labels as drawn (` 1 放 `, …, ` 4 单位 `, ` 5 期限 `, ` 6 总览 `), each followed
/// by a blank; `keys` are the sections' keys as displayed.
pub fn tab_labels(keys: &[String], lang: super::i18n::Lang) -> Vec<String> {
    let n = keys.len();
    let mut out: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| format!(" {} {k} ", i + 1))
        .collect();
    out.push(format!(" {} {} ", n + 1, lang.pick("单位", "units")));
    out.push(format!(" {} {} ", n + 2, lang.pick("期限", "deadlines")));
    out.push(format!(" {} {} ", n + 3, lang.pick("总览", "overview")));
    out
}

/// The tab at column `x` of the tab bar (the blank between two tabs is neither).
pub fn tab_at(labels: &[String], x: u16) -> Option<usize> {
    let mut start = 0usize;
    for (i, l) in labels.iter().enumerate() {
        let end = start + crate::domain::text::width(l);
        if (start..end).contains(&(x as usize)) {
            return Some(i);
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::i18n::Lang;

    #[test]
    fn columns_fall_on_tabs_by_display_width() {
        let keys = vec!["放".to_string(), "管".to_string()];
        let labels = tab_labels(&keys, Lang::Zh);
        // " 1 放 " is 6 columns, then a blank at 6, " 2 管 " at 7..13.
        assert_eq!(tab_at(&labels, 0), Some(0));
        assert_eq!(tab_at(&labels, 5), Some(0));
        assert_eq!(tab_at(&labels, 6), None);
        assert_eq!(tab_at(&labels, 7), Some(1));
        assert_eq!(tab_at(&labels, 14), Some(2), "the units tab");
        assert_eq!(tab_at(&labels, 200), None);
    }
}
