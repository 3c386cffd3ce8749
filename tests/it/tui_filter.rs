//! Issue 17's filters on the section panes: f then a key (keys -> state, the header, snapshots),
//! F to clear, counts that follow, and the same filter from the command line.

use insta::assert_snapshot;

use crate::support::pty::Pty;
use crate::support::sealed;
use crate::support::{app, press, screen};
use fgf::domain::filter::{Filter, UnitFilter, UnitRole};
use fgf::domain::progress::Status;
use fgf::domain::{Catalog, Tally};
use fgf::tui::app::{App, Mode};
use fgf::tui::layout::View;
use fgf::tui::tree::Row;

/// The measure ids section `s`'s pane shows.
fn measures_shown(a: &App, s: usize) -> Vec<String> {
    let sec = &a.catalog().doc.sections[s];
    a.tree(s)
        .rows()
        .iter()
        .filter_map(|r| match *r {
            Row::Measure(t, m) => Some(sec.tasks[t].measures[m].id.clone()),
            _ => None,
        })
        .collect()
}

fn all_shown(a: &App) -> Vec<String> {
    (0..3).flat_map(|s| measures_shown(a, s)).collect()
}

/// Presses keys one character at a time (typing into the input line).
fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        let name = c.to_string();
        press(a, &name);
    }
}

fn unit(cat: &Catalog, name: &str) -> usize {
    cat.unit_index(name).unwrap()
}

#[test]
fn fd_narrows_to_overdue_measures_keeping_tasks_as_headings() {
    let mut a = app(120, 40);
    press(&mut a, "f d");
    assert_eq!(a.mode(), &Mode::Browse);
    assert!(a.filter().overdue);
    let today = a.options().today;
    let shown = all_shown(&a);
    assert!(!shown.is_empty());
    // Every measure shown has an overdue milestone, and every such measure is shown.
    let cat = a.catalog();
    let expected: Vec<String> = cat
        .measures()
        .filter(|(_, _, m)| {
            m.milestones
                .iter()
                .any(|k| a.progress().status(k, today) == Status::Overdue)
        })
        .map(|(_, _, m)| m.id.clone())
        .collect();
    assert_eq!(shown, expected);
    // The tree keeps its shape: each measure row follows its own task's row.
    for s in 0..3 {
        let mut task = None;
        for r in a.tree(s).rows() {
            match *r {
                Row::Task(t) => task = Some(t),
                Row::Measure(t, _) => assert_eq!(Some(t), task),
                Row::Milestone(..) => {}
            }
        }
    }
    let s = screen(&a);
    let header = s.lines().next().unwrap();
    assert!(header.contains("筛选：逾期"), "{header}");
    press(&mut a, "f d");
    assert!(a.filter().is_empty(), "fd again switches it off");
}

#[test]
fn fu_takes_a_unit_by_pinyin_and_fl_fc_by_role() {
    let mut a = app(120, 40);
    press(&mut a, "f u");
    assert!(matches!(a.mode(), Mode::Filter { .. }));
    typed(&mut a, "scjgj");
    press(&mut a, "Enter");
    let u = unit(a.catalog(), "市市场监管局");
    assert_eq!(
        a.filter().unit,
        Some(UnitFilter {
            unit: u,
            role: UnitRole::Either
        })
    );
    assert_eq!(all_shown(&a).len(), 31, "26 led + 5 cooperated");
    press(&mut a, "f c");
    typed(&mut a, "市场监管局");
    press(&mut a, "Enter");
    let coop: Vec<String> = a
        .catalog()
        .supported_by(u)
        .map(|i| i.id().to_string())
        .collect();
    assert_eq!(all_shown(&a), coop);
    assert!(screen(&a).contains("市市场监管局 配合"));
}

#[test]
fn a_unit_that_matches_nothing_is_said_and_the_filter_stays() {
    let mut a = app(120, 40);
    press(&mut a, "f ? f u");
    typed(&mut a, "xyzzy");
    press(&mut a, "Enter");
    assert_eq!(a.mode(), &Mode::Browse);
    assert_eq!(a.status(), Some("没有与 \"xyzzy\" 相符的单位"));
    assert!(a.filter().uncertain && a.filter().unit.is_none());
    press(&mut a, "f u");
    typed(&mut a, "abc");
    press(&mut a, "Esc");
    assert_eq!(a.mode(), &Mode::Browse, "Esc leaves the prompt");
    assert!(a.filter().unit.is_none());
}

