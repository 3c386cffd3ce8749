//! The interactive view on a workspace of several notices: the list (drawn, keys) and, in a real
//! terminal, Enter opening a notice and `q` coming back to the list.

use crossterm::event::{KeyCode, KeyModifiers};
use fgf::tui::i18n::Lang;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::{List, Picked, Row};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;

fn rows() -> Vec<Row> {
    vec![
        Row {
            label: "渝府办发〔2019〕103号".into(),
            title: "重庆市人民政府办公厅关于印发……的通知".into(),
            done: 13,
            total: 130,
            overdue: 36,
        },
        Row {
            label: "示府办发〔2099〕12号\u{1b}[31m".into(),
            title: "示例市人民政府办公室关于印发……的通知".into(),
            done: 0,
            total: 9,
            overdue: 0,
        },
    ]
}

fn screen(list: &mut List, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| list.draw(f)).unwrap();
    crate::support::text_of(term.backend().buffer())
}

#[test]
fn the_list_shows_each_notice_with_its_progress() {
    let mut list = List::new(rows(), Lang::Zh, Theme::new(false));
    let s = screen(&mut list, 80, 24);
    assert!(s.contains("工作区 · 2 份通知"), "{s}");
    assert!(
        s.contains("▶ 渝府办发〔2019〕103号"),
        "the first selected:\n{s}"
    );
    assert!(s.contains("13/130  10% █░░░░░░░░░  逾期 36"), "{s}");
    assert!(s.contains("0/9   0% ░░░░░░░░░░"), "{s}");
    assert!(
        !s.contains('\u{1b}'),
        "a notice's text is neutralised:\n{s}"
    );
    assert!(s.contains("Enter 打开"), "the keys at the foot:\n{s}");
    let mut en = List::new(rows(), Lang::En, Theme::new(false));
    assert!(screen(&mut en, 80, 24).contains("Workspace · 2 notices"));
}

#[test]
fn keys_move_open_and_quit() {
    let mut list = List::new(rows(), Lang::Zh, Theme::new(false));
    let none = KeyModifiers::NONE;
    assert_eq!(list.key(KeyCode::Up, none), Picked::Stay);
    assert_eq!(list.selected, 0);
    assert_eq!(list.key(KeyCode::Char('j'), none), Picked::Stay);
    assert_eq!(list.key(KeyCode::Down, none), Picked::Stay);
    assert_eq!(list.selected, 1, "stops at the last");
    assert!(screen(&mut list, 80, 24).contains("▶ 示府办发"));
    assert_eq!(list.key(KeyCode::Enter, none), Picked::Open(1));
    assert_eq!(list.key(KeyCode::Char('g'), none), Picked::Stay);
    assert_eq!(list.key(KeyCode::Enter, none), Picked::Open(0));
    assert_eq!(list.key(KeyCode::Char('q'), none), Picked::Quit);
    assert_eq!(list.key(KeyCode::Esc, none), Picked::Quit);
}

/// `n` rows, 测试〔2020〕0号 on.
pub(crate) fn many(n: usize) -> Vec<Row> {
    (0..n)
        .map(|i| Row {
            label: format!("测试〔2020〕{i}号"),
            title: String::new(),
            done: 0,
            total: 1,
            overdue: 0,
        })
        .collect()
}

#[test]
fn a_small_screen_keeps_the_selection_in_view() {
    let mut list = List::new(many(30), Lang::Zh, Theme::new(false));
    for _ in 0..20 {
        list.key(KeyCode::Down, KeyModifiers::NONE);
    }
    let s = screen(&mut list, 60, 12);
    assert!(s.contains("▶ 测试〔2020〕20号"), "{s}");
}

#[test]
fn enter_opens_a_notice_and_q_comes_back_to_the_list() {
    let sb = Sandbox::new();
    let src =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt");
    let o = sb.run(&["add", src.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut p = Pty::spawn_in(sb, 120, 40, &[], &[]);
    p.wait_text("工作区 · 2 份通知");
    p.send("\r");
    p.wait_text("（一）进一步放宽市场准入");
    p.send("q");
    p.wait_text("工作区 · 2 份通知");
    p.send("j\r");
    p.wait_text("压缩开办时间");
    p.send("q");
    p.wait_text("工作区 · 2 份通知");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate(), "left the alternate screen");
}

/// A workspace of the 103号 and six generated notices (gen-1 … gen-6, 11 to 16 measures).
fn six_generated() -> Sandbox {
    let sb = Sandbox::new();
    let mut paths = Vec::new();
    for i in 1..=6 {
        let (id, measures) = (format!("gen-{i}"), (10 + i).to_string());
        let args = [
            "doc",
            "generate",
            "--measures",
            &measures,
            "--seed",
            "1",
            "--id",
            &id,
        ];
        let o = sb.run(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let path = sb.path().join(format!("{id}.json"));
        std::fs::write(&path, &o.stdout).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    let mut add = vec!["add"];
    add.extend(paths.iter().map(String::as_str));
    let o = sb.run(&add);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    sb
}

#[test]
fn a_list_longer_than_the_screen_loads_the_rest_after_the_first_frame() {
    // The first screen (4 notices at 12 rows) is drawn from the notices it shows; the others are
    // loaded right after it: `G` reaches the last one, and Enter opens it.
    let sb = six_generated();
    let mut p = Pty::spawn_in(sb, 120, 12, &[], &[]);
    p.wait_text("工作区 · 7 份通知");
    p.send("G");
    p.wait_text("测试文件（16 项举措）");
    p.send("\r");
    p.wait_text("总览");
    p.send("q");
    p.wait_text("工作区 · 7 份通知");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_broken_notice_past_the_first_screen_ends_with_its_error_and_the_terminal_restored() {
    // The first screen (4 notices at 12 rows) is drawn from those it shows; gen-6, loaded after
    // it, is not a document any more (a colleague's sync, an editor): fgf says which file and
    // where, exits non-zero, leaves the file as it is and the terminal as it was.
    let sb = six_generated();
    let stored = sb.data_dir().join("workspace/notices/gen-6.json");
    std::fs::write(&stored, "{\"broken").unwrap();
    let mut p = Pty::spawn_in(sb, 120, 12, &[], &[]);
    assert_ne!(p.wait_exit(), 0);
    assert!(
        !p.alternate() && !p.cursor_hidden(),
        "the terminal restored"
    );
    let s = p.screen();
    assert!(s.contains("gen-6.json:1:8"), "the file and where:\n{s}");
    assert!(
        s.contains("不是有效的 fgf 文档"),
        "in the run's language:\n{s}"
    );
    assert_eq!(std::fs::read_to_string(&stored).unwrap(), "{\"broken");
}
