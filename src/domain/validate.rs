//! Consistency checks of a document: everything serde cannot see.

use std::collections::{HashMap, HashSet};

use super::error::Problem;
use super::model::Document;

/// Every problem found, in document order; empty when the document is consistent.
pub fn check(doc: &Document) -> Vec<Problem> {
    let mut ck = Checker::default();
    if doc.format != 1 {
        ck.say(
            "format".into(),
            format!("unknown format {} (this fgf reads 1)", doc.format),
        );
    }
    for (field, value) in [
        ("id", &doc.id),
        ("number", &doc.number),
        ("title", &doc.title),
        ("issuer", &doc.issuer),
    ] {
        if value.trim().is_empty() {
            ck.say(field.into(), "must not be empty".into());
        }
    }
    // The id names the state file: keep it a plain file name.
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !doc.id.is_empty() && (!doc.id.chars().all(safe) || doc.id.starts_with('.')) {
        ck.say(
            "id".into(),
            format!(
                "document id {:?} may hold only ASCII letters, digits, '-', '_' and '.' (not first); it names the state file",
                doc.id
            ),
        );
    }
    if doc.units.is_empty() {
        ck.say("units".into(), "a document needs at least one unit".into());
    }
    if doc.sections.is_empty() {
        ck.say(
            "sections".into(),
            "a document needs at least one section".into(),
        );
    }
    let mut names: HashMap<&str, String> = HashMap::new();
    for (i, u) in doc.units.iter().enumerate() {
        let path = format!("units[{i}]");
        if u.name.trim().is_empty() {
            ck.say(format!("{path}.name"), "must not be empty".into());
        }
        for (j, n) in std::iter::once(&u.name).chain(&u.aliases).enumerate() {
            let p = if j == 0 {
                format!("{path}.name")
            } else {
                format!("{path}.aliases[{}]", j - 1)
            };
            if let Some(first) = names.insert(n, p.clone()) {
                ck.say(
                    p,
                    format!("unit name or alias {n:?} already used at {first}"),
                );
            }
        }
    }
    let canonical: HashSet<&str> = doc.units.iter().map(|u| u.name.as_str()).collect();
    structure(doc, &canonical, &mut ck);
    ck.out
}

#[derive(Default)]
struct Checker<'a> {
    out: Vec<Problem>,
    ids: HashMap<&'a str, String>,
}

impl<'a> Checker<'a> {
    fn say(&mut self, path: String, message: String) {
        self.out.push(Problem { path, message });
    }

    fn id(&mut self, id: &'a str, path: &str) {
        if id.trim().is_empty() {
            self.say(format!("{path}.id"), "must not be empty".into());
        } else if let Some(first) = self.ids.insert(id, path.to_string()) {
            self.say(
                format!("{path}.id"),
                format!("duplicate id {id:?}, first at {first}"),
            );
        }
    }
}

/// Sections, tasks, measures and milestones: ids, order, units, required fields.
fn structure<'a>(doc: &'a Document, canonical: &HashSet<&str>, ck: &mut Checker<'a>) {
    let mut last_task = 0;
    let mut keys: HashMap<&str, usize> = HashMap::new();
    for (si, s) in doc.sections.iter().enumerate() {
        let sp = format!("sections[{si}]");
        for (field, value) in [("key", &s.key), ("title", &s.title)] {
            if value.trim().is_empty() {
                ck.say(format!("{sp}.{field}"), "must not be empty".into());
            }
        }
        if let Some(first) = keys.insert(&s.key, si).filter(|_| !s.key.trim().is_empty()) {
            ck.say(
                format!("{sp}.key"),
                format!(
                    "duplicate section key {:?}, first at sections[{first}]",
                    s.key
                ),
            );
        }
        let want = numeral(si + 1);
        if !s.numeral.is_empty() && s.numeral != want {
            ck.say(
                format!("{sp}.numeral"),
                format!("section {:?} out of order: expected {want:?}", s.numeral),
            );
        }
        if s.tasks.is_empty() {
            ck.say(
                format!("{sp}.tasks"),
                "a section needs at least one task".into(),
            );
        }
        for (ti, t) in s.tasks.iter().enumerate() {
            let tp = format!("{sp}.tasks[{ti}]");
            ck.id(&t.id, &tp);
            if t.id != t.number.to_string() {
                ck.say(
                    format!("{tp}.id"),
                    format!("task id {:?} must be its number {}", t.id, t.number),
                );
            }
            if t.number != last_task + 1 {
                ck.say(
                    format!("{tp}.number"),
                    format!("task {} out of order: expected {}", t.number, last_task + 1),
                );
            }
            last_task = t.number;
            if t.title.trim().is_empty() {
                ck.say(format!("{tp}.title"), "must not be empty".into());
            }
            if t.measures.is_empty() {
                ck.say(
                    format!("{tp}.measures"),
                    "a task needs at least one measure".into(),
                );
            }
            for (mi, m) in t.measures.iter().enumerate() {
                let mp = format!("{tp}.measures[{mi}]");
                ck.id(&m.id, &mp);
                let want = format!("{}.{}", t.id, mi + 1);
                if m.id != want {
                    ck.say(
                        format!("{mp}.id"),
                        format!("measure id {:?} out of order: expected {want:?}", m.id),
                    );
                }
                if m.text.trim().is_empty() {
                    ck.say(format!("{mp}.text"), "must not be empty".into());
                }
                if m.lead.is_empty() {
                    ck.say(
                        format!("{mp}.lead"),
                        "a measure needs at least one lead unit".into(),
                    );
                }
                let alt = m.alternative.iter();
                let lists = [("lead", &m.lead), ("support", &m.support)]
                    .into_iter()
                    .map(|(f, l)| (f.to_string(), l))
                    .chain(alt.flat_map(|a| {
                        [
                            ("alternative.lead".to_string(), &a.lead),
                            ("alternative.support".to_string(), &a.support),
                        ]
                    }));
                for (field, list) in lists {
                    for (ui, u) in list.iter().enumerate() {
                        if !canonical.contains(u.as_str()) {
                            ck.say(
                                format!("{mp}.{field}[{ui}]"),
                                format!("unit {u:?} is not in the unit list"),
                            );
                        }
                    }
                }
                if m.milestones.is_empty() {
                    ck.say(
                        format!("{mp}.milestones"),
                        "a measure needs at least one milestone".into(),
                    );
                }
                for (ki, k) in m.milestones.iter().enumerate() {
                    let kp = format!("{mp}.milestones[{ki}]");
                    ck.id(&k.id, &kp);
                    let want = format!("{}.{}", m.id, ki + 1);
                    if k.id != want {
                        ck.say(
                            format!("{kp}.id"),
                            format!("milestone id {:?} out of order: expected {want:?}", k.id),
                        );
                    }
                }
            }
        }
    }
}

/// The Chinese numeral of a section: 一 … 十, 十一 … 九十九.
pub fn numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}
