use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::domain::seeds;

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + s).unwrap()
}

fn fresh() -> (Catalog, Progress) {
    let cat = seeds::embedded();
    let p = Progress::new(State::new(&cat.doc.id));
    (cat, p)
}

#[test]
fn check_returns_only_what_changed() {
    let (_, mut p) = fresh();
    let c = p.check(&["19.3.1", "19.3.2"], None, t(1));
    assert_eq!(c.ids().collect::<Vec<_>>(), ["19.3.1", "19.3.2"]);
    assert_eq!(c.checked().count(), 2);
    let again = p.check(&["19.3.1"], None, t(2));
    assert!(again.is_empty(), "already done: nothing to record");
    assert!(p.is_done("19.3.1"));
}

#[test]
fn uncheck_leaves_a_tombstone_with_its_time() {
    let (_, mut p) = fresh();
    p.check(&["1.1.1"], Some("已报送"), t(1));
    let c = p.uncheck(&["1.1.1"], t(5));
    assert_eq!(c.unchecked().count(), 1);
    let m = p.state().mark("1.1.1").unwrap();
    assert!(!m.done);
    assert_eq!(m.at, t(5));
    assert_eq!(
        m.note.as_deref(),
        Some("已报送"),
        "the note survives an uncheck"
    );
}

#[test]
fn times_always_move_forward_for_a_milestone() {
    let (_, mut p) = fresh();
    p.check(&["1.1.1"], None, t(10));
    p.uncheck(&["1.1.1"], t(10));
    p.check(&["1.1.1"], None, t(3)); // a clock that went backwards
    let at = p.state().mark("1.1.1").unwrap().at;
    assert!(at > t(10), "{at}");
}

#[test]
fn toggle_on_a_measure_checks_all_then_unchecks_all() {
    let (cat, mut p) = fresh();
    p.check(&["19.3.1"], None, t(1));
    assert_eq!(p.toggle_effect(&cat, "19.3"), Some((true, 2)));
    let c = p.toggle(&cat, "19.3", t(2)).unwrap();
    assert_eq!(p.toggle_effect(&cat, "19.3"), Some((false, 3)));
    assert_eq!(c.ids().collect::<Vec<_>>(), ["19.3.2", "19.3.3"]);
    assert_eq!(
        p.measure(task_measure(&cat, "19.3")),
        Tally { done: 3, total: 3 }
    );
    let c = p.toggle(&cat, "19.3", t(3)).unwrap();
    assert_eq!(c.unchecked().count(), 3);
    assert!(p.toggle(&cat, "99.9", t(4)).is_none());
}

fn task_measure<'c>(cat: &'c Catalog, id: &str) -> &'c crate::domain::Measure {
    match cat.get(id) {
        Some(Item::Measure(_, _, m)) => m,
        _ => panic!("{id} is a measure"),
    }
}

#[test]
fn undo_and_redo_across_several_changes() {
    let (cat, mut p) = fresh();
    p.toggle(&cat, "19", t(1));
    p.set_note("19.1.1", Some("  第一批\n已完成 "), t(2));
    assert_eq!(p.note("19.1.1"), Some("第一批\n已完成"));
    let u = p.undo(t(3)).unwrap();
    assert_eq!(u.ids().collect::<Vec<_>>(), ["19.1.1"]);
    assert_eq!(p.note("19.1.1"), None);
    p.undo(t(4)).unwrap();
    assert_eq!(p.task(task(&cat, "19")).done, 0);
    assert!(p.undo(t(5)).is_none());
    p.redo(t(6)).unwrap();
    assert_eq!(p.task(task(&cat, "19")).done, 15);
    p.redo(t(7)).unwrap();
    assert_eq!(p.note("19.1.1"), Some("第一批\n已完成"));
    assert!(p.redo(t(7)).is_none());
    // A new change clears redo.
    p.undo(t(8));
    p.check(&["1.1.1"], None, t(9));
    assert!(p.redo(t(10)).is_none());
}

#[test]
fn undo_is_a_new_later_mark_so_it_wins_merges() {
    let (_, mut p) = fresh();
    p.check(&["1.1.1"], None, t(1));
    let before_undo = p.state().clone();
    p.undo(t(2));
    let merged = State::merged(&before_undo, p.state());
    assert!(!merged.is_done("1.1.1"), "the undo (an uncheck at t2) wins");
}

#[test]
fn undo_leaves_a_milestone_changed_elsewhere_since() {
    let (_, mut p) = fresh();
    p.check(&["1.1.1", "1.3.1"], None, t(1));
    let mut elsewhere = p.state().clone();
    elsewhere.marks.get_mut("1.3.1").unwrap().note = Some("另一处".into());
    elsewhere.marks.get_mut("1.3.1").unwrap().at = t(5);
    let changed = p.absorb(State::merged(p.state(), &elsewhere));
    assert_eq!(changed, ["1.3.1"]);
    let u = p.undo(t(6)).unwrap();
    assert_eq!(u.ids().collect::<Vec<_>>(), ["1.1.1"]);
    assert!(p.is_done("1.3.1"));
}

