//! The workspace's list of notices and its cross-notice views on the keymap table: `?` shows
//! their keys (as a notice's help does), PgDn / PgUp page the list, and Ctrl-z or SIGTSTP
//! suspend on the list as in a notice (terminal restored; SIGCONT draws it again).

use crossterm::event::{KeyCode, KeyModifiers};
use fgf::tui::i18n::Lang;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::{List, Picked, Row};

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;
use crate::tui_signals::{pid, signal, suspend_and_resume_showing};
use crate::workspace_across::{city_path, list, notices, screen};
use crate::workspace_tui::many;

fn press(l: &mut List, code: KeyCode) -> Picked {
    l.key(code, KeyModifiers::NONE)
}

#[test]
fn question_mark_shows_the_lists_keys_from_the_keymap_and_esc_closes_it() {
    let mut l = list(notices(Lang::Zh, &[]));
    assert_eq!(press(&mut l, KeyCode::Char('?')), Picked::Stay);
    assert!(l.help_open());
    let s = screen(&mut l, 100, 40);
    // Every page of it, as PgDn scrolls it.
    let mut all = s.clone();
    for _ in 0..5 {
        press(&mut l, KeyCode::PageDown);
        all.push_str(&screen(&mut l, 100, 40));
    }
    for want in [
        "帮助 · j k 滚动 · Esc 关闭",
        "通知列表",
        "PgDn Ctrl-d",
        "各通知期限",
        "各通知的单位、期限视图（U D）",
        "勾选 / 取消",
        "搜索全部通知（/）",
        "上一条搜索历史",
        "in:文号",
        "挂起到后台",
    ] {
        assert!(all.contains(want), "{want}:\n{all}");
    }
    assert!(!all.contains("Ctrl-y"), "the search across copies no id");
    insta::assert_snapshot!("help_on_the_list", s);
    for b in fgf::tui::keymap::bindings(fgf::tui::keymap::Ctx::Workspace, false) {
        assert!(
            all.contains(b.label) && all.contains(b.zh),
            "help lacks {}",
            b.zh
        );
    }
    // Keys of the list do nothing behind the help; Esc closes it.
    assert_eq!(press(&mut l, KeyCode::Enter), Picked::Stay);
    assert_eq!(press(&mut l, KeyCode::Esc), Picked::Stay);
    assert!(!l.help_open());
    let s = screen(&mut l, 100, 40);
    assert!(s.contains("工作区") && !s.contains("帮助 · j k"), "{s}");
    // `?` closes it too; q there quits, as in a notice's help.
    press(&mut l, KeyCode::Char('?'));
    press(&mut l, KeyCode::Char('?'));
    assert!(!l.help_open());
    press(&mut l, KeyCode::Char('?'));
    assert_eq!(press(&mut l, KeyCode::Char('q')), Picked::Quit);

    let mut en = list(notices(Lang::En, &[]));
    press(&mut en, KeyCode::Char('?'));
    let s = screen(&mut en, 100, 40);
    assert!(s.contains("The list of notices"), "{s}");
    assert!(
        s.contains("Units and deadlines across the notices (U D)"),
        "{s}"
    );
    assert!(!s.contains("通知列表"), "one language a run:\n{s}");
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    let mut l = list(notices(Lang::Zh, &[]));
    press(&mut l, KeyCode::Char('?'));
    let s = screen(&mut l, 80, 12);
    assert!(s.contains("通知列表"), "{s}");
    assert!(s.contains("↓"), "says how much is below:\n{s}");
    for _ in 0..100 {
        press(&mut l, KeyCode::Char('j'));
    }
    let s = screen(&mut l, 80, 12);
    assert!(!s.contains("通知列表"), "scrolled:\n{s}");
    assert!(s.contains("挂起到后台"), "the last group shown:\n{s}");
}

#[test]
fn question_mark_in_a_cross_notice_view_and_esc_comes_back_to_it() {
    let mut l = list(notices(Lang::Zh, &[]));
    press(&mut l, KeyCode::Char('D'));
    assert!(l.across().is_some());
    press(&mut l, KeyCode::Char('?'));
    let s = screen(&mut l, 100, 40);
    assert!(s.contains("各通知的单位、期限视图（U D）"), "{s}");
    press(&mut l, KeyCode::Esc);
    assert!(!l.help_open());
    assert!(l.across().is_some(), "still in the deadlines view");
    assert!(screen(&mut l, 100, 40).contains("期限（全部通知）"));
}

