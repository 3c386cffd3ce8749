//! The quick lookup behind `fgf who`: the search engine, answering with tasks and measures only.
//!
//! A term matches ids, task titles, unit names (and their aliases) and measure texts, with the
//! full query language of [`crate::domain::search`]. Hits are best first, ties in document order.

use super::catalog::{Catalog, Loc};
use super::search::{self, Index, Options, Target};

pub use super::search::Field;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub loc: Loc,
    pub field: Field,
    pub score: i64,
}

/// Ranks the document's tasks and measures against `query`.
pub fn who(cat: &Catalog, query: &str) -> Vec<Hit> {
    let index = Index::new(cat);
    let opts = Options {
        limit: usize::MAX,
        units: false,
    };
    let mut hits: Vec<Hit> = search::search(cat, &index, query, &opts)
        .hits
        .into_iter()
        .filter_map(|h| match h.target {
            Target::Item(loc) => Some(Hit {
                loc,
                field: h.field,
                score: h.score,
            }),
            Target::Unit(_) => None,
        })
        .collect();
    hits.extend(officials(cat, query, &hits));
    hits
}

/// Tasks and measures that name an official whose name holds the query (format 2's people are
/// not units: the search engine does not index them), after the engine's hits.
fn officials(cat: &Catalog, query: &str, found: &[Hit]) -> Vec<Hit> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let named = |list: &[crate::domain::Official]| list.iter().any(|o| o.name.contains(q));
    let mut out = Vec::new();
    for (si, s) in cat.doc.sections.iter().enumerate() {
        for (ti, t) in s.tasks.iter().enumerate() {
            let task = std::iter::once((Loc::Task(si, ti), named(&t.officials)));
            let measures = t.measures.iter().enumerate().map(|(mi, m)| {
                (
                    Loc::Measure(si, ti, mi),
                    named(&m.officials) && !m.inherited,
                )
            });
            for (loc, yes) in task.chain(measures) {
                if yes && !found.iter().any(|h| h.loc == loc) {
                    out.push(Hit {
                        loc,
                        field: Field::Official,
                        score: 1,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Item, seeds};

    fn ids(hits: &[Hit], cat: &Catalog) -> Vec<String> {
        hits.iter()
            .map(|h| cat.at(h.loc).id().to_string())
            .collect()
    }

    #[test]
    fn exact_id_ranks_first() {
        let cat = seeds::embedded();
        let hits = who(&cat, "9.2");
        assert_eq!(ids(&hits, &cat)[0], "9.2");
        assert_eq!(hits[0].field, Field::Id);
    }

    #[test]
    fn alias_finds_the_measures_a_unit_leads() {
        let cat = seeds::embedded();
        let hits = who(&cat, "发改委");
        assert!(!hits.is_empty());
        for h in &hits[..3] {
            match cat.at(h.loc) {
                Item::Task(_, t) => assert!(t.lead_units().contains(&"市发展改革委")),
                Item::Measure(_, _, m) => assert!(m.lead.iter().any(|u| u == "市发展改革委")),
                Item::Milestone(..) => panic!("who never returns milestones"),
            }
        }
    }

    #[test]
    fn title_substring_beats_text_substring() {
        let cat = seeds::embedded();
        let hits = who(&cat, "企业开办");
        assert_eq!(
            ids(&hits, &cat)[0],
            "7",
            "task （七）压减企业开办时间 first"
        );
        assert_eq!(hits[0].field, Field::Title);
    }

    #[test]
    fn blank_query_has_no_hits() {
        let cat = seeds::embedded();
        assert!(who(&cat, "  ").is_empty());
    }

    #[test]
    fn who_speaks_the_query_language() {
        let cat = seeds::embedded();
        let hits = who(&cat, "@fgw #1");
        assert_eq!(
            ids(&hits, &cat),
            ["1", "1.1", "1.2"],
            "measures of task 1 led by 市发展改革委"
        );
        assert!(who(&cat, "@fgw #9").is_empty(), "task 9 is led by others");
    }
}
