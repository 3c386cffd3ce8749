//! y / Y: the selection's id, or its text with its units, to the clipboard (OSC 52), from the
//! tree, the units and deadlines views and the search results. The bytes on a real terminal are
//! checked in tui_pty.rs.

use crate::support::{app, options, press};
use fgf::domain::{Catalog, seeds};
use fgf::tui::action::{Action, Effect};
use fgf::tui::app::{App, Focus};
use fgf::tui::i18n::Lang;

fn copied(e: Effect) -> String {
    match e {
        Effect::Copy(text) => text,
        other => panic!("expected a copy, got {other:?}"),
    }
}

#[test]
fn y_copies_the_selected_id_and_says_so() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j");
    let id = a.selected_id().unwrap();
    assert_eq!(id, "1.1");
    assert_eq!(copied(press(&mut a, "y")), "1.1");
    let status = a.status().unwrap();
    assert!(status.contains("已复制到剪贴板（OSC 52）：1.1"), "{status}");
    press(&mut a, "j");
    assert_eq!(a.status(), None, "the message lasts until the next key");
}

#[test]
fn big_y_copies_the_text_with_lead_and_cooperating_units() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j");
    let text = copied(press(&mut a, "Y"));
    let Some(fgf::domain::Item::Measure(_, _, m)) = a.detail_item() else {
        panic!("a measure is selected")
    };
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with("1.1 ") && head.contains(m.text.as_str()),
        "{head}"
    );
    let lead = lines.next().unwrap();
    assert_eq!(lead, format!("牵头单位：{}", m.lead.join("、")));
    assert!(lines.next().unwrap().starts_with("配合单位："), "{text}");
    assert!(a.status().unwrap().contains("内容和单位"));
    // A milestone (the deadlines view's first): its clause, its deadline, its measure's units.
    press(&mut a, "D");
    let id = a.selected_id().unwrap();
    let text = copied(press(&mut a, "Y"));
    assert!(text.starts_with(&format!("{id} ")), "{text}");
    assert!(text.contains("（2019-"), "{text}");
    assert!(text.contains("\n牵头单位："), "{text}");
}

#[test]
fn english_labels_the_roles_in_english() {
    let mut a = App::new(seeds::embedded(), options(Lang::En));
    a.update(Action::Resize(120, 40));
    press(&mut a, "Enter j");
    let text = copied(press(&mut a, "Y"));
    assert!(
        text.contains("\nlead: ") && text.contains("\ncooperating: "),
        "{text}"
    );
    assert!(a.status().unwrap().starts_with("copied 1.1's text"));
}

#[test]
fn units_and_deadlines_views_copy_their_selection() {
    let mut a = app(120, 40);
    press(&mut a, "U");
    // The unit list focused: the unit's name.
    assert_eq!(a.focus(), Focus::UnitList);
    let u = a.units().selected_unit().unwrap();
    let name = a.catalog().doc.units[u].name.clone();
    assert_eq!(copied(press(&mut a, "y")), name);
    press(&mut a, "Tab");
    assert_eq!(a.focus(), Focus::UnitMeasures);
    let measure = a.selected_id().unwrap();
    assert_eq!(copied(press(&mut a, "y")), measure);
    press(&mut a, "D j j");
    let id = a.selected_id().unwrap();
    assert_eq!(copied(press(&mut a, "y")), id);
    assert!(id.matches('.').count() == 2, "a milestone: {id}");
}

#[test]
fn ctrl_y_copies_the_search_hit_and_the_results_title_says_so() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    for c in ["企", "业", "开", "办"] {
        press(&mut a, c);
    }
    assert_eq!(copied(press(&mut a, "C-y")), "7");
    let screen = crate::support::screen(&a);
    assert!(screen.contains("已复制到剪贴板（OSC 52）：7"), "{screen}");
    press(&mut a, "C-n");
    let second = a.search_hit().unwrap().id.clone();
    assert_eq!(copied(press(&mut a, "C-y")), second);
    press(&mut a, "x");
    assert!(!crate::support::screen(&a).contains("已复制"));
}

#[test]
fn hostile_text_is_neutralised_before_it_is_copied() {
    let mut doc = seeds::embedded().doc.clone();
    let evil = "压减\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202e}时间";
    doc.sections[0].tasks[0].measures[0].text = evil.to_string();
    let mut a = App::new(Catalog::new(doc).unwrap(), options(Lang::Zh));
    a.update(Action::Resize(120, 40));
    press(&mut a, "Enter j");
    let text = copied(press(&mut a, "Y"));
    assert!(text.contains("压减") && text.contains("时间"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{text:?}"
    );
}
