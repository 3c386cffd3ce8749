//! The units view's rows, for one notice or across several: a body (one unit, or across notices
//! every unit the workspace's identities say is the same body) with what it leads, supports and
//! has overdue, in an order the user picks, and the measures it has a part in. Pure.

use jiff::civil::Date;

use super::units::Identities;
use crate::domain::progress::agenda::done_past_due;
use crate::domain::progress::deadline_groups;
use crate::domain::{Catalog, Document, Item, Lang, Loc, Progress};

/// A unit, or across notices one body under its several names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The name shown (the first the notices give).
    pub name: String,
    /// (notice, unit index) of each unit that is this body.
    pub members: Vec<(usize, usize)>,
    /// Measures (and tasks) it leads or is responsible for.
    pub lead: usize,
    pub support: usize,
    /// Overdue milestones of what it is in charge of (the past-due ones less those checked off).
    pub overdue: usize,
    /// Milestones past due (done or not) of what it is in charge of.
    pub past_due: usize,
}

/// A measure (or task) a body has a part in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// The notice (index into the notices).
    pub doc: usize,
    pub loc: Loc,
    /// Leads (or is responsible for) it; else cooperates.
    pub leads: bool,
    /// Only under the measure's alternative reading.
    pub alternative: bool,
}

/// How the units view orders its bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitOrder {
    /// Most led first (then most supported).
    #[default]
    Lead,
    /// Most supported first (then most led).
    Support,
    /// Most overdue first (then most led).
    Overdue,
    /// By name as a dictionary orders it (pinyin).
    Name,
}

impl UnitOrder {
    pub fn next(self) -> UnitOrder {
        match self {
            UnitOrder::Lead => UnitOrder::Support,
            UnitOrder::Support => UnitOrder::Overdue,
            UnitOrder::Overdue => UnitOrder::Name,
            UnitOrder::Name => UnitOrder::Lead,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UnitOrder::Lead => lang.pick("按牵头", "by lead"),
            UnitOrder::Support => lang.pick("按配合", "by support"),
            UnitOrder::Overdue => lang.pick("按逾期", "by overdue"),
            UnitOrder::Name => lang.pick("按名称", "by name"),
        }
    }
}

/// A name's place in a dictionary: its pinyin, then the name itself.
pub fn sort_key(name: &str) -> (String, String) {
    (crate::domain::search::pinyin::spell(name), name.to_string())
}

/// A notice's tag on a row of a cross-notice view: its 文号 from the year on (`〔2019〕103号`),
/// else its whole 文号 or id.
pub fn short_label(cat: &Catalog) -> &str {
    short_label_of(&cat.doc)
}

/// `short_label` of a document (its head is enough).
pub fn short_label_of(doc: &Document) -> &str {
    let whole = super::label_of(doc);
    whole.find('〔').map_or(whole, |i| &whole[i..])
}

/// The bodies of `cats`: with `table`, units the identities join are one body (across notices);
/// without, each unit of each notice is its own, in the notices' order (one notice: body `i` is
/// unit `i`). Counts as of `today` with the check-offs in `progress`.
pub fn bodies(
    cats: &[Catalog],
    progress: &[Progress],
    today: Date,
    table: Option<&Identities>,
) -> Vec<Body> {
    let mut out: Vec<Body> = Vec::new();
    let mut by_root: std::collections::HashMap<usize, usize> = Default::default();
    for (d, cat) in cats.iter().enumerate() {
        let past = past_due(cat, today);
        for (u, unit) in cat.doc.units.iter().enumerate() {
            let (lead, support) = cat.unit_counts(u);
            let lead = lead + cat.responsible_count(u);
            let root = table.and_then(|t| t.body(&unit.name));
            let at = root.and_then(|r| by_root.get(&r).copied());
            match at {
                Some(i) => {
                    let b = &mut out[i];
                    b.members.push((d, u));
                    (b.lead, b.support, b.past_due) =
                        (b.lead + lead, b.support + support, b.past_due + past[u]);
                }
                None => {
                    if let Some(r) = root {
                        by_root.insert(r, out.len());
                    }
                    out.push(Body {
                        name: unit.name.clone(),
                        members: vec![(d, u)],
                        lead,
                        support,
                        overdue: 0,
                        past_due: past[u],
                    });
                }
            }
        }
    }
    recount(&mut out, cats, progress, today);
    out
}

/// The bodies' overdue counts from the check-offs (their number, not the document's size).
pub fn recount(bodies: &mut [Body], cats: &[Catalog], progress: &[Progress], today: Date) {
    let mut body_of = std::collections::HashMap::new();
    for (i, b) in bodies.iter_mut().enumerate() {
        b.overdue = b.past_due;
        body_of.extend(b.members.iter().map(|&m| (m, i)));
    }
    for (d, (cat, p)) in cats.iter().zip(progress).enumerate() {
        for loc in done_past_due(cat, p, today) {
            for u in in_charge(cat, loc) {
                if let Some(&b) = body_of.get(&(d, u)) {
                    bodies[b].overdue = bodies[b].overdue.saturating_sub(1);
                }
            }
        }
    }
}

