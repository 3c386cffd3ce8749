//! A notice read in place answers every query exactly as its catalog in memory does.

use crate::domain::cache::{Notice, archive, kept};
use crate::domain::import::{Kind, import};
use crate::domain::model::Document;
use crate::domain::search::{self, Options};
use crate::domain::{Catalog, generate, lookup, seeds};

/// The embedded 103号, a generated notice, and an imported format-2 notice that names officials.
fn documents() -> Vec<Document> {
    let city = include_bytes!("../../../../tests/it/fixtures/import/city.txt");
    let (imported, _) = import(city, Kind::Text).expect("the fixture imports");
    vec![seeds::embedded().doc, generate::document(300, 7), imported]
}

const QUERIES: &[&str] = &[
    "发改委",
    "营商",
    "fgw",
    "scjgj",
    "审批 服务",
    "服务 !海关",
    "'企业开办",
    "^全面",
    "机制$",
    "@fgw",
    "@@市场监管",
    "市场监管 | 税务",
    "9",
    "1.2",
    "#3",
    ">2020",
    "<2019-12-31",
    "重庆市发展和改革委员会",
    "市场监督管理局",
    "張",
    "副市长",
    "zhang",
    "ＡＢＣ",
    "x",
    "",
];

#[test]
fn in_place_and_in_memory_give_the_same_hits() {
    for doc in documents() {
        let (notice, _) = Notice::build(doc.clone()).expect("valid");
        let bytes = archive(&notice);
        let (kept, clean) = kept(&bytes).expect("the archive reads in place");
        assert!(clean || doc.id != seeds::EMBEDDED_ID);
        let cat = Catalog::new(doc).unwrap();
        let index = search::Index::new(&cat);
        for q in QUERIES {
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
    let docs = documents();
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
