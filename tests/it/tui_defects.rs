//! Defects a user hit on screen (issue 10), each pinned by a test that failed before its fix.

use crate::support::{app, key, press, screen};
use fgf::tui::action::Effect;
use fgf::tui::app::{Focus, Mode};
use fgf::tui::keymap;
use fgf::tui::layout::View;

/// Every effect of a key sequence, not just the last.
fn effects(a: &mut fgf::tui::app::App, keys: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys.split_whitespace() {
        if let Some(action) = keymap::resolve(a.ctx(), key(k)) {
            out.push(a.update(action));
        }
    }
    out
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small() {
    let mut a = app(40, 10);
    let before = (a.view(), a.focus(), a.tree(0).cursor);
    let fx = effects(&mut a, "l j Space j Space 4 /");
    assert!(fx.iter().all(|e| *e == Effect::None), "{fx:?}");
    assert_eq!((a.view(), a.focus(), a.tree(0).cursor), before);
    assert_eq!(*a.mode(), Mode::Browse);
    assert_eq!(press(&mut a, "q"), Effect::Quit, "quit still works");
    // Once resized, the same keys act again.
    a.update(fgf::tui::action::Action::Resize(120, 40));
    let fx = effects(&mut a, "l j Space");
    assert_eq!(fx.last(), Some(&Effect::Save));
}

#[test]
fn q_at_the_prompt_does_not_quit() {
    let mut a = app(120, 40);
    press(&mut a, "Space");
    assert!(matches!(*a.mode(), Mode::Confirm(_)), "a task asks first");
    assert_eq!(press(&mut a, "q"), Effect::None);
    assert!(matches!(*a.mode(), Mode::Confirm(_)), "still asking");
    press(&mut a, "Esc");
    assert_eq!(*a.mode(), Mode::Browse);
}

#[test]
fn h_and_esc_in_a_units_measures_go_back_to_the_unit_list() {
    let mut a = app(120, 40);
    press(&mut a, "4 j l");
    assert_eq!((a.view(), a.focus()), (View::Units, Focus::UnitMeasures));
    press(&mut a, "h");
    assert_eq!((a.view(), a.focus()), (View::Units, Focus::UnitList));
    press(&mut a, "l Esc");
    assert_eq!((a.view(), a.focus()), (View::Units, Focus::UnitList));
    press(&mut a, "Esc");
    assert_eq!(a.view(), View::Tree, "Esc in the unit list leaves the view");
}

#[test]
fn a_search_jump_to_a_unit_scrolls_only_as_needed() {
    let mut a = app(200, 50);
    press(&mut a, "/");
    for c in "scjgj".chars() {
        press(&mut a, &c.to_string());
    }
    press(&mut a, "Enter");
    assert_eq!(a.view(), View::Units);
    assert!(a.units().list().sel < 40, "the unit is near the top");
    assert_eq!(a.units().list().offset, 0, "everything above it still fits");
}

#[test]
fn help_scroll_stops_at_the_end_and_one_k_goes_back_one_line() {
    let mut a = app(80, 20);
    press(&mut a, "?");
    screen(&a);
    for _ in 0..200 {
        press(&mut a, "j");
        screen(&a);
    }
    let bottom = a.help_scroll().top();
    assert!(bottom > 0, "the help is longer than 20 rows");
    press(&mut a, "k");
    screen(&a);
    assert_eq!(
        a.help_scroll().top(),
        bottom - 1,
        "k is not dead after j past the end"
    );
}

#[test]
fn the_detail_pane_says_when_more_is_below_and_above() {
    let mut a = app(80, 14);
    // A task's detail lists its measures: longer than a short pane. Tab past the three section
    // panes focuses the detail.
    press(&mut a, "Tab Tab Tab");
    assert_eq!(a.focus(), Focus::Detail);
    // The marks sit on the pane's right-hand corners: "↓ N 行 ┘" below, "↑ N 行 ┐" above.
    let s = screen(&a);
    assert!(s.contains("行 ┘"), "{s}");
    assert!(!s.contains("行 ┐"), "{s}");
    press(&mut a, "j j j");
    let s = screen(&a);
    assert!(s.contains("↑ 3 行 ┐"), "{s}");
}

#[test]
fn narrow_screens_open_the_detail_full_screen_and_show_who_leads() {
    let mut a = app(56, 20);
    press(&mut a, "Enter j");
    press(&mut a, "Enter");
    assert_eq!(a.focus(), Focus::Detail);
    let s = screen(&a);
    assert!(s.contains("牵头"), "{s}");
    press(&mut a, "Esc l");
    assert_eq!(a.focus(), Focus::Detail, "l opens it too");
    assert!(a.status().is_some(), "and says where the keys go");
}

#[test]
fn a_long_search_line_scrolls_around_the_caret() {
    use ratatui::backend::Backend;
    let mut a = app(60, 20);
    press(&mut a, "/");
    let typed = "优化营商环境深化放管服改革推进政务服务标准化规范化便利化水平持续提升末尾";
    for c in typed.chars() {
        press(&mut a, &c.to_string());
    }
    let mut t = crate::support::render(&a);
    let pos = t.backend_mut().get_cursor_position().unwrap();
    let s = crate::support::text_of(t.backend().buffer());
    let footer = s.lines().last().unwrap();
    assert!(
        footer.contains("持续提升末尾"),
        "the end of the text is in view: {footer}"
    );
    assert!(footer.contains('…'), "the start is cut with …: {footer}");
    assert!(pos.x < 59, "the caret is inside the line: {pos:?}");
    // Home: the start comes back into view and the caret goes to it.
    press(&mut a, "Home");
    let mut t = crate::support::render(&a);
    let pos = t.backend_mut().get_cursor_position().unwrap();
    let s = crate::support::text_of(t.backend().buffer());
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("/优化营商"), "{footer}");
    assert_eq!(pos.x, 1, "just after the /");
}

