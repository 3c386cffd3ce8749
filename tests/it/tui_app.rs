//! App tests: key sequences -> state (selection, expansion, focus, pane, view), no terminal.

use crate::support::{app, press};
use fgf::domain::Item;
use fgf::tui::action::Effect;
use fgf::tui::app::{App, Focus, Mode};
use fgf::tui::layout::View;
use fgf::tui::tree::Row;

fn selected_id(app: &App) -> String {
    app.detail_item()
        .map(|i| i.id().to_string())
        .unwrap_or_default()
}

#[test]
fn starts_on_the_first_task_of_the_first_section() {
    let a = app(120, 40);
    assert_eq!(a.focus(), Focus::Section(0));
    assert_eq!(a.view(), View::Tree);
    assert_eq!(selected_id(&a), "1");
}

#[test]
fn j_k_move_and_stop_at_the_ends() {
    let mut a = app(120, 40);
    press(&mut a, "j j Down");
    assert_eq!(selected_id(&a), "4");
    press(&mut a, "k Up k k k");
    assert_eq!(selected_id(&a), "1");
    press(&mut a, "G");
    assert_eq!(selected_id(&a), "10");
    press(&mut a, "j");
    assert_eq!(selected_id(&a), "10", "no wrap past the bottom");
    press(&mut a, "g");
    assert_eq!(selected_id(&a), "1");
}

#[test]
fn enter_and_l_expand_h_collapses_and_goes_to_the_task() {
    let mut a = app(120, 40);
    press(&mut a, "j j j j j j j j Enter");
    assert!(a.tree(0).expanded[8]);
    press(&mut a, "l");
    assert_eq!(
        selected_id(&a),
        "9.1",
        "l on an open task goes to its first measure"
    );
    press(&mut a, "j");
    assert_eq!(selected_id(&a), "9.2");
    press(&mut a, "h");
    assert_eq!(selected_id(&a), "9", "h on a measure goes to its task");
    assert!(a.tree(0).expanded[8]);
    press(&mut a, "h");
    assert!(!a.tree(0).expanded[8], "h on an open task collapses it");
    press(&mut a, "Enter Enter");
    assert!(!a.tree(0).expanded[8], "Enter toggles");
}

#[test]
fn enter_on_a_measure_opens_the_detail_and_esc_comes_back() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j Enter");
    assert_eq!(a.focus(), Focus::Detail);
    assert_eq!(selected_id(&a), "1.1");
    press(&mut a, "j j");
    assert!(a.detail_scroll().top() <= 2);
    press(&mut a, "Esc");
    assert_eq!(a.focus(), Focus::Section(0));
    assert_eq!(selected_id(&a), "1.1");
}

#[test]
fn numbers_and_tab_switch_sections() {
    let mut a = app(80, 24);
    press(&mut a, "3");
    assert_eq!(a.focus(), Focus::Section(2));
    assert_eq!(selected_id(&a), "19");
    press(&mut a, "2");
    assert_eq!(selected_id(&a), "11");
    press(&mut a, "Tab");
    assert_eq!(a.focus(), Focus::Section(2));
    press(&mut a, "Tab");
    assert_eq!(a.focus(), Focus::Detail);
    press(&mut a, "S-Tab");
    assert_eq!(
        a.focus(),
        Focus::Section(2),
        "from the detail, S-Tab is the previous pane"
    );
    press(&mut a, "Tab Tab");
    assert_eq!(a.focus(), Focus::Section(0));
    press(&mut a, "S-Tab");
    assert_eq!(
        a.focus(),
        Focus::Section(0),
        "in a section pane S-Tab cycles the folding (org) instead"
    );
    press(&mut a, "Tab Tab Tab");
    assert_eq!(a.focus(), Focus::Detail);
    press(&mut a, "9");
    assert_eq!(
        a.focus(),
        Focus::Detail,
        "no ninth section: nothing happens"
    );
}

#[test]
fn each_section_keeps_its_own_selection() {
    let mut a = app(200, 50);
    press(&mut a, "j j 2 j 1");
    assert_eq!(selected_id(&a), "3");
    press(&mut a, "2");
    assert_eq!(selected_id(&a), "12");
}

