use super::*;
use crate::domain::model::Document;
use crate::domain::search::{self, Options};
use crate::domain::{Catalog, generate};

fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut esc = false;
    for c in s.chars() {
        match (esc, c) {
            (false, '\u{1b}') => esc = true,
            (true, 'm') => esc = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

fn marked(text: &str, positions: &[usize], cols: usize, color: bool) -> String {
    let mut out = String::new();
    mark(&mut out, Paint(color), text, positions, cols);
    out
}

/// `mark` as it was written before it wrote slices: a character at a time, the whole text
/// measured.
fn mark_by_char(out: &mut String, paint: Paint, text: &str, pos: &[usize], cols: usize) {
    let total = width(text);
    if total <= cols && (pos.is_empty() || !paint.0) {
        out.push_str(text);
        return;
    }
    let start = first_shown(text, pos, cols, total <= cols);
    let mut used: usize = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    let mut run = String::new();
    let mut marked = pos.iter().copied().skip_while(|&p| p < start).peekable();
    let mut chars = text.chars().enumerate().skip(start).peekable();
    while let Some((i, c)) = chars.next() {
        let w = char_width(c);
        if used.saturating_add(w + 1) > cols && chars.peek().is_some() {
            if !run.is_empty() {
                paint.push(out, MARK, &run);
            }
            out.push('…');
            return;
        }
        used += w;
        if marked.next_if_eq(&i).is_some() {
            run.push(c);
        } else {
            if !run.is_empty() {
                paint.push(out, MARK, &std::mem::take(&mut run));
            }
            out.push(c);
        }
    }
    if !run.is_empty() {
        paint.push(out, MARK, &run);
    }
}

#[test]
fn mark_writes_what_it_wrote_a_character_at_a_time() {
    let texts = [
        "",
        "重庆海关",
        "abc",
        "重庆海关\u{301}",
        "深化“放管服”改革，优化营商环境 ab\u{301}c 全面推行证明事项告知承诺制度",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十目标",
    ];
    let mut compared = 0;
    for text in texts {
        let n = text.chars().count();
        let sets: Vec<Vec<usize>> = vec![
            vec![],
            vec![0],
            vec![0, 1, 2],
            (0..n).step_by(3).collect(),
            vec![n.saturating_sub(2), n.saturating_sub(1)],
            (n / 2..n).collect(),
            vec![n + 3],
        ];
        for pos in &sets {
            let mut pos = pos.clone();
            pos.dedup();
            for cols in (1..=40).chain([72, usize::MAX]) {
                for paint in [Paint(false), Paint(true)] {
                    let (mut a, mut b) = (String::new(), String::new());
                    mark(&mut a, paint, text, &pos, cols);
                    mark_by_char(&mut b, paint, text, &pos, cols);
                    assert_eq!(a, b, "{text:?} {pos:?} {cols} {}", paint.0);
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 2000, "{compared}");
}

#[test]
fn no_character_is_wider_than_its_encoding_is_long() {
    // What `fits` takes for granted.
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert!(char_width(c) <= c.len_utf8(), "{c:?}");
    }
    assert!(fits("重庆海关", 12) && fits("重庆海关", 8) && !fits("重庆海关", 7));
}

#[test]
fn a_character_is_measured_from_its_bytes_as_char_width_measures_it() {
    // What `measure` reads a text with: every character, first and followed by another.
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for s in [c.to_string(), format!("{c}审"), format!("a{c}")] {
            let b = s.find(c).unwrap();
            assert_eq!(width_at(&s, b), (char_width(c), c.len_utf8()), "{c:?}");
        }
    }
}

#[test]
fn mark_wraps_matched_characters() {
    let out = marked("重庆海关", &[0, 1], 72, true);
    assert_eq!(plain(&out), "重庆海关");
    let on = MARK.render().to_string();
    assert!(out.starts_with(&on), "{out:?}");
    assert_eq!(
        out.matches(&on).count(),
        1,
        "a run of marks is styled once: {out:?}"
    );
    assert_eq!(
        marked("重庆海关", &[0, 3], 72, true).matches(&on).count(),
        2
    );
    assert_eq!(marked("重庆海关", &[], 72, true), "重庆海关");
    assert_eq!(
        marked("重庆海关", &[0, 1], 72, false),
        "重庆海关",
        "no colour: no escapes"
    );
}

#[test]
fn mark_cuts_by_display_width_and_keeps_a_late_match_in_view() {
    let text =
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十目标";
    let cut = plain(&marked(text, &[], 20, true));
    assert!(width(&cut) <= 20, "{cut}");
    assert!(cut.ends_with('…'));
    let n = text.chars().count();
    let late = plain(&marked(text, &[n - 2, n - 1], 20, true));
    assert!(late.starts_with('…'), "{late}");
    assert!(late.contains("目标"), "{late}");
    assert!(width(&late) <= 20, "{late}");
    // A run of marks cut short is closed before the ellipsis.
    let cut = marked(text, &[17, 18, 19, 20, 21], 20, true);
    assert!(cut.ends_with(&format!("{:#}…", MARK)), "{cut:?}");
}

/// A notice with an escape, a bidi override and a tab planted in a unit's name, every
/// task's title and every measure's text.
pub(in crate::cli::search) fn planted() -> Document {
    let mut doc = generate::document(60, 3);
    let old = doc.units[0].name.clone();
    let new = format!("{old}\u{1b}[2J");
    doc.units[0].name = new.clone();
    let rename = |list: &mut Vec<String>| {
        for n in list.iter_mut().filter(|n| **n == old) {
            *n = new.clone();
        }
    };
    for t in doc.sections.iter_mut().flat_map(|s| &mut s.tasks) {
        t.title.push_str("\u{202E}审批");
        [&mut t.lead, &mut t.responsible, &mut t.support]
            .into_iter()
            .for_each(rename);
        for m in &mut t.measures {
            m.text.insert_str(0, "\t\u{1b}[31m服务");
            [&mut m.lead, &mut m.responsible, &mut m.support]
                .into_iter()
                .for_each(rename);
        }
    }
    doc
}

#[test]
fn without_colour_a_hit_prints_what_it_prints_in_colour_less_the_styles() {
    let (mut printed, mut neutralised) = (0, 0);
    let mut docs = generate::samples();
    docs.push(planted());
    let opts = Options {
        limit: usize::MAX,
        units: true,
    };
    for doc in docs {
        let cat = Catalog::new(doc).expect("valid");
        let index = search::Index::new(&cat);
        for q in generate::QUERIES
            .iter()
            .chain(&["审批", "服务 !海关", "市"])
        {
            for h in search::search(&cat, &index, q, &opts).hits {
                for cols in [8, 40, 72] {
                    let (mut on, mut off) = (String::new(), String::new());
                    print_hit(&mut on, Paint(true), &cat, &h.explained(), cols);
                    print_hit(&mut off, Paint(false), &cat, &h.explained(), cols);
                    assert_eq!(plain(&on), off, "{} {q:?}", cat.doc.id);
                    assert!(!off.contains('\u{1b}'), "{off:?}");
                    neutralised += usize::from(off.contains('\u{241b}'));
                    printed += 1;
                }
            }
        }
    }
    assert!(printed > 3000, "{printed} hits compared");
    assert!(
        neutralised > 300,
        "{neutralised} hits with a planted escape"
    );
}
