//! Render snapshots with TestBackend (text only), and the drawing rules for Chinese text.

use crate::support::{app, press, render, screen};
use fgf::tui::app::App;
use insta::assert_snapshot;

#[test]
fn first_frame_80x24() {
    assert_snapshot!(screen(&app(80, 24)));
}

#[test]
fn first_frame_120x40() {
    assert_snapshot!(screen(&app(120, 40)));
}

#[test]
fn first_frame_200x50_has_three_section_panes() {
    let a = app(200, 50);
    let s = screen(&a);
    for title in [
        "放 一、深化简政放权",
        "管 二、加强公正监管",
        "服 三、优化政务服务",
        "详情",
    ] {
        assert!(s.contains(title), "{title}");
    }
    assert_snapshot!(s);
}

#[test]
fn measure_detail_with_an_uncertain_allocation_120x40() {
    let mut a = app(120, 40);
    press(&mut a, "G Enter j j j j Enter");
    let s = screen(&a);
    assert!(s.contains("10.4"), "{s}");
    assert!(s.contains("分工读法不确定（low）"), "{s}");
    assert!(s.contains("另一读法"), "{s}");
    assert_snapshot!(s);
}

#[test]
fn units_view_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "4");
    assert_snapshot!(screen(&a));
}

#[test]
fn help_lists_every_binding_from_the_keymap() {
    // 46 rows: the browsing column is longer than 40 (the help scrolls on smaller screens).
    let mut a = app(120, 46);
    press(&mut a, "?");
    let s = screen(&a);
    // Every page of it, as j / PgDn scroll it.
    let mut all = s.clone();
    for _ in 0..20 {
        press(&mut a, "PgDn");
        all.push_str(&screen(&a));
    }
    // The second keys of two-key commands (zR, ]o, fo …) show in the footer once the first is
    // pressed (tui_fold.rs); the help names them with their first key. The workspace list's keys
    // are in its own help (workspace_help.rs).
    let first_keys = fgf::tui::keymap::BINDINGS.iter().filter(|b| {
        !matches!(
            b.ctxs[0],
            fgf::tui::keymap::Ctx::Prefix(_) | fgf::tui::keymap::Ctx::Workspace
        )
    });
    for b in first_keys {
        let (_, help) = fgf::tui::widgets::describe(a.options(), a.catalog(), b);
        // A text longer than its column is cut with …: its start must show.
        let start: String = help.chars().take(12).collect();
        assert!(all.contains(&start), "help lacks {help}");
    }
    assert_snapshot!(s);
}

#[test]
fn english_chrome_with_lang_en() {
    let mut a = App::new(
        fgf::domain::seeds::embedded(),
        crate::support::options(fgf::tui::i18n::Lang::En),
    );
    a.update(fgf::tui::action::Action::Resize(120, 40));
    let s = screen(&a);
    assert!(s.contains("Detail") && s.contains("quit"), "{s}");
    assert!(
        !s.contains("下移") && !s.contains("详情"),
        "no Chinese chrome: {s}"
    );
}

#[test]
fn too_small_says_what_it_needs() {
    for (w, h) in [(10, 3), (49, 30), (120, 11), (1, 1)] {
        let s = screen(&app(w, h));
        assert!(s.contains("至少") || w < 20, "{w}x{h}: {s}");
    }
    let s = screen(&app(60, 8));
    assert!(s.contains("50×12"), "{s}");
}

/// No row overflows its width, and every pane's right border stands in the column of its
/// top-right corner on every row: a wide glyph cut wrongly would push or eat it.
#[test]
fn rows_fit_and_pane_borders_stay_aligned() {
    use unicode_width::UnicodeWidthStr;
    for (w, h) in [(80, 24), (120, 40), (200, 50), (57, 13)] {
        for keys in ["G Enter j Enter", "4 l j", "5 j j", "3 G Enter j j"] {
            let mut a = app(w, h);
            press(&mut a, keys);
            let text = screen(&a);
            let rows: Vec<&str> = text.lines().collect();
            for (y, r) in rows.iter().enumerate() {
                assert!(
                    r.width() <= w as usize,
                    "{w}x{h} {keys}: row {y} is {} wide",
                    r.width()
                );
            }
            let cols = |r: &str, c: char| -> Vec<usize> {
                let mut at = 0;
                let mut out = Vec::new();
                for ch in r.chars() {
                    if ch == c {
                        out.push(at);
                    }
                    at += ch.to_string().width();
                }
                out
            };
            let corners = cols(rows[2], '┐');
            assert!(!corners.is_empty());
            for (y, r) in rows.iter().enumerate().take(h as usize - 2).skip(3) {
                let bars = cols(r, '│');
                for c in &corners {
                    assert!(
                        bars.contains(c),
                        "{w}x{h} {keys}: row {y} lacks the border at column {c}: {}",
                        rows[y]
                    );
                }
            }
        }
    }
}

#[test]
fn no_color_draws_without_colours_but_keeps_the_selection_visible() {
    use ratatui::style::{Color, Modifier};
    let mut a = crate::support::app_with(120, 40, |o| o.color = false);
    press(&mut a, "Enter j");
    let t = render(&a);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR: no colour anywhere"
    );
    let reversed = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 10, "the selected row is shown in reverse video");
    let mut coloured = app(120, 40);
    press(&mut coloured, "Enter j");
    let t = render(&coloured);
    assert!(
        t.backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg != Color::Reset),
        "colour by default"
    );
    let rgb = t
        .backend()
        .buffer()
        .content
        .iter()
        .any(|c| matches!(c.fg, Color::Rgb(..) | Color::Indexed(_)));
    assert!(!rgb, "only the 16 named ANSI colours");
}

#[test]
fn language_comes_from_the_flag_then_lang() {
    use fgf::tui::i18n::Lang;
    assert_eq!(Lang::detect(Some("en")), Lang::En);
    assert_eq!(Lang::detect(Some("zh")), Lang::Zh);
}

#[test]
fn escape_sequences_in_a_document_never_reach_the_screen() {
    let mut doc = fgf::domain::seeds::embedded().doc;
    let evil = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}";
    doc.number = format!("{evil}号");
    doc.sections[0].title = format!("深化{evil}简政放权");
    doc.sections[0].tasks[0].title = format!("进一步{evil}放宽");
    doc.sections[0].tasks[0].measures[0].text = format!("全面{evil}实施");
    let cat = fgf::domain::Catalog::new(doc).unwrap();
    let mut a = App::new(cat, crate::support::options(fgf::tui::i18n::Lang::Zh));
    a.update(fgf::tui::action::Action::Resize(120, 40));
    press(&mut a, "Enter j");
    let s = screen(&a);
    assert!(s.contains("进一步␛[2J"), "shown, but defused: {s}");
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
    assert!(!s.contains('\u{202e}'));
}

#[test]
fn a_document_without_numerals_shows_task_numbers() {
    let mut doc = fgf::domain::seeds::embedded().doc;
    doc.sections[0].tasks[1].numeral.clear();
    let cat = fgf::domain::Catalog::new(doc).unwrap();
    let mut a = App::new(cat, crate::support::options(fgf::tui::i18n::Lang::Zh));
    a.update(fgf::tui::action::Action::Resize(120, 40));
    assert!(screen(&a).contains("（2）压减行政许可事项"));
}
