//! Running a query over the index: prefilter by characters, match on every core, rank, and explain
//! (with highlight positions) only the hits that are returned.

use std::borrow::Cow;
use std::cmp::Reverse;

use super::Field;
use super::corpus::Corpus;
use super::explained::{self, Explained, ExplainedField};
use super::index::{ItemKind, Target};
use super::matcher::{self, Prepared, TextMatch, better};
use super::pinyin;
use super::query::{Kind, Scope};

/// One `|` alternative, prepared, with its verdict on every unit (units are few and shared),
/// positions included.
struct Alt<'q> {
    p: Prepared<'q>,
    units: Vec<Option<TextMatch>>,
}

pub(crate) struct Compiled<'q> {
    groups: Vec<Vec<Alt<'q>>>,
}

mod compile;
pub(crate) use compile::{UnitMemo, compile, compile_in};

pub(crate) struct Ctx<'a, C> {
    pub src: &'a C,
    /// Whether the query reads the entries' pinyin keys (made ready).
    pub pinyin: bool,
    pub units: bool,
}

/// How much a field counts: ids, titles and units above long texts.
fn weight(f: Field) -> i64 {
    match f {
        Field::Id => 6,
        Field::Name => 5,
        Field::Title | Field::Lead => 4,
        Field::Support | Field::Official => 3,
        Field::Text => 2,
        Field::Deadline => 1,
    }
}

fn value(f: Field, m: &TextMatch) -> i64 {
    i64::from(m.tier) * 1_000_000 + weight(f) * 100_000 + m.quality
}

fn main_field(kind: ItemKind) -> Field {
    match kind {
        ItemKind::Task => Field::Title,
        ItemKind::Measure => Field::Text,
        ItemKind::Unit => Field::Name,
    }
}

/// The best field of one entry for one alternative: (rank value, field).
fn eval_alt<C: Corpus>(alt: &Alt, ctx: &Ctx<C>, i: usize) -> Option<(i64, Field)> {
    let p = &alt.p;
    let src = ctx.src;
    let unit_best = |list: &mut dyn Iterator<Item = usize>, field: Field| {
        list.filter_map(|u| alt.units.get(u)?.as_ref())
            .map(|m| value(field, m))
            .max()
            .map(|v| (v, field))
    };
    let target = src.target(i);
    match p.term.scope {
        Scope::Deadline(r) => src
            .deadlines(target)
            .into_iter()
            .any(|d| r.contains(d))
            .then_some((
                2_000_000 + weight(Field::Deadline) * 100_000,
                Field::Deadline,
            )),
        Scope::Id => id_match(p, src, target).map(|m| (value(Field::Id, &m), Field::Id)),
        Scope::Lead => unit_best(&mut src.lead(i), Field::Lead),
        Scope::Support => unit_best(&mut src.support(i), Field::Support),
        Scope::Any => {
            let mut best = None;
            if p.id_like {
                best = id_match(p, src, target).map(|m| (value(Field::Id, &m), Field::Id));
            }
            let kind = src.kind(i);
            let field = main_field(kind);
            let main = if let Target::Unit(u) = target {
                alt.units.get(u).cloned().flatten()
            } else {
                let direct = if src.mask(i).covers(&p.mask) {
                    // The text itself only when the term folds it otherwise.
                    let text = if p.reads_text() {
                        src.main_text(target)
                    } else {
                        ""
                    };
                    p.direct(text, src.folded(i), false)
                } else {
                    None
                };
                let py = if ctx.pinyin && p.term.pinyin {
                    let k = src.pinyin(i);
                    (k.letters & p.letters == p.letters && k.initials & p.initials == p.initials)
                        .then(|| p.pinyin(k.syl, None))
                        .flatten()
                } else {
                    None
                };
                better(direct, py)
            };
            let official = official_matches(p, src, target, false)
                .map(|(_, m)| (value(Field::Official, &m), Field::Official))
                .max_by_key(|c| c.0);
            let candidates = [
                main.map(|m| (value(field, &m), field)),
                unit_best(&mut src.lead(i), Field::Lead),
                unit_best(&mut src.support(i), Field::Support),
                official,
            ];
            for c in candidates.into_iter().flatten() {
                if best.is_none_or(|b: (i64, Field)| c.0 > b.0) {
                    best = Some(c);
                }
            }
            best
        }
    }
}

