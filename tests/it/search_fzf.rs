//! The differential test against fzf: fgf's query language over plain lines
//! (`search::filter_lines`) gives the lines `fzf --filter` 0.74 gives, query for query, except
//! where the allow-list says why not. fzf's answers are data (tests/it/data/fzf_expect.json,
//! written by tools/fzf_expect.py), so this test needs no fzf.

use std::collections::{BTreeMap, BTreeSet};

use fgf::domain::search::{filter_lines, fold};
use serde_json::Value;

/// A full-width letter, digit or punctuation mark in the query also finds its ASCII form: fgf
/// folds width both ways. fzf folds the text only, and not at all for a term that has a
/// full-width character (so its `（一）` misses `(一)`, `３` misses `3`).
const WIDTH: &str = "width folds both ways";
/// Traditional and simplified characters are one text to fgf (issue 12); fzf tells them apart.
const SCRIPT: &str = "traditional = simplified";
/// fgf reads `！＇＾＄｜` as `!'^$|` and U+3000 as a space between terms (typed through a Chinese
/// input method); fzf reads them as text.
const OPERATORS: &str = "full-width operators and U+3000";

/// Where fgf's answer differs from fzf's on purpose: query -> why (checked: the reason must
/// hold for the query).
const ALLOWED: &[(&str, &str)] = &[
    ("!'a，b", WIDTH),
    ("!'a，b$", WIDTH),
    ("!'a，b'", WIDTH),
    ("!'国务院", SCRIPT),
    ("!'国务院$", SCRIPT),
    ("!'审批", SCRIPT),
    ("!'审批$", SCRIPT),
    ("!'重庆", SCRIPT),
    ("!'重庆$", SCRIPT),
    ("!'銀行", SCRIPT),
    ("!'銀行$", SCRIPT),
    ("!'银行", SCRIPT),
    ("!'银行$", SCRIPT),
    ("!'開戶", SCRIPT),
    ("!'開戶$", SCRIPT),
    ("!'（一）", WIDTH),
    ("!'（一）$", WIDTH),
    ("!'３", WIDTH),
    ("!'３$", WIDTH),
    ("!'３'", WIDTH),
    ("!'ＡＢＣ", WIDTH),
    ("!'ＡＢＣ$", WIDTH),
    ("!'ＡＢＣ'", WIDTH),
    ("!'ａｂｃ", WIDTH),
    ("!'ａｂｃ$", WIDTH),
    ("!'ａｂｃ'", WIDTH),
    ("!^a，b", WIDTH),
    ("!^a，b$", WIDTH),
    ("!^国务院", SCRIPT),
    ("!^重庆", SCRIPT),
    ("!^銀行", SCRIPT),
    ("!^银行", SCRIPT),
    ("!^（一）", WIDTH),
    ("!^３", WIDTH),
    ("!^３$", WIDTH),
    ("!^ＡＢＣ", WIDTH),
    ("!^ＡＢＣ$", WIDTH),
    ("!^ａｂｃ", WIDTH),
    ("!^ａｂｃ$", WIDTH),
    ("!a，b", WIDTH),
    ("!a，b$", WIDTH),
    ("!国务院", SCRIPT),
    ("!审批", SCRIPT),
    ("!审批$", SCRIPT),
    ("!重庆", SCRIPT),
    ("!銀行", SCRIPT),
    ("!银行", SCRIPT),
    ("!開戶", SCRIPT),
    ("!開戶$", SCRIPT),
    ("!（一）", WIDTH),
    ("!３", WIDTH),
    ("!３$", WIDTH),
    ("!ＡＢＣ", WIDTH),
    ("!ＡＢＣ$", WIDTH),
    ("!ａｂｃ", WIDTH),
    ("!ａｂｃ$", WIDTH),
    ("'2019' | ３", WIDTH),
    ("'a，b", WIDTH),
    ("'a，b$", WIDTH),
    ("'a，b'", WIDTH),
    ("'国务院", SCRIPT),
    ("'国务院$", SCRIPT),
    ("'审批", SCRIPT),
    ("'审批$", SCRIPT),
    ("'重庆", SCRIPT),
    ("'重庆$", SCRIPT),
    ("'銀行", SCRIPT),
    ("'銀行$", SCRIPT),
    ("'银行", SCRIPT),
    ("'银行$", SCRIPT),
    ("'開戶", SCRIPT),
    ("'開戶$", SCRIPT),
    ("'（一）", WIDTH),
    ("'（一）$", WIDTH),
    ("'３", WIDTH),
    ("'３$", WIDTH),
    ("'３'", WIDTH),
    ("'ＡＢＣ", WIDTH),
    ("'ＡＢＣ$", WIDTH),
    ("'ＡＢＣ'", WIDTH),
    ("'ａｂｃ", WIDTH),
    ("'ａｂｃ$", WIDTH),
    ("'ａｂｃ'", WIDTH),
    ("^a，b", WIDTH),
    ("^a，b$", WIDTH),
    ("^国务院", SCRIPT),
    ("^重庆", SCRIPT),
    ("^重庆市$", SCRIPT),
    ("^銀行", SCRIPT),
    ("^银行", SCRIPT),
    ("^（一）", WIDTH),
    ("^（一） 改革", WIDTH),
    ("^３", WIDTH),
    ("^３$", WIDTH),
    ("^ＡＢＣ", WIDTH),
    ("^ＡＢＣ$", WIDTH),
    ("^ａｂｃ", WIDTH),
    ("^ａｂｃ$", WIDTH),
    ("a，b", WIDTH),
    ("a，b$", WIDTH),
    ("价格：１００", WIDTH),
    ("企业 ｜ 监管", OPERATORS),
    ("企业\u{3000}开办", OPERATORS),
    ("企业＄", OPERATORS),
    ("国务院", SCRIPT),
    ("审批", SCRIPT),
    ("审批$", SCRIPT),
    ("重庆", SCRIPT),
    ("銀行", SCRIPT),
    ("银行", SCRIPT),
    ("開戶", SCRIPT),
    ("開戶$", SCRIPT),
    ("！企业", OPERATORS),
    ("＇企业", OPERATORS),
    ("（一）", WIDTH),
    ("３", WIDTH),
    ("３$", WIDTH),
    ("ＡＢＣ", WIDTH),
    ("ＡＢＣ$", WIDTH),
    ("＾企业", OPERATORS),
    ("ａｂｃ", WIDTH),
    ("ａｂｃ$", WIDTH),
];

