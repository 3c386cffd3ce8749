//! Accounting: every character of the seed's allocation table is used exactly once.
//!
//! `seeds/yufubanfa-2019-103.layout.json` decodes the scrambled table page by page: the headings
//! printed on a page, its measure column, and its lead (牵头) and cooperating (配合) cells with the
//! measures (rows) each covers, a merged cell once. These tests check that each page's seed text
//! is an interleaving of exactly those streams (nothing dropped, nothing invented, order kept in
//! every stream), that the measure pieces give the dataset's texts, and that the cells give the
//! dataset's lead and cooperating units, and its alternatives where the layout records them.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use fgf::domain::text::squeeze;
use fgf::domain::{Catalog, seeds};
use serde_json::Value;

const LAYOUT: &str = include_str!("../../seeds/yufubanfa-2019-103.layout.json");

fn layout() -> Value {
    serde_json::from_str(LAYOUT).expect("layout is JSON")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array().map_or_else(Vec::new, |a| {
        a.iter().map(|x| x.as_str().unwrap().to_string()).collect()
    })
}

/// Is `text` an interleaving of `streams` (each consumed whole, in order)? On failure, the char
/// offset where no stream could continue.
fn interleaves(text: &str, streams: &[Vec<char>]) -> Result<usize, usize> {
    let text: Vec<char> = text.chars().collect();
    if streams.iter().map(Vec::len).sum::<usize>() != text.len() {
        return Err(0);
    }
    let mut frontier: HashSet<Vec<usize>> = HashSet::from([vec![0; streams.len()]]);
    let mut widest = 1;
    for (i, c) in text.iter().enumerate() {
        let mut next = HashSet::new();
        for st in &frontier {
            for (k, s) in streams.iter().enumerate() {
                if s.get(st[k]) == Some(c) {
                    let mut n = st.clone();
                    n[k] += 1;
                    next.insert(n);
                }
            }
        }
        if next.is_empty() {
            return Err(i);
        }
        widest = widest.max(next.len());
        frontier = next;
    }
    Ok(widest)
}

struct Page {
    lines: (usize, usize),
    headings: Vec<String>,
    measures: String,
    lead: Vec<Cell>,
    support: Vec<Cell>,
}

struct Cell {
    text: String,
    rows: Vec<String>,
    alt_rows: Option<Vec<String>>,
}

fn cells(v: &Value) -> Vec<Cell> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| Cell {
            text: c["text"].as_str().unwrap().to_string(),
            rows: strs(&c["rows"]),
            alt_rows: c.get("alternative_rows").map(strs),
        })
        .collect()
}

/// The pages, with each measure entry expanded to its printed label and text (or its piece).
fn pages(cat: &Catalog, pieces: &mut BTreeMap<String, String>) -> Vec<Page> {
    let mut out = Vec::new();
    for p in layout()["pages"].as_array().unwrap() {
        let l = p["lines"].as_array().unwrap();
        let mut column = String::new();
        for m in p["measures"].as_array().unwrap() {
            let id = m["id"].as_str().unwrap();
            let Some(fgf::domain::Item::Measure(_, task, measure)) = cat.get(id) else {
                panic!("layout names {id}, which is not a measure");
            };
            let label = match m.get("label") {
                Some(l) => l.as_str().unwrap().to_string(),
                None if task.measures.len() == 1 => String::new(),
                None => format!("{}．", measure.number()),
            };
            let s = match m.get("piece") {
                Some(piece) => squeeze(piece.as_str().unwrap()),
                None => label.clone() + &squeeze(&measure.text),
            };
            column.push_str(&s);
            let whole = pieces.entry(id.to_string()).or_default();
            if whole.is_empty() && m.get("piece").is_some() {
                // The first piece carries the label as printed.
                assert!(
                    s.starts_with(&label),
                    "{id}: the first piece lacks its label {label}"
                );
                whole.push_str(&s[label.len()..]);
            } else if whole.is_empty() {
                whole.push_str(&squeeze(&measure.text));
            } else {
                whole.push_str(&s);
            }
        }
        out.push(Page {
            lines: (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            ),
            headings: strs(&p["headings"]).iter().map(|h| squeeze(h)).collect(),
            measures: column,
            lead: cells(&p["lead"]),
            support: cells(&p["support"]),
        });
    }
    out
}

