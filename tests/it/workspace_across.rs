//! The workspace's cross-notice views (issue 13): from the list of notices, `U` and `D` open the
//! units view and the deadlines view over every notice; rows name their notice; units are
//! gathered by the workspace's identities (names, aliases); Enter opens the row's notice there;
//! check-offs stay each notice's own. Keys -> state, snapshots, and in a pty the whole round trip.

use crossterm::event::{KeyCode, KeyModifiers};
use fgf::domain::import::{Kind, import};
use fgf::domain::{Catalog, Progress, State, seeds};
use fgf::tui::app::{Band, DeadlineOrder, DeadlineRow, Focus, UnitOrder};
use fgf::tui::i18n::Lang;
use fgf::tui::layout::View;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::across::Notices;
use fgf::tui::workspace::{List, Picked};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;

pub(crate) fn city_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt")
}

/// The 103号 and the city's notice (示府办发〔2099〕12号), nothing checked off, on 2099-06-01.
pub(crate) fn notices(lang: Lang, aliases: &[[&str; 2]]) -> Notices {
    let text = std::fs::read(city_path()).unwrap();
    let (doc, _) = import(&text, Kind::Text).unwrap();
    let cats = vec![seeds::embedded(), Catalog::new(doc).unwrap()];
    let progress = cats
        .iter()
        .map(|c| Progress::new(State::new(&c.doc.id)))
        .collect();
    let mut opts = crate::support::options(lang);
    opts.today = jiff::civil::date(2099, 6, 1);
    Notices {
        cats,
        heads: Vec::new(),
        shelf: None,
        progress,
        aliases: aliases
            .iter()
            .map(|[a, b]| [a.to_string(), b.to_string()])
            .collect(),
        opts,
        as_of: true,
    }
}

pub(crate) fn list(n: Notices) -> List {
    let lang = n.opts.lang;
    List::new(Vec::new(), lang, Theme::new(false)).with_notices(n)
}

use crate::support::press_list as keys;

pub(crate) fn screen(l: &mut List, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| l.draw(f)).unwrap();
    crate::support::text_of(term.backend().buffer())
}

/// Selects the body named `name` in the units view.
fn select_body(l: &mut List, name: &str) {
    keys(l, "g");
    for _ in 0..500 {
        let u = l.across().unwrap().units();
        if u.body(u.selected_unit().unwrap()).name == name {
            return;
        }
        keys(l, "j");
    }
    panic!("no body {name}");
}

#[test]
fn the_list_names_the_keys_of_the_cross_notice_views() {
    let mut l = list(notices(Lang::Zh, &[]));
    let s = screen(&mut l, 80, 24);
    assert!(
        s.contains("U 各通知单位  D 各通知期限  ? 帮助  q 退出"),
        "{s}"
    );
    let mut l = list(notices(Lang::En, &[]));
    let s = screen(&mut l, 80, 24);
    assert!(
        s.contains("U all units  D all deadlines  ? help  q quit"),
        "{s}"
    );
}

#[test]
fn u_gathers_one_body_from_every_notice() {
    let mut l = list(notices(Lang::Zh, &[]));
    assert_eq!(keys(&mut l, "U"), Picked::Stay);
    let a = l.across().expect("the units view across the notices");
    assert_eq!((a.view(), a.focus()), (View::Units, Focus::UnitList));
    select_body(&mut l, "市市场监管局");
    let u = l.across().unwrap().units();
    let body = u.body(u.selected_unit().unwrap());
    let docs: Vec<usize> = body.members.iter().map(|m| m.0).collect();
    assert_eq!(docs, [0, 1], "the same unit in both notices is one body");
    let s = screen(&mut l, 120, 40);
    assert!(
        s.contains("工作区 · 2 份通知  今天按 --as-of 2099-06-01"),
        "{s}"
    );
    assert!(s.contains("U 单位（全部通知）"), "{s}");
    assert!(s.contains("市市场监管局 ·2份"), "{s}");
    assert!(
        s.contains("〔2019〕103号 牵头 1.3"),
        "rows name their notice:\n{s}"
    );
    assert!(s.contains("Enter 打开该通知"), "the keys at the foot:\n{s}");
    assert!(
        s.contains("市司法局  ") && !s.contains("·1份"),
        "one notice: not said"
    );
    keys(&mut l, "Tab G");
    let s = screen(&mut l, 120, 40);
    assert!(
        s.contains("〔2099〕12号 牵头 1.1 推行企业开办"),
        "the city's parts last:\n{s}"
    );
}

