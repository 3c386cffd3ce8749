//! The mouse (--mouse, issue 17): crossterm's mouse events go through `tui::mouse::action` into
//! the app, as the event loop sends them. Tabs are clickable; the wheel scrolls the pane under the
//! pointer. Capture on and off in a real terminal: tui_pty_power.rs.

use crate::support::{app, press, render, screen};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use fgf::tui::app::{App, Focus, Mode};
use fgf::tui::layout::View;
use unicode_width::UnicodeWidthStr;

fn mouse(a: &mut App, kind: MouseEventKind, x: u16, y: u16) {
    let ev = MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    if let Some(action) = fgf::tui::mouse::action(ev) {
        a.update(action);
    }
}

fn click(a: &mut App, x: u16, y: u16) {
    mouse(a, MouseEventKind::Down(MouseButton::Left), x, y);
}

fn wheel(a: &mut App, down: bool, x: u16, y: u16) {
    let kind = if down {
        MouseEventKind::ScrollDown
    } else {
        MouseEventKind::ScrollUp
    };
    mouse(a, kind, x, y);
}

/// A click on the tab bar, `dx` columns from where `label` starts.
fn on_tab(a: &mut App, label: &str, dx: i16) {
    let (x, y) = (tab_x(a, label) as i16 + dx, a.areas().tabs.y);
    click(a, x as u16, y);
}

/// The column where `label` starts on the tab bar as drawn (by display width).
fn tab_x(a: &App, label: &str) -> u16 {
    let s = screen(a);
    let tabs = s.lines().nth(1).unwrap();
    let at = tabs
        .find(label)
        .unwrap_or_else(|| panic!("{label} not in {tabs}"));
    tabs[..at].width() as u16
}

#[test]
fn clicking_a_tab_opens_it() {
    let mut a = app(120, 40);
    on_tab(&mut a, "2 管", 1);
    assert_eq!((a.view(), a.focus()), (View::Tree, Focus::Section(1)));
    on_tab(&mut a, "4 单位", 2);
    assert_eq!(a.view(), View::Units);
    on_tab(&mut a, "4 单位", 0);
    assert_eq!(
        a.view(),
        View::Units,
        "a click on the shown view's tab keeps it"
    );
    on_tab(&mut a, "5 期限", 3);
    assert_eq!(a.view(), View::Deadlines);
    on_tab(&mut a, "6 总览", 0);
    assert!(matches!(a.mode(), Mode::Overview(_)));
    press(&mut a, "Esc");
    on_tab(&mut a, "1 放", 0);
    assert_eq!((a.view(), a.focus()), (View::Tree, Focus::Section(0)));
    // The blank between two tabs, and past the last: nothing.
    on_tab(&mut a, "2 管", -2);
    let y = a.areas().tabs.y;
    click(&mut a, 119, y);
    assert_eq!((a.view(), a.focus()), (View::Tree, Focus::Section(0)));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_not_the_focused_one() {
    // 200 wide: the three sections side by side, the detail on the right.
    let mut a = app(200, 50);
    let areas = a.areas();
    let (_, guan) = areas.lists[1];
    assert_eq!(a.focus(), Focus::Section(0));
    for _ in 0..3 {
        wheel(&mut a, true, guan.x + 5, guan.y + 4);
    }
    assert_eq!(a.focus(), Focus::Section(1), "the pane under the pointer");
    assert_eq!(a.tree(1).cursor.sel, 3);
    assert_eq!(a.tree(0).cursor.sel, 0, "the other pane stays");
    wheel(&mut a, false, guan.x + 5, guan.y + 4);
    assert_eq!(a.tree(1).cursor.sel, 2);
    // On the header or the border: nothing.
    wheel(&mut a, true, 3, 0);
    wheel(&mut a, true, guan.x, guan.y);
    assert_eq!((a.focus(), a.tree(1).cursor.sel), (Focus::Section(1), 2));
}

#[test]
fn the_wheel_over_the_detail_scrolls_it_and_leaves_the_selection() {
    let mut a = app(100, 16);
    press(&mut a, "Enter");
    render(&a);
    let d = a.areas().detail.unwrap();
    wheel(&mut a, true, d.x + 3, d.y + 3);
    assert_eq!(a.detail_scroll().top(), 3, "three lines a notch");
    assert_eq!((a.focus(), a.tree(0).cursor.sel), (Focus::Section(0), 0));
    wheel(&mut a, false, d.x + 3, d.y + 3);
    assert_eq!(a.detail_scroll().top(), 0);
}

#[test]
fn the_wheel_moves_in_the_search_results_and_scrolls_the_help() {
    let mut a = app(120, 40);
    press(&mut a, "/ 企 业");
    let r = a.areas().lists[0].1;
    wheel(&mut a, true, r.x + 2, r.y + 2);
    wheel(&mut a, true, r.x + 2, r.y + 2);
    let Mode::Search(s) = a.mode() else { panic!() };
    assert_eq!(s.cursor.sel, 2);
    assert_eq!(s.input.text(), "企业", "the wheel never walks the history");
    press(&mut a, "Esc ?");
    render(&a);
    wheel(&mut a, true, 60, 20);
    assert_eq!(a.help_scroll().top(), 3);
    wheel(&mut a, false, 60, 20);
    assert_eq!(a.help_scroll().top(), 0);
}

#[test]
fn moves_and_releases_do_nothing() {
    let mut a = app(120, 40);
    let y = a.areas().tabs.y;
    let x = tab_x(&a, "4 单位");
    mouse(&mut a, MouseEventKind::Moved, x, y);
    mouse(&mut a, MouseEventKind::Up(MouseButton::Left), x, y);
    mouse(&mut a, MouseEventKind::Down(MouseButton::Right), x, y);
    assert_eq!(a.view(), View::Tree);
}
