//! An uncertain allocation is marked wherever a measure's units are shown (issue 15): ⚠ in the
//! CLI's text, `?` in the TUI, `confidence` and `alternative` in JSON; `fgf unit` lists apart the
//! measures a unit would lead or support under the alternative reading.

use fgf::domain::{Confidence, Item, seeds};
use insta::assert_snapshot;
use serde_json::Value;

use crate::support::sealed;
use crate::support::{app, press, screen};

fn text(args: &[&str]) -> String {
    let o = sealed::run(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&text(args)).expect("JSON")
}

fn line_of<'a>(out: &'a str, id: &str) -> &'a str {
    out.lines()
        .find(|l| l.split_whitespace().any(|w| w == id))
        .unwrap_or_else(|| panic!("no line for {id}:\n{out}"))
}

/// Every measure's confidence, from the document (not from any output).
fn confidence(id: &str) -> Confidence {
    match seeds::embedded().get(id) {
        Some(Item::Measure(_, _, m)) => m.confidence,
        _ => panic!("{id}"),
    }
}

#[test]
fn deadlines_mark_an_uncertain_allocation_in_text_and_json() {
    assert_eq!(confidence("10.5"), Confidence::Low);
    assert_eq!(confidence("1.1"), Confidence::High);
    let out = text(&["deadlines"]);
    assert!(line_of(&out, "10.5.1").contains('⚠'), "{out}");
    assert!(!line_of(&out, "1.1.1").contains('⚠'), "{out}");
    let flagged = out.lines().filter(|l| l.contains('⚠')).count();
    let v = json(&["deadlines", "--json"]);
    let all: Vec<&Value> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["milestones"].as_array().unwrap())
        .collect();
    let uncertain = all.iter().filter(|k| k["confidence"] != "high").count();
    assert_eq!(
        flagged, uncertain,
        "one ⚠ a milestone of an uncertain measure"
    );
    let k = all.iter().find(|k| k["id"] == "10.5.1").unwrap();
    assert_eq!(k["confidence"], "low");
    assert_eq!(k["alternative"]["lead"][0], "市政府口岸物流办");
    let k = all.iter().find(|k| k["id"] == "1.1.1").unwrap();
    assert_eq!(
        (&k["confidence"], &k["alternative"]),
        (&"high".into(), &Value::Null)
    );
}

#[test]
fn overdue_milestones_in_progress_are_marked_too() {
    let out = text(&["progress", "--as-of", "2021-01-01"]);
    assert!(line_of(&out, "10.5.1").contains('⚠'), "{out}");
    assert!(!line_of(&out, "1.1.1").contains('⚠'), "{out}");
}

#[test]
fn search_marks_the_units_of_an_uncertain_measure() {
    assert_eq!(confidence("23.1"), Confidence::Medium);
    let out = text(&["search", "条例"]);
    let at = out.find("23.1").expect("23.1 is a hit");
    let units = out[at..].lines().nth(1).unwrap();
    assert!(units.contains("牵头 市工商联"), "{out}");
    assert!(units.contains("⚠分工待核(medium)"), "{out}");
    let at = out.find("14.1").expect("14.1 is a hit");
    assert!(!out[at..].lines().nth(1).unwrap().contains('⚠'), "{out}");
    let hits = json(&["search", "条例", "--json"]);
    let hit = |id: &str| {
        hits.as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(hit("23.1")["confidence"], "medium");
    assert_eq!(hit("23.1")["alternative"]["support"][0], "市工商联");
    assert_eq!(hit("14.1")["confidence"], "high");
    assert_eq!(hit("14.1")["alternative"], Value::Null);
}

#[test]
fn unit_lists_apart_what_the_alternative_reading_gives_it() {
    let out = text(&["unit", "口岸办"]);
    let (read, other) = out.split_once("另一读法下").expect("a section apart");
    assert!(
        !read.contains("10.4"),
        "10.4 is not 口岸办's as read:\n{out}"
    );
    assert!(line_of(read, "10.5").contains("⚠分工存疑(low)"), "{out}");
    assert!(line_of(other, "10.4").contains("牵头"), "{out}");
    let v = json(&["unit", "口岸办", "--json"]);
    assert_eq!(
        v["lead"],
        serde_json::json!(["10.5", "19.4"]),
        "kept as it was"
    );
    let alt = v["alternative_reading"].as_array().unwrap();
    assert_eq!(alt.len(), 1);
    assert_eq!(
        (&alt[0]["id"], &alt[0]["role"]),
        (&"10.4".into(), &"lead".into())
    );
    assert_eq!(alt[0]["confidence"], "low");
    let parts = v["measures"].as_array().unwrap();
    let p = parts.iter().find(|p| p["id"] == "10.5").unwrap();
    assert_eq!(
        (&p["role"], &p["confidence"]),
        (&"lead".into(), &"low".into())
    );
    // A unit that no alternative reading involves: nothing apart.
    let out = text(&["unit", "市商务委"]);
    assert!(!out.contains("另一读法下"), "{out}");
}

/// The screen's line that shows `id` as a word.
fn row_of(s: &str, id: &str) -> String {
    s.lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap_or_else(|| panic!("{id}:\n{s}"))
        .to_string()
}

#[test]
fn tui_units_view_marks_and_lists_the_alternative_apart() {
    let mut a = app(120, 40);
    press(&mut a, "4");
    let u = a.catalog().unit_index("口岸办").unwrap();
    let at = a.units().order().iter().position(|&x| x == u).unwrap();
    for _ in 0..at {
        press(&mut a, "j");
    }
    let s = screen(&a);
    let row = |id: &str| row_of(&s, id);
    assert!(row("10.5").contains("牵头 10.5 ? "), "{s}");
    assert!(
        row("19.4").contains("牵头 19.4 ") && !row("19.4").contains('?'),
        "{s}"
    );
    assert!(row("10.4").contains("另读牵头 10.4 ? "), "{s}");
    assert_snapshot!(s);
}

#[test]
fn tui_deadlines_view_marks_an_uncertain_allocation() {
    assert_eq!(confidence("7.3"), Confidence::Medium);
    let mut a = app(120, 40);
    press(&mut a, "5");
    let s = screen(&a);
    let row = |id: &str| row_of(&s, id);
    assert!(row("7.3.1").contains("重庆市税务局 ? "), "{s}");
    assert!(!row("1.1.1").contains(" ? "), "{s}");
    assert_snapshot!(s);
}