/// The entry's named officials that the term matches (their names folded as the index folds).
fn official_matches<'c>(
    p: &'c Prepared,
    src: &'c impl Corpus,
    target: Target,
    want: bool,
) -> impl Iterator<Item = (&'c str, TextMatch)> + 'c {
    src.officials(target).into_iter().filter_map(move |name| {
        let folded = super::fold::text(name, super::fold::Mode::INDEX);
        p.direct(name, &folded, want).map(|m| (name, m))
    })
}

/// A term against an entry's id (9, 9.2), with the term's operator as on any other field:
/// `^1$` is task 1, `^1` every id that starts with 1. A plain term (`9`, `#9`) is fgf's own:
/// the id itself or its children (9 and 9.1, 9.2, …, not 19).
fn id_match(p: &Prepared, src: &impl Corpus, target: Target) -> Option<TextMatch> {
    let Target::Item(_) = target else {
        return None;
    };
    let id = src.id(target);
    let t = p.term.text.as_str();
    if p.term.kind != Kind::Fuzzy {
        return matcher::on_text(p.term.kind, id, t);
    }
    let n = id.chars().count();
    if id == t {
        Some(TextMatch {
            tier: 4,
            quality: 0,
            positions: (0..n).collect(),
        })
    } else if id.len() > t.len() && id.starts_with(t) && id.as_bytes()[t.len()] == b'.' {
        Some(TextMatch {
            tier: 3,
            quality: 0,
            positions: (0..t.chars().count()).collect(),
        })
    } else {
        None
    }
}

/// The entry's rank value if every group matches.
fn eval_entry<C: Corpus>(c: &Compiled, ctx: &Ctx<C>, i: usize) -> Option<i64> {
    if !ctx.units && ctx.src.kind(i) == ItemKind::Unit {
        return None;
    }
    let mut total = 0;
    for g in &c.groups {
        let mut best: Option<i64> = None;
        for alt in g {
            let v = match (alt.p.term.negate, eval_alt(alt, ctx, i)) {
                (true, None) => 0,
                (false, Some((v, _))) => v,
                _ => continue,
            };
            best = best.max(Some(v));
        }
        total += best?;
    }
    Some(total)
}

/// Every candidate that matches, with its rank value, in document order.
pub(crate) fn scan<C: Corpus>(c: &Compiled, ctx: &Ctx<C>, candidates: &[u32]) -> Vec<(i64, u32)> {
    super::par::map_chunks(candidates, |part| matches(c, ctx, part))
        .into_iter()
        .flatten()
        .collect()
}

/// `scan` on the calling thread (the caller splits the work: notices across the cores).
pub(crate) fn matches<C: Corpus>(c: &Compiled, ctx: &Ctx<C>, part: &[u32]) -> Vec<(i64, u32)> {
    part.iter()
        .filter_map(|&i| eval_entry(c, ctx, i as usize).map(|v| (v, i)))
        .collect()
}

/// Best first, ties in document order; only the first `limit` are sorted.
pub(crate) fn top(mut matched: Vec<(i64, u32)>, limit: usize) -> Vec<(i64, u32)> {
    let key = |&(v, i): &(i64, u32)| (Reverse(v), i);
    if limit < matched.len() {
        matched.select_nth_unstable_by_key(limit, key);
        matched.truncate(limit);
    }
    matched.sort_unstable_by_key(key);
    matched
}

/// A returned hit in full: which fields matched, and where; texts and positions borrowed from
/// the notice and the compiled query where they are kept there (unit names, their matches).
pub(crate) fn explain<'a, C: Corpus>(
    c: &'a Compiled,
    ctx: &Ctx<'a, C>,
    i: usize,
    score: i64,
) -> Explained<'a> {
    let src = ctx.src;
    let (kind, target) = (src.kind(i), src.target(i));
    let mut matches: Vec<ExplainedField<'a>> = Vec::new();
    let mut add = |field: Field, unit: Option<usize>, text: Cow<'a, str>, m: Cow<'a, TextMatch>| {
        let v = value(field, &m);
        let positions = match m {
            Cow::Borrowed(m) => Cow::Borrowed(&m.positions[..]),
            Cow::Owned(m) => Cow::Owned(m.positions),
        };
        if let Some(f) = matches
            .iter_mut()
            .find(|f| f.field == field && f.unit == unit)
        {
            let p = f.positions.to_mut();
            p.extend_from_slice(&positions);
            p.sort_unstable();
            p.dedup();
            f.score = f.score.max(v);
        } else {
            matches.push(ExplainedField {
                field,
                unit,
                text,
                positions,
                score: v,
            });
        }
    };
    for alt in c.groups.iter().flatten().filter(|a| !a.p.term.negate) {
        let p = &alt.p;
        let (lead, support) = match p.term.scope {
            Scope::Any => (true, true),
            Scope::Lead => (true, false),
            Scope::Support => (false, true),
            _ => (false, false),
        };
        let mut unit = |field: Field, u: usize| {
            if let Some(Some(m)) = alt.units.get(u).filter(|_| u < src.units()) {
                add(
                    field,
                    Some(u),
                    Cow::Borrowed(src.unit_name(u)),
                    Cow::Borrowed(m),
                );
            }
        };
        if lead {
            src.lead(i).for_each(|u| unit(Field::Lead, u));
        }
        if support {
            src.support(i).for_each(|u| unit(Field::Support, u));
        }
        match p.term.scope {
            Scope::Deadline(r) => {
                if let Some(d) = src.deadlines(target).into_iter().find(|&d| r.contains(d)) {
                    let m = TextMatch {
                        tier: 2,
                        quality: 0,
                        positions: Vec::new(),
                    };
                    add(
                        Field::Deadline,
                        None,
                        Cow::Owned(d.to_string()),
                        Cow::Owned(m),
                    );
                }
            }
            Scope::Id | Scope::Any => {
                if (p.term.scope == Scope::Id || p.id_like)
                    && let Some(m) = id_match(p, src, target)
                {
                    add(
                        Field::Id,
                        None,
                        Cow::Borrowed(src.id(target)),
                        Cow::Owned(m),
                    );
                }
                if p.term.scope == Scope::Any {
                    let text = src.main_text(target);
                    let m = match target {
                        Target::Unit(u) => {
                            alt.units.get(u).and_then(Option::as_ref).map(Cow::Borrowed)
                        }
                        Target::Item(_) => {
                            let folded = src.folded(i);
                            let direct = src
                                .mask(i)
                                .covers(&p.mask)
                                .then(|| p.direct(text, folded, true));
                            let py = if ctx.pinyin {
                                let k = src.pinyin(i);
                                (k.letters & p.letters == p.letters
                                    && k.initials & p.initials == p.initials)
                                    .then(|| {
                                        let map = pinyin::syllable_chars(folded);
                                        p.pinyin(k.syl, Some(&map[..]))
                                    })
                                    .flatten()
                            } else {
                                None
                            };
                            better(direct.flatten(), py).map(Cow::Owned)
                        }
                    };
                    if let Some(m) = m {
                        add(main_field(kind), None, Cow::Borrowed(text), m);
                    }
                    for (name, m) in official_matches(p, src, target, true) {
                        add(Field::Official, None, Cow::Borrowed(name), Cow::Owned(m));
                    }
                }
            }
            _ => {}
        }
    }
    let field = explained::best(&matches).map_or(main_field(kind), |f| f.field);
    Explained {
        kind,
        target,
        id: src.id(target),
        score,
        field,
        matches,
    }
}
