//! The workspace's search across every notice (issue 13): `/` on the list of notices, results
//! best first across the notices, each naming its notice; Enter opens that notice at the hit,
//! Esc closes the search. Keys -> state, snapshots at 120x40, and in a pty the whole round trip.

use fgf::domain::import::{Kind, import};
use fgf::domain::search::Target;
use fgf::domain::{Catalog, Document, seeds};
use fgf::tui::i18n::Lang;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::{List, Picked};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;

fn city_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt")
}

fn city() -> Document {
    let text = std::fs::read(city_path()).unwrap();
    import(&text, Kind::Text).unwrap().0
}

/// The 103号 and the city's notice (示府办发〔2099〕12号).
fn list_of(lang: Lang, second: Document) -> List {
    let cats = vec![seeds::embedded(), Catalog::new(second).unwrap()];
    let n = crate::support::notices(cats, lang);
    List::new(Vec::new(), lang, Theme::new(false)).with_notices(n)
}

fn list(lang: Lang) -> List {
    list_of(lang, city())
}

use crate::support::press_list as keys;

/// Types text into the search line, a character a key (as an input method delivers it).
fn typed(l: &mut List, text: &str) {
    for c in text.chars() {
        l.key(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        );
    }
}

fn term(l: &mut List) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| l.draw(f)).unwrap();
    term
}

fn screen(l: &mut List) -> String {
    crate::support::text_of(term(l).backend().buffer())
}

/// The notices of the hits, in order.
fn notices_of(l: &List) -> Vec<usize> {
    let s = l.search().expect("searching");
    s.results().hits.iter().map(|f| f.notice).collect()
}

#[test]
fn the_list_names_the_search_key() {
    let s = screen(&mut list(Lang::Zh));
    assert!(s.contains("Enter 打开（q 回来）  / 搜索全部通知  U"), "{s}");
    let s = screen(&mut list(Lang::En));
    assert!(s.contains("/ search all  U all units"), "{s}");
}

#[test]
fn slash_searches_every_notice_and_tags_each_hit_with_its_notice() {
    let mut l = list(Lang::Zh);
    assert_eq!(keys(&mut l, "/"), Picked::Stay);
    assert_eq!(l.search().map(|s| s.query()), Some(String::new()));
    // Drawn once so that the results pane's height is known (as the event loop does).
    screen(&mut l);
    typed(&mut l, "开办");
    let found = notices_of(&l);
    assert!(
        found.contains(&0) && found.contains(&1),
        "both notices: {found:?}"
    );
    let r = l.search().unwrap().results();
    let scores: Vec<i64> = r.hits.iter().map(|f| f.hit.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert_eq!(r.total, r.ranked.len(), "all kept: fewer than the limit");
    let total = r.total;
    let s = screen(&mut l);
    assert!(s.contains("工作区 · 2 份通知 · 搜索全部通知"), "{s}");
    assert!(
        s.contains(&format!("搜索结果 {total} 条（全部通知）")),
        "{s}"
    );
    assert!(
        s.contains("〔2099〕12号 举措"),
        "rows name their notice:\n{s}"
    );
    assert!(s.contains("〔2019〕103号 "), "{s}");
    assert!(s.contains("/开办"), "the search line:\n{s}");
    assert!(s.contains("Enter 跳转到结果"), "the search's keys:\n{s}");
    assert!(
        s.contains("↑ 上一条搜索历史"),
        "the history offered, as in a notice:\n{s}"
    );
}

#[test]
fn a_hit_only_in_the_second_notice_opens_it_there() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    typed(&mut l, "联合验收");
    assert_eq!(notices_of(&l)[0], 1, "the city's measure first");
    let hit = l.search().unwrap().results().hits[0].hit.clone();
    let Target::Item(want) = hit.target else {
        panic!("an item")
    };
    assert_eq!(keys(&mut l, "Enter"), Picked::OpenAt(1, want));
    let city = Catalog::new(city()).unwrap();
    assert_eq!(city.at(want).id(), hit.id);
    assert!(
        l.search().is_none(),
        "q in the notice comes back to the list"
    );
}

#[test]
fn tab_moves_down_the_hits_and_enter_opens_the_selected() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    typed(&mut l, "企业");
    keys(&mut l, "Tab Tab C-p");
    assert_eq!(l.search().unwrap().selected(), 1);
    let second = l.search().unwrap().results().hits[1].clone();
    let Target::Item(loc) = second.hit.target else {
        panic!("an item")
    };
    assert_eq!(keys(&mut l, "Enter"), Picked::OpenAt(second.notice, loc));
}

