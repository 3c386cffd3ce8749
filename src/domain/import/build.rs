//! Numbered items (or table rows) as a tree -> a format-2 document: one, two or three levels as
//! the notice has them, labels as printed, allocations where the notice puts them, deadlines as
//! written, the unit list by rule.

use jiff::civil::Date;

use super::Report;
use super::alloc::Alloc;
use super::deadline;
use super::fold::Folded;
use super::text::Meta;
use super::units;
use crate::domain::model::{Confidence, Document, Measure, Milestone, Section, Task};

/// One item of the notice with the items under it.
#[derive(Debug, Clone, Default)]
pub struct Node {
    pub label: String,
    pub text: String,
    pub alloc: Alloc,
    /// Deadline phrases given apart from the text (a table's 完成时限 column).
    pub deadlines: Vec<String>,
    pub line: usize,
    pub children: Vec<Node>,
}

impl Node {
    fn allocated(&self) -> bool {
        self.alloc.has_units() || self.children.iter().any(Node::allocated)
    }
}

/// Keeps the items that have an allocation (their own, an ancestor's or a descendant's); the
/// others go to `unplaced`.
fn prune(nodes: Vec<Node>, inherited: bool, unplaced: &mut Vec<(usize, String)>) -> Vec<Node> {
    let mut out = Vec::new();
    for mut n in nodes {
        if !inherited && !n.allocated() {
            drop_all(&n, unplaced);
            continue;
        }
        let kids = std::mem::take(&mut n.children);
        n.children = prune(kids, inherited || n.alloc.has_units(), unplaced);
        out.push(n);
    }
    out
}

fn drop_all(n: &Node, unplaced: &mut Vec<(usize, String)>) {
    unplaced.push((n.line, format!("{}{}", n.label, n.text)));
    for c in &n.children {
        drop_all(c, unplaced);
    }
}

fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| 1 + depth(&n.children))
        .max()
        .unwrap_or(0)
}

/// The short title of an item: its text up to the first 。 or ：, when that is shorter.
fn title_of(n: &Node) -> String {
    let t = n.text.trim();
    let cut = t
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '：' | ':' | '；'))
        .map_or(t, |(i, _)| &t[..i]);
    let cut = if cut.chars().count() > 60 {
        t.chars().take(60).collect::<String>()
    } else {
        cut.to_string()
    };
    or(&cut, or(&n.label, "（无标题）")).to_string()
}

/// `s`, or `fallback` when `s` is blank (a document's texts are never empty).
fn or<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.chars().all(char::is_whitespace) {
        fallback
    } else {
        s
    }
}

/// The notice's year, for deadlines written without one.
fn year_of(meta: &Meta) -> Option<i16> {
    if let Some(d) = meta.date {
        return Some(d.year());
    }
    for s in [&meta.number, &meta.title] {
        let f = Folded::new(s);
        let digits: Vec<(usize, char)> = f.fold.iter().copied().enumerate().collect();
        for w in digits.windows(4) {
            if w.iter().all(|(_, c)| c.is_ascii_digit()) {
                let y: String = w.iter().map(|(_, c)| c).collect();
                if let Ok(y) = y.parse::<i16>()
                    && (1949..=2200).contains(&y)
                {
                    return Some(y);
                }
            }
        }
    }
    None
}

struct Builder<'a> {
    year: Option<i16>,
    resolve: &'a rustc_hash::FxHashMap<String, String>,
    tasks: Vec<Task>,
    /// Tasks made so far: numbers run across the document.
    count: u32,
    deadlines: usize,
}

