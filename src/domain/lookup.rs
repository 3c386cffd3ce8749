//! The quick lookup behind `fgf who`: plain substring first, then fuzzy (SkimMatcherV2).
//!
//! A term matches ids, task titles, unit names (and their aliases) and measure texts.
//! Hits are tasks and measures, best first, ties in document order.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use super::catalog::{Catalog, Loc};

/// Where a hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Id,
    Title,
    Lead,
    Support,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub loc: Loc,
    pub field: Field,
    pub score: i64,
}

const EXACT_ID: i64 = 1_000_000;
const EXACT_UNIT: i64 = 500_000;
const SUBSTRING: i64 = 100_000;

/// Ranks the document's tasks and measures against `query`.
pub fn who(cat: &Catalog, query: &str) -> Vec<Hit> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    // An alias (发改委) stands for its canonical unit (市发展改革委).
    let unit = cat.unit_index(q).map(|i| cat.doc.units[i].name.as_str());
    let matcher = SkimMatcherV2::default();
    let mut hits = Vec::new();
    let mut consider = |loc: Loc, fields: &[(Field, &str)]| {
        let best = fields
            .iter()
            .filter_map(|&(field, text)| score(&matcher, q, unit, field, text).map(|s| (s, field)))
            .max_by_key(|&(s, f)| (s, std::cmp::Reverse(f)));
        if let Some((score, field)) = best {
            hits.push(Hit { loc, field, score });
        }
    };
    for (si, s) in cat.doc.sections.iter().enumerate() {
        for (ti, t) in s.tasks.iter().enumerate() {
            let mut fields = vec![(Field::Id, t.id.as_str()), (Field::Title, t.title.as_str())];
            fields.extend(t.lead_units().into_iter().map(|u| (Field::Lead, u)));
            fields.extend(t.support_units().into_iter().map(|u| (Field::Support, u)));
            consider(Loc::Task(si, ti), &fields);
            for (mi, m) in t.measures.iter().enumerate() {
                let mut fields = vec![(Field::Id, m.id.as_str())];
                fields.extend(m.lead.iter().map(|u| (Field::Lead, u.as_str())));
                fields.extend(m.support.iter().map(|u| (Field::Support, u.as_str())));
                fields.push((Field::Text, m.text.as_str()));
                consider(Loc::Measure(si, ti, mi), &fields);
            }
        }
    }
    // Best first; ties in document order (Loc orders by position).
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.loc.cmp(&b.loc)));
    hits
}

fn score(m: &SkimMatcherV2, q: &str, unit: Option<&str>, field: Field, text: &str) -> Option<i64> {
    let weight = match field {
        Field::Id => 5,
        Field::Title | Field::Lead => 4,
        Field::Support => 3,
        Field::Text => 2,
    };
    if field == Field::Id {
        return (text == q).then_some(EXACT_ID);
    }
    if matches!(field, Field::Lead | Field::Support) && unit == Some(text) {
        return Some(EXACT_UNIT * weight);
    }
    if let Some(pos) = text.find(q) {
        // Earlier matches rank a little higher: a title that starts with the query beats one that ends with it.
        let early = 1000 - text[..pos].chars().count().min(1000) as i64;
        return Some(SUBSTRING * weight + early);
    }
    m.fuzzy_match(text, q).map(|s| s * weight)
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
        let first = cat.at(hits[0].loc);
        match first {
            Item::Task(_, t) => assert!(t.lead_units().contains(&"市发展改革委")),
            Item::Measure(_, _, m) => assert!(m.lead.iter().any(|u| u == "市发展改革委")),
            Item::Milestone(..) => panic!("who never returns milestones"),
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
}
