//! Space in the workspace's cross-notice views (issue 13): a measure or milestone checked off or
//! back in its own notice's check-offs, saved to that notice's state file by the shell; a save
//! that fails puts back what the file holds and says why. In a pty, end to end.

use fgf::domain::{Progress, State};
use fgf::tui::i18n::Lang;
use fgf::tui::workspace::{List, Picked};

use crate::support::press_list as keys;
use crate::workspace_across as across;

/// The 103号 and the city's notice, nothing checked off, on 2099-06-01.
fn list(lang: Lang) -> List {
    across::list(across::notices(lang, &[]))
}

fn screen(l: &mut List) -> String {
    across::screen(l, 120, 40)
}

/// Milestones checked off in notice `d` of the list.
fn done(l: &mut List, d: usize) -> usize {
    let n = l.notices_mut().unwrap();
    n.progress[d]
        .state()
        .marks
        .values()
        .filter(|m| m.done)
        .count()
}

#[test]
fn space_in_the_deadlines_view_checks_off_in_the_rows_notice_and_asks_for_a_save() {
    let mut l = list(Lang::Zh);
    // The last row: the city's last milestone.
    assert_eq!(keys(&mut l, "D G"), Picked::Stay);
    assert!(screen(&mut l).contains("Space 勾选"), "the view's keys");
    let picked = keys(&mut l, "Space");
    assert_eq!(picked, Picked::Save(1));
    assert_eq!((done(&mut l, 0), done(&mut l, 1)), (0, 1));
    let state = l.notices_mut().unwrap().progress[1].state().clone();
    l.saved(1, Ok(state));
    let s = screen(&mut l);
    assert!(
        s.contains("〔示府办发〔2099〕12号〕6.1.1：勾选 1 项，取消 0 项，已保存"),
        "{s}"
    );
    // Again: back, and saved.
    assert_eq!(keys(&mut l, "Space"), Picked::Save(1));
    assert_eq!(done(&mut l, 1), 0);
}

#[test]
fn a_save_that_fails_puts_back_what_was_shown_before_and_says_why() {
    let mut l = list(Lang::En);
    keys(&mut l, "D G");
    assert_eq!(keys(&mut l, "Space"), Picked::Save(1));
    assert_eq!(done(&mut l, 1), 1);
    l.saved(1, Err(("disk full \u{1b}[31m".into(), None)));
    assert_eq!(done(&mut l, 1), 0, "nothing shows as saved that is not");
    let s = screen(&mut l);
    assert!(
        s.contains("6.1.1: 1 checked, 0 unchecked, not saved: disk full"),
        "{s}"
    );
    assert!(!s.contains('\u{1b}'));
    // With the file's own state: that is what shows.
    keys(&mut l, "Space");
    let mut on_disk = State::new(&l.notices_mut().unwrap().cats[1].doc.id);
    on_disk = {
        let mut p = Progress::new(on_disk);
        let cat = l.notices_mut().unwrap().cats[1].clone();
        let first = cat.doc.sections[0].tasks[0].measures[0].id.clone();
        p.toggle(&cat, &first, jiff::Timestamp::now()).unwrap();
        p.state().clone()
    };
    l.saved(1, Err(("read-only".into(), Some(on_disk.clone()))));
    assert_eq!(l.notices_mut().unwrap().progress[1].state(), &on_disk);
}

#[test]
fn space_on_a_units_measure_checks_it_off_in_its_notice() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "U Tab");
    let picked = keys(&mut l, "Space");
    let Picked::Save(d) = picked else {
        panic!("Space on a unit's measure: {picked:?}")
    };
    assert!(done(&mut l, d) > 0);
    assert_eq!(done(&mut l, 1 - d), 0, "the other notice is untouched");
}

#[test]
fn space_in_a_pty_is_saved_to_the_rows_own_state_file() {
    let mut p = across::city_at_its_last_deadline();
    p.send(" ");
    p.wait_text("6.1.1：勾选 1 项，取消 0 项，已保存");
    p.send("q");
    p.wait_text("Enter 打开（q 回来）");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let o = p
        .sandbox
        .run(&["--doc", "示府办发〔2099〕12号", "show", "6.1.1", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("\"done\""), "{shown}");
    let o = p
        .sandbox
        .run(&["--doc", "yufubanfa-2019-103", "progress", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["done"], 0, "the 103号 untouched: {v}");
}
