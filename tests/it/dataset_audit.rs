//! The audit of the embedded dataset against the seed (issue 15): each correction, proved from
//! the seed text and layout.json, not from the dataset.

use fgf::domain::text::squeeze;
use fgf::domain::{Catalog, Confidence, Item, Measure, seeds};
use serde_json::Value;

use crate::support::sealed::Sandbox;

fn cat() -> Catalog {
    seeds::embedded()
}

fn measure<'a>(cat: &'a Catalog, id: &str) -> &'a Measure {
    match cat.get(id) {
        Some(Item::Measure(_, _, m)) => m,
        _ => panic!("{id} is not a measure"),
    }
}

/// Seed lines `from..=to` (1-based), whitespace removed.
fn seed_lines(from: usize, to: usize) -> String {
    let lines: Vec<&str> = seeds::SOURCE_TEXT.lines().collect();
    squeeze(&lines[from - 1..to].concat())
}

/// A cell's printed lines in a column `width` characters wide whose first line holds `first`.
fn wrap(cell: &str, first: usize, width: usize) -> Vec<String> {
    let chars: Vec<char> = cell.chars().collect();
    let mut out = vec![chars.iter().take(first).collect::<String>()];
    out.extend(
        chars[first.min(chars.len())..]
            .chunks(width)
            .map(|c| c.iter().collect()),
    );
    out.retain(|l| !l.is_empty());
    out
}

/// Is `text` the lines of two cells printed side by side, interleaved whole line by whole line?
fn side_by_side(text: &str, a: &[String], b: &[String]) -> bool {
    if a.is_empty() && b.is_empty() {
        return text.is_empty();
    }
    let take = |l: &[String], rest: &[String], first: bool| {
        l.first().is_some_and(|x| {
            text.strip_prefix(x.as_str()).is_some_and(|t| {
                if first {
                    side_by_side(t, &l[1..], rest)
                } else {
                    side_by_side(t, rest, &l[1..])
                }
            })
        })
    };
    take(a, b, true) || take(b, a, false)
}

const LEAD: (usize, usize) = (3, 5);
const SUPPORT: (usize, usize) = (2, 4);

fn printed(text: &str, lead: &str, support: &str) -> bool {
    let lead = wrap(lead, LEAD.0, LEAD.1);
    let support = wrap(support, SUPPORT.0, SUPPORT.1);
    side_by_side(text, &lead, &support)
}

#[test]
fn the_wrap_of_lines_282_283_puts_21_2_in_its_columns() {
    // The wrap model, on the neighbours of the same page whose columns nobody doubts.
    assert!(printed(
        &seed_lines(284, 284),
        "市城市管理局、市经济信息委",
        "市政府有关部门"
    ));
    let text = seed_lines(282, 283);
    assert_eq!(text, "市能市经济源局、市信息委市场监管局");
    assert!(printed(&text, "市经济信息委", "市能源局、市市场监管局"));
    assert!(
        !printed(&text, "市能源局、市市场监管局", "市经济信息委"),
        "the swapped reading would print 市能源|局、市市场|监管局 and 市经|济信息委"
    );
    let cat = cat();
    let m = measure(&cat, "21.2");
    assert_eq!(m.lead, ["市经济信息委"]);
    assert_eq!(m.support, ["市能源局", "市市场监管局"]);
    assert_eq!(m.confidence, Confidence::High, "the wrap leaves no doubt");
    assert_eq!(m.alternative, None);
    assert!(!m.reading.contains("Alternative:"), "{}", m.reading);
}

/// Page 6's unit cells, L121-127: seven whole-line cells, one a row of 10.2-10.8, all leads.
#[test]
fn page_6_prints_one_lead_cell_a_row_and_10_6_has_no_alternative() {
    let cat = cat();
    let lines: Vec<&str> = seeds::SOURCE_TEXT.lines().collect();
    let cells: Vec<Vec<&str>> = lines[120..127]
        .iter()
        .map(|l| l.trim().split(['、', '，']).collect())
        .collect();
    for cell in &cells {
        for name in cell {
            assert!(
                cat.doc.units.iter().any(|u| u.name == *name),
                "{name:?}: not a whole unit name, so the line is not a whole cell"
            );
        }
    }
    assert!(lines[127].trim().is_empty(), "the page's cells end at L127");
    for (i, cell) in cells.iter().enumerate() {
        let m = measure(&cat, &format!("10.{}", i + 2));
        assert_eq!(m.lead, *cell, "{}", m.id);
        assert!(m.support.is_empty(), "{}", m.id);
    }
    let m = measure(&cat, "10.6");
    assert_eq!(
        m.alternative, None,
        "needs L125 printed as a cooperating cell between two lead cells"
    );
    assert_eq!(m.confidence, Confidence::High, "{}", m.reading);
}