/// Whether `reason` can explain a difference on `query` (and lines `diff`).
fn explains(reason: &str, query: &str, diff: &[String]) -> bool {
    let full_width = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c);
    let traditional = |s: &str| fold::simplify(s) != s;
    match reason {
        WIDTH => query.chars().any(full_width),
        SCRIPT => traditional(query) || diff.iter().any(|l| traditional(l)),
        OPERATORS => query.chars().any(|c| "！＇＾＄｜\u{3000}".contains(c)),
        _ => false,
    }
}

struct Case {
    query: String,
    fzf: BTreeSet<usize>,
}

fn expectations() -> (Vec<String>, Vec<Case>) {
    let v: Value =
        serde_json::from_str(include_str!("data/fzf_expect.json")).expect("valid expectations");
    assert!(
        v["fzf"].as_str().unwrap().starts_with("0.74"),
        "recorded with fzf 0.74"
    );
    let lines: Vec<String> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    let ids = |v: &Value| -> BTreeSet<usize> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as usize)
            .collect()
    };
    let cases = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            query: c["query"].as_str().unwrap().to_string(),
            fzf: match c.get("fzf") {
                Some(hits) => ids(hits),
                None => {
                    let not = ids(&c["fzf_not"]);
                    (0..lines.len()).filter(|i| !not.contains(i)).collect()
                }
            },
        })
        .collect();
    (lines, cases)
}

/// For each query where fgf and fzf differ: the lines only fgf finds, and only fzf finds.
fn differences(with_pinyin: bool) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let (lines, cases) = expectations();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut out = BTreeMap::new();
    for c in &cases {
        let fgf: BTreeSet<usize> = filter_lines(&c.query, &refs, with_pinyin)
            .into_iter()
            .collect();
        if fgf != c.fzf {
            let only = |a: &BTreeSet<usize>, b: &BTreeSet<usize>| {
                a.difference(b).map(|&i| lines[i].clone()).collect()
            };
            out.insert(c.query.clone(), (only(&fgf, &c.fzf), only(&c.fzf, &fgf)));
        }
    }
    out
}

#[test]
fn the_corpus_is_a_few_hundred_lines_and_queries() {
    let (lines, cases) = expectations();
    assert!(lines.len() >= 300, "{}", lines.len());
    assert!(cases.len() >= 300, "{}", cases.len());
    // fzf found something for most queries, and not everything.
    let some = cases
        .iter()
        .filter(|c| !c.fzf.is_empty() && c.fzf.len() < lines.len());
    assert!(some.count() * 2 > cases.len());
}

#[test]
fn fgf_reads_queries_as_fzf_does() {
    let diffs = differences(false);
    let allowed: BTreeMap<&str, &str> = ALLOWED.iter().copied().collect();
    let mut report = String::new();
    for (q, (more, fewer)) in &diffs {
        let lines: Vec<String> = more.iter().chain(fewer).cloned().collect();
        match allowed.get(q.as_str()) {
            None => report += &format!("{q:?}: fgf also {more:?}; fgf not {fewer:?}\n"),
            Some(why) if !explains(why, q, &lines) => {
                report += &format!("{q:?}: {why:?} does not explain {lines:?}\n")
            }
            Some(_) => {}
        }
    }
    for q in allowed.keys() {
        if !diffs.contains_key(*q) {
            report += &format!("{q:?} is allowed to differ but agrees with fzf now\n");
        }
    }
    assert!(
        report.is_empty(),
        "{} differences:\n{report}",
        report.lines().count()
    );
}

#[test]
fn pinyin_adds_only_han_text() {
    let (lines, cases) = expectations();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut extra = 0;
    for c in &cases {
        let plain: BTreeSet<usize> = filter_lines(&c.query, &refs, false).into_iter().collect();
        let with: BTreeSet<usize> = filter_lines(&c.query, &refs, true).into_iter().collect();
        for &i in with.symmetric_difference(&plain) {
            assert!(
                han(&lines[i]),
                "{:?}: pinyin reached {:?}",
                c.query,
                lines[i]
            );
            extra += 1;
        }
    }
    assert!(extra > 0, "pinyin finds Chinese text for some queries");
}