#[test]
fn a_users_alias_joins_two_names_across_notices() {
    let mut plain = list(notices(Lang::Zh, &[]));
    keys(&mut plain, "U");
    select_body(&mut plain, "市发展改革委");
    let u = plain.across().unwrap().units();
    let alone = u.body(u.selected_unit().unwrap()).members.len();
    let mut l = list(notices(Lang::Zh, &[["市发改委", "市发展改革委"]]));
    keys(&mut l, "U");
    select_body(&mut l, "市发展改革委");
    let u = l.across().unwrap().units();
    let body = u.body(u.selected_unit().unwrap());
    assert_eq!(
        body.members.len(),
        alone + 1,
        "市发改委 is now the same body"
    );
    let city = &l.notice(1).unwrap().doc.units;
    assert!(
        body.members
            .iter()
            .any(|&(d, u)| d == 1 && city[u].name == "市发改委")
    );
}

#[test]
fn enter_on_a_measure_opens_its_notice_there() {
    let mut l = list(notices(Lang::Zh, &[]));
    keys(&mut l, "U");
    select_body(&mut l, "市市场监管局");
    keys(&mut l, "Tab");
    assert_eq!(l.across().unwrap().focus(), Focus::UnitMeasures);
    let mut picked = Picked::Stay;
    for _ in 0..100 {
        let p = keys(&mut l, "Enter");
        if let Picked::OpenAt(1, _) = p {
            picked = p;
            break;
        }
        keys(&mut l, "j");
    }
    let Picked::OpenAt(d, loc) = picked else {
        panic!("no measure of the city's notice");
    };
    let id = l.notice(d).unwrap().at(loc).id().to_string();
    assert_eq!(id, "1.1", "the city's first measure led by 市市场监管局");
    assert!(l.across().is_some(), "the view stays, to come back to");
}

#[test]
fn d_lists_every_notices_deadlines_by_date_and_by_unit() {
    let mut l = list(notices(Lang::Zh, &[]));
    keys(&mut l, "D");
    let rows = l.across().unwrap().deadlines().rows().to_vec();
    let this_month = rows
        .iter()
        .position(|r| matches!(r, DeadlineRow::Band(Band::ThisMonth, ..)))
        .expect("the city's 2099-06-30 is this month");
    assert_eq!(
        rows[this_month + 1],
        DeadlineRow::Header(Some(jiff::civil::date(2099, 6, 30)), 1)
    );
    let DeadlineRow::Milestone(1, loc) = rows[this_month + 2] else {
        panic!("{:?}", rows[this_month + 2]);
    };
    assert_eq!(l.notice(1).unwrap().at(loc).id(), "1.1.1");
    assert!(
        rows.iter()
            .any(|r| matches!(r, DeadlineRow::Milestone(0, _)))
    );
    let s = screen(&mut l, 120, 40);
    assert!(s.contains("D 期限（全部通知）"), "{s}");
    assert!(s.contains("〔2019〕103号 1.1.1 [ ] 逾期"), "{s}");
    keys(&mut l, "s");
    let d = l.across().unwrap().deadlines();
    assert_eq!(d.sorted_by(), DeadlineOrder::Unit);
    let this_month = d
        .rows()
        .iter()
        .position(|r| matches!(r, DeadlineRow::Band(Band::ThisMonth, ..)))
        .unwrap();
    let month = &d.rows()[this_month..];
    assert!(
        matches!(&month[1], DeadlineRow::Unit(n, 1) if n == "市市场监管局"),
        "{:?}",
        &month[..3]
    );
    keys(&mut l, "U");
    assert_eq!(l.across().unwrap().view(), View::Units);
    keys(&mut l, "s");
    assert_eq!(l.across().unwrap().units().sorted_by(), UnitOrder::Support);
}

