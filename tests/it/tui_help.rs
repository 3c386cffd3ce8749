//! The help's legend of markers and the query syntax with examples (issue 17), in both languages.

use crate::support::{app, options, press, screen};
use fgf::domain::search::{self, Index};
use fgf::domain::seeds;
use fgf::tui::action::Action;
use fgf::tui::app::App;
use fgf::tui::i18n::Lang;
use fgf::tui::widgets::legend;
use insta::assert_snapshot;

fn text(lines: &[ratatui::text::Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}

fn app_in(lang: Lang) -> App {
    let mut a = App::new(seeds::embedded(), options(lang));
    a.update(Action::Resize(120, 40));
    a
}

#[test]
fn legend_and_syntax_zh() {
    assert_snapshot!(text(&legend::lines(&app_in(Lang::Zh), 100)));
}

#[test]
fn legend_and_syntax_en() {
    assert_snapshot!(text(&legend::lines(&app_in(Lang::En), 100)));
}

#[test]
fn the_help_scrolls_down_to_the_legend_and_the_syntax() {
    let mut a = app(120, 40);
    press(&mut a, "?");
    let mut seen = screen(&a);
    for _ in 0..10 {
        press(&mut a, "PgDn");
        seen.push_str(&screen(&a));
    }
    for words in [
        "标记",
        "逾期",
        "分工读法不确定",
        "搜索语法（/）",
        "@单位 lead:单位",
        "示例",
        "qykb",
    ] {
        assert!(seen.contains(words), "{words} missing");
    }
}

#[test]
fn a_narrow_help_wraps_the_legend_without_losing_words() {
    let a = app(60, 30);
    let ctx = fgf::tui::widgets::help::HelpCtx::of(&a);
    let all = text(&fgf::tui::widgets::help::lines(&ctx, 56));
    let flat: String = all.split_whitespace().collect();
    assert!(
        flat.contains("过了期限仍未完成（红色；按今天或--as-of）"),
        "{all}"
    );
    assert!(
        all.lines().all(|l| fgf::domain::text::width(l) <= 56),
        "{all}"
    );
}

#[test]
fn every_example_finds_something_in_the_103() {
    let cat = seeds::embedded();
    let index = Index::new(&cat);
    let opts = search::Options {
        limit: 50,
        units: true,
    };
    for (q, zh, _) in legend::EXAMPLES {
        let r = search::search(&cat, &index, q, &opts);
        assert!(!r.hits.is_empty(), "{q} ({zh}) finds nothing");
        assert!(r.query.notes.is_empty(), "{q}: {:?}", r.query.notes);
    }
    let first = |q: &str| search::search(&cat, &index, q, &opts).hits[0].id.clone();
    assert_eq!(
        first("qykb"),
        first("企业开办"),
        "initials find the same first hit"
    );
    let nine_or_ten = search::search(&cat, &index, "#9 | #10", &opts);
    assert!(
        nine_or_ten.hits.iter().all(|h| h
            .id
            .split('.')
            .next()
            .is_some_and(|t| t == "9" || t == "10")),
        "{:?}",
        nine_or_ten.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}

#[test]
fn the_legend_names_markers_as_the_panes_draw_them() {
    for lang in [Lang::Zh, Lang::En] {
        let marker = |zh: &str| {
            let &(mz, me, _, _) = legend::MARKERS.iter().find(|m| m.0 == zh).unwrap();
            if lang == Lang::Zh { mz } else { me }
        };
        let mut a = app_in(lang);
        // Today is 2020-01-01 in the tests: the 103号's 2019 deadlines are overdue.
        press(&mut a, "D");
        let s = screen(&a);
        assert!(s.contains(marker("逾期")), "{s}");
        press(&mut a, "Esc 1 Enter");
        let s = screen(&a);
        // One task open, the others folded; nothing checked off yet.
        for m in marker("▸ ▾").split(' ').chain(["[ ]"]) {
            assert!(s.contains(m), "{m}: {s}");
        }
        assert!(s.contains("?") && s.contains("0/"), "{s}");
    }
}
