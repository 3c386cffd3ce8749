//! Check-offs in the TUI: Space, the prompt for a whole task, undo / redo, notes, read-only,
//! the deadlines view, and changes from another session.

use crate::support::{app, press};
use fgf::domain::{Item, Loc, State};
use fgf::tui::action::Effect;
use fgf::tui::app::{App, Focus, Mode};
use fgf::tui::layout::View;

fn selected(a: &App) -> String {
    a.selected_id().unwrap_or_default()
}

fn done(a: &App, id: &str) -> bool {
    a.progress().is_done(id)
}

#[test]
fn space_on_a_measure_checks_its_milestones_and_asks_to_save() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j");
    assert_eq!(selected(&a), "1.1");
    assert_eq!(press(&mut a, "Space"), Effect::Save);
    assert!(done(&a, "1.1.1"));
    let task = &a.catalog().doc.sections[0].tasks[0];
    assert_eq!(a.progress().task(task).to_string(), "1/6");
    assert_eq!(press(&mut a, "Space"), Effect::Save);
    assert!(!done(&a, "1.1.1"), "Space again unchecks");
}

#[test]
fn a_whole_task_asks_first() {
    let mut a = app(120, 40);
    assert_eq!(press(&mut a, "Space"), Effect::None);
    assert!(matches!(*a.mode(), Mode::Confirm(ref p) if p.check && p.count == 6));
    assert_eq!(press(&mut a, "n"), Effect::None);
    assert_eq!(*a.mode(), Mode::Browse);
    assert!(!done(&a, "1.1.1"));
    press(&mut a, "Space");
    assert_eq!(press(&mut a, "y"), Effect::Save);
    assert!(
        ["1.1.1", "1.2.1", "1.3.1", "1.3.2", "1.4.1", "1.5.1"]
            .iter()
            .all(|k| done(&a, k))
    );
    press(&mut a, "Space");
    assert!(
        matches!(*a.mode(), Mode::Confirm(ref p) if !p.check && p.count == 6),
        "all done: unchecks"
    );
    press(&mut a, "Esc");
    assert!(done(&a, "1.1.1"), "Esc cancels");
}

#[test]
fn undo_and_redo_across_the_session() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j Space j Space");
    assert!(done(&a, "1.1.1") && done(&a, "1.2.1"));
    assert_eq!(press(&mut a, "u"), Effect::Save);
    assert!(done(&a, "1.1.1") && !done(&a, "1.2.1"));
    press(&mut a, "u");
    assert!(!done(&a, "1.1.1"));
    assert_eq!(press(&mut a, "u"), Effect::None, "nothing left to undo");
    assert!(a.status().unwrap_or("").contains("没有"));
    assert_eq!(press(&mut a, "C-r"), Effect::Save);
    assert!(done(&a, "1.1.1"));
}

#[test]
fn milestones_of_a_measure_open_and_toggle_one_by_one() {
    let mut a = app(120, 40);
    // 19.3 has three milestones (2019, 2019, 2020).
    press(&mut a, "3 Enter j j j");
    assert_eq!(selected(&a), "19.3");
    press(&mut a, "l");
    assert_eq!(selected(&a), "19.3", "l opens the milestones");
    press(&mut a, "l");
    assert_eq!(selected(&a), "19.3.1", "l again goes into them");
    press(&mut a, "j Space");
    assert!(done(&a, "19.3.2") && !done(&a, "19.3.1"));
    press(&mut a, "h");
    assert_eq!(selected(&a), "19.3");
    let m = match a.detail_item() {
        Some(Item::Measure(_, _, m)) => m.clone(),
        _ => panic!("a measure"),
    };
    assert_eq!(a.progress().measure(&m).to_string(), "1/3");
}