/// The units (indexes) in charge of a milestone: its measure's lead (or, none named, the
/// responsible), else its task's.
fn in_charge(cat: &Catalog, loc: Loc) -> Vec<usize> {
    let Loc::Milestone(s, t, m, _) = loc else {
        return Vec::new();
    };
    let task = &cat.doc.sections[s].tasks[t];
    let names = match task.measures[m].in_charge() {
        [] if task.lead.is_empty() => &task.responsible[..],
        [] => &task.lead[..],
        names => names,
    };
    let find = |n: &String| cat.unit_exact(n).or_else(|| cat.unit_index(n));
    let mut units: Vec<usize> = names.iter().filter_map(find).collect();
    units.dedup();
    units
}

/// Past-due milestones (done or not) per unit in charge of them.
fn past_due(cat: &Catalog, today: Date) -> Vec<usize> {
    let mut past = vec![0; cat.doc.units.len()];
    for g in deadline_groups(cat)
        .into_iter()
        .filter(|g| g.deadline.is_some_and(|d| d < today))
    {
        for loc in g.milestones {
            for u in in_charge(cat, loc) {
                past[u] += 1;
            }
        }
    }
    past
}

/// The bodies' display order (indexes into `bodies`).
pub fn order(bodies: &[Body], by: UnitOrder) -> Vec<usize> {
    use std::cmp::Reverse;
    let mut order: Vec<usize> = (0..bodies.len()).collect();
    match by {
        UnitOrder::Lead => {
            order.sort_by_key(|&i| (Reverse(bodies[i].lead), Reverse(bodies[i].support)))
        }
        UnitOrder::Support => {
            order.sort_by_key(|&i| (Reverse(bodies[i].support), Reverse(bodies[i].lead)))
        }
        UnitOrder::Overdue => {
            order.sort_by_key(|&i| (Reverse(bodies[i].overdue), Reverse(bodies[i].lead)))
        }
        UnitOrder::Name => order.sort_by_cached_key(|&i| sort_key(&bodies[i].name)),
    }
    order
}

/// The measures of a body: those it leads (or is responsible for), those it supports, then those
/// it would lead or support only under their alternative reading; notice by notice.
pub fn parts(cats: &[Catalog], body: &Body) -> Vec<Part> {
    let mut out = Vec::new();
    for &(doc, u) in &body.members {
        let cat = &cats[doc];
        let part = |leads, alternative| {
            move |loc| Part {
                doc,
                loc,
                leads,
                alternative,
            }
        };
        let loc = |i: Item<'_>| cat.locate(i.id());
        let in_charge = cat.led_by(u).chain(cat.responsible_for(u));
        out.extend(in_charge.filter_map(loc).map(part(true, false)));
        out.extend(cat.supported_by(u).filter_map(loc).map(part(false, false)));
        for (l, leads) in cat.alternative_parts(u) {
            out.push(part(leads, true)(l));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seeds;

    #[test]
    fn one_notice_gives_one_body_a_unit_and_orders_them_four_ways() {
        let cat = seeds::embedded();
        let p = Progress::new(crate::domain::State::new(&cat.doc.id));
        let today = jiff::civil::date(2020, 1, 1);
        let cats = std::slice::from_ref(&cat);
        let all = bodies(cats, std::slice::from_ref(&p), today, None);
        assert_eq!(all.len(), cat.doc.units.len());
        assert!(all.iter().enumerate().all(|(i, b)| b.members == [(0, i)]));
        let lead = order(&all, UnitOrder::Lead);
        assert!(lead.windows(2).all(|w| all[w[0]].lead >= all[w[1]].lead));
        let sup = order(&all, UnitOrder::Support);
        assert!(
            sup.windows(2)
                .all(|w| all[w[0]].support >= all[w[1]].support)
        );
        let late = order(&all, UnitOrder::Overdue);
        assert!(
            late.windows(2)
                .all(|w| all[w[0]].overdue >= all[w[1]].overdue)
        );
        assert!(
            all[late[0]].overdue > 0,
            "nothing checked off in 2020: some are overdue"
        );
        let names = order(&all, UnitOrder::Name);
        let keys: Vec<_> = names.iter().map(|&i| sort_key(&all[i].name)).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        assert_ne!(lead, names);
        let first = &all[lead[0]];
        assert_eq!(
            parts(cats, first)
                .iter()
                .filter(|p| p.leads && !p.alternative)
                .count(),
            first.lead
        );
    }

    #[test]
    fn across_notices_one_body_gathers_its_names() {
        let a = seeds::embedded();
        let mut b = seeds::embedded();
        b.doc.id = "copy".into();
        let name = a.doc.units[0].name.clone();
        let cats = [a, b];
        let table = Identities::new(&cats, &[]);
        let all = bodies(&cats, &[], jiff::civil::date(2020, 1, 1), Some(&table));
        assert_eq!(
            all.len(),
            cats[0].doc.units.len(),
            "each unit once, both notices in it"
        );
        let body = all.iter().find(|b| b.name == name).unwrap();
        assert_eq!(body.members, [(0, 0), (1, 0)]);
        let (l, _) = cats[0].unit_counts(0);
        assert_eq!(body.lead, 2 * (l + cats[0].responsible_count(0)));
        let ps = parts(&cats, body);
        assert!(ps.iter().any(|p| p.doc == 0) && ps.iter().any(|p| p.doc == 1));
    }
}
