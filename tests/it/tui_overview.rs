//! The overview popup (O, issue 16): gauges per section, bars per lead unit, deadlines by month;
//! patterns as well as colours; usable at 80x24.

use crate::support::{app, press, screen};
use fgf::tui::app::Mode;
use unicode_width::UnicodeWidthStr;

/// The display column where the first bar glyph of a line starts.
fn bar_column(line: &str) -> Option<usize> {
    let i = line.find(['█', '▒', '░'])?;
    Some(line[..i].width())
}

#[test]
fn o_opens_the_figures_and_esc_closes_them() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j Space"); // 1.1.1 done
    press(&mut a, "O");
    assert!(matches!(a.mode(), Mode::Overview(_)));
    let s = screen(&a);
    assert!(s.contains("总览") && s.contains("各部分"), "{s}");
    let section = s
        .lines()
        .find(|l| l.contains("一、深化简政放权"))
        .expect(&s);
    assert!(section.contains("1/"), "{section}");
    let unit = s.lines().find(|l| l.contains("市发展改革委 ")).expect(&s);
    assert!(unit.contains("完成 1") && unit.contains("逾期"), "{unit}");
    assert!(unit.contains('▒'), "overdue drawn with a pattern: {unit}");
    press(&mut a, "Esc");
    assert_eq!(a.mode(), &Mode::Browse);
}

#[test]
fn the_months_are_reached_by_scrolling_at_80x24_and_bars_line_up() {
    let mut a = app(80, 24);
    press(&mut a, "O");
    let first = screen(&a);
    let columns: Vec<usize> = first
        .lines()
        .filter(|l| l.contains("、"))
        .filter_map(bar_column)
        .collect();
    assert!(columns.len() >= 3, "{first}");
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "aligned by display width: {columns:?}\n{first}"
    );
    for _ in 0..60 {
        press(&mut a, "j");
    }
    let last = screen(&a);
    let month = last.lines().find(|l| l.contains("2019-12")).expect(&last);
    assert!(month.contains("到期") && month.contains("滞后"), "{month}");
}

/// Enter on a row goes to its milestones: a section to its pane, a lead unit to the units view
/// with that unit selected, a month to the deadlines view on that month's first milestone.
#[test]
fn enter_on_a_row_goes_to_its_milestones() {
    use fgf::tui::app::{DeadlineRow, Focus};
    use fgf::tui::layout::View;
    let overview = |a: &fgf::tui::app::App| match a.mode() {
        Mode::Overview(o) => (**o).clone(),
        other => panic!("not the overview: {other:?}"),
    };
    // The tab after the views opens it too.
    let mut a = app(120, 40);
    assert!(screen(&a).lines().nth(1).unwrap().contains("6 总览"));
    press(&mut a, "6");
    let o = overview(&a);
    // Row 1 is the second section.
    press(&mut a, "j Enter");
    assert_eq!((a.view(), a.focus()), (View::Tree, Focus::Section(1)));

    // The first lead unit.
    let s = o.sections.len();
    let mut a = app(120, 40);
    press(&mut a, "O");
    for _ in 0..s {
        press(&mut a, "j");
    }
    let (unit, name, ..) = o.units[0].clone();
    assert!(screen(&a).lines().any(|l| l.contains(name.as_str())));
    press(&mut a, "Enter");
    assert_eq!(*a.mode(), Mode::Browse);
    assert_eq!((a.view(), a.focus()), (View::Units, Focus::UnitList));
    assert_eq!(a.units().selected_unit(), Some(unit));

    // The first month.
    let mut a = app(120, 40);
    press(&mut a, "O");
    for _ in 0..s + o.units.len() {
        press(&mut a, "j");
    }
    let m = o.months[0];
    press(&mut a, "Enter");
    assert_eq!(a.view(), View::Deadlines);
    let at = a.deadlines().cursor().sel;
    let header = a.deadlines().rows()[..at]
        .iter()
        .rev()
        .find_map(|r| match r {
            DeadlineRow::Header(d, _) => Some(*d),
            _ => None,
        })
        .flatten()
        .expect("a dated heading above the selection");
    assert_eq!((header.year(), header.month()), (m.year, m.month));
}
