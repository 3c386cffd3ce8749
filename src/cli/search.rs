//! `fgf search QUERY`: ranked hits like `fzf --filter`, with the matched characters marked on a
//! terminal, or a JSON list with `--json`. Exit 1 when nothing matched.

use std::process::ExitCode;

use std::fmt::Write as _;
use std::io::Write as _;

use anstream::eprintln;
use anstyle::{AnsiColor, Style};
use anyhow::Context;
use serde_json::{Value, json};
use unicode_width::UnicodeWidthChar;

use super::EXIT_NO_MATCH;
use super::output::{DIM, ID, LEAD, paint};
use crate::domain::search::{self, Field, Hit, Index, Options, Target};
use crate::domain::text::{fit, sanitize, width};
use crate::domain::{Catalog, Item};

/// `fgf search --help`: the query language.
pub const HELP: &str = "Query language:
  企业 开办        both words, fuzzy (characters in order), in any field
  'exact ^prefix suffix$ ^whole$   as in fzf;  !word excludes (!^prefix, !suffix$ too)
  税务 | 海关      either
  @市场监管  lead:市场监管     lead unit (牵头)
  +海关  with:海关             cooperating unit (配合)
  #19  #9.2                    task 19 and its measures; one measure
  >2019  <2020-06-30  >=2020   a milestone deadline
  fgw  fagaiwei  cq            a lower-case ASCII word also matches Chinese by pinyin
Full-width forms typed with a Chinese input method work too: U+3000 space, ！＇＾＄｜＃＠.
Upper-case letters make a word case-sensitive. Exit status 1 when nothing matches.

Examples:
  fgf search 营商环境
  fgf search 'fgw !#1' --limit 5
  fgf search '@scjgj >2019' --json";

/// Matched characters.
const MARK: Style = AnsiColor::Yellow.on_default().bold().underline();
/// Columns for the text of a hit.
const TEXT_COLS: usize = 72;

