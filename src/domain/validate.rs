//! Consistency checks of a document: everything serde cannot see.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::error::Problem;
use super::model::Document;

mod measure;
use self::measure::measure;

/// Every problem found, in document order; empty when the document is consistent.
pub fn check(doc: &Document) -> Vec<Problem> {
    // Ids that are numbers in order cannot repeat, so the first pass keeps no map of every id
    // (a 100k-measure document has 200k); a document with any problem is checked again, saying
    // which ids repeat too.
    let problems = check_with(doc, None);
    if !problems.is_empty() {
        return check_with(doc, Some(HashMap::default()));
    }
    problems
}

const EMPTY: &str = "must not be empty";
const EMPTY_ZH: &str = "不能为空";

fn check_with<'a>(doc: &'a Document, ids: Option<HashMap<&'a str, At>>) -> Vec<Problem> {
    let mut ck = Checker {
        out: Vec::new(),
        ids,
    };
    if !matches!(doc.format, 1 | 2) {
        ck.say(
            "format".into(),
            format!("unknown format {} (this fgf reads 1 and 2)", doc.format),
            format!("不认识的格式 {}（fgf 读格式 1 和 2）", doc.format),
        );
    }
    // Format 2 asks only for a title: a notice may lack a 文号, an issuer or its dates.
    let v1 = doc.format == 1;
    for (field, value, needed) in [
        ("id", &doc.id, true),
        ("number", &doc.number, v1),
        ("title", &doc.title, true),
        ("issuer", &doc.issuer, v1),
    ] {
        if needed && blank(value) {
            ck.say(field.into(), EMPTY.into(), EMPTY_ZH.into());
        }
    }
    for (field, value) in [("signed", doc.signed), ("published", doc.published)] {
        if v1 && value.is_none() {
            ck.say(
                field.into(),
                "a format-1 document needs this date".into(),
                "格式 1 的文档须有这个日期".into(),
            );
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
            format!(
                "文档 id {:?} 只能由 ASCII 字母、数字和 '-'、'_'、'.' 组成（'.' 不能在首位）：它是状态文件的文件名",
                doc.id
            ),
        );
    }
    if doc.units.is_empty() {
        ck.say(
            "units".into(),
            "a document needs at least one unit".into(),
            "文档至少要有一个单位".into(),
        );
    }
    if doc.sections.is_empty() {
        ck.say(
            "sections".into(),
            "a document needs at least one section".into(),
            "文档至少要有一个部分".into(),
        );
    }
    let mut names: HashMap<&str, String> = HashMap::default();
    for (i, u) in doc.units.iter().enumerate() {
        let path = format!("units[{i}]");
        if blank(&u.name) {
            ck.say(format!("{path}.name"), EMPTY.into(), EMPTY_ZH.into());
        }
        let official = u.official.as_ref().map(|o| &o.name);
        let all = std::iter::once(&u.name).chain(&u.aliases).chain(official);
        for (j, n) in all.enumerate() {
            let p = if j == 0 {
                format!("{path}.name")
            } else if j > u.aliases.len() {
                format!("{path}.official.name")
            } else {
                format!("{path}.aliases[{}]", j - 1)
            };
            if let Some(first) = names.insert(n, p.clone()) {
                ck.say(
                    p,
                    format!("unit name or alias {n:?} already used at {first}"),
                    format!("单位名称或简称 {n:?} 已在 {first} 用过"),
                );
            }
        }
    }
    let canonical: HashSet<&str> = doc.units.iter().map(|u| u.name.as_str()).collect();
    structure(doc, &Units { canonical, v1 }, &mut ck);
    ck.out
}

struct Checker<'a> {
    out: Vec<Problem>,
    /// Every id seen, when repeats are looked for.
    ids: Option<HashMap<&'a str, At>>,
}

/// Where an item is, as indices: its JSON path is only written when a problem needs it, which
/// keeps a 100k-measure document's check fast.
#[derive(Debug, Clone, Copy)]
enum At {
    Task(usize, usize),
    Measure(usize, usize, usize),
    Milestone(usize, usize, usize, usize),
}

impl At {
    fn path(self) -> String {
        match self {
            At::Task(s, t) => format!("sections[{s}].tasks[{t}]"),
            At::Measure(s, t, m) => format!("sections[{s}].tasks[{t}].measures[{m}]"),
            At::Milestone(s, t, m, k) => {
                format!("sections[{s}].tasks[{t}].measures[{m}].milestones[{k}]")
            }
        }
    }

    /// The path of one of its fields.
    fn field(self, name: &str) -> String {
        format!("{}.{name}", self.path())
    }
}

impl<'a> Checker<'a> {
    fn say(&mut self, path: String, message: String, zh: String) {
        self.out.push(Problem { path, message, zh });
    }

    fn id(&mut self, id: &'a str, at: At) {
        if blank(id) {
            self.say(at.field("id"), EMPTY.into(), EMPTY_ZH.into());
        } else if let Some(first) = self.ids.as_mut().and_then(|ids| ids.insert(id, at)) {
            self.say(
                at.field("id"),
                format!("duplicate id {id:?}, first at {}", first.path()),
                format!("id {id:?} 重复，第一次出现在 {}", first.path()),
            );
        }
    }
}

