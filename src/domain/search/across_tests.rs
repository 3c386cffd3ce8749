//! One search over many notices against each notice's own search, merged.

use super::*;
use crate::domain::search::{self, Options};
use crate::domain::workspace::scope;
use crate::domain::{generate, seeds};

/// The 103号 and two generated notices big enough (with the 103号, over `par::MIN_ITEMS`
/// entries) that the notices are split across the cores.
fn workspace() -> Vec<Catalog> {
    let mut cats = vec![seeds::embedded()];
    for (k, seed) in [(1usize, 7u64), (2, 8)] {
        let mut doc = generate::document(2500, seed);
        doc.id = format!("gen-{k}");
        doc.number = format!("测发〔2030〕{k}号");
        cats.push(Catalog::new(doc).unwrap());
    }
    cats
}

fn with_indexes(cats: &[Catalog]) -> Vec<Index> {
    cats.iter().map(Index::new).collect()
}

fn notices<'a>(cats: &'a [Catalog], idx: &'a [Index]) -> Vec<Notice<'a, 'a>> {
    cats.iter()
        .zip(idx)
        .map(|(cat, index)| Notice::Owned { cat, index })
        .collect()
}

const QUERIES: [&str; 8] = [
    "营商环境",
    "fgw",
    "发改委 服务",
    "@市场监管 企业",
    "'许可 !证明",
    "重庆市发展和改革委员会",
    "yshj | 审批",
    "#1",
];

/// Each notice searched alone, the hits tagged with it, merged: best first, a tie in the
/// workspace's order (each notice's own hits are already in its order).
fn merged(ns: &[Notice], picked: &[usize], q: &str, opts: &Options) -> (usize, Vec<(usize, Hit)>) {
    let mut total = 0;
    let mut all = Vec::new();
    for &d in picked {
        let Notice::Owned { cat, index } = ns[d] else {
            panic!("merged over catalogs")
        };
        let r = search::search(cat, index, q, opts);
        total += r.total;
        all.extend(r.hits.into_iter().map(|h| (d, h)));
    }
    all.sort_by_key(|(_, h)| Reverse(h.score));
    (total, all)
}

fn found(r: &Results) -> Vec<(usize, Hit)> {
    r.hits.iter().map(|f| (f.notice, f.hit.clone())).collect()
}

#[test]
fn hits_are_each_notices_own_merged_and_sorted() {
    let cats = workspace();
    let idx = with_indexes(&cats);
    let ns = notices(&cats, &idx);
    let all: Vec<usize> = (0..ns.len()).collect();
    for units in [true, false] {
        let opts = Options {
            limit: 100_000,
            units,
        };
        for q in QUERIES {
            let (total, want) = merged(&ns, &all, q, &opts);
            let r = Searcher::new().search(&ns, &all, q, &opts, usize::MAX);
            assert!(total > 0, "{q}: the test finds something");
            assert_eq!(r.total, total, "{q}");
            assert_eq!(found(&r), want, "{q} units={units}");
            assert!(
                r.hits.iter().any(|f| f.notice > 0),
                "{q}: hits from the generated notices too"
            );
        }
    }
}

#[test]
fn only_the_best_limit_are_kept_and_explained_on_demand() {
    let cats = workspace();
    let idx = with_indexes(&cats);
    let ns = notices(&cats, &idx);
    let all: Vec<usize> = (0..ns.len()).collect();
    let big = Options {
        limit: 100_000,
        units: true,
    };
    let small = Options {
        limit: 30,
        units: true,
    };
    let full = Searcher::new().search(&ns, &all, "企业", &big, usize::MAX);
    let mut r = Searcher::new().search(&ns, &all, "企业", &small, 5);
    assert_eq!(r.total, full.total, "every match is counted");
    assert_eq!(r.ranked.len(), 30);
    assert_eq!(r.hits.len(), 5, "only the hits asked for are explained");
    r.explain_to(&ns, 12);
    r.explain_to(&ns, 1000);
    assert_eq!(r.hits, full.hits[..30], "explained later, the same hits");
}

#[test]
fn ties_keep_the_workspaces_order() {
    // The same notice twice under two ids: every hit of the first comes before its twin.
    let mut cats = vec![seeds::embedded(), seeds::embedded()];
    let mut twin = cats[1].doc.clone();
    twin.id = "twin".into();
    cats[1] = Catalog::new(twin).unwrap();
    let idx = with_indexes(&cats);
    let ns = notices(&cats, &idx);
    let opts = Options {
        limit: 100_000,
        units: true,
    };
    let r = Searcher::new().search(&ns, &[0, 1], "营商", &opts, usize::MAX);
    assert!(r.hits.len() >= 4);
    for pair in r.hits.chunks(2) {
        assert_eq!((pair[0].notice, pair[1].notice), (0, 1));
        assert_eq!(pair[0].hit, pair[1].hit);
    }
}

