//! `fgf search QUERY`: ranked hits like `fzf --filter`, with the matched characters marked on a
//! terminal, or a JSON list with `--json`. Exit 1 when nothing matched.

use std::process::ExitCode;

use std::io::Write as _;

use super::shapes::{self, SearchHit};
use anstream::eprintln;
use anstyle::{AnsiColor, Style};
use anyhow::Context;

use super::EXIT_NO_MATCH;
use super::lang::{t, tr};
use super::output::{
    DIM, ID, LEAD, Paint, WARN, columns, fit_lines, nothing_matches, shown_limit, shown_of,
};
use crate::domain::Catalog;
use crate::domain::search::corpus::{Corpus, Owned};
use crate::domain::search::{self, Explained, Field, Kept, Options, Query, Target};
use crate::domain::text::{char_width, fit, sanitize, width};

mod shown;
pub(crate) use shown::{Row, Shown};

/// The query language: (syntax, what it means); `--help` aligns them by display width.
pub(super) const QUERY_ROWS: [(&str, &str); 10] = [
    ("企业 开办", "both words, fuzzy (in order), in any field"),
    (
        "'exact ^prefix suffix$",
        "as in fzf; ^whole$ is the whole field",
    ),
    ("!word  !^prefix  !suffix$", "excludes"),
    ("税务 | 海关", "either"),
    ("@市场监管  lead:市场监管", "lead unit (牵头)"),
    ("+海关  with:海关", "cooperating unit (配合)"),
    ("#19  #9.2", "task 19 and its measures; one measure"),
    (">2019  <2020-06-30  >=2020", "a milestone deadline"),
    ("in:39号", "only that notice of the workspace (id or 文号)"),
    (
        "fgw  fagaiwei  cq",
        "lower-case ASCII matches Chinese by pinyin",
    ),
];

/// `fgf search --help`: the query language, aligned by display width.
pub fn help() -> String {
    format!(
        "Query language:
{}
Full-width forms typed with a Chinese input method work too: U+3000 space, ！＇＾＄｜＃＠.
Upper-case letters make a word case-sensitive. Exit status 1 when nothing matches.

Examples:
  fgf search 营商环境
  fgf search 'fgw !#1' --limit 5
  fgf search '@scjgj >2019' --json",
        super::output::aligned(&QUERY_ROWS, "  ")
    )
}

/// Matched characters.
const MARK: Style = AnsiColor::Yellow.on_default().bold().underline();
/// Columns for the text of a hit.
pub(super) const TEXT_COLS: usize = 72;
/// Columns before the text of an item's hit: id (6), tag (`measure [text]`, up to 17), spaces.
pub(super) const HEAD_COLS: usize = 27;

pub fn run(cat: &Catalog, query: &str, limit: usize, as_json: bool) -> anyhow::Result<ExitCode> {
    let index = cat.search_index();
    let opts = Options {
        limit: shown_limit(limit),
        units: true,
    };
    let paint = Paint::stdout();
    let (parsed, total, shown) = if as_json {
        let results = search::search(cat, &index, query, &opts);
        let list: Vec<_> = results
            .hits
            .iter()
            .map(|h| SearchHit::new(cat, h))
            .collect();
        let mut out = shapes::text(&list)?;
        out.push('\n');
        write_out(paint, |w| w.write_all(out.as_bytes()))?;
        (results.query, results.total, results.hits.len())
    } else {
        let src = Owned { cat, index: &index };
        print_all(&src, cat, query, &opts)?
    };
    // Freed with the process (see `super::run`).
    std::mem::forget(index);
    Ok(finish(query, &parsed, total, shown, as_json))
}

/// `run` as text on a notice read in place from the workspace's cache.
pub fn run_kept(kept: &Kept, query: &str, limit: usize) -> anyhow::Result<ExitCode> {
    let opts = Options {
        limit: shown_limit(limit),
        units: true,
    };
    let (parsed, total, shown) = print_all(kept, kept, query, &opts)?;
    Ok(finish(query, &parsed, total, shown, false))
}

/// Prints every hit of `query` in `src`, hit by hit, straight out: tens of thousands of hits are
/// neither kept nor gathered into one string first. Returns the query as parsed, the number of
/// matches and the number shown.
fn print_all(
    src: &impl Corpus,
    shown_from: &impl Shown,
    query: &str,
    opts: &Options,
) -> anyhow::Result<(Query, usize, usize)> {
    let paint = Paint::stdout();
    let mut shown = 0;
    let mut failed = None;
    let mut line = String::new();
    // On a terminal (or with COLUMNS): no line longer than its width.
    let cols = columns();
    let text_cols = cols.map_or(TEXT_COLS, |c| {
        c.saturating_sub(HEAD_COLS).clamp(8, TEXT_COLS)
    });
    let (parsed, total) = write_out(paint, |w| {
        let found = search::search_each_in(src, query, opts, |h| {
            if failed.is_none() {
                line.clear();
                print_hit(&mut line, paint, shown_from, &h, text_cols);
                if let Some(c) = cols {
                    line = fit_lines(&line, c);
                }
                shown += 1;
                failed = w.write_all(line.as_bytes()).err();
            }
        });
        failed.take().map_or(Ok(found), Err)
    })?;
    Ok((parsed, total, shown))
}

