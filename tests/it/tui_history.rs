//! The search line's history (issue 17): ↑ / ↓ walk earlier queries, Ctrl-n / Ctrl-p (and Tab)
//! move in the results, `/` Enter runs the last query again, and the footer shows the keys.
//! Persistence between runs is checked in a pty (tui_pty_power.rs).

use crate::support::{app, press, screen};
use fgf::tui::action::Effect;
use fgf::tui::app::{App, Mode};

fn type_text(a: &mut App, text: &str) -> Effect {
    let mut e = Effect::None;
    for c in text.chars() {
        e = press(
            a,
            &if c == ' ' {
                "Space".into()
            } else {
                c.to_string()
            },
        );
    }
    e
}

fn line(a: &App) -> String {
    match a.mode() {
        Mode::Search(s) => s.input.text(),
        _ => panic!("not searching"),
    }
}

fn with_history(list: &[&str]) -> App {
    let mut a = app(120, 40);
    a.set_history(Ok(list.iter().map(|s| s.to_string()).collect()));
    a
}

#[test]
fn enter_remembers_the_query_for_the_loop_to_save() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "企业开办");
    assert_eq!(press(&mut a, "Enter"), Effect::Remember("企业开办".into()));
    assert_eq!(a.history(), ["企业开办"]);
    press(&mut a, "/");
    type_text(&mut a, "  ");
    assert_eq!(press(&mut a, "Esc"), Effect::None, "Esc remembers nothing");
}

#[test]
fn up_and_down_walk_the_history_and_come_back_to_the_draft() {
    let mut a = with_history(&["企业开办", "@市场监管局", "#9.2"]);
    press(&mut a, "/");
    type_text(&mut a, "税");
    press(&mut a, "Up");
    assert_eq!(line(&a), "#9.2");
    assert_eq!(
        a.search_hit().unwrap().id,
        "9.2",
        "the results follow the line"
    );
    press(&mut a, "Up Up Up Up");
    assert_eq!(line(&a), "企业开办", "stops at the oldest");
    press(&mut a, "Down");
    assert_eq!(line(&a), "@市场监管局");
    press(&mut a, "Down Down");
    assert_eq!(line(&a), "税", "past the newest: what was typed");
    press(&mut a, "Down");
    assert_eq!(line(&a), "税");
    // Editing a recalled query leaves the walk: Up starts again from the newest.
    press(&mut a, "Up Up Backspace");
    assert_eq!(line(&a), "@市场监管");
    press(&mut a, "Up");
    assert_eq!(line(&a), "#9.2");
}

#[test]
fn ctrl_n_ctrl_p_and_tab_move_in_the_results() {
    let mut a = with_history(&["企业开办"]);
    press(&mut a, "/");
    type_text(&mut a, "企业");
    let sel = |a: &App| match a.mode() {
        Mode::Search(s) => s.cursor.sel,
        _ => usize::MAX,
    };
    press(&mut a, "C-n C-n");
    assert_eq!(sel(&a), 2);
    press(&mut a, "C-p");
    assert_eq!(sel(&a), 1);
    press(&mut a, "Tab");
    assert_eq!(sel(&a), 2);
    press(&mut a, "S-Tab S-Tab");
    assert_eq!(sel(&a), 0);
    assert_eq!(line(&a), "企业", "none of them touch the line");
}

#[test]
fn slash_enter_runs_the_last_query_again() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "#9.2");
    press(&mut a, "Enter");
    press(&mut a, "g");
    assert_ne!(a.selected_id().as_deref(), Some("9.2"));
    assert_eq!(press(&mut a, "/ Enter"), Effect::Remember("#9.2".into()));
    assert_eq!(a.selected_id().as_deref(), Some("9.2"));
    // With no history, an empty Enter says so and goes back.
    let mut b = app(120, 40);
    assert_eq!(press(&mut b, "/ Enter"), Effect::None);
    assert!(matches!(b.mode(), Mode::Browse));
    assert_eq!(b.status(), Some("还没有搜索过"));
}

#[test]
fn an_unreadable_history_is_said_while_searching() {
    let mut a = app(120, 40);
    a.set_history(Err(
        "搜索历史 /x/search-history.json：坏了（未读取，也不会覆盖）".into(),
    ));
    press(&mut a, "/");
    assert!(screen(&a).contains("不会覆盖"), "{}", screen(&a));
    // A query of this session is still walked.
    type_text(&mut a, "税");
    press(&mut a, "Enter / Up");
    assert_eq!(line(&a), "税");
}

#[test]
fn the_search_footer_shows_enter_esc_ctrl_n_and_the_history_key() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "企业");
    let s = screen(&a);
    let footer = s.lines().last().unwrap();
    for k in [
        "/企业",
        "Enter 跳转到结果",
        "Esc 取消",
        "Ctrl-n Tab 下一条结果",
        "↑ 上一条搜索历史",
    ] {
        assert!(footer.contains(k), "{k} missing: {footer}");
    }
    // Narrow: the query keeps its room, the hints give way from the end.
    a.update(fgf::tui::action::Action::Resize(60, 20));
    let s = screen(&a);
    let footer = s.lines().last().unwrap();
    assert!(
        footer.starts_with("/企业") && footer.contains("Enter"),
        "{footer}"
    );
    assert!(!footer.contains("上一条搜索历史"), "{footer}");
}
