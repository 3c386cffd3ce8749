//! The quick lookup behind `fgf who`: the search engine, answering with tasks and measures only;
//! and behind `fgf unit NAME`, answering with units.
//!
//! A term matches ids, task titles, unit names (and their aliases) and measure texts, with the
//! full query language of [`crate::domain::search`]. Hits are best first, ties in document order.

use super::catalog::{Catalog, Loc};
use super::search::corpus::Corpus;
use super::search::{self, Options, Target};

pub use super::search::Field;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub loc: Loc,
    pub field: Field,
    pub score: i64,
}

/// Ranks the document's tasks and measures against `query`.
pub fn who(cat: &Catalog, query: &str) -> Vec<Hit> {
    let index = cat.search_index();
    who_in(&search::corpus::Owned { cat, index: &index }, query)
}

/// `who` over any corpus (a notice read in place from the workspace's cache, say).
pub(crate) fn who_in(src: &impl Corpus, query: &str) -> Vec<Hit> {
    let opts = Options {
        limit: usize::MAX,
        units: false,
    };
    let mut hits: Vec<Hit> = search::search_in(src, query, &opts)
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
    hits.extend(officials(src, query, &hits));
    hits
}

/// The units whose name or alias matches `query` as search matches it (fuzzy, pinyin: `fgw`,
/// `发改`), best first: (index into `doc.units`, score).
pub fn units(cat: &Catalog, query: &str) -> Vec<(usize, i64)> {
    all_hits(cat, query, true, |h| match h.target {
        Target::Unit(u) => Some((u, h.score)),
        Target::Item(_) => None,
    })
}

/// Every hit of `query` (units among them when `units`), best first, as `pick` takes them.
fn all_hits<T>(
    cat: &Catalog,
    query: &str,
    units: bool,
    pick: impl FnMut(search::Hit) -> Option<T>,
) -> Vec<T> {
    let index = cat.search_index();
    let opts = Options {
        limit: usize::MAX,
        units,
    };
    search::search(cat, &index, query, &opts)
        .hits
        .into_iter()
        .filter_map(pick)
        .collect()
}

/// Tasks and measures that name an official whose name holds the query (format 2's people are
/// not units: the search engine does not index them), after the engine's hits.
fn officials(src: &impl Corpus, query: &str, found: &[Hit]) -> Vec<Hit> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    (0..src.len())
        .filter_map(|i| match src.target(i) {
            Target::Item(loc) => Some((loc, src.officials(Target::Item(loc)))),
            Target::Unit(_) => None,
        })
        .filter(|(loc, names)| {
            names.iter().any(|n| n.contains(q)) && !found.iter().any(|h| h.loc == *loc)
        })
        .map(|(loc, _)| Hit {
            loc,
            field: Field::Official,
            score: 1,
        })
        .collect()
}

/// What a unit name as typed names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitMatch {
    /// A unit's name or alias, exactly (as `Catalog::unit_index`).
    Exact(usize),
    /// The best of `units`, ranked above the next; the others that matched, best first.
    Best(usize, Vec<usize>),
    /// No single unit stands out: the candidates, best first (empty when nothing matches).
    Unclear(Vec<usize>),
}

/// The unit `query` names: exactly, else as search finds it when one unit ranks first.
pub fn unit(cat: &Catalog, query: &str) -> UnitMatch {
    if let Some(u) = cat.unit_index(query) {
        return UnitMatch::Exact(u);
    }
    let hits = units(cat, query);
    match hits.as_slice() {
        [(u, _)] => UnitMatch::Best(*u, Vec::new()),
        [(u, best), (_, next), ..] if best > next => {
            UnitMatch::Best(*u, hits[1..].iter().map(|h| h.0).collect())
        }
        _ => UnitMatch::Unclear(hits.into_iter().map(|(u, _)| u).collect()),
    }
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
    fn units_are_found_by_pinyin_and_fuzzy_names() {
        let cat = seeds::embedded();
        let name = |q: &str| match unit(&cat, q) {
            UnitMatch::Exact(u) | UnitMatch::Best(u, _) => Some(cat.doc.units[u].name.as_str()),
            UnitMatch::Unclear(_) => None,
        };
        assert_eq!(
            unit(&cat, "发改委"),
            UnitMatch::Exact(cat.unit_index("市发展改革委").unwrap())
        );
        assert_eq!(name("fgw"), Some("市发展改革委"));
        assert_eq!(name("发改"), Some("市发展改革委"));
        assert_eq!(name("scjgj"), Some("市市场监管局"));
        assert_eq!(unit(&cat, "xyzzy"), UnitMatch::Unclear(Vec::new()));
        assert!(matches!(unit(&cat, "市"), UnitMatch::Unclear(c) if c.len() > 5));
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
