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
