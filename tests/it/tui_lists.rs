//! The units view and the deadlines view (issue 17): `s` cycles their order and the pane title
//! says it; the deadlines view as an agenda (past due / this week / this month / later, "due in
//! N days" / "overdue by N days" against today or --as-of); the header says when --as-of is in
//! force. Keys -> state, and snapshots.

use crate::support::{app, app_with, press, screen};
use fgf::tui::app::{App, Band, DeadlineOrder, DeadlineRow, UnitOrder};
use fgf::tui::i18n::Lang;
use fgf::tui::layout::View;

fn selected_milestone(a: &App) -> String {
    let loc = a.deadlines().selected().expect("a milestone is selected");
    a.catalog().at(loc).id().to_string()
}

fn bodies_in_order(a: &App) -> Vec<fgf::tui::app::Body> {
    let u = a.units();
    u.order().iter().map(|&b| u.body(b).clone()).collect()
}

#[test]
fn s_cycles_the_units_order_and_the_title_says_it() {
    let mut a = app(120, 40);
    press(&mut a, "U");
    assert_eq!(a.units().sorted_by(), UnitOrder::Lead);
    let lead = bodies_in_order(&a);
    assert!(lead.windows(2).all(|w| w[0].lead >= w[1].lead));
    assert!(screen(&a).contains("单位 · 按牵头 · 牵头 配合"));

    press(&mut a, "s");
    assert_eq!(a.units().sorted_by(), UnitOrder::Support);
    let sup = bodies_in_order(&a);
    assert!(sup.windows(2).all(|w| w[0].support >= w[1].support));
    assert_ne!(sup[0].name, lead[0].name, "another unit cooperates most");
    assert!(screen(&a).contains("单位 · 按配合"));

    press(&mut a, "s");
    assert_eq!(a.units().sorted_by(), UnitOrder::Overdue);
    let late = bodies_in_order(&a);
    assert!(late.windows(2).all(|w| w[0].overdue >= w[1].overdue));
    assert!(late[0].overdue > 0, "nothing is checked off on 2020-01-01");
    let s = screen(&a);
    assert!(s.contains("单位 · 按逾期"), "{s}");
    let b = &late[0];
    let row = format!("{:>3} {:>3} {:>3} {}", b.lead, b.support, b.overdue, b.name);
    assert!(s.contains(&row), "the overdue count gets a column:\n{s}");

    press(&mut a, "s");
    assert_eq!(a.units().sorted_by(), UnitOrder::Name);
    let names = bodies_in_order(&a);
    let spelled: Vec<String> = names
        .iter()
        .map(|b| fgf::domain::search::pinyin::spell(&b.name))
        .collect();
    assert!(spelled.windows(2).all(|w| w[0] <= w[1]), "{spelled:?}");
    assert!(screen(&a).contains("按名称"));

    press(&mut a, "s");
    assert_eq!(a.units().sorted_by(), UnitOrder::Lead, "and round again");
}

#[test]
fn sorting_keeps_the_selected_unit() {
    let mut a = app(120, 40);
    press(&mut a, "U j j j");
    let unit = a.units().selected_unit();
    press(&mut a, "s");
    assert_eq!(a.units().selected_unit(), unit);
    press(&mut a, "s s");
    assert_eq!(a.units().selected_unit(), unit);
}

#[test]
fn checking_off_lowers_the_overdue_counts() {
    let mut a = app(120, 40);
    press(&mut a, "D");
    assert_eq!(selected_milestone(&a), "1.1.1");
    let DeadlineRow::Band(Band::Past, n, late) = a.deadlines().rows()[0] else {
        panic!("past due first: {:?}", a.deadlines().rows()[0]);
    };
    assert_eq!(n, late);
    press(&mut a, "Space");
    assert_eq!(
        a.deadlines().rows()[0],
        DeadlineRow::Band(Band::Past, n, late - 1)
    );
    let lead = a.catalog().unit_index("市发展改革委").unwrap();
    let body = |a: &App| a.units().body(lead).overdue;
    let before = body(&a);
    press(&mut a, "Space");
    assert_eq!(body(&a), before + 1, "unchecked: overdue again");
}

#[test]
fn the_deadlines_view_is_an_agenda_against_today() {
    // 2020-06-25 is a Thursday: its week ends on the 28th.
    let mut a = app_with(120, 40, |o| o.today = jiff::civil::date(2020, 6, 25));
    press(&mut a, "D");
    let bands: Vec<Band> = a
        .deadlines()
        .rows()
        .iter()
        .filter_map(|r| match r {
            DeadlineRow::Band(b, ..) => Some(*b),
            _ => None,
        })
        .collect();
    assert_eq!(
        bands,
        [Band::Past, Band::ThisMonth, Band::Later, Band::Undated]
    );
    let s = screen(&a);
    assert!(s.contains("━ 本月 · 1 个里程碑"), "{s}");
    assert!(s.contains("2020-06-30  1 个里程碑  还有 5 天"), "{s}");
    assert!(s.contains("2019-12-31  27 个里程碑  逾期 177 天"), "{s}");
    let mut en = app_with(120, 40, |o| {
        o.today = jiff::civil::date(2020, 6, 25);
        o.lang = Lang::En;
    });
    press(&mut en, "D");
    let s = screen(&en);
    assert!(s.contains("━ This month · 1 milestone"), "{s}");
    assert!(s.contains("due in 5 days"), "{s}");
    assert!(s.contains("overdue by 177 days"), "{s}");
}