#[test]
fn pinyin_and_in_words_work_across_notices() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    typed(&mut l, "lhys");
    assert_eq!(notices_of(&l).first(), Some(&1), "联合验收 by its initials");
    keys(&mut l, "C-u");
    typed(&mut l, "企业 in:103号");
    let found = notices_of(&l);
    assert!(
        !found.is_empty() && found.iter().all(|&d| d == 0),
        "{found:?}"
    );
    keys(&mut l, "C-u");
    typed(&mut l, "企业 in:nowhere");
    assert!(notices_of(&l).is_empty());
    let s = screen(&mut l);
    assert!(s.contains("in:nowhere：工作区中没有这份通知"), "{s}");
}

#[test]
fn a_word_typed_ahead_is_searched_once_at_its_last_key_or_frame() {
    use crossterm::event::{KeyCode, KeyModifiers};
    let none = KeyModifiers::NONE;
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    // An input method's word arrives in one read: keys waiting behind each but the last.
    for c in "联合验".chars() {
        l.key_ahead(KeyCode::Char(c), none, true);
    }
    let s = l.search().unwrap();
    assert_eq!((s.query().as_str(), s.results().total), ("联合验", 0));
    l.key_ahead(KeyCode::Char('收'), none, false);
    assert_eq!(
        notices_of(&l).first(),
        Some(&1),
        "searched with the last key"
    );
    // Left waiting (the next event was not a key): the frame searches it.
    l.key_ahead(KeyCode::Char('x'), none, true);
    let s = screen(&mut l);
    assert!(s.contains("搜索结果 0 条（全部通知）"), "{s}");
    // Moving acts on the line as it is.
    l.key_ahead(KeyCode::Backspace, none, true);
    keys(&mut l, "Tab");
    assert_eq!(notices_of(&l).first(), Some(&1));
}

#[test]
fn esc_closes_the_search_and_q_is_text_while_typing() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/ q");
    assert_eq!(l.search().unwrap().query(), "q", "q is typed, not quit");
    assert_eq!(keys(&mut l, "Esc"), Picked::Stay);
    assert!(l.search().is_none());
    assert!(screen(&mut l).contains("Enter 打开"));
    assert_eq!(keys(&mut l, "q"), Picked::Quit);
}

#[test]
fn the_caret_is_placed_by_display_width() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    typed(&mut l, "联合a");
    let mut t = term(&mut l);
    let at = t.get_cursor_position().unwrap();
    assert_eq!((at.x, at.y), (1 + 4 + 1, 39), "after 联合a");
    keys(&mut l, "Left Left");
    t.draw(|f| l.draw(f)).unwrap();
    let at = t.get_cursor_position().unwrap();
    assert_eq!(at.x, 1 + 2, "between 联 and 合");
}

#[test]
fn a_documents_control_characters_never_reach_the_terminal() {
    let mut doc = city();
    let m = &mut doc.sections[0].tasks[0].measures[0];
    m.text = format!("\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}联合验收{}", m.text);
    let mut l = list_of(Lang::Zh, doc);
    keys(&mut l, "/");
    typed(&mut l, "联合验收");
    let s = screen(&mut l);
    assert!(s.contains("联合验收"), "{s}");
    assert!(
        !s.contains('\u{1b}') && !s.contains('\u{7}') && !s.contains('\u{202e}'),
        "{s:?}"
    );
}

#[test]
fn search_across_zh_120x40() {
    let mut l = list(Lang::Zh);
    keys(&mut l, "/");
    typed(&mut l, "开办");
    keys(&mut l, "Tab");
    insta::assert_snapshot!(screen(&mut l));
}

#[test]
fn search_across_en_120x40() {
    let mut l = list(Lang::En);
    keys(&mut l, "/");
    typed(&mut l, "fgw 服务");
    insta::assert_snapshot!(screen(&mut l));
}