#[test]
fn check_offs_stay_each_notices_own() {
    // 1.1.1 is an id of both notices: checked off in the city's, not in the 103号.
    let mut n = notices(Lang::Zh, &[]);
    let now = jiff::Timestamp::from_second(4_000_000_000).unwrap();
    n.progress[1].check(&["1.1.1"], None, now);
    let mut l = list(n);
    keys(&mut l, "D");
    let past = |l: &List| match l.across().unwrap().deadlines().rows()[0] {
        DeadlineRow::Band(Band::Past, n, late) => (n, late),
        ref r => panic!("{r:?}"),
    };
    let (n, late) = past(&l);
    assert_eq!(n, late, "every past milestone of the 103号 still overdue");
    assert!(screen(&mut l, 120, 40).contains("〔2019〕103号 1.1.1 [ ] 逾期"));
    // The 103号's own check-off read again: the view, its order and its selection stay.
    keys(&mut l, "s j");
    let sel = l.across().unwrap().deadlines().selected_in();
    l.notices_mut().unwrap().progress[0].check(&["1.1.1"], None, now);
    l.refresh();
    let a = l.across().unwrap();
    assert_eq!(a.deadlines().sorted_by(), DeadlineOrder::Unit);
    assert_eq!(a.deadlines().selected_in(), sel);
    assert_eq!(past(&l), (n, late - 1));
    keys(&mut l, "s");
    assert!(screen(&mut l, 120, 40).contains("〔2019〕103号 1.1.1 [x] 完成"));
}

#[test]
fn esc_and_q_come_back_to_the_list_and_ctrl_c_quits() {
    let mut l = list(notices(Lang::Zh, &[]));
    keys(&mut l, "D Esc");
    assert!(l.across().is_none());
    keys(&mut l, "U q");
    assert!(l.across().is_none());
    keys(&mut l, "U U");
    assert!(l.across().is_none(), "U again: back");
    keys(&mut l, "U");
    assert_eq!(
        l.key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Picked::Quit
    );
}

#[test]
fn units_across_120x40() {
    let mut l = list(notices(Lang::Zh, &[]));
    keys(&mut l, "U");
    select_body(&mut l, "市市场监管局");
    insta::assert_snapshot!(screen(&mut l, 120, 40));
}

#[test]
fn deadlines_across_by_unit_en_120x40() {
    let mut l = list(notices(Lang::En, &[]));
    keys(&mut l, "D");
    screen(&mut l, 120, 40);
    keys(&mut l, "s G");
    insta::assert_snapshot!(screen(&mut l, 120, 40));
}

/// fgf in a pty on a workspace of the 103号 and the city's notice, `--as-of 2099-06-01`, in the
/// deadlines view across notices on its last row (the city's last undated milestone).
pub(crate) fn city_at_its_last_deadline() -> Pty {
    let sb = Sandbox::new();
    let o = sb.run(&["add", city_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut p = Pty::spawn_in(sb, 120, 40, &["--as-of", "2099-06-01"], &[]);
    p.wait_text("D 各通知期限");
    p.send("D");
    p.wait_text("期限（全部通知）");
    p.wait_text("今天按 --as-of 2099-06-01");
    p.send("G");
    p.wait_text("〔2099〕12号 6.1.1");
    p
}

#[test]
fn d_then_enter_opens_a_notice_and_q_comes_back_to_the_view() {
    let mut p = city_at_its_last_deadline();
    p.send("\r");
    p.wait_text("示府办发〔2099〕12号");
    p.wait_text("完善数据共享");
    p.send("q");
    p.wait_text("期限（全部通知）");
    p.send("\x1b");
    p.wait_text("Enter 打开（q 回来）");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate(), "left the alternate screen");
}