/// The streams a page's text must interleave: each heading, the measure column, the lead
/// column and the cooperating column (cells in row order).
fn streams(p: &Page) -> Vec<Vec<char>> {
    let column = |cells: &[Cell]| {
        cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<String>()
            .chars()
            .collect()
    };
    let mut out: Vec<Vec<char>> = p.headings.iter().map(|h| h.chars().collect()).collect();
    out.push(p.measures.chars().collect());
    out.push(column(&p.lead));
    out.push(column(&p.support));
    out
}

fn seed_text(lines: (usize, usize)) -> String {
    let all: Vec<&str> = seeds::SOURCE_TEXT.lines().collect();
    squeeze(&all[lines.0 - 1..lines.1].join("\n"))
}

#[test]
fn pages_cover_the_table_exactly() {
    let cat = seeds::embedded();
    let pages = pages(&cat, &mut BTreeMap::new());
    assert_eq!(pages.first().unwrap().lines.0, 17);
    assert_eq!(pages.last().unwrap().lines.1, 333);
    for w in pages.windows(2) {
        assert_eq!(w[0].lines.1 + 1, w[1].lines.0, "pages must be contiguous");
    }
}

#[test]
fn every_page_is_an_interleaving_of_its_headings_measures_and_cells() {
    let cat = seeds::embedded();
    for p in pages(&cat, &mut BTreeMap::new()) {
        let streams = streams(&p);
        let text = seed_text(p.lines);
        if let Err(at) = interleaves(&text, &streams) {
            let ctx: String = text.chars().skip(at.saturating_sub(10)).take(30).collect();
            panic!(
                "lines {:?}: no stream accounts for char {at} (…{ctx}…)",
                p.lines
            );
        }
    }
}

#[test]
fn the_check_catches_a_dropped_or_invented_character() {
    let cat = seeds::embedded();
    let p = &pages(&cat, &mut BTreeMap::new())[0];
    let text = seed_text(p.lines);
    let streams = streams(p);
    assert!(interleaves(&text, &streams).is_ok());
    let mut dropped = streams.clone();
    dropped.last_mut().unwrap().remove(3);
    assert!(
        interleaves(&text, &dropped).is_err(),
        "a cell missing a character"
    );
    let mut invented = streams.clone();
    invented.last_mut().unwrap().insert(3, '局');
    assert!(
        interleaves(&text, &invented).is_err(),
        "a cell with an extra character"
    );
    let mut swapped = streams;
    let n = swapped.len();
    swapped.swap(n - 1, n - 2);
    assert!(
        interleaves(&text, &swapped).is_ok(),
        "columns are interchangeable streams…"
    );
    assert_eq!(interleaves("ab", &[vec!['b'], vec!['a']]), Ok(1));
    assert!(
        interleaves("ab", &[vec!['b', 'a']]).is_err(),
        "…but order within a stream is kept"
    );
}

#[test]
fn measure_pieces_give_the_dataset_texts() {
    let cat = seeds::embedded();
    let mut pieces = BTreeMap::new();
    pages(&cat, &mut pieces);
    assert_eq!(pieces.len(), 112, "every measure is on some page");
    for (_, _, m) in cat.measures() {
        assert_eq!(pieces[&m.id], squeeze(&m.text), "{}", m.id);
    }
}

