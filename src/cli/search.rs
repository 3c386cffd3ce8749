//! `fgf search QUERY`: ranked hits like `fzf --filter`, with the matched characters marked on a
//! terminal, or a JSON list with `--json`. Exit 1 when nothing matched.

use std::process::ExitCode;

use std::io::Write as _;

use super::shapes::{self, SearchHit};
use anstream::eprintln;
use anyhow::Context;

use super::EXIT_NO_MATCH;
use super::lang::t;
use super::output::{Paint, columns, fit_lines, nothing_matches, shown_limit, shown_of};
use crate::domain::Catalog;
use crate::domain::search::corpus::{Corpus, Owned};
use crate::domain::search::{self, Kept, Options, Query};

mod hit;
mod shown;
pub(super) use hit::print_hit;
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