impl Builder<'_> {
    fn names(&self, list: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for n in list {
            let r = self.resolve.get(n).cloned().unwrap_or_else(|| n.clone());
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    fn milestones(&mut self, id: &str, n: &Node) -> Vec<Milestone> {
        let mut found: Vec<(String, Option<Date>, bool, String)> = Vec::new();
        for phrase in n.alloc.deadlines.iter().chain(&n.deadlines) {
            let f = Folded::new(phrase);
            let all = deadline::find_in(&f, self.year, true);
            if all.is_empty() {
                found.push((phrase.trim().to_string(), None, false, String::new()));
            }
            for d in all {
                found.push((d.phrase, d.date, d.inferred, String::new()));
            }
        }
        if found.is_empty() {
            let f = Folded::new(&n.text);
            let all = deadline::find(&f, self.year);
            let several = all.len() > 1;
            for d in all {
                let clause = if several {
                    clause_at(&f, d.at)
                } else {
                    String::new()
                };
                found.push((d.phrase, d.date, d.inferred, clause));
            }
        }
        found.dedup_by(|a, b| a.0 == b.0);
        if found.is_empty() {
            return vec![Milestone {
                id: format!("{id}.1"),
                ..Milestone::default()
            }];
        }
        self.deadlines += found.len();
        found
            .into_iter()
            .enumerate()
            .map(|(k, (phrase, date, inferred, text))| Milestone {
                id: format!("{id}.{}", k + 1),
                deadline: date,
                phrase: Some(phrase),
                text,
                inferred,
            })
            .collect()
    }

    fn measure(&mut self, task_id: &str, k: usize, n: &Node) -> Measure {
        let id = format!("{task_id}.{k}");
        let a = &n.alloc;
        let text = or(&n.text, or(&n.label, "（无正文）")).to_string();
        Measure {
            milestones: self.milestones(&id, n),
            id,
            label: n.label.clone(),
            text,
            lead: self.names(&a.lead),
            responsible: self.names(&a.responsible),
            support: self.names(&a.support),
            roles: a.roles.clone(),
            officials: a.officials.clone(),
            confidence: Confidence::High,
            ..Measure::default()
        }
    }

    /// A task of `n`: its children are its measures (all descendants, in order), or, with none,
    /// the task is its own one measure.
    fn task(&mut self, n: &Node, parent: Option<&Alloc>) -> Task {
        self.count += 1;
        let number = self.count;
        let id = number.to_string();
        let mut own = n.alloc.clone();
        if !own.has_units()
            && let Some(p) = parent
        {
            own = p.clone();
        }
        let mut leaves = Vec::new();
        flatten(&n.children, None, &mut leaves);
        let measures: Vec<Measure> = if leaves.is_empty() {
            let mut m = self.measure(
                &id,
                1,
                &Node {
                    label: String::new(),
                    ..n.clone()
                },
            );
            if !n.alloc.has_units() {
                // The allocation is the task's (own): the measure inherits it.
                (m.lead, m.responsible, m.support) = (Vec::new(), Vec::new(), Vec::new());
            }
            vec![m]
        } else {
            leaves
                .iter()
                .enumerate()
                .map(|(k, l)| self.measure(&id, k + 1, l))
                .collect()
        };
        let label = n.label.clone();
        let numeral = label
            .trim_matches(['（', '）', '(', ')', '、', '.', '．'])
            .to_string();
        let numeral = if numeral
            .chars()
            .all(|c| "一二三四五六七八九十百".contains(c))
        {
            numeral
        } else {
            String::new()
        };
        Task {
            id,
            number,
            numeral,
            label,
            title: title_of(n),
            lead: self.names(&own.lead),
            responsible: self.names(&own.responsible),
            support: self.names(&own.support),
            roles: own.roles.clone(),
            officials: own.officials.clone(),
            measures,
        }
    }
}

/// The items under a task as its measures, in order: a deeper item that names no unit takes
/// the allocation of the item above it (the task's is inherited by the format itself).
fn flatten(nodes: &[Node], above: Option<&Alloc>, out: &mut Vec<Node>) {
    for n in nodes {
        let mut m = Node {
            children: Vec::new(),
            ..n.clone()
        };
        if !m.alloc.has_units()
            && let Some(a) = above
        {
            m.alloc = a.clone();
        }
        let alloc = m.alloc.clone();
        out.push(m);
        let next = if alloc.has_units() {
            Some(&alloc)
        } else {
            above
        };
        flatten(&n.children, next, out);
    }
}

/// The clause of a text that holds position `at` (between ；or 。).
fn clause_at(f: &Folded, at: usize) -> String {
    let stop = |c: char| matches!(c, ';' | '。');
    let from = (0..at)
        .rev()
        .find(|&i| stop(f.fold[i]))
        .map_or(0, |i| i + 1);
    let to = (at..f.len()).find(|&i| stop(f.fold[i])).unwrap_or(f.len());
    f.text(from, to).trim().to_string()
}

/// Every unit name as written, in order of first appearance.
fn all_names(nodes: &[Node], seen: &mut rustc_hash::FxHashSet<String>, out: &mut Vec<String>) {
    for n in nodes {
        let a = &n.alloc;
        for name in a.lead.iter().chain(&a.responsible).chain(&a.support) {
            if seen.insert(name.clone()) {
                out.push(name.clone());
            }
        }
        all_names(&n.children, seen, out);
    }
}

/// The section key: the title's first characters, unique.
fn key_of(title: &str, taken: &[String]) -> String {
    let base: String = title
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(4)
        .collect();
    let base = if base.is_empty() {
        "部分".to_string()
    } else {
        base
    };
    let mut k = base.clone();
    let mut i = 2;
    while taken.contains(&k) {
        k = format!("{base}{i}");
        i += 1;
    }
    k
}

/// A stable ASCII id from the 文号 (its digits) or the title.
fn doc_id(meta: &Meta) -> String {
    let digits: Vec<String> = Folded::new(&meta.number)
        .fold
        .split(|c| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.iter().collect())
        .collect();
    if !digits.is_empty() {
        return format!("import-{}", digits.join("-"));
    }
    // FNV-1a of the title.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in meta.title.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    format!("import-{h:016x}")
}

pub fn document(
    meta: Meta,
    roots: Vec<Node>,
    source: &str,
    report: &mut Report,
) -> Option<Document> {
    let roots = prune(roots, false, &mut report.unplaced);
    if roots.is_empty() {
        return None;
    }
    let mut names = Vec::new();
    all_names(&roots, &mut Default::default(), &mut names);
    let issuer = if meta.issuer.is_empty() {
        meta.title.clone()
    } else {
        meta.issuer.clone()
    };
    let book = units::book(&names, &issuer);
    let mut b = Builder {
        year: year_of(&meta),
        resolve: &book.resolve,
        tasks: Vec::new(),
        count: 0,
        deadlines: 0,
    };
    let title = or(&meta.title, "导入的通知").to_string();
    let mut sections = Vec::new();
    match depth(&roots) {
        0 => return None,
        1 => {
            let node = Node {
                text: title.clone(),
                children: roots,
                ..Node::default()
            };
            let t = b.task(&node, None);
            b.tasks.push(t);
            sections.push(section("全部", String::new(), title.clone(), &mut b.tasks));
        }
        2 => {
            for r in &roots {
                let t = b.task(r, None);
                b.tasks.push(t);
            }
            sections.push(section("全部", String::new(), title.clone(), &mut b.tasks));
        }
        _ => {
            let mut keys: Vec<String> = Vec::new();
            for r in &roots {
                let from = b.tasks.len();
                if r.children.is_empty() {
                    let t = b.task(r, None);
                    b.tasks.push(t);
                } else {
                    for c in &r.children {
                        let t = b.task(c, Some(&r.alloc));
                        b.tasks.push(t);
                    }
                }
                let key = key_of(&title_of(r), &keys);
                keys.push(key.clone());
                let mut tasks = b.tasks.split_off(from);
                sections.push(section(&key, r.label.clone(), title_of(r), &mut tasks));
            }
        }
    }
    report.sections = sections.len();
    report.tasks = sections.iter().map(|s| s.tasks.len()).sum();
    report.measures = sections
        .iter()
        .flat_map(|s| &s.tasks)
        .map(|t| t.measures.len())
        .sum();
    report.deadlines = b.deadlines;
    report.units = book.units.iter().map(|u| u.name.clone()).collect();
    report.resolved = book.resolved.clone();
    report.near = book.near.clone();
    let reading = format!("由 fgf import 从{source}读出；分工以正式文件为准。");
    Some(Document {
        format: 2,
        id: doc_id(&meta),
        number: meta.number,
        title,
        issuer: meta.issuer,
        published: meta.date,
        addressees: meta.addressees,
        reading,
        units: book.units,
        sections,
        ..Document::default()
    })
}

fn section(key: &str, label: String, title: String, tasks: &mut Vec<Task>) -> Section {
    Section {
        key: key.to_string(),
        label,
        numeral: String::new(),
        title,
        tasks: std::mem::take(tasks),
    }
}
