//! The workspace's list on the shelf (issue 13's memory target): when the cache holds every
//! notice, the list counts its rows and searches in the archives in place, and loads the
//! catalogs only for `U` / `D` (then drops them on coming back). The same screens and answers as
//! with every catalog loaded; a notice with verified readings searched in its catalog; and in a
//! pty, the binary on a settled cache: `/`, Enter, q, then `U` loading the catalogs.

use fgf::domain::import::{Kind, import};
use fgf::domain::progress::Verification;
use fgf::domain::search::across::Found;
use fgf::domain::{Catalog, Progress, seeds};
use fgf::tui::i18n::Lang;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::across::Notices;
use fgf::tui::workspace::{List, Picked};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;
use crate::support::{key, press_list, shelved};

fn city_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt")
}

/// The 103号 and the city's notice (示府办发〔2099〕12号).
fn cats() -> Vec<Catalog> {
    let text = std::fs::read(city_path()).unwrap();
    let (doc, _) = import(&text, Kind::Text).unwrap();
    vec![seeds::embedded(), Catalog::new(doc).unwrap()]
}

fn list(n: Notices) -> List {
    let lang = n.opts.lang;
    List::new(Vec::new(), lang, Theme::new(false)).with_notices(n)
}

fn screen(l: &mut List) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| l.draw(f)).unwrap();
    crate::support::text_of(term.backend().buffer())
}

/// Types `query` into a fresh search on the list; what it found.
fn search(l: &mut List, query: &str) -> (String, Vec<Found>) {
    press_list(l, "Esc");
    press_list(l, "/");
    for c in query.chars() {
        let ev = key(&c.to_string());
        l.key(ev.code, ev.modifiers);
    }
    let s = screen(l);
    (s, l.search().expect("searching").results().hits.clone())
}

const QUERIES: [&str; 6] = [
    "营商",
    "fgw",
    "联合验收",
    "发改委 服务",
    "'许可 !证明",
    "#4",
];

#[test]
fn the_search_on_the_shelf_shows_what_the_catalogs_show() {
    for lang in [Lang::Zh, Lang::En] {
        let mut loaded = list(crate::support::notices(cats(), lang));
        let (n, _dir) = shelved(&cats(), lang);
        assert!(!n.loaded() && n.shelf.is_some(), "on the shelf, no catalog");
        let mut shelf = list(n);
        let mut in_place = 0;
        for q in QUERIES {
            let (want, want_hits) = search(&mut loaded, q);
            let (got, got_hits) = search(&mut shelf, q);
            in_place += got_hits.iter().filter(|f| f.notice == 1).count();
            assert_eq!(got_hits, want_hits, "{q}");
            assert_eq!(got, want, "{q}");
        }
        assert!(in_place > 3, "the city's notice (read in place) is found");
    }
}

#[test]
fn u_on_the_shelf_asks_for_the_catalogs_and_back_on_the_list_drops_them() {
    let (n, _dir) = shelved(&cats(), Lang::Zh);
    let mut l = list(n);
    assert_eq!(press_list(&mut l, "U"), Picked::Load);
    assert!(l.across().is_none(), "not before the catalogs are there");
    // The shell loads them from the shelf: the notices the list shows, as they were stored.
    let n = l.notices_mut().unwrap();
    assert!(n.load_from_shelf());
    // (As `shelved` stored them: a catalog's document as JSON, read back.)
    let stored = |c: &Catalog| {
        let json = serde_json::to_string(&c.doc).unwrap();
        Catalog::new(serde_json::from_str(&json).unwrap())
            .unwrap()
            .doc
    };
    let docs: Vec<_> = n.cats.iter().map(|c| c.doc.clone()).collect();
    assert_eq!(docs, cats().iter().map(stored).collect::<Vec<_>>());
    l.loaded();
    assert!(l.across().is_some(), "the view asked for opens once loaded");
    let s = screen(&mut l);
    assert!(s.contains("单位（全部通知）"), "{s}");
    press_list(&mut l, "Esc");
    assert!(l.across().is_none());
    let n = l.notices_mut().unwrap();
    assert!(!n.loaded() && n.cats.is_empty(), "dropped on the list");
    assert_eq!(n.doc(1).unwrap().number, "示府办发〔2099〕12号");
    // Asked again, it asks again; with every catalog loaded already, D opens at once.
    assert_eq!(press_list(&mut l, "D"), Picked::Load);
    let mut l = list(crate::support::notices(cats(), Lang::Zh));
    assert_eq!(press_list(&mut l, "D"), Picked::Stay);
    assert!(l.across().is_some());
}

#[test]
fn a_notice_with_verified_readings_is_searched_in_its_catalog() {
    // A measure of the city's notice verified as led by a unit that does not lead it in the
    // document: searching that unit finds it only through the verified reading.
    let base = cats();
    let city = &base[1];
    let m = &city.doc.sections[0].tasks[0].measures[0];
    let other = (city.doc.units.iter())
        .find(|u| !m.lead.contains(&u.name) && !m.support.contains(&u.name))
        .expect("a unit that is not this measure's");
    let mut p = Progress::new(fgf::domain::State::new(&city.doc.id));
    p.verify(
        &m.id,
        Verification {
            lead: vec![other.name.clone()],
            support: Vec::new(),
            source: "核对".into(),
            at: "2099-06-01T00:00:00Z".parse().unwrap(),
            by: None,
            cleared: false,
        },
    );
    let with = |mut n: Notices| {
        n.progress[1] = p.clone();
        if let Some(cat) = n.cats.get_mut(1) {
            cat.apply_verified(p.state());
        }
        list(n)
    };
    let mut loaded = with(crate::support::notices(cats(), Lang::Zh));
    let (n, _dir) = shelved(&cats(), Lang::Zh);
    let mut shelf = with(n);
    let mut plain = list(crate::support::notices(cats(), Lang::Zh));
    let query = other.name.as_str();
    let (_, want) = search(&mut loaded, query);
    let (_, got) = search(&mut shelf, query);
    let (_, unverified) = search(&mut plain, query);
    assert_ne!(
        want, unverified,
        "the verified reading changes what {query} finds"
    );
    assert_eq!(got, want);
}

/// Runs `docs` until the cache records every stored notice's metadata (once the files are
/// `MARGIN` old): then the list reads the notices in place.
fn settle(sb: &Sandbox) {
    let start = std::time::Instant::now();
    while !crate::cache::parsed(sb).is_some_and(|c| c.notices().all(|(_, _, s)| s.is_some())) {
        assert!(start.elapsed().as_secs() < 120, "never settled");
        let o = sb.run(&["docs"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn on_a_settled_cache_the_list_searches_opens_and_loads_the_views() {
    let sb = Sandbox::new();
    let o = sb.run(&["add", city_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    settle(&sb);
    let mut p = Pty::spawn_in(sb, 120, 40, &[], &[]);
    p.wait_text("示府办发〔2099〕12号");
    p.wait_text("/ 搜索全部通知");
    p.send("/联合验收");
    p.wait_text("〔2099〕12号 任务 4 标题 推进联合验收");
    p.send("\r");
    p.wait_text("推进联合验收");
    p.send("q");
    p.wait_text("/ 搜索全部通知");
    p.send("U");
    p.wait_text("〔2099〕12号");
    p.wait_for("the units view", |p| p.screen().contains("单位"));
    p.send("\x1b");
    p.wait_text("/ 搜索全部通知");
    p.send("D");
    p.wait_for("the deadlines view", |p| p.screen().contains("逾期"));
    p.send("\x1b");
    p.wait_text("/ 搜索全部通知");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
