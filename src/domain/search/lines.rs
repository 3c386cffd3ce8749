//! The query language over plain lines, one text field each, as `fzf --filter` reads its input:
//! what the differential test against fzf compares (tests/it/search_fzf.rs). No ids, units or
//! deadlines here; pinyin only when asked for.

use super::fold;
use super::matcher::Prepared;
use super::pinyin;
use super::query::{Scope, parse};

/// The indices of the `lines` that `input` matches, in order. An empty query (or one fgf ignores
/// whole, as a lone `!`) matches every line, as in fzf. Scoped terms (`@x`, `#1`, `>2019`) match
/// nothing here: lines have no units, ids or deadlines.
pub fn filter_lines(input: &str, lines: &[&str], with_pinyin: bool) -> Vec<usize> {
    let q = parse(input);
    let groups: Vec<Vec<Prepared>> = q
        .groups
        .iter()
        .map(|g| g.alts.iter().map(Prepared::new).collect())
        .collect();
    let wants_pinyin = with_pinyin && q.wants_pinyin();
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let folded = fold::text(line, fold::Mode::INDEX);
            let keys = wants_pinyin.then(|| pinyin::keys(&folded));
            groups.iter().all(|g| {
                g.iter().any(|p| {
                    let found = p.term.scope == Scope::Any
                        && (p.direct(line, &folded, false).is_some()
                            || keys
                                .as_ref()
                                .is_some_and(|k| p.pinyin(&k.syl, None).is_some()));
                    found != p.term.negate
                })
            })
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
