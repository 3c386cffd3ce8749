//! Matching and ranking over the embedded document.

use super::*;
use crate::domain::seeds;

fn run(q: &str) -> (Catalog, Results) {
    let cat = seeds::embedded();
    let index = Index::new(&cat);
    let r = search(&cat, &index, q, &Options::default());
    (cat, r)
}

fn ids(r: &Results) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

fn chars_at(text: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn plain_word_finds_title_first() {
    let (_, r) = run("企业开办");
    assert_eq!(r.hits[0].id, "7");
    assert_eq!(r.hits[0].kind, ItemKind::Task);
    assert_eq!(r.hits[0].field, Field::Title);
    assert_eq!(chars_at(&r.hits[0].text, &r.hits[0].positions), "企业开办");
}

#[test]
fn unit_name_and_alias_find_the_unit() {
    for q in ["市场监管局", "市监局", "scjgj"] {
        let (_, r) = run(q);
        let h = &r.hits[0];
        assert_eq!(
            (h.kind, h.id.as_str()),
            (ItemKind::Unit, "市市场监管局"),
            "{q}"
        );
        assert_eq!(h.field, Field::Name);
    }
}

#[test]
fn pinyin_finds_units_by_initials_and_full_pinyin() {
    for (q, unit) in [
        ("fgw", "市发展改革委"),
        ("fagaiwei", "市发展改革委"),
        ("scjgj", "市市场监管局"),
        ("ybj", "重庆银保监局"),
        ("cqhg", "重庆海关"),
    ] {
        let (_, r) = run(q);
        let first_unit = r.hits.iter().find(|h| h.kind == ItemKind::Unit).unwrap();
        assert_eq!(first_unit.id, unit, "{q}");
    }
}

#[test]
fn pinyin_highlights_the_chinese_characters() {
    let (_, r) = run("cq");
    let h = r
        .hits
        .iter()
        .find(|h| h.id == "重庆海关")
        .expect("cq finds 重庆海关");
    assert_eq!(chars_at(&h.text, &h.positions), "重庆");
    let (_, r) = run("yinhang");
    let h = r
        .hits
        .iter()
        .find(|h| h.field == Field::Text)
        .expect("a measure text");
    assert_eq!(chars_at(&h.text, &h.positions), "银行", "{h:?}");
    let (_, r) = run("yhjg");
    assert!(
        r.hits
            .iter()
            .any(|h| h.matches.iter().any(|m| m.text.contains("银保监"))),
        "yhjg finds 银保监 through its full name 银行保险监督管理"
    );
}

#[test]
fn heteronyms_are_read_for_this_document() {
    let top = |q: &str| {
        let (_, r) = run(q);
        let h = r.hits[0].clone();
        chars_at(&h.text, &h.positions)
    };
    assert_eq!(top("chongqing"), "重庆");
    assert_ne!(top("zhongqing"), "重庆", "重庆 is not zhong qing");
    let (_, r) = run("xingzheng");
    assert!(
        r.hits
            .iter()
            .any(|h| chars_at(&h.text, &h.positions) == "行政")
    );
}

#[test]
fn scopes_restrict_the_field() {
    let (cat, r) = run("@发改委");
    assert!(r.total > 0);
    for h in &r.hits {
        assert_eq!(h.field, Field::Lead, "{h:?}");
        let Target::Item(loc) = h.target else {
            panic!("a unit is not led")
        };
        match cat.at(loc) {
            crate::domain::Item::Measure(_, _, m) => {
                assert!(m.lead.contains(&"市发展改革委".into()))
            }
            crate::domain::Item::Task(_, t) => assert!(t.lead_units().contains(&"市发展改革委")),
            _ => unreachable!(),
        }
    }
    let (cat, r) = run("+海关");
    assert!(r.total > 0);
    for h in &r.hits {
        let Target::Item(crate::domain::Loc::Measure(s, t, m)) = h.target else {
            continue;
        };
        let m = &cat.doc.sections[s].tasks[t].measures[m];
        assert!(m.support.contains(&"重庆海关".into()), "{}", m.id);
    }
    let (_, lead) = run("lead:fgw");
    let (_, at) = run("@fgw");
    assert_eq!(ids(&lead), ids(&at));
}

#[test]
fn id_scope() {
    let (_, r) = run("#19");
    assert_eq!(r.hits[0].id, "19");
    assert_eq!(r.total, 11, "task 19 and its 10 measures");
    assert!(
        ids(&r)
            .iter()
            .all(|id| *id == "19" || id.starts_with("19."))
    );
    let (_, r) = run("#9.2");
    assert_eq!(ids(&r), ["9.2"]);
    let (_, r) = run("9.2");
    assert_eq!(r.hits[0].id, "9.2", "an unscoped id ranks first");
}

#[test]
fn deadline_scope() {
    let (cat, r) = run(">2019");
    assert!(r.total > 0);
    for h in &r.hits {
        assert_eq!(h.field, Field::Deadline);
        assert!(h.text.as_str() > "2019-12-31", "{h:?}");
    }
    let (_, before) = run("<2020-06-30");
    let (_, upto) = run("<=2020-06-30");
    assert!(upto.total > before.total, "2020-06-30 itself is in <= only");
    let _ = cat;
    let (_, both) = run(">2019 @发改委");
    assert!(both.total < r.total);
}

#[test]
fn and_or_and_negation() {
    let (_, tax) = run("税务");
    let (_, customs) = run("海关");
    let (_, either) = run("税务 | 海关");
    assert!(either.total >= tax.total.max(customs.total));
    assert!(either.total <= tax.total + customs.total);
    let (_, both) = run("税务 海关");
    assert!(both.total <= tax.total.min(customs.total));
    let (_, not_customs) = run("税务 !海关");
    assert_eq!(not_customs.total + both_exact("税务 '海关"), tax.total);
}

fn both_exact(q: &str) -> usize {
    run(q).1.total
}

#[test]
fn prefix_suffix_equal() {
    let (_, r) = run("^重庆");
    assert!(r.hits.iter().any(|h| h.id == "重庆海关"));
    assert!(
        r.hits
            .iter()
            .all(|h| h.matches.iter().any(|m| m.text.starts_with("重庆")))
    );
    let (_, r) = run("管委会$");
    assert!(r.hits.iter().any(|h| h.id == "两江新区管委会"));
    let (_, r) = run("^市教委$");
    assert_eq!(r.hits[0].id, "市教委");
    let (_, r) = run("!^市 ^有关");
    assert!(r.hits.iter().any(|h| h.id == "有关区县政府"));
}

#[test]
fn exact_and_prefix_rank_above_scattered() {
    let (_, r) = run("审批");
    let first_fuzzy = r.hits.iter().position(|h| {
        let p = &h.positions;
        p.len() == 2 && p[1] != p[0] + 1
    });
    let last_exact = r.hits.iter().rposition(|h| {
        let p = &h.positions;
        p.len() == 2 && p[1] == p[0] + 1
    });
    if let (Some(f), Some(e)) = (first_fuzzy, last_exact) {
        assert!(e < f, "exact at {e}, scattered at {f}");
    }
}

#[test]
fn ties_keep_document_order() {
    let (_, r) = run("@市场监管");
    let measures: Vec<&Hit> = r
        .hits
        .iter()
        .filter(|h| h.kind == ItemKind::Measure)
        .collect();
    for w in measures.windows(2) {
        if w[0].score == w[1].score {
            assert!(w[0].target < w[1].target, "{} before {}", w[0].id, w[1].id);
        }
    }
}

#[test]
fn smart_case() {
    // 20.5 has "PC": a lower-case word matches it in any case, a capital makes the word exact-case.
    let direct = |q: &str| {
        let (_, r) = run(q);
        r.hits
            .iter()
            .any(|h| h.id == "20.5" && h.field == Field::Text && h.positions.len() == 2)
    };
    assert!(direct("pc"));
    assert!(direct("PC"));
    assert!(!direct("Pc"), "Pc is case-sensitive and the text says PC");
}

#[test]
fn odd_queries_do_not_panic_and_empty_finds_nothing() {
    for q in [
        "", "!", "|", "'", "^", "$", "!$", "#", "@", ">", "<", "\\", "!^", "a|", "\u{3000}",
    ] {
        let (_, r) = run(q);
        assert!(r.total <= 200, "{q:?}");
    }
    assert_eq!(run("").1.total, 0);
}

#[test]
fn narrowing_gives_the_same_results_as_a_full_search() {
    let cat = seeds::embedded();
    let index = Index::new(&cat);
    let opts = Options::default();
    let mut s = Searcher::new();
    let mut typed = String::new();
    for c in "审批 服务 @fgw".chars() {
        typed.push(c);
        let inc = s.search(&cat, &index, &typed, &opts);
        let full = search(&cat, &index, &typed, &opts);
        assert_eq!(inc.total, full.total, "{typed:?}");
        assert_eq!(inc.hits, full.hits, "{typed:?}");
    }
    let r = s.search(&cat, &index, "审批 服务 @fgwx", &opts);
    assert!(r.narrowed);
    let r = s.search(&cat, &index, "审批", &opts);
    assert!(r.narrowed, "backspace narrows from the remembered 审批");
    let r = s.search(&cat, &index, "审", &opts);
    assert!(r.narrowed);
    let r = s.search(&cat, &index, "服", &opts);
    assert!(!r.narrowed, "a query never seen searches everything");
    assert_eq!(r.total, search(&cat, &index, "服", &opts).total);
}

#[test]
fn narrows_only_when_safe() {
    let n = |a: &str, b: &str| narrows(&parse(a), &parse(b));
    assert!(n("审", "审批"));
    assert!(n("审批", "审批 服务"));
    assert!(n("fg", "fgw"));
    assert!(n("'审", "'审批"));
    assert!(n("^重", "^重庆"));
    assert!(!n("审批", "审"));
    assert!(!n("!税", "!税务"), "a longer negation excludes less");
    assert!(n("税务", "税务 |"), "a dangling | is ignored");
    assert!(!n("税务", "税务 | 海关"));
    assert!(!n(">20", ">2020"));
    assert!(!n("#1", "#19"));
    assert!(!n("", "a"));
    assert!(!n("Ab", "ab"));
    assert!(!n("1", "10"), "ids are not fuzzy");
}

#[test]
fn letters_that_only_start_syllables_never_follow_in_this_document() {
    // The pinyin prefilter relies on it: b c d f j k l m p q s t w x y z only begin syllables.
    let cat = seeds::embedded();
    let texts = cat
        .measures()
        .map(|(_, _, m)| m.text.as_str())
        .chain(cat.tasks().map(|(_, t)| t.title.as_str()))
        .chain(cat.doc.units.iter().map(|u| u.name.as_str()));
    for text in texts {
        let spelled = pinyin::keys(text).spelled();
        let inner: String = spelled.chars().filter(char::is_ascii_lowercase).collect();
        assert_eq!(index::only_initials(&inner), 0, "{text}: {spelled}");
    }
}

#[test]
fn hits_one_at_a_time_are_the_hits_of_a_search() {
    let cat = seeds::embedded();
    let index = Index::new(&cat);
    for q in [
        "审批",
        "fgw",
        "@scjgj >2019",
        "服务 !海关",
        "税务 | 海关",
        "",
        "!",
    ] {
        for limit in [3, usize::MAX] {
            let opts = Options { limit, units: true };
            let whole = search(&cat, &index, q, &opts);
            let mut each = Vec::new();
            let (query, total) = search_each(&cat, &index, q, &opts, |h| each.push(h));
            assert_eq!(each, whole.hits, "{q:?}");
            assert_eq!((query, total), (whole.query, whole.total), "{q:?}");
        }
    }
}

#[test]
fn every_entry_has_the_units_of_its_item() {
    for cat in [
        seeds::embedded(),
        crate::domain::Catalog::new(crate::domain::generate::document(3000, 5)).unwrap(),
    ] {
        let index = Index::new(&cat);
        let names = |list: &[u16]| -> Vec<String> {
            list.iter()
                .map(|&u| cat.doc.units[usize::from(u)].name.clone())
                .collect()
        };
        let mut tasks = 0;
        for e in &index.entries {
            let (lead, support): (Vec<String>, Vec<String>) = match e.target {
                Target::Item(loc) => match cat.at(loc) {
                    crate::domain::Item::Task(_, t) => {
                        tasks += 1;
                        let own = |v: Vec<&str>| v.into_iter().map(String::from).collect();
                        (own(t.lead_units()), own(t.support_units()))
                    }
                    crate::domain::Item::Measure(_, _, m) => (m.lead.clone(), m.support.clone()),
                    crate::domain::Item::Milestone(..) => unreachable!("no milestone entries"),
                },
                Target::Unit(_) => (Vec::new(), Vec::new()),
            };
            assert_eq!(names(index.lead(e)), lead, "{:?}", e.target);
            assert_eq!(names(index.support(e)), support, "{:?}", e.target);
        }
        assert_eq!(tasks, cat.tasks().count());
    }
}

#[test]
fn masks_built_on_two_cores_are_each_entry_s_own() {
    let cat = crate::domain::Catalog::new(crate::domain::generate::document(5000, 9)).unwrap();
    let index = Index::new(&cat);
    assert!(index.len() >= 4096, "large enough to be split");
    for e in &index.entries {
        let folded = fold::text(index::main_text(&cat, e.target), fold::Mode::INDEX);
        assert_eq!(e.mask, index::Mask::of(&folded));
        assert_eq!(index::folded_text(&cat, e), folded);
    }
}
