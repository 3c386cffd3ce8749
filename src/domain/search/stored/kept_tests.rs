//! A notice read in place answers every query exactly as its catalog in memory does.

use crate::domain::cache::{Notice, archive, kept};
use crate::domain::search::{self, Options};
use crate::domain::{Catalog, generate, lookup, seeds};

#[test]
fn in_place_and_in_memory_give_the_same_hits() {
    for doc in generate::samples() {
        let (notice, _) = Notice::build(doc.clone()).expect("valid");
        let bytes = archive(&notice);
        let (kept, clean) = kept(&bytes).expect("the archive reads in place");
        assert!(clean || doc.id != seeds::EMBEDDED_ID);
        let cat = Catalog::new(doc).unwrap();
        let index = search::Index::new(&cat);
        for q in generate::QUERIES {
            for units in [true, false] {
                let opts = Options {
                    limit: usize::MAX,
                    units,
                };
                let a = search::search(&cat, &index, q, &opts);
                let b = search::search_in(&kept, q, &opts);
                assert_eq!(a.total, b.total, "{} {q:?}", cat.doc.id);
                assert_eq!(a.hits, b.hits, "{} {q:?}", cat.doc.id);
            }
            assert_eq!(lookup::who(&cat, q), lookup::who_in(&kept, q), "{q:?}");
        }
    }
}

#[test]
fn the_comparison_sees_hits_and_officials() {
    // The test above would pass on empty answers: these queries must find something.
    let docs = generate::samples();
    let cat = Catalog::new(docs[2].clone()).unwrap();
    let has_officials = cat
        .doc
        .sections
        .iter()
        .flat_map(|s| &s.tasks)
        .any(|t| !t.officials.is_empty() || t.measures.iter().any(|m| !m.officials.is_empty()));
    assert!(has_officials, "the imported notice names officials");
    let embedded = seeds::embedded();
    assert!(lookup::who(&embedded, "发改委").len() > 10);
    assert!(!lookup::who(&embedded, "fgw").is_empty());
}

#[test]
fn fetching_ahead_reads_only_what_it_may() {
    // `warm` is a hint: for any entry, unit or past the end, at every step, it reads no index
    // out of range (a panic here) and changes no answer (the tests above run with it).
    use crate::domain::search::corpus::{Corpus, WARM_STEPS};
    for doc in generate::samples() {
        let (notice, _) = Notice::build(doc).expect("valid");
        let bytes = archive(&notice);
        let (kept, _) = kept(&bytes).expect("the archive reads in place");
        assert!(kept.len() > 10);
        for i in 0..kept.len() + 3 {
            for step in 0..WARM_STEPS + 1 {
                kept.warm(i, step);
            }
        }
    }
}

#[test]
fn ranked_then_explained_in_parts_gives_the_hits_of_one_search() {
    // `fgf search` across the workspace ranks each notice, then explains a part at a time.
    for doc in generate::samples() {
        let (notice, _) = Notice::build(doc.clone()).expect("valid");
        let bytes = archive(&notice);
        let (kept, _) = kept(&bytes).expect("the archive reads in place");
        for q in generate::QUERIES {
            let opts = Options {
                limit: usize::MAX,
                units: true,
            };
            let whole = search::search_in(&kept, q, &opts);
            let (query, total, top) = search::rank_in(&kept, q, &opts);
            assert_eq!((&query, total), (&whole.query, whole.total), "{q:?}");
            let mut hits = Vec::new();
            for part in top.chunks(3) {
                search::explain_in(&kept, &query, &opts, part, |e| hits.push(e.into_hit(&kept)));
            }
            assert_eq!(hits, whole.hits, "{} {q:?}", doc.id);
        }
    }
}