#[test]
fn s_orders_the_deadlines_by_unit_and_keeps_the_selection() {
    let mut a = app(120, 40);
    press(&mut a, "D j j");
    let was = selected_milestone(&a);
    press(&mut a, "s");
    assert_eq!(a.deadlines().sorted_by(), DeadlineOrder::Unit);
    assert_eq!(selected_milestone(&a), was);
    let rows = a.deadlines().rows();
    assert!(matches!(rows[0], DeadlineRow::Band(Band::Past, ..)));
    assert!(
        matches!(&rows[1], DeadlineRow::Unit(name, _) if !name.is_empty()),
        "{:?}",
        rows[1]
    );
    assert!(!rows.iter().any(|r| matches!(r, DeadlineRow::Header(..))));
    let s = screen(&a);
    assert!(s.contains("期限 · 按单位"), "{s}");
    assert!(
        s.contains("[ ] 逾期 2019-12-31 逾期 1 天"),
        "each row its date:\n{s}"
    );
    press(&mut a, "s");
    assert_eq!(a.deadlines().sorted_by(), DeadlineOrder::Date);
    assert_eq!(selected_milestone(&a), was);
}

#[test]
fn moving_skips_every_heading() {
    let mut a = app(120, 40);
    press(&mut a, "D s");
    for _ in 0..200 {
        press(&mut a, "j");
        assert!(a.deadlines().selected().is_some());
    }
    for _ in 0..200 {
        press(&mut a, "k");
        assert!(a.deadlines().selected().is_some());
    }
    press(&mut a, "g");
    assert!(a.deadlines().cursor().sel > 0, "never on the first heading");
}

#[test]
fn s_elsewhere_says_where_it_works() {
    let mut a = app(120, 40);
    press(&mut a, "s");
    assert_eq!(a.view(), View::Tree);
    assert!(a.status().is_some_and(|s| s.contains("单位视图")));
}

#[test]
fn the_header_says_when_as_of_is_in_force() {
    let a = app(120, 40);
    assert!(!screen(&a).contains("--as-of"));
    let a = app(120, 40).with_as_of(true);
    assert!(screen(&a).contains("今天按 --as-of 2020-01-01"));
    let en = app_with(120, 40, |o| o.lang = Lang::En).with_as_of(true);
    assert!(screen(&en).contains("today is --as-of 2020-01-01"));
}

#[test]
fn units_by_name_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "U s s s");
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn deadlines_by_unit_en_120x40() {
    let mut a = app_with(120, 40, |o| {
        o.lang = Lang::En;
        o.today = jiff::civil::date(2020, 6, 25);
    });
    let a = {
        press(&mut a, "D s");
        a.with_as_of(true)
    };
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn a_check_off_in_another_view_is_counted_when_the_view_shows() {
    let mut a = app(120, 40);
    let lead = a.catalog().unit_index("市发展改革委").unwrap();
    press(&mut a, "U");
    let before = a.units().body(lead).overdue;
    // 1.1.1 (led by 市发展改革委) checked off in the deadlines view.
    press(&mut a, "D Space");
    assert_eq!(selected_milestone(&a), "1.1.1");
    press(&mut a, "U");
    assert_eq!(a.units().body(lead).overdue, before - 1);
    // And in the tree: undone there, counted again on coming back.
    press(&mut a, "U u D");
    let DeadlineRow::Band(Band::Past, n, late) = a.deadlines().rows()[0] else {
        panic!()
    };
    assert_eq!(n, late, "undone: all overdue again");
}

#[test]
fn the_counts_kept_in_step_equal_a_full_count() {
    use fgf::domain::workspace::bodies::bodies;
    let mut a = app(120, 40);
    let today = a.options().today;
    for keys in [
        "D Space",
        "j j Space",
        "U",
        "D j Space",
        "u",
        "U",
        "C-r D",
        "u u U",
    ] {
        press(&mut a, keys);
        press(&mut a, "D U");
        let cats = std::slice::from_ref(a.catalog());
        let fresh = bodies(cats, std::slice::from_ref(a.progress()), today, None);
        for (i, b) in fresh.iter().enumerate() {
            assert_eq!(
                a.units().body(i).overdue,
                b.overdue,
                "after {keys}: {}",
                b.name
            );
        }
        press(&mut a, "D");
        let overdue = a.progress().overdue(a.catalog(), today).len();
        let DeadlineRow::Band(Band::Past, _, late) = a.deadlines().rows()[0] else {
            panic!()
        };
        assert_eq!(late, overdue, "after {keys}");
        press(&mut a, "U");
    }
}
