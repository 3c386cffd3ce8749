//! Property tests: any query returns without panicking, and typing narrows correctly.

use std::sync::OnceLock;

use fgf::domain::search::{self, Index, Options, Searcher};
use fgf::domain::{Catalog, seeds};
use proptest::prelude::*;

fn fixture() -> &'static (Catalog, Index) {
    static F: OnceLock<(Catalog, Index)> = OnceLock::new();
    F.get_or_init(|| {
        let cat = seeds::embedded();
        let index = Index::new(&cat);
        (cat, index)
    })
}

/// Characters that mean something to the parser or the matcher, and some that do not.
const ALPHABET: &str = "!'^$|#@+<>=:\\ \u{3000}！＇＾＄｜＃＠＋＞＜：-./0129abcfgjqwxyzACQ重庆银行市场监管局发改委审批服务企业开办“”、，\t\n\u{0}\u{7f}\u{200b}😀";

fn operator_heavy() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

fn check(q: &str) {
    let (cat, index) = fixture();
    let r = search::search(cat, index, q, &Options::default());
    assert!(r.hits.len() <= r.total);
    for h in &r.hits {
        let n = h.text.chars().count();
        assert!(h.positions.iter().all(|&p| p < n), "{q:?}: {h:?}");
        assert!(h.positions.windows(2).all(|w| w[0] < w[1]), "{q:?}: {h:?}");
        for m in &h.matches {
            let n = m.text.chars().count();
            assert!(m.positions.iter().all(|&p| p < n), "{q:?}: {m:?}");
        }
    }
    for w in r.hits.windows(2) {
        assert!(w[0].score >= w[1].score, "{q:?}: best first");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_query_returns(q in "\\PC{0,60}") {
        check(&q);
    }

    #[test]
    fn control_characters_and_operators(q in operator_heavy()) {
        check(&q);
    }

    #[test]
    fn any_string_at_all(q in any::<String>()) {
        check(&q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn very_long_queries(q in "[a-z重庆审批 !|^$@#>]{2000,6000}") {
        check(&q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Typing a query one character at a time, then deleting it again, with a `Searcher` (which
    /// narrows from remembered results when it can) finds exactly what a fresh search finds.
    #[test]
    fn typing_narrows_to_the_same_results(q in operator_heavy()) {
        let (cat, index) = fixture();
        let opts = Options { limit: usize::MAX, units: true };
        let mut s = Searcher::new();
        let chars: Vec<char> = q.chars().collect();
        let forth = (1..=chars.len()).chain((0..chars.len()).rev());
        for n in forth {
            let typed: String = chars[..n].iter().collect();
            let inc = s.search(cat, index, &typed, &opts);
            let full = search::search(cat, index, &typed, &opts);
            prop_assert_eq!(inc.total, full.total, "{:?}", typed);
            let a: Vec<&str> = inc.hits.iter().map(|h| h.id.as_str()).collect();
            let b: Vec<&str> = full.hits.iter().map(|h| h.id.as_str()).collect();
            prop_assert_eq!(a, b, "{:?}", typed);
        }
    }
}
