//! Ids as users type them, what to say when one names nothing, and how many hits a list shows.

use super::lang::{t, tr};
use crate::domain::Catalog;

/// An id as typed: full-width digits and dots (`９．２`, `9。2`) read as ASCII, surrounding
/// whitespace (full-width too) ignored.
pub fn id_arg(id: &str) -> String {
    crate::domain::text::half_width(id).trim().to_string()
}

/// What to tell a user about an id that names nothing: the known ids near it, when it looks like
/// an id at all (digits and dots), else that ids are numbers and `fgf who` finds words.
pub fn unknown_id(cat: &Catalog, id: &str) -> Vec<String> {
    let mut out = vec![tr!(
        "没有编号为 {id:?} 的任务、举措或里程碑",
        "no task, measure or milestone has the id {id:?}"
    )];
    let near = nearest_ids(cat, id);
    if !near.is_empty() {
        let near = near.join(", ");
        out.push(tr!("  相近的编号：{near}", "  nearest ids: {near}"));
    } else if !looks_like_id(id) {
        out.push(tr!(
            "  按文字查找请用 `fgf who {id}`",
            "  to find it by its words: `fgf who {id}`"
        ));
    }
    out.push(
        t(
            "  编号形如 9（任务）、9.2（举措）、9.2.1（里程碑）；`fgf list` 列出全部",
            "  ids look like 9 (task), 9.2 (measure), 9.2.1 (milestone); `fgf list` shows them all",
        )
        .to_string(),
    );
    out
}

fn looks_like_id(id: &str) -> bool {
    id.chars().any(|c| c.is_ascii_digit()) && id.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// On stderr: `id` is unknown (with the nearest ids), and nothing was changed.
pub fn unknown_unchanged(cat: &Catalog, id: &str) {
    let mut lines = unknown_id(cat, id).into_iter();
    let first = lines.next().unwrap_or_default();
    anstream::eprintln!(
        "fgf: {first}{}",
        t("；什么也没有改", "; nothing was changed")
    );
    lines.for_each(|l| anstream::eprintln!("{l}"));
}

/// The known ids within two edits of an id-shaped `id` (`9.99` -> 9.9, 19.9), nearest first, at
/// most five; none for text that is no id (`abc` is near no number).
pub fn nearest_ids(cat: &Catalog, id: &str) -> Vec<String> {
    if !looks_like_id(id) {
        return Vec::new();
    }
    let mut near: Vec<(usize, &str)> = cat
        .ids()
        .map(|k| (strsim::levenshtein(k, id), k))
        .filter(|&(d, _)| d <= 2)
        .collect();
    near.sort_by_key(|&(d, k)| (d, k.len(), k.to_string()));
    near.into_iter()
        .take(5)
        .map(|(_, k)| k.to_string())
        .collect()
}

/// `--limit`: 0 means all.
pub fn shown_limit(limit: usize) -> usize {
    if limit == 0 { usize::MAX } else { limit }
}

/// The note when fewer hits are shown than matched.
pub fn shown_of(shown: usize, total: usize) -> String {
    tr!(
        "显示 {total} 条中的 {shown} 条；--limit 0 显示全部",
        "{shown} of {total} hits shown; --limit 0 shows all"
    )
}

pub fn nothing_matches(query: &str) -> String {
    tr!("没有与 {query:?} 相符的结果", "nothing matches {query:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_suggested_only_for_what_looks_like_an_id() {
        let cat = crate::domain::seeds::embedded();
        assert!(nearest_ids(&cat, "abc").is_empty());
        assert!(
            nearest_ids(&cat, "9.99")
                .iter()
                .all(|k| strsim::levenshtein(k, "9.99") <= 2)
        );
        assert!(!nearest_ids(&cat, "9.99").is_empty());
        assert_eq!(id_arg("\u{3000}９．２ "), "9.2");
        assert_eq!(id_arg("9。2。1"), "9.2.1");
    }
}
