use super::*;

fn one(input: &str) -> Term {
    let q = parse(input);
    assert_eq!(q.groups.len(), 1, "{input:?} -> {q:?}");
    assert_eq!(q.groups[0].alts.len(), 1, "{input:?} -> {q:?}");
    q.groups[0].alts[0].clone()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn plain_words_are_fuzzy_and_anded() {
    let q = parse("企业 开办");
    assert_eq!(q.groups.len(), 2);
    let t = &q.groups[0].alts[0];
    assert_eq!(
        (t.kind, t.scope, t.negate),
        (Kind::Fuzzy, Scope::Any, false)
    );
    assert_eq!(t.text, "企业");
    assert_eq!(q.groups[1].alts[0].text, "开办");
}

#[test]
fn fzf_operators() {
    assert_eq!(one("'许可").kind, Kind::Exact);
    assert_eq!(one("'许可").text, "许可");
    assert_eq!(one("^重庆").kind, Kind::Prefix);
    assert_eq!(one("^重庆").text, "重庆");
    assert_eq!(one("管委会$").kind, Kind::Suffix);
    assert_eq!(one("管委会$").text, "管委会");
    assert_eq!(one("^市教委$").kind, Kind::Equal);
    assert_eq!(one("^市教委$").text, "市教委");
    assert_eq!(one("'监管'").kind, Kind::Boundary);
    assert_eq!(one("'监管'").text, "监管");
}

#[test]
fn negation_is_exact_like_fzf() {
    let t = one("!税务");
    assert!(t.negate);
    assert_eq!((t.kind, t.text.as_str()), (Kind::Exact, "税务"));
    let t = one("!^重庆");
    assert!(t.negate);
    assert_eq!((t.kind, t.text.as_str()), (Kind::Prefix, "重庆"));
    let t = one("!局$");
    assert!(t.negate);
    assert_eq!((t.kind, t.text.as_str()), (Kind::Suffix, "局"));
    let t = one("!'税务");
    assert!(t.negate);
    assert_eq!(
        t.kind,
        Kind::Fuzzy,
        "' toggles a negated term back to fuzzy"
    );
}

#[test]
fn bar_makes_an_or_group() {
    let q = parse("税务 | 海关 许可");
    assert_eq!(q.groups.len(), 2);
    let alts: Vec<&str> = q.groups[0].alts.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(alts, ["税务", "海关"]);
    assert_eq!(q.groups[1].alts[0].text, "许可");
    let q = parse("a | b | c");
    assert_eq!(q.groups.len(), 1);
    assert_eq!(q.groups[0].alts.len(), 3);
}

#[test]
fn bar_inside_a_word_is_literal() {
    assert_eq!(one("税务|海关").text, "税务|海关");
}

#[test]
fn dangling_bars_are_ignored_with_a_note() {
    for input in ["| 税务", "税务 |", "税务 | | 海关"] {
        let q = parse(input);
        assert!(!q.notes.is_empty(), "{input:?}");
        assert!(!q.groups.is_empty(), "{input:?}");
    }
    let q = parse("税务 | | 海关");
    assert_eq!(q.groups.len(), 1);
    assert_eq!(q.groups[0].alts.len(), 2);
}

#[test]
fn unit_scopes() {
    for input in ["@市场监管", "lead:市场监管", "LEAD:市场监管", "＠市场监管"] {
        let t = one(input);
        assert_eq!(
            (t.scope, t.text.as_str()),
            (Scope::Lead, "市场监管"),
            "{input}"
        );
    }
    for input in ["+海关", "with:海关", "＋海关"] {
        let t = one(input);
        assert_eq!(
            (t.scope, t.text.as_str()),
            (Scope::Support, "海关"),
            "{input}"
        );
    }
    let t = one("!@^重庆");
    assert!(t.negate);
    assert_eq!((t.scope, t.kind), (Scope::Lead, Kind::Prefix));
    assert_eq!(one("@'发改委").kind, Kind::Exact);
}

#[test]
fn id_scope() {
    let t = one("#19");
    assert_eq!((t.scope, t.text.as_str()), (Scope::Id, "19"));
    assert!(!t.pinyin);
    assert_eq!(one("＃9.2").scope, Scope::Id);
}

#[test]
fn deadline_scopes() {
    let t = one(">2019");
    let Scope::Deadline(r) = t.scope else {
        panic!("{t:?}")
    };
    assert_eq!(r.from, Some(date("2020-01-01")));
    assert_eq!(r.to, None);
    assert!(r.contains(date("2020-06-30")));
    assert!(!r.contains(date("2019-12-31")));

    let Scope::Deadline(r) = one("<2020-06-30").scope else {
        panic!()
    };
    assert_eq!((r.from, r.to), (None, Some(date("2020-06-29"))));

    let Scope::Deadline(r) = one("<=2020-06").scope else {
        panic!()
    };
    assert_eq!(r.to, Some(date("2020-06-30")));

    let Scope::Deadline(r) = one(">=2020").scope else {
        panic!()
    };
    assert_eq!(r.from, Some(date("2020-01-01")));

    let Scope::Deadline(r) = one("＜2020/6/30").scope else {
        panic!()
    };
    assert_eq!(r.to, Some(date("2020-06-29")));
    assert!(one("!>2019").negate);
}

#[test]
fn a_bad_date_is_read_as_text_with_a_note() {
    for input in [">abc", "<2019-13", ">20", "<2019-02-30"] {
        let q = parse(input);
        let t = &q.groups[0].alts[0];
        assert_eq!(t.scope, Scope::Any, "{input}");
        assert_eq!(t.text, input);
        assert!(q.notes[0].contains("not a date"), "{input}: {:?}", q.notes);
    }
}

#[test]
fn full_width_forms_work_like_ascii() {
    let q = parse("税务\u{3000}海关");
    assert_eq!(q.groups.len(), 2, "U+3000 splits terms");
    let t = one("！税务");
    assert!(t.negate);
    assert_eq!(one("＇许可").kind, Kind::Exact);
    assert_eq!(one("＾重庆").kind, Kind::Prefix);
    assert_eq!(one("管委会＄").kind, Kind::Suffix);
    assert_eq!(one("＾市教委＄").kind, Kind::Equal);
    let q = parse("税务　｜　海关");
    assert_eq!(q.groups.len(), 1);
    assert_eq!(q.groups[0].alts.len(), 2);
    assert_eq!(one("lead：发改委").scope, Scope::Lead);
}

#[test]
fn escapes() {
    assert_eq!(one(r"互联网\ +监管").text, "互联网 +监管");
    let t = one(r"\!important");
    assert!(!t.negate);
    assert_eq!(t.text, "!important");
    assert_eq!(one(r"\^x").kind, Kind::Fuzzy);
    assert_eq!(one(r"\@x").scope, Scope::Any);
    assert_eq!(one(r"\#19").text, "#19");
    assert_eq!(one(r"\>2019").scope, Scope::Any);
    let t = one(r"cost\$");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Fuzzy, "cost$"));
    assert_eq!(one(r"a\\").text, r"a\");
    assert_eq!(one("a\\").text, r"a\", "a trailing backslash is literal");
    let q = parse(r"\|");
    assert_eq!(q.groups[0].alts[0].text, "|");
}

#[test]
fn lone_dollar_and_caret_are_literal_text_or_ignored() {
    assert_eq!(one("$").text, "$");
    assert_eq!(one("$").kind, Kind::Fuzzy);
    let q = parse("^");
    assert!(q.is_empty());
    assert!(!q.notes.is_empty());
}

#[test]
fn empty_and_odd_input() {
    for input in [
        "", "   ", "\u{3000}", "!", "'", "!^", "@", "#", ">", "<=", "|", "！", "\t\n",
    ] {
        let q = parse(input);
        assert!(q.is_empty(), "{input:?} -> {q:?}");
    }
    assert!(!parse("!").notes.is_empty(), "a lone ! is reported");
    let t = one("!$");
    assert!(t.negate, "as in fzf, !$ excludes a literal $");
    assert_eq!(t.text, "$");
    assert_eq!(one("a\u{0}b").text, "ab", "control characters are dropped");
}

#[test]
fn smart_case_per_term() {
    let q = parse("Fgw fgw");
    assert!(q.groups[0].alts[0].case_sensitive);
    assert!(!q.groups[1].alts[0].case_sensitive);
    assert!(!one("重庆").case_sensitive);
}

#[test]
fn pinyin_only_for_ascii_terms_with_letters() {
    assert!(one("fgw").pinyin);
    assert!(one("@fgw").pinyin);
    assert!(!one("发改委").pinyin);
    assert!(!one("2019").pinyin);
    assert!(!one("fg委").pinyin);
    assert!(
        !one("Fgw").pinyin,
        "a capital means Latin text in that case"
    );
    assert!(parse("x 发").wants_pinyin());
    assert!(!parse("发").wants_pinyin());
}

#[test]
fn operator_combinations_as_fzf_parse_terms() {
    // fzf's src/pattern_test.go, TestParseTermsExtended.
    let q = parse("aaa 'bbb ^ccc ddd$ !eee !'fff !^ggg !hhh$ | ^iii$ ^xxx | 'yyy | zzz$ | !ZZZ |");
    let kinds: Vec<Vec<(Kind, bool)>> = q
        .groups
        .iter()
        .map(|g| g.alts.iter().map(|t| (t.kind, t.negate)).collect())
        .collect();
    use Kind::*;
    assert_eq!(
        kinds,
        vec![
            vec![(Fuzzy, false)],
            vec![(Exact, false)],
            vec![(Prefix, false)],
            vec![(Suffix, false)],
            vec![(Exact, true)],
            vec![(Fuzzy, true)],
            vec![(Prefix, true)],
            vec![(Suffix, true), (Equal, false)],
            vec![
                (Prefix, false),
                (Exact, false),
                (Suffix, false),
                (Exact, true)
            ],
        ]
    );
    assert!(q.groups[..8].iter().all(|g| g.alts[0].text.len() == 3));
    // TestParseTermsEmpty: operators alone are nothing (fgf notes them).
    assert!(parse("' ^ !' !^").is_empty());
}

#[test]
fn quote_forms_read_as_fzf() {
    let t = one("!'企业'");
    assert_eq!(
        (t.negate, t.kind, t.text.as_str()),
        (true, Kind::Boundary, "企业")
    );
    let t = one("'企业'$");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Boundary, "企业"));
    let t = one("'企业$");
    assert_eq!(
        (t.kind, t.text.as_str()),
        (Kind::Exact, "企业"),
        "' drops the $"
    );
    let t = one("!'企业$");
    assert_eq!((t.negate, t.kind), (true, Kind::Fuzzy));
    let t = one("^'企业");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Prefix, "'企业"));
    let t = one("'^企业");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Exact, "^企业"));
    let t = one("''");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Exact, "'"));
    let t = one("'''");
    assert_eq!((t.kind, t.text.as_str()), (Kind::Boundary, "'"));
}

#[test]
fn smart_case_and_accents_beyond_ascii() {
    assert!(one("Москва").case_sensitive);
    assert!(!one("москва").case_sensitive);
    assert!(one("ＦＧＷ").case_sensitive);
    assert!(!one("ｆｇｗ").case_sensitive);
    assert!(one("cafe").accents);
    assert!(!one("café").accents, "an accent typed is matched exactly");
    assert!(!one("Café").pinyin);
}
