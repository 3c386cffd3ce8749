//! A query made ready for one notice: each term prepared, and its verdict on each of the
//! notice's units (units are few and shared; across notices, each set of unit forms once).

use std::collections::HashMap;

use super::super::corpus::Corpus;
use super::super::matcher::{Prepared, TextMatch, better};
use super::super::pinyin;
use super::super::query::{Query, Scope, Term};
use super::{Alt, Compiled};

pub(crate) fn compile<'q>(q: &'q Query, src: &impl Corpus) -> Compiled<'q> {
    compile_in(q, src, None)
}

/// Units' verdicts kept across the notices of one search: notices name the same units, so a
/// term meets each set of unit forms (name, aliases, official name: numbered by the caller, the
/// same number for the same forms in every notice) once, not once a notice.
#[derive(Default)]
pub(crate) struct UnitMemo {
    seen: HashMap<Term, Vec<Option<Option<TextMatch>>>>,
}

/// `compile`; with a memo and the numbers of this notice's units' forms, unit verdicts from
/// (and into) the memo.
pub(crate) fn compile_in<'q>(
    q: &'q Query,
    src: &impl Corpus,
    mut memo: Option<(&mut UnitMemo, &[u32])>,
) -> Compiled<'q> {
    let mut alt = |t: &'q Term| {
        let p = Prepared::new(t);
        if !matches!(t.scope, Scope::Any | Scope::Lead | Scope::Support) {
            return Alt {
                p,
                units: Vec::new(),
            };
        }
        let units = match &mut memo {
            None => (0..src.units())
                .map(|u| unit_match(&p, src, u, true))
                .collect(),
            Some((memo, ids)) => {
                // A term seen before (the usual case): no copy of it made.
                if !memo.seen.contains_key(t) {
                    memo.seen.insert(t.clone(), Vec::new());
                }
                let known = memo.seen.get_mut(t).expect("just made");
                (0..src.units())
                    .map(|u| {
                        let id = ids[u] as usize;
                        if known.len() <= id {
                            known.resize(id + 1, None);
                        }
                        known[id]
                            .get_or_insert_with(|| unit_match(&p, src, u, true))
                            .clone()
                    })
                    .collect()
            }
        };
        Alt { p, units }
    };
    let groups = q
        .groups
        .iter()
        .map(|g| g.alts.iter().map(&mut alt).collect())
        .collect();
    Compiled { groups }
}

/// A term against a unit's name and aliases, directly and by pinyin.
/// With `want`, positions are into the unit's name (an alias match marks the alias's characters
/// in the name where they occur in order).
fn unit_match(p: &Prepared, src: &impl Corpus, u: usize, want: bool) -> Option<TextMatch> {
    let mut best = None;
    let forms = src.unit_forms(u);
    for k in 0..forms {
        let f = src.unit_form(u, k);
        if f.mask.covers(&p.mask) {
            best = better(best, p.direct(f.name, f.folded, false));
        }
        if p.term.pinyin {
            best = better(best, p.pinyin(f.syl, None));
        }
    }
    let mut best = best?;
    if want {
        let first = src.unit_form(u, 0).folded;
        let on_name = better(
            p.direct(src.unit_name(u), first, true),
            pinyin_positions(p, first),
        );
        best.positions = match on_name {
            Some(m) => m.positions,
            None => (1..forms)
                .map(|k| src.unit_form(u, k))
                .filter(|f| {
                    p.direct(f.name, f.folded, false).is_some() || p.pinyin(f.syl, None).is_some()
                })
                .find_map(|f| in_order(first, f.folded))
                .unwrap_or_default(),
        };
    }
    Some(best)
}

fn pinyin_positions(p: &Prepared, text: &str) -> Option<TextMatch> {
    if !p.term.pinyin {
        return None;
    }
    let (keys, map) = pinyin::keys_with_map(text);
    p.pinyin(&keys.syl, Some(&map[..]))
}

/// Positions of `part`'s characters in `whole`, in order (发改委 in 市发展改革委).
fn in_order(whole: &str, part: &str) -> Option<Vec<usize>> {
    let mut want = part.chars().peekable();
    let mut out = Vec::new();
    for (i, c) in whole.chars().enumerate() {
        if want.peek() == Some(&c) {
            out.push(i);
            want.next();
        }
    }
    want.peek().is_none().then_some(out)
}