#[test]
fn the_footer_never_shows_a_key_without_its_label() {
    // Every hint is a binding's keys and the first word of its help, as the keymap has them.
    let hints: Vec<String> = keymap::BINDINGS
        .iter()
        .map(|b| {
            let short =
                b.zh.split([' ', '：', ':', '，', '、', '（'])
                    .find(|w| !w.is_empty() && *w != "/")
                    .unwrap_or(b.zh);
            format!("{} {short}", b.label)
        })
        .collect();
    for (w, keys) in [(80, ""), (80, "4"), (64, ""), (100, "5"), (72, "4 l")] {
        let mut a = app(w, 24);
        press(&mut a, keys);
        let s = screen(&a);
        let footer = s.lines().last().unwrap();
        for hint in footer.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
            let whole = hints.iter().any(|h| h == hint);
            let cut = hint.strip_suffix('…').is_some_and(|head| {
                hints
                    .iter()
                    .any(|h| h.starts_with(head) && head.contains(' '))
            });
            assert!(whole || cut, "{w} cols, {keys:?}: {hint:?} in {footer:?}");
        }
    }
}

#[test]
fn search_hits_cut_at_the_pane_edge_end_in_an_ellipsis() {
    let mut a = app(60, 20);
    press(&mut a, "/");
    for c in "企业开办".chars() {
        press(&mut a, &c.to_string());
    }
    let s = screen(&a);
    let hit_rows: Vec<&str> = s.lines().filter(|l| l.contains("举措 ")).collect();
    assert!(!hit_rows.is_empty(), "{s}");
    assert!(
        hit_rows
            .iter()
            .any(|l| l.trim_end_matches('│').trim_end().ends_with('…')),
        "a long measure text is cut with …:\n{s}"
    );
}

/// The 103号 cut into five sections (tasks stay in order): a document that is not 放 / 管 / 服.
fn five_sections() -> fgf::tui::app::App {
    let mut doc = fgf::domain::seeds::embedded().doc;
    let mut out = Vec::new();
    const NUMERALS: [&str; 5] = ["一", "二", "三", "四", "五"];
    for (i, mut s) in doc.sections.drain(..).enumerate() {
        if i < 2 {
            let rest = s.tasks.split_off(s.tasks.len() / 2);
            let mut second = s.clone();
            second.tasks = rest;
            second.key = format!("{}乙", s.key);
            s.key = format!("{}甲", s.key);
            out.push(s);
            out.push(second);
        } else {
            out.push(s);
        }
    }
    for (s, n) in out.iter_mut().zip(NUMERALS) {
        s.numeral = n.to_string();
    }
    doc.sections = out;
    let cat = fgf::domain::Catalog::new(doc).expect("a valid document");
    let mut a = fgf::tui::app::App::new(cat, crate::support::options(fgf::tui::i18n::Lang::Zh));
    a.update(fgf::tui::action::Action::Resize(160, 40));
    a
}

#[test]
fn tabs_digits_and_help_come_from_the_document() {
    let mut a = five_sections();
    let s = screen(&a);
    let tabs = s.lines().nth(1).unwrap();
    assert!(
        tabs.contains("4 管乙") && tabs.contains("6 单位") && tabs.contains("7 期限"),
        "{tabs}"
    );
    press(&mut a, "6");
    assert_eq!(a.view(), View::Units, "6 opens the units view");
    press(&mut a, "7");
    assert_eq!(a.view(), View::Deadlines);
    // One help column (80 wide) has room for the whole line.
    a.update(fgf::tui::action::Action::Resize(80, 40));
    press(&mut a, "Esc ?");
    let help = screen(&a);
    assert!(
        help.contains("1 放甲 2 放乙 3 管甲 4 管乙 5 服 6 单位 7 期限 8 总览"),
        "{help}"
    );
    assert!(!help.contains("4 单位"), "{help}");
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("1-8 标签"), "{footer}");
}