#[test]
fn fr_takes_a_deadline_range_and_combines_with_the_rest() {
    let mut a = app(120, 40);
    press(&mut a, "f r");
    typed(&mut a, "2020-01..2020-12");
    press(&mut a, "Enter");
    let f = a.filter().clone();
    assert_eq!(f.from, Some(jiff::civil::date(2020, 1, 1)));
    assert_eq!(f.to, Some(jiff::civil::date(2020, 12, 31)));
    let june = all_shown(&a);
    press(&mut a, "f ?");
    let both = all_shown(&a);
    assert!(
        !both.is_empty() && both.len() < june.len(),
        "{both:?} {june:?}"
    );
    for id in &both {
        assert!(june.contains(id));
    }
    press(&mut a, "f r");
    typed(&mut a, "2020-13");
    press(&mut a, "Enter");
    assert!(a.status().unwrap().contains("不是日期"), "{:?}", a.status());
    assert_eq!(a.filter().from, f.from, "a bad range leaves the filter");
}

#[test]
fn counts_follow_the_filter_and_the_check_offs() {
    let mut a = app(120, 40);
    let whole = a.rollup().section(0);
    press(&mut a, "f o");
    let kept = a.sections().title_tally(0, whole);
    let by_hand: Tally = a
        .tree(0)
        .rows()
        .iter()
        .fold(Tally::default(), |acc, r| match *r {
            Row::Task(t) => acc + a.tree(0).kept_tally(t).unwrap(),
            _ => acc,
        });
    assert_eq!(kept, by_hand);
    assert_eq!(kept.done, 0, "open milestones only");
    // Checking a one-milestone measure off under "open" takes it out of the pane.
    let before = measures_shown(&a, 0);
    let sec = &a.catalog().doc.sections[0];
    let pos = a
        .tree(0)
        .rows()
        .iter()
        .position(
            |r| matches!(*r, Row::Measure(t, m) if sec.tasks[t].measures[m].milestones.len() == 1),
        )
        .unwrap();
    for _ in 0..pos {
        press(&mut a, "j");
    }
    let gone = a.selected_id().unwrap();
    press(&mut a, "Space");
    let after = measures_shown(&a, 0);
    assert_eq!(after.len() + 1, before.len());
    assert!(!after.contains(&gone));
    assert_eq!(
        a.tree(0).cursor.sel,
        pos,
        "the next row moves up under the cursor"
    );
    assert_eq!(a.sections().title_tally(0, whole).total, kept.total - 1);
    press(&mut a, "u");
    assert_eq!(
        measures_shown(&a, 0),
        before,
        "undone: open again, shown again"
    );
    press(&mut a, "C-r");
    press(&mut a, "F");
    assert!(a.filter().is_empty());
    assert_eq!(a.status(), Some("已清除筛选"));
    assert_eq!(a.sections().title_tally(0, whole), whole);
    press(&mut a, "F");
    assert_eq!(a.status(), Some("没有筛选"));
}

#[test]
fn the_filter_menu_cancels_on_another_key_and_shows_its_keys() {
    let mut a = app(120, 40);
    press(&mut a, "f");
    assert_eq!(a.mode(), &Mode::Prefix('f'));
    let footer = screen(&a).lines().last().unwrap().to_string();
    for k in ["fo", "fd", "f?", "fu", "fr"] {
        assert!(footer.contains(k), "{k} missing: {footer}");
    }
    press(&mut a, "j");
    assert_eq!(a.mode(), &Mode::Browse);
    assert_eq!(
        a.tree(0).cursor.sel,
        0,
        "the cancelling key does nothing else"
    );
    assert!(a.filter().is_empty());
    // From another view, a filter shows the section panes it narrows.
    press(&mut a, "U f o");
    assert_eq!(a.view(), View::Tree);
}