/// Every clause of a measure is tracked by exactly one milestone: the dated ones, then at most
/// one undated one for the rest (a check-off of the dated milestone alone no longer marks the
/// whole measure done).
#[test]
fn every_clause_of_a_measure_has_its_milestone() {
    let cat = cat();
    let mut rests = Vec::new();
    for (_, _, m) in cat.measures() {
        let text: Vec<char> = m.text.chars().collect();
        let mut covered = vec![0; text.len()];
        for k in &m.milestones {
            for piece in m.text_of(k).split('。').filter(|p| !p.is_empty()) {
                let at = m
                    .text
                    .find(piece)
                    .unwrap_or_else(|| panic!("{}: {piece:?} is not in the measure", k.id));
                let from = m.text[..at].chars().count();
                for c in &mut covered[from..from + piece.chars().count()] {
                    *c += 1;
                }
            }
        }
        for (c, n) in text.iter().zip(&covered) {
            assert!(*n <= 1, "{}: {c} is in two milestones", m.id);
            assert!(
                *n == 1 || "，、；。 ".contains(*c),
                "{}: {c} is in no milestone",
                m.id
            );
        }
        let undated: Vec<usize> = (0..m.milestones.len())
            .filter(|&i| m.milestones[i].deadline.is_none())
            .collect();
        assert!(undated.len() <= 1, "{}", m.id);
        if let Some(&i) = undated.first() {
            assert_eq!(
                i,
                m.milestones.len() - 1,
                "{}: the undated one is last",
                m.id
            );
            if i > 0 {
                rests.push(m.id.as_str());
            }
        }
    }
    let ten = [
        "1.3", "2.4", "7.3", "13.5", "16.1", "19.4", "19.6", "20.5", "21.1", "21.5",
    ];
    assert_eq!(rests, ten);
}

/// docs/document-format.md and the embedded document agree: a milestone that is the whole
/// measure repeats the measure's text in the 103号, and the format allows it.
#[test]
fn the_format_says_what_the_embedded_document_does_with_a_whole_measure() {
    const FORMAT: &str = include_str!("../../docs/document-format.md");
    let cat = cat();
    let whole = cat
        .measures()
        .filter(|(_, _, m)| m.milestones.len() == 1 && m.milestones[0].deadline.is_none())
        .inspect(|(_, _, m)| assert_eq!(m.milestones[0].text, m.text, "{}", m.id))
        .count();
    let undated = cat
        .measures()
        .filter(|(_, _, m)| !m.milestones.iter().any(|k| k.deadline.is_some()))
        .count();
    assert_eq!(whole, undated, "every measure with no dated phrase");
    assert!(!FORMAT.contains("its text is not repeated"));
    assert!(FORMAT.contains("the embedded 渝府办发〔2019〕103号 repeats it"));
}

/// A state file as fgf 0.x wrote it before the rest-of-text milestones: its check-offs keep
/// their milestones (1.3.1 is still the dated clause; the new 1.3.2 is not done).
#[test]
fn a_state_file_from_before_keeps_its_meaning() {
    let sb = Sandbox::new();
    let dir = sb.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let old = r#"{
  "document": "yufubanfa-2019-103",
  "milestones": {
    "1.3.1": {
      "at": "2019-12-20T08:00:00Z",
      "done": true
    },
    "16.1.2": {
      "at": "2020-11-02T09:30:00Z",
      "done": true,
      "note": "已出台"
    }
  },
  "version": 1
}
"#;
    std::fs::write(dir.join("yufubanfa-2019-103.json"), old).unwrap();
    let run = |args: &[&str]| -> Value {
        let out = sb.run(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let deadlines = run(&["deadlines", "--json"]);
    let milestones: Vec<&Value> = deadlines["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["milestones"].as_array().unwrap())
        .collect();
    let get = |id: &str| {
        *milestones
            .iter()
            .find(|k| k["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in `fgf deadlines`"))
    };
    let k = get("1.3.1");
    assert_eq!(
        (&k["done"], &k["deadline"]),
        (&Value::Bool(true), &Value::from("2019-12-31"))
    );
    assert!(k["text"].as_str().unwrap().contains("第三方评估"), "{k}");
    let k = get("1.3.2");
    assert_eq!(k["done"], false, "a milestone the old file never saw");
    assert_eq!(k["text"], "优化市级部门、区县公平竞争内部审查机制");
    let k = get("16.1.2");
    assert_eq!(
        (&k["done"], &k["note"]),
        (&Value::Bool(true), &Value::from("已出台"))
    );
    assert_eq!(k["phrase"], "2020年底前");
    assert_eq!(get("16.1.3")["done"], false);
    let progress = run(&["progress", "--json"]);
    let task = &progress["sections"][0]["tasks"][0];
    let m = task["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "1.3")
        .unwrap();
    assert_eq!(
        (&m["done"], &m["total"]),
        (&Value::from(1), &Value::from(2)),
        "1.3 is not done"
    );
}