#[test]
fn headings_are_the_documents_and_every_task_heading_is_printed() {
    let cat = seeds::embedded();
    let d = &cat.doc;
    let mut allowed: BTreeSet<String> = ["重点任务", "贯彻举措", "牵头单位", "配合单位"]
        .map(String::from)
        .into();
    allowed.insert(squeeze(&d.table_title));
    allowed.extend(d.sections.iter().map(|s| squeeze(&s.heading())));
    let tasks: Vec<String> = cat.tasks().map(|(_, t)| squeeze(&t.heading())).collect();
    allowed.extend(tasks.iter().cloned());
    let printed: Vec<String> = pages(&cat, &mut BTreeMap::new())
        .into_iter()
        .flat_map(|p| p.headings)
        .collect();
    for h in &printed {
        assert!(allowed.contains(h), "unknown heading {h}");
    }
    for t in &tasks {
        assert!(printed.contains(t), "task heading {t} is never printed");
    }
}

fn split_units(cell: &str) -> Vec<String> {
    cell.split(['、', '，'])
        .filter(|u| !u.is_empty())
        .map(String::from)
        .collect()
}

/// Per measure: the units of the cells covering it (with `alt`, using `alternative_rows`).
fn derived(pages: &[Page], alt: bool) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let mut out: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for p in pages {
        for (column, cells) in [(0, &p.lead), (1, &p.support)] {
            for c in cells.iter() {
                let rows = if alt {
                    c.alt_rows.as_ref().unwrap_or(&c.rows)
                } else {
                    &c.rows
                };
                for r in rows {
                    let e = out.entry(r.clone()).or_default();
                    let list = if column == 0 { &mut e.0 } else { &mut e.1 };
                    assert!(list.is_empty(), "{r} is covered by two cells of one column");
                    *list = split_units(&c.text);
                }
            }
        }
    }
    out
}

#[test]
fn cells_give_the_dataset_units_and_alternatives() {
    let cat = seeds::embedded();
    let pages = pages(&cat, &mut BTreeMap::new());
    let primary = derived(&pages, false);
    let alternative = derived(&pages, true);
    for (_, _, m) in cat.measures() {
        let (lead, support) = primary.get(&m.id).cloned().unwrap_or_default();
        assert!(!lead.is_empty(), "{}: no lead cell covers it", m.id);
        assert_eq!(
            (&lead, &support),
            (&m.lead, &m.support),
            "{}: cells vs dataset",
            m.id
        );
        let alt = &alternative[&m.id];
        if alt != &(lead, support) {
            let data = m
                .alternative
                .as_ref()
                .unwrap_or_else(|| panic!("{}: layout has an alternative", m.id));
            assert_eq!(
                (&alt.0, &alt.1),
                (&data.lead, &data.support),
                "{}: alternative",
                m.id
            );
            assert_ne!(m.confidence, fgf::domain::Confidence::High, "{}", m.id);
        }
    }
}

/// A reading note that names a page ("Page-13 unit lines: leads L235 …") names the page of
/// layout.json that holds the first seed line it cites after it.
#[test]
fn reading_notes_name_the_pages_of_their_lines() {
    let pages: Vec<(usize, usize)> = layout()["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let l = p["lines"].as_array().unwrap();
            (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let number = |s: &str| -> Option<usize> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        d.parse().ok()
    };
    let cat = seeds::embedded();
    let mut checked = 0;
    for (_, _, m) in cat.measures() {
        for (at, _) in m.reading.match_indices("Page-") {
            let rest = &m.reading[at + 5..];
            let page = number(rest).unwrap();
            // The first seed line after it ("L235", "lines 29-34"): a number of the table's lines.
            let line = (1..rest.len())
                .filter(|&i| {
                    rest.is_char_boundary(i) && !rest[..i].ends_with(|c: char| c.is_ascii_digit())
                })
                .filter_map(|i| number(&rest[i..]))
                .find(|&n| n >= 17)
                .unwrap_or_else(|| panic!("{}: no line after Page-{page}", m.id));
            let (from, to) = pages[page - 1];
            assert!(
                (from..=to).contains(&line),
                "{}: Page-{page} is L{from}-{to}, but the note cites L{line} there",
                m.id
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 58, "the notes that name their page");
}