#[test]
fn half_page_and_page_keys_move_by_the_pane_height() {
    let mut a = app(80, 24);
    // Open every task of section 1 so the list is longer than the pane: Enter, then G-less walk.
    for _ in 0..10 {
        press(&mut a, "Enter");
        let open = a.tree(0).rows().len();
        let sel = a.tree(0).cursor.sel;
        let next = a.tree(0).rows()[sel + 1..]
            .iter()
            .position(|r| matches!(r, Row::Task(_)));
        match next {
            Some(n) => press(&mut a, &"j ".repeat(n + 1)),
            None => press(&mut a, "g"),
        };
        assert!(open >= 10);
    }
    press(&mut a, "g");
    let rows = a.tree(0).rows().len();
    assert!(rows > 40, "{rows} rows");
    press(&mut a, "C-d");
    let half = a.tree(0).cursor.sel;
    assert!(half >= 5, "moved half a page: {half}");
    press(&mut a, "C-u");
    assert_eq!(a.tree(0).cursor.sel, 0);
    press(&mut a, "PgDn");
    assert!(a.tree(0).cursor.sel >= 2 * half - 1);
    let sel = a.tree(0).cursor.sel;
    let off = a.tree(0).cursor.offset;
    assert!(
        sel >= off && sel < off + 24,
        "the selection stays on screen"
    );
}

#[test]
fn units_view_lists_units_and_jumps_to_a_measure() {
    let mut a = app(120, 40);
    press(&mut a, "U");
    assert_eq!(a.view(), View::Units);
    press(&mut a, "U");
    assert_eq!(a.view(), View::Tree, "U again goes back");
    press(&mut a, "4");
    assert_eq!(a.view(), View::Units, "the tab after the sections");
    assert_eq!(a.focus(), Focus::UnitList);
    let first = a.units().order()[0];
    assert_eq!(
        a.catalog().doc.units[first].name,
        "市市场监管局",
        "the unit that leads most comes first"
    );
    press(&mut a, "l j");
    assert_eq!(a.focus(), Focus::UnitMeasures);
    let part = a.unit_measures()[1];
    assert!(part.leads && !part.alternative);
    let Item::Measure(_, _, m) = a.catalog().at(part.loc) else {
        panic!()
    };
    let id = m.id.clone();
    press(&mut a, "Enter");
    assert_eq!(a.view(), View::Tree);
    assert_eq!(
        selected_id(&a),
        id,
        "jumped to the measure in its section pane"
    );
    let s = a.section();
    let Some(Row::Measure(t, _)) = a.tree(s).selected() else {
        panic!()
    };
    assert!(a.tree(s).expanded[t]);
}

#[test]
fn esc_leaves_the_units_view_and_help() {
    let mut a = app(120, 40);
    press(&mut a, "4 Esc");
    assert_eq!(a.view(), View::Tree);
    press(&mut a, "?");
    assert_eq!(*a.mode(), Mode::Help);
    press(&mut a, "Space l");
    assert_eq!(*a.mode(), Mode::Help, "browse keys do nothing under help");
    assert!(a.tree(0).rows().len() == 10, "nothing expanded under help");
    press(&mut a, "Esc");
    assert_eq!(*a.mode(), Mode::Browse);
}

#[test]
fn q_and_ctrl_c_quit_from_anywhere() {
    for keys in ["q", "C-c", "4 q", "5 q", "? q", "Enter j Enter q"] {
        let mut a = app(120, 40);
        assert_eq!(press(&mut a, keys), Effect::Quit, "{keys}");
    }
}

#[test]
fn resizing_to_narrow_keeps_the_selection_visible() {
    let mut a = app(200, 50);
    press(&mut a, "G Enter G");
    let sel = a.tree(0).cursor.sel;
    a.update(fgf::tui::action::Action::Resize(60, 14));
    let c = a.tree(0).cursor;
    assert_eq!(c.sel, sel);
    assert!(c.sel >= c.offset && c.sel < c.offset + 10);
}

#[test]
fn a_click_focuses_the_pane_and_selects_the_row() {
    // Only with --mouse; the app handles the click wherever it comes from.
    let mut a = app(200, 50);
    let areas = a.areas();
    let (_, r) = areas.lists[1];
    a.update(fgf::tui::action::Action::Click(r.x + 3, r.y + 1 + 2));
    assert_eq!(a.focus(), Focus::Section(1));
    assert_eq!(selected_id(&a), "13", "third row of 管");
    let below = r.y + r.height - 2;
    a.update(fgf::tui::action::Action::Click(r.x + 3, below));
    assert_eq!(
        selected_id(&a),
        "13",
        "a click below the rows selects nothing"
    );
    let d = areas.detail.unwrap();
    a.update(fgf::tui::action::Action::Click(d.x + 2, d.y + 2));
    assert_eq!(a.focus(), Focus::Detail);
}
