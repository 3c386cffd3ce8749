use super::*;

const CASE: Mode = Mode {
    lower: false,
    accents: true,
};

fn f(s: &str) -> String {
    text(s, Mode::INDEX).into_owned()
}

#[test]
fn width_folds_both_ways_one_char_for_one() {
    assert_eq!(f("（一）"), f("(一)"));
    assert_eq!(f("ＡＢＣ１２３"), "abc123");
    assert_eq!(f("a,b"), f("a，b"));
    assert_eq!(f("x｡"), f("x."));
    for s in ["（一）ＡＢ", "a|b", "C++", "重庆，市"] {
        assert_eq!(f(s).chars().count(), s.chars().count(), "{s}");
    }
}

#[test]
fn chinese_text_is_usually_its_own_fold() {
    let s = "推进“证照分离”改革（全市），2019年底前完成；";
    assert!(matches!(text(s, Mode::INDEX), Cow::Borrowed(_)), "{}", f(s));
}

#[test]
fn case_beyond_ascii() {
    assert_eq!(f("ДОМ Ωmega ＦＧＷ"), "дом ωmega fgw");
    assert_eq!(text("ＦＧＷ", CASE), "FGW");
    assert_eq!(
        char('İ', Mode::INDEX),
        'i',
        "one character, as Go's unicode.ToLower"
    );
}

#[test]
fn latin_accents_as_fzf() {
    assert_eq!(f("Café Ñandú Ærø"), "cafe nandu ærø".replace('ø', "o"));
    let keep = Mode {
        lower: true,
        accents: false,
    };
    assert_eq!(text("Café", keep), "café");
    assert!(has_accent('é') && !has_accent('e') && !has_accent('企'));
}

#[test]
fn traditional_as_simplified() {
    assert_eq!(f("國務院辦公廳關於"), "国务院办公厅关于");
    assert_eq!(f("銀行"), "银行");
    assert_eq!(simplify("银行"), "银行");
    assert!(matches!(simplify("重庆市发展改革委"), Cow::Borrowed(_)));
}

#[test]
fn white_space_at_the_ends() {
    assert_eq!(leading_space("\u{3000}\u{3000}一、"), (2, 6));
    assert_eq!(trailing_space("末 \u{3000}"), 4);
    assert_eq!(leading_space("   "), (3, 3));
}

#[test]
fn the_traditional_table_is_what_fast2s_converts() {
    let table: Vec<char> = ('\u{4E00}'..='\u{9FFF}')
        .filter(|&c| traditional(c))
        .collect();
    assert!(table.len() > 2000, "{}", table.len());
    for &c in &table {
        assert_ne!(fast2s::convert(&c.to_string()), c.to_string(), "{c}");
    }
    for c in ('\u{4E00}'..='\u{9FFF}').filter(|c| !traditional(*c)) {
        assert_eq!(
            fast2s::convert(&c.to_string()),
            c.to_string(),
            "{c} is missing"
        );
    }
    for c in "国务院银行开户重庆企业审批改革ABC，（".chars() {
        assert!(!traditional(c), "{c}");
    }
}