/// Whether `s` is empty or only whitespace (`trim().is_empty()` without looking at both ends:
/// this runs for every id and text of a document).
fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Whether `s` is the decimal number `n`, written plainly (no sign, no leading zero).
fn is_number(s: &str, n: usize) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'))
        && s.parse::<usize>() == Ok(n)
}

/// Whether `id` is `parent.n`.
fn is_child(id: &str, parent: &str, n: usize) -> bool {
    id.strip_prefix(parent)
        .and_then(|r| r.strip_prefix('.'))
        .is_some_and(|r| is_number(r, n))
}

/// What the checks of items need to know of the document.
struct Units<'a> {
    canonical: HashSet<&'a str>,
    /// Format 1: every measure names a lead of its own.
    v1: bool,
}

impl Units<'_> {
    /// Every unit of an item's lists in the unit list.
    fn known<'l>(
        &self,
        lists: impl Iterator<Item = (&'l str, &'l Vec<String>)>,
        at: At,
        ck: &mut Checker<'_>,
    ) {
        for (field, list) in lists {
            for (ui, u) in list.iter().enumerate() {
                if !self.canonical.contains(u.as_str()) {
                    ck.say(
                        at.field(&format!("{field}[{ui}]")),
                        format!("unit {u:?} is not in the unit list"),
                        format!("单位 {u:?} 不在单位表中"),
                    );
                }
            }
        }
    }
}

/// Sections, tasks, measures and milestones: ids, order, units, required fields.
fn structure<'a>(doc: &'a Document, canonical: &Units<'_>, ck: &mut Checker<'a>) {
    let mut last_task = 0;
    let mut keys: HashMap<&str, usize> = HashMap::default();
    for (si, s) in doc.sections.iter().enumerate() {
        let sp = format!("sections[{si}]");
        for (field, value) in [("key", &s.key), ("title", &s.title)] {
            if blank(value) {
                ck.say(format!("{sp}.{field}"), EMPTY.into(), EMPTY_ZH.into());
            }
        }
        if let Some(first) = keys.insert(&s.key, si).filter(|_| !blank(&s.key)) {
            ck.say(
                format!("{sp}.key"),
                format!(
                    "duplicate section key {:?}, first at sections[{first}]",
                    s.key
                ),
                format!(
                    "部分的 key {:?} 重复，第一次出现在 sections[{first}]",
                    s.key
                ),
            );
        }
        let want = numeral(si + 1);
        if !s.numeral.is_empty() && s.numeral != want {
            ck.say(
                format!("{sp}.numeral"),
                format!("section {:?} out of order: expected {want:?}", s.numeral),
                format!("部分 {:?} 顺序不对：这里应是 {want:?}", s.numeral),
            );
        }
        if s.tasks.is_empty() {
            ck.say(
                format!("{sp}.tasks"),
                "a section needs at least one task".into(),
                "每个部分至少要有一项任务".into(),
            );
        }
        for (ti, t) in s.tasks.iter().enumerate() {
            let tp = At::Task(si, ti);
            ck.id(&t.id, tp);
            if !is_number(&t.id, t.number as usize) {
                ck.say(
                    tp.field("id"),
                    format!("task id {:?} must be its number {}", t.id, t.number),
                    format!("任务 id {:?} 应等于它的序号 {}", t.id, t.number),
                );
            }
            if t.number != last_task + 1 {
                ck.say(
                    tp.field("number"),
                    format!("task {} out of order: expected {}", t.number, last_task + 1),
                    format!("任务 {} 顺序不对：这里应是 {}", t.number, last_task + 1),
                );
            }
            last_task = t.number;
            if blank(&t.title) {
                ck.say(tp.field("title"), EMPTY.into(), EMPTY_ZH.into());
            }
            if t.measures.is_empty() {
                ck.say(
                    tp.field("measures"),
                    "a task needs at least one measure".into(),
                    "每项任务至少要有一条措施".into(),
                );
            }
            let own = [
                ("lead", &t.lead),
                ("responsible", &t.responsible),
                ("support", &t.support),
            ];
            canonical.known(own.into_iter(), tp, ck);
            for (mi, m) in t.measures.iter().enumerate() {
                measure(m, t, At::Measure(si, ti, mi), mi + 1, canonical, ck);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first pass looks for no repeats; a document with any problem is checked again, so a
    /// repeat shows whichever check found the problem.
    #[test]
    fn a_repeated_id_is_reported_even_when_only_a_number_is_out_of_order() {
        let mut doc = crate::domain::seeds::embedded().doc;
        assert!(check(&doc).is_empty());
        let t = &mut doc.sections[0].tasks[2];
        assert_eq!(t.id, "3");
        t.id = "2".into();
        t.number = 2;
        for (mi, m) in t.measures.iter_mut().enumerate() {
            m.id = format!("2.{}", mi + 1);
            for (ki, k) in m.milestones.iter_mut().enumerate() {
                k.id = format!("2.{}.{}", mi + 1, ki + 1);
            }
        }
        let said: Vec<String> = check(&doc).iter().map(|p| p.message.clone()).collect();
        assert!(
            said.iter().any(|m| m.contains("task 2 out of order")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|m| m == "duplicate id \"2\", first at sections[0].tasks[1]"),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.starts_with("duplicate id \"2.1\"")),
            "{said:?}"
        );
    }
}
