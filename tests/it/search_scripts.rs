//! Search across scripts (issue 12): a notice in traditional characters, searched in simplified
//! ones (and the reverse), by pinyin, and by its units' names.

use serde_json::Value;

use crate::support::sealed;

const DOC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/it/data/traditional.json"
);

/// (kind, id, field) of each hit of `fgf search QUERY --json` over the traditional document.
fn hits(query: &str) -> Vec<(String, String, String)> {
    let o = sealed::run(&["--doc", DOC, "search", query, "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Array(Vec::new()));
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let s = |k: &str| h[k].as_str().unwrap().to_string();
            (s("kind"), s("id"), s("field"))
        })
        .collect()
}

fn ids(query: &str) -> Vec<String> {
    hits(query).into_iter().map(|h| h.1).collect()
}

#[test]
fn simplified_finds_traditional() {
    assert_eq!(ids("企业开办"), ["1", "1.1"], "壓減企業開辦時間");
    assert_eq!(ids("'银行开户"), ["1.1"], "銀行開戶");
    assert_eq!(ids("^推进"), ["2"], "推進「一網通辦」");
    assert_eq!(ids("'一网通办"), ["2", "2.1"]);
}

#[test]
fn traditional_finds_traditional_and_simplified_query_forms_agree() {
    for (trad, simp) in [("銀行", "银行"), ("開辦", "开办"), ("網上辦理", "网上办理")]
    {
        assert!(!ids(trad).is_empty(), "{trad}");
        assert_eq!(ids(trad), ids(simp), "{trad} / {simp}");
    }
}

#[test]
fn pinyin_works_on_traditional_text() {
    assert_eq!(ids("qiyekaiban"), ["1", "1.1"]);
    assert_eq!(ids("yhkh"), ["1.1"]);
}

#[test]
fn units_in_traditional_are_found_in_simplified() {
    let lead = hits("@市场监管局");
    assert!(
        lead.iter().any(|h| h.1 == "1.1" && h.2 == "lead"),
        "{lead:?}"
    );
    let with = hits("+财政局");
    assert!(
        with.iter().any(|h| h.1 == "1.1" && h.2 == "support"),
        "{with:?}"
    );
    assert!(
        ids("发改委").contains(&"區發展改革委".to_string()),
        "the unit by its alias"
    );
}

#[test]
fn full_width_digits_in_the_text_match_ascii() {
    assert_eq!(ids("'3个工作日"), ["1.1"], "壓減至３個工作日");
}