/// After the hits: the query's notes, and exit 1 when none matched; on stderr that the list
/// was cut.
fn finish(query: &str, parsed: &Query, total: usize, shown: usize, as_json: bool) -> ExitCode {
    for note in &parsed.notes {
        eprintln!("fgf: {}", super::errors::query_note(note));
    }
    if shown == 0 {
        eprintln!("fgf: {}", nothing_matches(query));
        return ExitCode::from(EXIT_NO_MATCH);
    }
    if total > shown && !as_json {
        eprintln!("fgf: {}", shown_of(shown, total));
    }
    ExitCode::SUCCESS
}

/// Runs `write` on stdout, buffered: through anstream when styled, else as is (without colour
/// nothing here is an escape sequence: the document's text is neutralised). Like fzf, a reader
/// that goes away (`fgf search x | head -1`) ends the output quietly.
pub(super) fn write_out<T>(
    paint: Paint,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<T>,
) -> anyhow::Result<T>
where
    T: Default,
{
    let result = if paint.0 {
        let mut w = std::io::BufWriter::new(anstream::stdout().lock());
        write(&mut w).and_then(|t| w.flush().map(|()| t))
    } else {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut w).and_then(|t| w.flush().map(|()| t))
    };
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(T::default()),
        r => r.context(t("写不出结果", "cannot write the results")),
    }
}

/// One hit for people to read. The catalog is not neutralised for search (`Command::shows_text`):
/// every text of the document printed here goes through `sanitize` (one character for one, so
/// the match positions still hold).
pub(super) fn print_hit(
    out: &mut String,
    paint: Paint,
    src: &impl Shown,
    h: &Explained,
    text_cols: usize,
) {
    let tag = format!("{:<7} [{}]", h.kind.as_str(), h.field.as_str());
    match h.target {
        Target::Unit(u) => {
            let (l, s) = src.unit_counts(u);
            mark(
                out,
                paint,
                &sanitize(h.id),
                h.positions_in(Field::Name, None),
                text_cols,
            );
            out.push_str("  ");
            paint.push(out, DIM, &tag);
            out.push_str("  ");
            paint.push(
                out,
                DIM,
                &tr!("牵头 {l} 项 · 配合 {s} 项", "leads {l} · supports {s}"),
            );
            out.push('\n');
        }
        Target::Item(loc) => {
            let row = src.row(loc);
            paint.push(out, ID, &fit(&sanitize(h.id), 6));
            out.push_str("  ");
            paint.push(out, DIM, &tag);
            out.push_str("  ");
            mark(
                out,
                paint,
                &sanitize(row.text),
                h.positions_in(row.main_field, None),
                text_cols,
            );
            out.push_str("\n        ");
            // Who is responsible where a notice names no lead (format 2): never shown as lead.
            if row.named_lead || row.lead.is_empty() {
                out.push_str(t("牵头 ", "lead "));
            } else {
                out.push_str(t("负责 ", "responsible "));
            }
            let units = |out: &mut String, list: &[&str], field: Field, style: Option<Style>| {
                if list.is_empty() {
                    out.push('—');
                }
                for (i, name) in list.iter().enumerate() {
                    if i > 0 {
                        out.push('、');
                    }
                    let pos = src
                        .unit_of(name)
                        .map_or(&[][..], |u| h.positions_in(field, Some(u)));
                    let name = sanitize(name);
                    match style {
                        // A lead unit in green, its matched characters marked within.
                        Some(style) if pos.is_empty() => paint.push(out, style, &name),
                        _ => mark(out, paint, &name, pos, usize::MAX),
                    }
                }
            };
            units(out, &row.lead, Field::Lead, Some(LEAD));
            out.push_str(t("  配合 ", "  support "));
            units(out, &row.support, Field::Support, None);
            if !row.flag.is_empty() {
                paint.push(out, WARN, row.flag);
            }
            if let Some(m) = h.matches.iter().find(|m| m.field == Field::Deadline) {
                out.push_str(t("  期限 ", "  due "));
                paint.push(out, MARK, &sanitize(&m.text));
            }
            out.push('\n');
        }
    }
}

/// `text` cut to `cols` columns around its first matched character, matched characters marked,
/// onto `out`.
pub fn mark(out: &mut String, paint: Paint, text: &str, positions: &[usize], cols: usize) {
    let total = width(text);
    if total <= cols && (positions.is_empty() || !paint.0) {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    if total > cols
        && let Some(&first) = positions.first()
    {
        // Keep some context before the first match when it would fall off the end.
        let before: usize = text.chars().take(first).map(char_width).sum();
        if before + 8 > cols {
            start = first.saturating_sub(6);
        }
    }
    let mut used: usize = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    // Runs of marked characters are styled as one.
    let mut run = String::new();
    let mut marked = positions
        .iter()
        .copied()
        .skip_while(|&p| p < start)
        .peekable();
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

/// The units in charge of an item: its lead, or, where the notice names none, who is
/// responsible (format 2).
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

    fn marked(text: &str, positions: &[usize], cols: usize, color: bool) -> String {
        let mut out = String::new();
        mark(&mut out, Paint(color), text, positions, cols);
        out
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
}