#[test]
fn page_keys_move_the_selection_by_a_screen() {
    let mut l = List::new(many(30), Lang::Zh, Theme::new(false));
    // 12 rows: 4 notices a screen.
    screen(&mut l, 60, 12);
    press(&mut l, KeyCode::PageDown);
    assert_eq!(l.selected, 4);
    l.key(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(l.selected, 8);
    press(&mut l, KeyCode::PageUp);
    assert_eq!(l.selected, 4);
    press(&mut l, KeyCode::End);
    press(&mut l, KeyCode::PageDown);
    assert_eq!(l.selected, 29, "stops at the last");
}

#[test]
fn ctrl_z_asks_to_suspend_in_the_list_the_help_the_views_and_the_search() {
    let ctrl_z = |l: &mut List| l.key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let mut l = list(notices(Lang::Zh, &[]));
    assert_eq!(ctrl_z(&mut l), Picked::Suspend);
    press(&mut l, KeyCode::Char('?'));
    assert_eq!(ctrl_z(&mut l), Picked::Suspend);
    assert!(l.help_open(), "back where it was");
    press(&mut l, KeyCode::Esc);
    press(&mut l, KeyCode::Char('U'));
    assert_eq!(ctrl_z(&mut l), Picked::Suspend);
    press(&mut l, KeyCode::Esc);
    press(&mut l, KeyCode::Char('/'));
    assert_eq!(ctrl_z(&mut l), Picked::Suspend);
    assert_eq!(l.search().unwrap().query(), "", "not typed into the search");
}

fn two_notices() -> Sandbox {
    let sb = Sandbox::new();
    let o = sb.run(&["add", city_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    sb
}

#[test]
fn ctrl_z_on_the_list_suspends_and_sigcont_draws_it_again() {
    let mut p = Pty::spawn_in(two_notices(), 120, 40, &[], &[]);
    suspend_and_resume_showing(&mut p, "工作区 · 2 份通知", |p| p.send("\x1a"));
}

#[test]
fn an_external_sigtstp_on_the_list_suspends_likewise() {
    let mut p = Pty::spawn_in(two_notices(), 120, 40, &[], &[]);
    suspend_and_resume_showing(&mut p, "工作区 · 2 份通知", |p| {
        signal(pid(p), libc::SIGTSTP)
    });
}

fn quirky(change: impl FnOnce(&mut fgf::tui::app::Options)) -> List {
    let mut n = notices(Lang::Zh, &[]);
    change(&mut n.opts);
    let rows = vec![Row {
        label: "渝府办发〔2019〕103号".into(),
        title: "关于印发“放管服”改革的通知".into(),
        done: 13,
        total: 130,
        overdue: 36,
    }];
    List::new(rows, Lang::Zh, Theme::new(false)).with_notices(n)
}

#[test]
fn the_list_and_its_help_in_a_locale_that_is_not_utf8_are_drawn_in_ascii() {
    let mut plain = quirky(|_| {});
    let s = screen(&mut plain, 80, 24);
    assert!(s.contains("▶ 渝府办发") && s.contains('█'), "{s}");
    let mut l = quirky(|o| o.ascii = true);
    let s = screen(&mut l, 80, 24);
    assert!(s.contains("> 渝府办发"), "{s}");
    assert!(s.contains("13/130  10% #........."), "{s}");
    press(&mut l, KeyCode::Char('?'));
    let s = screen(&mut l, 80, 24);
    assert!(s.contains("+-") && s.contains('|'), "{s}");
    for c in ['▶', '█', '░', '┌', '│', '↓'] {
        assert!(!s.contains(c), "{c} in:\n{s}");
    }
}

#[test]
fn with_ambiwide_the_lists_ambiguous_characters_get_their_second_column() {
    let mut plain = quirky(|_| {});
    assert!(screen(&mut plain, 80, 24).contains("“放管服”改革"));
    let mut l = quirky(|o| o.ambiwide = true);
    let s = screen(&mut l, 80, 24);
    assert!(s.contains("“ 放管服” 改革"), "{s}");
}