#[test]
fn snapshot_overdue_of_one_unit_120x40() {
    let mut a = app(120, 40);
    let u = unit(a.catalog(), "市市场监管局");
    a.set_filter(Filter {
        overdue: true,
        unit: Some(UnitFilter {
            unit: u,
            role: UnitRole::Lead,
        }),
        ..Filter::default()
    });
    assert_snapshot!(screen(&a));
}

#[test]
fn the_command_line_names_the_flag_when_a_unit_matches_nothing() {
    let out = sealed::run(&["--unit", "xyzzy"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--unit") && err.contains("xyzzy"), "{err}");
    let out = sealed::run(&["--lang", "en", "--coop", "市"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--coop: \"市\" could be several units"),
        "{err}"
    );
    let out = sealed::run(&["--due", "soon"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--due") && err.contains("soon"), "{err}");
    let out = sealed::run(&["--overdue", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("只用于交互界面"), "{err}");
}

#[test]
fn the_command_line_filter_shows_in_the_header_at_start() {
    let mut p = Pty::spawn(
        120,
        40,
        &["--unit", "scjgj", "--overdue", "--as-of", "2020-01-01"],
        &[],
    );
    p.wait_text("筛选：逾期 · 市市场监管局 牵头或配合");
    // Found by its pinyin: the status line says which unit was taken (waited for: the frame
    // may still be arriving).
    p.wait_text("--unit: \"scjgj\" 取为 市市场监管局");
    p.send("F");
    p.wait_for("filter cleared", |p| !p.screen().contains("筛选：逾期"));
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_jump_to_what_the_filter_hides_clears_it_and_says_so() {
    let mut a = app(120, 40);
    press(&mut a, "f ?");
    // 1.1 is certain: the uncertain filter hides it. A jump there (Enter in the deadlines view,
    // a search hit) shows it all the same.
    assert!(!all_shown(&a).contains(&"1.1".to_string()));
    let loc = a.catalog().locate("1.1").unwrap();
    a.jump_to(loc);
    assert!(a.filter().is_empty());
    assert_eq!(a.selected_id().as_deref(), Some("1.1"));
    assert_eq!(a.status(), Some("已清除筛选，以显示 1.1"));
    // What the filter shows is jumped to with the filter kept.
    press(&mut a, "f ?");
    let shown = all_shown(&a)[2].clone();
    a.jump_to(a.catalog().locate(&shown).unwrap());
    assert!(a.filter().uncertain);
    assert_eq!(a.selected_id(), Some(shown));
}

#[test]
fn check_offs_from_another_session_narrow_the_filtered_panes_too() {
    let mut a = app(120, 40);
    press(&mut a, "f d");
    let first = measures_shown(&a, 0)[0].clone();
    let cat = a.catalog();
    let (_, _, m) = cat.measures().find(|(_, _, m)| m.id == first).unwrap();
    let ids: Vec<&str> = m.milestones.iter().map(|k| k.id.as_str()).collect();
    let mut p = fgf::domain::Progress::new(fgf::domain::State::new(&cat.doc.id));
    p.check(&ids, None, jiff::Timestamp::now());
    a.saved(p.into_state());
    assert!(
        !measures_shown(&a, 0).contains(&first),
        "{first} is no longer overdue"
    );
}

#[test]
fn the_filter_speaks_english_with_lang_en() {
    let mut a = crate::support::app_with(120, 40, |o| o.lang = fgf::tui::i18n::Lang::En);
    press(&mut a, "f d f ?");
    let s = screen(&a);
    let header = s.lines().next().unwrap();
    assert!(header.contains("filter: overdue · uncertain"), "{header}");
    assert!(s.contains("match"), "section titles count the matches: {s}");
    press(&mut a, "f u");
    let footer = screen(&a).lines().last().unwrap().to_string();
    assert!(
        footer.starts_with("unit (name, short form or pinyin):"),
        "{footer}"
    );
    typed(&mut a, "xyzzy");
    press(&mut a, "Enter");
    assert_eq!(a.status(), Some("no unit matches \"xyzzy\""));
    press(&mut a, "F");
    assert_eq!(a.status(), Some("filter cleared"));
}