pub fn run(cat: &Catalog, query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let index = Index::new(cat);
    let opts = Options {
        limit: if limit == 0 { usize::MAX } else { limit },
        units: true,
    };
    let results = search::search(cat, &index, query, &opts);
    // Freed with the process (see `super::run`).
    std::mem::forget(index);
    for note in &results.query.notes {
        eprintln!("fgf: {note}");
    }
    let mut out = String::new();
    if as_json {
        let list: Vec<Value> = results.hits.iter().map(|h| hit_json(cat, h)).collect();
        out = super::output::json_safe(serde_json::to_string_pretty(&json!(list))?);
        out.push('\n');
    } else {
        for h in &results.hits {
            print_hit(&mut out, cat, h);
        }
    }
    // Like fzf, stop quietly when the reader goes away (`fgf search x | head -1`).
    match anstream::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        r => r.context("cannot write the results")?,
    }
    if results.hits.is_empty() {
        eprintln!("fgf: nothing matches {query:?}");
        return Ok(ExitCode::from(EXIT_NO_MATCH));
    }
    if results.total > results.hits.len() && !as_json {
        eprintln!(
            "fgf: {} of {} hits shown; --limit 0 shows all",
            results.hits.len(),
            results.total
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `{"kind", "id", "field", "text", "positions", "lead", "support", "score", "matches"}`.
/// For a unit, `lead` and `support` are the ids of the measures it leads and supports.
fn hit_json(cat: &Catalog, h: &Hit) -> Value {
    let (lead, support): (Vec<String>, Vec<String>) = match h.target {
        Target::Unit(u) => (
            cat.led_by(u).map(|i| i.id().to_string()).collect(),
            cat.supported_by(u).map(|i| i.id().to_string()).collect(),
        ),
        Target::Item(loc) => match cat.at(loc) {
            Item::Task(_, t) => (strings(t.lead_units()), strings(t.support_units())),
            Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => {
                (m.lead.clone(), m.support.clone())
            }
        },
    };
    let matches: Vec<Value> = h
        .matches
        .iter()
        .map(|m| json!({"field": m.field, "text": m.text, "positions": m.positions}))
        .collect();
    json!({
        "kind": h.kind.as_str(), "id": h.id, "field": h.field, "text": h.text,
        "positions": h.positions, "lead": lead, "support": support,
        "score": h.score, "matches": matches,
    })
}

fn strings(v: Vec<&str>) -> Vec<String> {
    v.into_iter().map(String::from).collect()
}

/// One hit for people to read. The catalog is not neutralised for search (`Command::shows_text`):
/// every text of the document printed here goes through `sanitize` (one character for one, so
/// the match positions still hold).
fn print_hit(out: &mut String, cat: &Catalog, h: &Hit) {
    let tag = paint(
        DIM,
        &format!("{:<7} [{}]", h.kind.as_str(), h.field.as_str()),
    );
    match h.target {
        Target::Unit(u) => {
            let (l, s) = cat.unit_counts(u);
            let name = mark(
                &sanitize(&h.id),
                h.positions_in(Field::Name, None),
                TEXT_COLS,
            );
            let counts = paint(DIM, &format!("牵头 {l} 项 · 配合 {s} 项"));
            let _ = writeln!(out, "{name}  {tag}  {counts}");
        }
        Target::Item(loc) => {
            let (main_field, text, lead, support): (_, &str, Vec<&str>, Vec<&str>) =
                match cat.at(loc) {
                    Item::Task(_, t) => (Field::Title, &t.title, t.lead_units(), t.support_units()),
                    Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => (
                        Field::Text,
                        &m.text,
                        m.lead.iter().map(String::as_str).collect(),
                        m.support.iter().map(String::as_str).collect(),
                    ),
                };
            let text = mark(&sanitize(text), h.positions_in(main_field, None), TEXT_COLS);
            let id = fit(&sanitize(&h.id), 6);
            let _ = writeln!(out, "{}  {tag}  {text}", paint(ID, &id));
            let units = |list: &[&str], field: Field| -> String {
                if list.is_empty() {
                    return "—".into();
                }
                list.iter()
                    .map(|name| {
                        let pos = cat
                            .unit_index(name)
                            .map_or(&[][..], |u| h.positions_in(field, Some(u)));
                        mark(&sanitize(name), pos, usize::MAX)
                    })
                    .collect::<Vec<_>>()
                    .join("、")
            };
            let deadline = h
                .matches
                .iter()
                .find(|m| m.field == Field::Deadline)
                .map(|m| format!("  期限 {}", paint(MARK, &sanitize(&m.text))))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "        牵头 {}  配合 {}{deadline}",
                paint(LEAD, &units(&lead, Field::Lead)),
                units(&support, Field::Support)
            );
        }
    }
}

/// `text` cut to `cols` columns around its first matched character, matched characters marked.
pub fn mark(text: &str, positions: &[usize], cols: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    if width(text) > cols
        && let Some(&first) = positions.first()
    {
        // Keep some context before the first match when it would fall off the end.
        let before: usize = chars[..first.min(chars.len())]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum();
        if before + 8 > cols {
            start = first.saturating_sub(6);
        }
    }
    let mut out = String::new();
    let mut used: usize = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let w = c.width().unwrap_or(0);
        if used.saturating_add(w + 1) > cols && i + 1 < chars.len() {
            out.push('…');
            break;
        }
        used += w;
        if positions.binary_search(&i).is_ok() {
            out.push_str(&paint(MARK, &c.to_string()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn mark_wraps_matched_characters() {
        let out = mark("重庆海关", &[0, 1], 72);
        assert_eq!(plain(&out), "重庆海关");
        assert!(out.starts_with(&MARK.render().to_string()), "{out:?}");
        assert_eq!(mark("重庆海关", &[], 72), "重庆海关");
    }

    #[test]
    fn mark_cuts_by_display_width_and_keeps_a_late_match_in_view() {
        let text =
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十目标";
        let cut = plain(&mark(text, &[], 20));
        assert!(width(&cut) <= 20, "{cut}");
        assert!(cut.ends_with('…'));
        let n = text.chars().count();
        let late = plain(&mark(text, &[n - 2, n - 1], 20));
        assert!(late.starts_with('…'), "{late}");
        assert!(late.contains("目标"), "{late}");
        assert!(width(&late) <= 20, "{late}");
    }
}
