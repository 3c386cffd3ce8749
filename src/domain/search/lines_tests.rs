//! One test a point of issue 14 (fzf's meaning), on plain lines and on the embedded document.

use super::*;
use crate::domain::search::{Index, Options, search};
use crate::domain::seeds;

/// The lines of `lines` that `q` finds (pinyin off, as fzf).
fn found<'a>(q: &str, lines: &[&'a str]) -> Vec<&'a str> {
    filter_lines(q, lines, false)
        .into_iter()
        .map(|i| lines[i])
        .collect()
}

fn found_py<'a>(q: &str, lines: &[&'a str]) -> Vec<&'a str> {
    filter_lines(q, lines, true)
        .into_iter()
        .map(|i| lines[i])
        .collect()
}

#[test]
fn width_folds_both_ways() {
    let lines = [
        "（一）深化改革",
        "(一)深化改革",
        "压缩至３个工作日",
        "压缩至3个工作日",
    ];
    assert_eq!(found("(一)", &lines), &lines[..2]);
    assert_eq!(found("（一）", &lines), &lines[..2]);
    assert_eq!(found("'3个", &lines), &lines[2..]);
    assert_eq!(found("^压缩至３", &lines), &lines[2..]);
}

#[test]
fn anchors_ignore_white_space_at_their_end() {
    let lines = [
        "\u{3000}\u{3000}（一）深化改革",
        "  企业开办\u{3000}",
        "企业 开办",
    ];
    assert_eq!(found("^（一）", &lines), &lines[..1]);
    assert_eq!(found("开办$", &lines), &lines[1..]);
    assert_eq!(found("^企业开办$", &lines), &lines[1..2]);
    assert_eq!(
        found("^\\ \\ 企业", &lines),
        &lines[1..2],
        "a space typed is kept"
    );
}

#[test]
fn case_folds_beyond_ascii_with_smart_case_per_word() {
    let lines = ["Москва", "МОСКВА", "ＦＧＷ", "fgw"];
    assert_eq!(found("москва", &lines), &lines[..2]);
    assert_eq!(found("МОСКВА", &lines), &lines[1..2]);
    assert_eq!(found("fgw", &lines), &lines[2..]);
    assert_eq!(found("FGW", &lines), &lines[2..3]);
    assert_eq!(found("FGW москва", &lines), Vec::<&str>::new());
}

#[test]
fn latin_accents_fold_unless_the_query_has_one() {
    let lines = ["café", "cafe", "Café"];
    assert_eq!(found("cafe", &lines), lines);
    assert_eq!(found("café", &lines), ["café", "Café"]);
}

#[test]
fn operators_combine_as_fzf_reads_them() {
    let lines = ["企业开办", "民营企业", "企业", "推进 企业 改革"];
    assert_eq!(found("!'企业'", &lines), &lines[..2], "not the word 企业");
    assert_eq!(found("'企业'", &lines), &lines[2..]);
    assert_eq!(
        found("!'企办", &lines),
        ["民营企业", "企业", "推进 企业 改革"]
    );
    assert_eq!(found("'企业$", &lines), lines, "' drops the $, as in fzf");
    assert_eq!(
        found("!^企业$", &lines),
        ["企业开办", "民营企业", "推进 企业 改革"]
    );
}

#[test]
fn pinyin_reaches_han_characters_only() {
    let lines = ["a|b", "--foobar--", "C++", "海关", "A海关", "海|关"];
    assert_eq!(found_py("'ab", &lines), Vec::<&str>::new());
    assert_eq!(found_py("^foo", &lines), Vec::<&str>::new());
    assert_eq!(found_py("c$", &lines), Vec::<&str>::new());
    assert_eq!(found_py("^hg", &lines), ["海关"]);
    assert_eq!(found_py("'hg", &lines), ["海关", "A海关"]);
    assert_eq!(found_py("hg", &lines), ["海关", "A海关", "海|关"]);
}

#[test]
fn traditional_and_simplified_find_each_other() {
    let lines = ["銀行開戶", "银行开户", "國務院辦公廳"];
    assert_eq!(found("银行", &lines), &lines[..2]);
    assert_eq!(found("銀行", &lines), &lines[..2]);
    assert_eq!(found("^国务院", &lines), &lines[2..]);
    assert_eq!(
        found_py("yinhang", &lines),
        &lines[..2],
        "and pinyin on both"
    );
    assert_eq!(found_py("gwy", &lines), &lines[2..]);
}

fn ids(q: &str) -> Vec<String> {
    let cat = seeds::embedded();
    let index = Index::new(&cat);
    let opts = Options {
        limit: 1000,
        units: false,
    };
    let mut out: Vec<String> = search(&cat, &index, q, &opts)
        .hits
        .into_iter()
        .filter(|h| h.field == crate::domain::search::Field::Id)
        .map(|h| h.id)
        .collect();
    out.sort();
    out
}

#[test]
fn ids_obey_the_operator() {
    assert_eq!(ids("^1$"), ["1"], "task 1 itself");
    assert_eq!(ids("^1.2$"), ["1.2"]);
    let plain = ids("1");
    assert!(plain.iter().all(|id| id == "1" || id.starts_with("1.")));
    assert!(plain.len() > 1, "a plain id is the task and its measures");
    let prefix = ids("^1");
    assert!(prefix.iter().all(|id| id.starts_with('1')));
    assert!(prefix.iter().any(|id| id.starts_with("10")), "{prefix:?}");
    let suffix = ids("2$");
    assert!(suffix.iter().all(|id| id.ends_with('2')) && suffix.contains(&"1.2".into()));
}