fn task<'c>(cat: &'c Catalog, id: &str) -> &'c crate::domain::Task {
    match cat.get(id) {
        Some(Item::Task(_, t)) => t,
        _ => panic!("{id} is a task"),
    }
}

#[test]
fn roll_ups_add_up() {
    let (cat, mut p) = fresh();
    assert_eq!(
        p.overall(&cat),
        Tally {
            done: 0,
            total: 130
        }
    );
    let totals: Vec<usize> = cat
        .doc
        .sections
        .iter()
        .map(|s| p.section(s).total)
        .collect();
    assert_eq!(totals, [42, 41, 47]);
    p.toggle(&cat, "19", t(1));
    p.toggle(&cat, "1.1", t(1));
    p.check(&["12.1.2"], None, t(1));
    let t19 = p.task(task(&cat, "19"));
    assert_eq!(
        t19,
        Tally {
            done: 15,
            total: 15
        }
    );
    assert!(t19.is_complete());
    assert_eq!(t19.percent(), 100);
    let sections: Vec<String> = cat
        .doc
        .sections
        .iter()
        .map(|s| p.section(s).to_string())
        .collect();
    assert_eq!(sections, ["1/42", "1/41", "15/47"]);
    let overall = p.overall(&cat);
    assert_eq!(
        overall,
        Tally {
            done: 17,
            total: 130
        }
    );
    assert_eq!(overall.percent(), 13);
    assert_eq!(Tally::default().percent(), 0);
    let t = |done, total| Tally { done, total }.percent_text();
    assert_eq!(
        [
            t(0, 120),
            t(1, 120),
            t(2, 120),
            t(119, 120),
            t(120, 120),
            t(0, 0)
        ],
        ["0%", "<1%", "1%", "99%", "100%", "0%"]
    );
    let sum: Tally = cat.tasks().map(|(_, t)| p.task(t)).sum();
    assert_eq!(sum, overall);
}

#[test]
fn overdue_is_open_and_strictly_past_the_deadline() {
    let (cat, mut p) = fresh();
    assert!(
        p.overdue(&cat, date(2019, 12, 31)).is_empty(),
        "due that day, not late"
    );
    let late = p.overdue(&cat, date(2020, 1, 1));
    assert_eq!(late.len(), 27);
    p.check(&["1.1.1"], None, t(1));
    assert_eq!(p.overdue(&cat, date(2020, 1, 1)).len(), 26);
    assert_eq!(
        p.overdue(&cat, date(2030, 1, 1)).len(),
        26 + 1 + 8,
        "undated never overdue"
    );
    let Item::Milestone(_, _, _, k) = cat.get("1.1.1").unwrap() else {
        panic!()
    };
    assert_eq!(p.status(k, date(2020, 1, 1)), Status::Done);
}

#[test]
fn deadline_groups_run_earliest_first_undated_last() {
    let cat = seeds::embedded();
    let groups = deadline_groups(&cat);
    let heads: Vec<(Option<String>, usize)> = groups
        .iter()
        .map(|g| (g.deadline.map(|d| d.to_string()), g.milestones.len()))
        .collect();
    assert_eq!(
        heads,
        [
            (Some("2019-12-31".to_string()), 27),
            (Some("2020-06-30".to_string()), 1),
            (Some("2020-12-31".to_string()), 8),
            (None, 94),
        ]
    );
}

#[test]
fn milestone_ids_expand_tasks_and_measures() {
    let cat = seeds::embedded();
    assert_eq!(
        milestone_ids(&cat, "19.3").unwrap(),
        ["19.3.1", "19.3.2", "19.3.3"]
    );
    assert_eq!(
        milestone_ids(&cat, "12").unwrap(),
        ["12.1.1", "12.1.2", "12.2.1"]
    );
    assert_eq!(milestone_ids(&cat, "9.2.1").unwrap(), ["9.2.1"]);
    assert!(milestone_ids(&cat, "9.9").is_none());
}

#[test]
fn absorb_reports_changes_made_behind_us() {
    let (_, mut p) = fresh();
    p.check(&["1.1.1"], None, t(1));
    let mut disk = State::new(p.state().document.clone());
    disk.marks.insert(
        "2.1.1".into(),
        Mark {
            done: true,
            at: t(2),
            note: None,
        },
    );
    let merged = State::merged(&disk, p.state());
    assert_eq!(p.absorb(merged), ["2.1.1"]);
    assert!(p.is_done("2.1.1") && p.is_done("1.1.1"));
    // History kept: the check-off made before the merge can be undone.
    assert!(p.undo(t(3)).is_some(), "history kept");
    assert!(!p.is_done("1.1.1"));
}

#[test]
fn a_note_keeps_its_lines_with_blanks_folded_and_the_ends_trimmed() {
    let (_, mut p) = fresh();
    p.set_note("19.1.1", Some("\n  a   b \r\n\n c\t d\n\n\n"), t(1));
    assert_eq!(p.note("19.1.1"), Some("a b\n\nc d"));
    p.set_note("19.1.1", Some(" \n\t\n"), t(2));
    assert_eq!(p.note("19.1.1"), None, "blank is no note");
}
