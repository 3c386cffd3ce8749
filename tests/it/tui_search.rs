//! Search in the TUI: results as you type, Enter jumps, Esc restores, n / N step through hits.

use crate::support::{app, press};
use fgf::tui::app::{App, Focus, Mode};
use fgf::tui::layout::{Screen, View};

/// Types text into the input line (spaces as Space).
fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        let name = if c == ' ' {
            "Space".to_string()
        } else {
            c.to_string()
        };
        press(a, &name);
    }
}

fn hits(a: &App) -> Vec<String> {
    match a.mode() {
        Mode::Search(s) => s.results.hits.iter().map(|h| h.id.clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn slash_opens_the_search_and_results_follow_each_keystroke() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    assert!(matches!(*a.mode(), Mode::Search(_)));
    // The results show over the view the search began in, which is kept (not a view of its own).
    assert_eq!(a.screen(), Screen::Results);
    assert_eq!(a.view(), View::Tree);
    press(&mut a, "Esc 5 /");
    assert_eq!((a.screen(), a.view()), (Screen::Results, View::Deadlines));
    press(&mut a, "Esc");
    assert_eq!(
        (a.screen(), a.focus()),
        (Screen::Deadlines, Focus::Deadlines)
    );
    press(&mut a, "1 /");
    type_text(&mut a, "企业开");
    let first = hits(&a);
    assert!(!first.is_empty());
    type_text(&mut a, "办");
    assert_eq!(
        hits(&a)[0],
        "7",
        "the title match ranks first: {:?}",
        hits(&a)
    );
    press(&mut a, "Backspace Backspace Backspace Backspace");
    assert!(hits(&a).is_empty(), "empty query, no results");
}

#[test]
fn enter_jumps_to_the_hit_in_its_section_pane() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "企业开办");
    press(&mut a, "C-n Enter");
    assert_eq!(*a.mode(), Mode::Browse);
    assert_eq!(a.view(), View::Tree);
    let id = a.selected_id().unwrap();
    assert!(id.starts_with("7."), "a measure of task 7: {id}");
    assert_eq!(a.focus(), Focus::Section(0));
}

#[test]
fn pinyin_initials_find_a_unit_and_enter_opens_the_units_view() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "scjgj");
    assert_eq!(hits(&a)[0], "市市场监管局");
    press(&mut a, "Enter");
    assert_eq!(a.view(), View::Units);
    let u = a.units().selected_unit().unwrap();
    assert_eq!(a.catalog().doc.units[u].name, "市市场监管局");
}

#[test]
fn esc_restores_the_view_as_it_was() {
    let mut a = app(120, 40);
    press(&mut a, "2 j j 4 j");
    let (view, focus, unit) = (a.view(), a.focus(), a.units().list());
    press(&mut a, "/");
    type_text(&mut a, "税务");
    press(&mut a, "C-n C-n Esc");
    assert_eq!((a.view(), a.focus(), a.units().list()), (view, focus, unit));
    assert_eq!(*a.mode(), Mode::Browse);
}

#[test]
fn n_and_shift_n_step_through_the_hits_after_closing() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "#19");
    let all = hits(&a);
    assert!(all.len() > 2, "{all:?}");
    press(&mut a, "Enter");
    assert_eq!(a.selected_id().unwrap(), all[0]);
    press(&mut a, "n");
    assert_eq!(a.selected_id().unwrap(), all[1]);
    press(&mut a, "n N N N");
    assert_eq!(
        a.selected_id().unwrap(),
        all[all.len() - 1],
        "N wraps around"
    );
}

#[test]
fn n_without_a_search_says_so() {
    let mut a = app(120, 40);
    press(&mut a, "n");
    assert!(a.status().unwrap().contains("/"));
}

#[test]
fn letters_are_text_in_the_search_line_not_commands() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "q u j");
    assert!(matches!(*a.mode(), Mode::Search(ref s) if s.input.text() == "q u j"));
    press(&mut a, "C-u");
    assert!(matches!(*a.mode(), Mode::Search(ref s) if s.input.is_empty()));
}

#[test]
fn the_caret_sits_after_wide_characters_by_display_width() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "税务");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| fgf::tui::view::draw(f, &a)).unwrap();
    let pos = t.get_cursor_position().unwrap();
    assert_eq!(
        (pos.x, pos.y),
        (1 + 4, 39),
        "after '/' and two wide characters"
    );
    press(&mut a, "Left");
    t.draw(|f| fgf::tui::view::draw(f, &a)).unwrap();
    assert_eq!(t.get_cursor_position().unwrap().x, 3);
}

#[test]
fn matched_characters_are_highlighted() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "企业开办");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| fgf::tui::view::draw(f, &a)).unwrap();
    let buf = t.backend().buffer();
    let marked: String = (0..120)
        .filter(|&x| buf[(x, 3)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| buf[(x, 3)].symbol().to_string())
        .collect();
    assert_eq!(marked, "企业开办", "the first row's matched characters");
}

#[test]
fn a_lone_operator_is_noted_not_an_error() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "! 税务");
    let Mode::Search(s) = a.mode() else { panic!() };
    assert!(
        !s.results.query.notes.is_empty(),
        "the parser notes the lone !"
    );
    assert!(!s.results.hits.is_empty(), "and still searches the rest");
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    t.draw(|f| fgf::tui::view::draw(f, &a)).unwrap();
    let screen = crate::support::text_of(t.backend().buffer());
    let top = screen.lines().nth(2).unwrap().to_string();
    let note = fgf::domain::lang::query_note(&s.results.query.notes[0], fgf::domain::Lang::Zh);
    let start: String = note.chars().take(6).collect();
    assert!(
        top.contains(&start),
        "shown in Chinese in the results title: {top}"
    );
    assert!(
        !top.contains("ignored"),
        "no English in the Chinese view: {top}"
    );
}