#[test]
fn in_words_limit_the_search_to_their_notices() {
    let cats = workspace();
    let idx = with_indexes(&cats);
    let ns = notices(&cats, &idx);
    let docs: Vec<(&str, &str)> = cats
        .iter()
        .map(|c| (c.doc.id.as_str(), c.doc.number.as_str()))
        .collect();
    let opts = Options {
        limit: 100_000,
        units: true,
    };
    let (picked, rest) = scope::pick(&docs, "营商 in:2号").unwrap();
    assert_eq!((picked.as_slice(), rest.as_str()), (&[2][..], "营商"));
    let r = Searcher::new().search(&ns, &picked, &rest, &opts, usize::MAX);
    assert_eq!(found(&r), merged(&ns, &[2], "营商", &opts).1);
    assert!(r.hits.iter().all(|f| f.notice == 2) && !r.hits.is_empty());
}

#[test]
fn typing_narrows_and_gives_what_a_fresh_search_gives() {
    let cats = workspace();
    let idx = with_indexes(&cats);
    let ns = notices(&cats, &idx);
    let all: Vec<usize> = (0..ns.len()).collect();
    let opts = Options {
        limit: 200,
        units: true,
    };
    for typed in ["营商环境", "市发展改革委", "fgw", "发改委 服务"] {
        let mut s = Searcher::new();
        let chars: Vec<char> = typed.chars().collect();
        // Typing it, then deleting back to its first character.
        let steps = (1..=chars.len()).chain((1..chars.len()).rev());
        let mut narrowed = false;
        for n in steps {
            let q: String = chars[..n].iter().collect();
            let r = s.search(&ns, &all, &q, &opts, usize::MAX);
            let fresh = Searcher::new().search(&ns, &all, &q, &opts, usize::MAX);
            assert_eq!(r.total, fresh.total, "{q}");
            assert_eq!(r.hits, fresh.hits, "{q}");
            narrowed |= r.narrowed;
        }
        assert!(
            narrowed,
            "{typed}: some keystrokes searched earlier matches only"
        );
    }
}

#[test]
fn indexes_are_built_for_the_notices_given_in_order() {
    let cats = workspace();
    let refs: Vec<&Catalog> = vec![&cats[2], &cats[0]];
    let built = indexes(&refs);
    assert_eq!(built.len(), 2);
    assert_eq!(built[0].entries.len(), Index::new(&cats[2]).entries.len());
    assert_eq!(built[1].entries.len(), Index::new(&cats[0]).entries.len());
    assert_ne!(built[0].entries.len(), built[1].entries.len());
}

#[test]
fn notices_read_in_place_answer_as_their_catalogs() {
    // The TUI's list searches the cache's archives in place; some notices (the embedded one, or
    // one with verified readings) stay catalogs: a mix gives the same results as all catalogs.
    let cats = workspace();
    let idx = with_indexes(&cats);
    let owned = notices(&cats, &idx);
    let archives: Vec<_> = cats
        .iter()
        .map(|c| {
            let (notice, _) = crate::domain::cache::Notice::build(c.doc.clone()).expect("valid");
            crate::domain::cache::archive(&notice)
        })
        .collect();
    let kept: Vec<_> = archives
        .iter()
        .map(|b| crate::domain::cache::kept(b).expect("reads in place").0)
        .collect();
    let mixed: Vec<Notice> = (0..cats.len())
        .map(|d| match d {
            0 => owned[0],
            d => Notice::Kept(&kept[d]),
        })
        .collect();
    let all: Vec<usize> = (0..cats.len()).collect();
    let opts = Options {
        limit: 300,
        units: true,
    };
    for q in QUERIES {
        let mut want = Searcher::new().search(&owned, &all, q, &opts, 40);
        let mut got = Searcher::new().search(&mixed, &all, q, &opts, 40);
        assert!(got.hits.iter().any(|f| f.notice > 0), "{q}: hits in place");
        assert_eq!((got.total, &got.ranked), (want.total, &want.ranked), "{q}");
        assert_eq!(got.hits, want.hits, "{q}");
        got.explain_to(&mixed, 300);
        want.explain_to(&owned, 300);
        assert_eq!(got.hits, want.hits, "{q}: explained later");
        for f in &got.hits {
            if let Target::Item(loc) = f.hit.target {
                assert_eq!(mixed[f.notice].words(loc), owned[f.notice].words(loc));
            }
        }
    }
}
