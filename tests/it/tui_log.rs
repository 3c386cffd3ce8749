//! The progress log in the TUI (issue 16): L on the selection, Tab for the status, the detail pane's
//! log lines newest first.

use crate::support::{app, press, screen};
use fgf::domain::progress::LogStatus;
use fgf::tui::action::Effect;
use fgf::tui::app::Mode;

fn type_text(a: &mut fgf::tui::app::App, text: &str) {
    for c in text.chars() {
        press(a, &c.to_string());
    }
}

#[test]
fn l_logs_an_entry_with_the_status_picked_by_tab_and_the_detail_shows_it() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j L");
    assert!(matches!(a.mode(), Mode::Log { id, status: LogStatus::InProgress, .. } if id == "1.1"));
    type_text(&mut a, "已起草");
    press(&mut a, "Tab Tab");
    assert!(matches!(
        a.mode(),
        Mode::Log {
            status: LogStatus::Blocked,
            ..
        }
    ));
    assert!(screen(&a).contains("受阻"), "the prompt names the status");
    assert_eq!(press(&mut a, "Enter"), Effect::Save);
    let log = &a.progress().state().log["1.1"];
    let e = log.iter().next().unwrap();
    assert_eq!(
        (e.status, e.text.as_str()),
        (Some(LogStatus::Blocked), "已起草")
    );
    assert!(!a.progress().is_done("1.1.1"));
    press(&mut a, "L");
    type_text(&mut a, "第二条");
    press(&mut a, "Enter");
    let s = screen(&a);
    let (newer, older) = (s.find("推进中：第二条"), s.find("受阻：已起草"));
    assert!(newer.is_some() && older.is_some() && newer < older, "{s}");
}

#[test]
fn done_checks_off_and_esc_or_a_task_log_nothing() {
    let mut a = app(120, 40);
    press(&mut a, "L");
    assert_eq!(a.mode(), &Mode::Browse, "a task is refused");
    assert!(a.status().unwrap_or("").contains("举措"));
    press(&mut a, "Enter j L");
    type_text(&mut a, "x");
    assert_eq!(press(&mut a, "Esc"), Effect::None);
    assert!(a.progress().state().log.is_empty());
    press(&mut a, "L Tab");
    type_text(&mut a, "办结");
    assert_eq!(press(&mut a, "Enter"), Effect::Save);
    assert!(a.progress().is_done("1.1.1"));
}
