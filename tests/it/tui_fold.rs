//! Issue 17: folding every pane at once (zR, zM, org's S-Tab cycle) and jumping to the next or
//! previous open or overdue milestone (]o [o ]d [d). Keys -> state, the footer, a snapshot.

use insta::assert_snapshot;

use crate::support::{app, press, screen};
use fgf::domain::progress::Status;
use fgf::tui::app::{App, Focus, Mode};
use fgf::tui::tree::Row;

fn selected_id(a: &App) -> String {
    a.selected_id().unwrap_or_default()
}

/// Overdue milestone ids in document order, as a jump names them: the milestone, or its measure
/// when it is the only one.
fn overdue_targets(a: &App) -> Vec<String> {
    let today = a.options().today;
    a.catalog()
        .measures()
        .flat_map(|(_, _, m)| {
            m.milestones
                .iter()
                .filter(|k| a.progress().status(k, today) == Status::Overdue)
                .map(|k| {
                    if m.milestones.len() == 1 {
                        m.id.clone()
                    } else {
                        k.id.clone()
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn zr_unfolds_every_pane_to_its_milestones_and_zm_folds_them() {
    let mut a = app(200, 50);
    press(&mut a, "z R");
    assert_eq!(a.mode(), &Mode::Browse);
    for s in 0..3 {
        let t = a.tree(s);
        assert!(t.expanded.iter().all(|&e| e), "section {s}");
        let sec = &a.catalog().doc.sections[s];
        let milestones: usize = sec
            .tasks
            .iter()
            .flat_map(|t| &t.measures)
            .filter(|m| m.milestones.len() > 1)
            .map(|m| m.milestones.len())
            .sum();
        let shown = t
            .rows()
            .iter()
            .filter(|r| matches!(r, Row::Milestone(..)))
            .count();
        assert_eq!(shown, milestones, "section {s}");
    }
    press(&mut a, "j j");
    let id = selected_id(&a);
    assert_eq!(id, "1.2", "the rows under task 1 are its measures");
    press(&mut a, "z M");
    assert!(a.tree(0).expanded.iter().all(|&e| !e));
    assert_eq!(
        a.tree(1).rows().len(),
        a.catalog().doc.sections[1].tasks.len()
    );
    assert_eq!(selected_id(&a), "1", "the selection goes up to its task");
}

#[test]
fn s_tab_cycles_folded_tasks_everything_as_org_does() {
    let mut a = app(200, 50);
    press(&mut a, "S-Tab");
    assert_eq!(a.focus(), Focus::Section(0));
    assert!(a.tree(2).expanded.iter().all(|&e| e), "tasks open");
    assert!(a.tree(2).open_measures.is_empty());
    press(&mut a, "S-Tab");
    assert!(!a.tree(2).open_measures.is_empty(), "milestones shown");
    press(&mut a, "S-Tab");
    assert!(a.tree(2).expanded.iter().all(|&e| !e), "folded again");
    assert_eq!(a.status(), Some("已全部折叠到任务"));
}

#[test]
fn bracket_d_walks_the_overdue_milestones_and_wraps() {
    let mut a = app(200, 50);
    let targets = overdue_targets(&a);
    assert!(targets.len() > 3);
    press(&mut a, "] d");
    assert_eq!(selected_id(&a), targets[0]);
    press(&mut a, "] d");
    assert_eq!(selected_id(&a), targets[1]);
    press(&mut a, "[ d");
    assert_eq!(selected_id(&a), targets[0]);
    press(&mut a, "[ d");
    assert_eq!(
        selected_id(&a),
        *targets.last().unwrap(),
        "wraps to the end"
    );
    assert_eq!(a.status(), Some("已到开头，从末尾继续"));
    // Across sections: the focus follows the jump.
    let Focus::Section(s) = a.focus() else {
        panic!("a section pane has the focus")
    };
    assert_eq!(s, 2);
}

#[test]
fn bracket_o_skips_what_is_checked_off_and_keeps_within_the_filter() {
    let mut a = app(200, 50);
    press(&mut a, "] o");
    let first = selected_id(&a);
    press(&mut a, "Space");
    press(&mut a, "g [ o ] o");
    assert_ne!(
        selected_id(&a),
        first,
        "a checked-off milestone is not open"
    );
    press(&mut a, "f ? g ] o");
    let id = selected_id(&a);
    let loc = a.catalog().locate(&id).unwrap();
    let measure = match a.catalog().at(loc) {
        fgf::domain::Item::Measure(_, _, m) => m,
        fgf::domain::Item::Milestone(_, _, m, _) => m,
        other => panic!("{other:?}"),
    };
    assert!(!measure.is_certain(), "{id} is within the uncertain filter");
}

#[test]
fn the_footer_lists_the_second_keys_and_esc_cancels() {
    let mut a = app(120, 40);
    press(&mut a, "z");
    let footer = screen(&a).lines().last().unwrap().to_string();
    assert!(footer.contains("zR") && footer.contains("zM"), "{footer}");
    press(&mut a, "Esc");
    assert_eq!(a.mode(), &Mode::Browse);
    assert_eq!(a.focus(), Focus::Section(0), "Esc only cancels the chord");
    press(&mut a, "]");
    let footer = screen(&a).lines().last().unwrap().to_string();
    assert!(footer.contains("]o") && footer.contains("]d"), "{footer}");
}

#[test]
fn snapshot_everything_unfolded_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "z R ] d");
    assert_snapshot!(screen(&a));
}