#[test]
fn slash_then_enter_opens_the_second_notice_at_the_hit_and_q_comes_back() {
    let sb = Sandbox::new();
    let o = sb.run(&["add", city_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut p = Pty::spawn_in(sb, 120, 40, &[], &[]);
    p.wait_text("/ 搜索全部通知");
    p.send("/");
    p.wait_text("搜索结果 0 条（全部通知）");
    p.send("联合验收");
    p.wait_text("〔2099〕12号 任务 4 标题 推进联合验收");
    p.send("\r");
    p.wait_text("示府办发〔2099〕12号");
    // At the hit: its task opened, its measure shown.
    p.wait_text("每季度末通报进展");
    p.send("q");
    p.wait_text("/ 搜索全部通知");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate(), "left the alternate screen");
}

fn with_history(lang: Lang, queries: &[&str]) -> List {
    let mut l = list(lang);
    l.set_history(Ok(queries.iter().map(|q| q.to_string()).collect()));
    l
}

fn line(l: &List) -> String {
    l.search().expect("searching").query()
}

#[test]
fn up_and_down_walk_the_history_and_come_back_to_the_draft() {
    let mut l = with_history(Lang::Zh, &["营商环境", "联合验收"]);
    keys(&mut l, "/");
    typed(&mut l, "fg");
    keys(&mut l, "Up");
    assert_eq!(line(&l), "联合验收");
    assert_eq!(notices_of(&l)[0], 1, "searched: the city's measure first");
    keys(&mut l, "Up");
    assert_eq!(line(&l), "营商环境");
    keys(&mut l, "Up");
    assert_eq!(line(&l), "营商环境", "the oldest stays");
    keys(&mut l, "Down");
    assert_eq!(line(&l), "联合验收");
    keys(&mut l, "Down");
    assert_eq!(line(&l), "fg", "what was typed comes back");
    // An edited entry is a new query: ↓ has nothing newer to show.
    keys(&mut l, "Up");
    typed(&mut l, "x");
    keys(&mut l, "Down");
    assert_eq!(line(&l), "联合验收x");
}

#[test]
fn enter_on_a_hit_gives_the_query_to_the_loop_once() {
    let mut l = with_history(Lang::Zh, &["营商环境"]);
    keys(&mut l, "/");
    typed(&mut l, " 联合验收 ");
    assert!(matches!(keys(&mut l, "Enter"), Picked::OpenAt(1, _)));
    assert_eq!(l.take_remember().as_deref(), Some("联合验收"));
    assert_eq!(l.take_remember(), None, "once");
    // Esc keeps nothing.
    keys(&mut l, "/");
    typed(&mut l, "营商");
    keys(&mut l, "Esc");
    assert_eq!(l.take_remember(), None);
}

#[test]
fn an_empty_enter_runs_the_last_query_again() {
    let mut l = with_history(Lang::Zh, &["营商环境", "联合验收"]);
    keys(&mut l, "/");
    assert_eq!(keys(&mut l, "Enter"), Picked::Stay);
    assert_eq!(line(&l), "联合验收");
    assert_eq!(notices_of(&l)[0], 1);
    // With no history, an empty Enter goes back to the list, as it does in a notice.
    let mut l = with_history(Lang::Zh, &[]);
    keys(&mut l, "/");
    assert_eq!(keys(&mut l, "Enter"), Picked::Stay);
    assert!(l.search().is_none());
}

#[test]
fn a_history_that_cannot_be_read_is_said_and_up_does_nothing() {
    let mut l = list(Lang::En);
    l.set_history(Err("search history: cannot be read\u{1b}[31m".into()));
    keys(&mut l, "/ Up");
    assert_eq!(line(&l), "");
    let s = screen(&mut l);
    assert!(s.contains("search history: cannot be read"), "{s}");
    assert!(!s.contains('\u{1b}'), "neutralised:\n{s}");
}

#[test]
fn a_query_run_across_notices_is_in_the_history_file_and_up_brings_it_back() {
    let sb = Sandbox::new();
    let o = sb.run(&["add", city_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = sb.data_dir().join("search-history.json");
    let mut p = Pty::spawn_in(sb, 120, 40, &[], &[]);
    p.wait_text("/ 搜索全部通知");
    p.send("/联合验收");
    p.wait_text("〔2099〕12号 任务 4 标题 推进联合验收");
    p.send("\r");
    p.wait_text("示府办发〔2099〕12号");
    p.wait_for("the history file", |_| file.exists());
    let kept = std::fs::read_to_string(&file).expect("the history file written");
    assert!(kept.contains("联合验收"), "{kept}");
    p.send("q");
    p.wait_text("/ 搜索全部通知");
    p.send("/");
    p.wait_text("搜索结果 0 条（全部通知）");
    p.send("\x1b[A");
    p.wait_text("〔2099〕12号 任务 4 标题 推进联合验收");
    p.send("\x1b");
    p.wait_text("/ 搜索全部通知");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