#[test]
fn a_note_is_typed_saved_and_shown() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j a");
    assert!(matches!(*a.mode(), Mode::Note { ref milestone, .. } if milestone == "1.1.1"));
    for k in "已报市政府 q".chars() {
        let name = if k == ' ' {
            "Space".to_string()
        } else {
            k.to_string()
        };
        press(&mut a, &name);
    }
    press(&mut a, "Backspace Backspace");
    assert_eq!(press(&mut a, "Enter"), Effect::Save);
    assert_eq!(a.progress().note("1.1.1"), Some("已报市政府"));
    assert!(!done(&a, "1.1.1"), "a note does not check the milestone");
    press(&mut a, "a C-u Esc");
    assert_eq!(
        a.progress().note("1.1.1"),
        Some("已报市政府"),
        "Esc keeps the old note"
    );
}

#[test]
fn a_read_only_state_changes_nothing_and_says_why() {
    let cat = fgf::domain::seeds::embedded();
    let mut a = App::new(cat, crate::support::options(fgf::tui::i18n::Lang::Zh))
        .with_progress_error("bad.json: line 1".into());
    a.update(fgf::tui::action::Action::Resize(120, 40));
    press(&mut a, "Enter j");
    assert_eq!(press(&mut a, "Space"), Effect::None);
    assert!(!done(&a, "1.1.1"));
    assert!(a.status().unwrap().contains("只读"));
    assert_eq!(press(&mut a, "a"), Effect::None);
    assert_eq!(*a.mode(), Mode::Browse);
}

#[test]
fn changes_from_another_session_are_absorbed_and_reported() {
    let mut a = app(120, 40);
    let mut other = State::new(&a.catalog().doc.id);
    let mut p = fgf::domain::Progress::new(other.clone());
    p.check(&["9.2.1"], Some("来自另一终端"), jiff::Timestamp::now());
    other = p.into_state();
    a.saved(other);
    assert!(done(&a, "9.2.1"));
    assert!(a.status().unwrap().contains("1"));
}

#[test]
fn deadlines_view_groups_and_jumps() {
    let mut a = app(120, 40);
    press(&mut a, "5");
    assert_eq!(a.view(), View::Deadlines);
    assert_eq!(a.focus(), Focus::Deadlines);
    assert!(matches!(
        a.deadlines().rows()[0],
        fgf::tui::app::DeadlineRow::Band(fgf::tui::app::Band::Past, ..)
    ));
    assert!(
        matches!(a.deadlines().rows()[1], fgf::tui::app::DeadlineRow::Header(Some(d), _) if d.to_string() == "2019-12-31")
    );
    assert_eq!(
        selected(&a),
        "1.1.1",
        "starts on the first milestone, not its heading"
    );
    press(&mut a, "G k");
    let last_dated = a.selected_id().unwrap();
    press(&mut a, "j");
    assert_ne!(a.selected_id(), None, "headings are stepped over");
    press(&mut a, "k");
    assert_eq!(a.selected_id().unwrap(), last_dated);
    press(&mut a, "g");
    press(&mut a, "Space");
    assert!(done(&a, "1.1.1"), "Space works in the deadlines view");
    press(&mut a, "Enter");
    assert_eq!(a.view(), View::Tree);
    assert_eq!(a.selected_loc(), Some(Loc::Milestone(0, 0, 0, 0)));
}

#[test]
fn the_cached_counts_always_equal_a_full_count() {
    let mut a = app(120, 40);
    let check = |a: &App| {
        for (i, s) in a.catalog().doc.sections.iter().enumerate() {
            assert_eq!(
                a.rollup().section(i),
                a.progress().section(s),
                "section {i}"
            );
        }
        assert_eq!(a.rollup().overall(), a.progress().overall(a.catalog()));
        assert_eq!(
            a.rollup().overdue(),
            a.progress().overdue(a.catalog(), a.options().today).len()
        );
    };
    check(&a);
    for keys in [
        "Enter j Space",
        "j j Space",
        "k Space",
        "u",
        "u",
        "C-r",
        "2 Space y",
        "3 G Space y",
        "5 j j Space",
    ] {
        press(&mut a, keys);
        check(&a);
    }
    let mut other = fgf::domain::Progress::new(a.progress().state().clone());
    other.check(&["26.3.1", "1.1.1"], None, jiff::Timestamp::now());
    other.uncheck(&["12.1.1"], jiff::Timestamp::now());
    a.saved(other.into_state());
    check(&a);
}
