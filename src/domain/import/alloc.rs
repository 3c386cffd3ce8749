//! An allocation as a notice writes it: `（X牵头，Y配合）`, `牵头单位：X；责任单位：Y`,
//! `（X、Y等按职责分工负责）`, `牵头负责领导：张三`, a bare `（X、Y）`, with a deadline inside
//! (`…，6月底完成`).

use super::fold::Folded;
use crate::domain::model::{Official, Role, RoleWord, Roles};

/// What one item (or a group of items) says about who does it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alloc {
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub support: Vec<String>,
    pub roles: Roles,
    pub officials: Vec<Official>,
    /// Deadline phrases found inside the allocation (完成时限：2020年底前).
    pub deadlines: Vec<String>,
}

impl Alloc {
    pub fn is_empty(&self) -> bool {
        self.lead.is_empty()
            && self.responsible.is_empty()
            && self.support.is_empty()
            && self.officials.is_empty()
    }

    pub fn has_units(&self) -> bool {
        !(self.lead.is_empty() && self.responsible.is_empty() && self.support.is_empty())
    }

    fn list(&mut self, role: Role) -> &mut Vec<String> {
        match role {
            Role::Lead => &mut self.lead,
            Role::Responsible => &mut self.responsible,
            Role::Support => &mut self.support,
        }
    }

    fn add(&mut self, role: Role, word: &str, names: Vec<String>, etc: bool) {
        if names.is_empty() {
            return;
        }
        let list = self.list(role);
        for n in names {
            if !list.contains(&n) {
                list.push(n);
            }
        }
        let slot = self.roles.get_mut(role);
        let w = slot.get_or_insert_with(RoleWord::default);
        if w.word.is_empty() && word != role.default_word() {
            w.word = word.to_string();
        }
        w.etc |= etc;
    }

    /// Another part of the same item's allocation (a line under it, say).
    pub fn merge(&mut self, mut other: Alloc) {
        for role in [Role::Lead, Role::Responsible, Role::Support] {
            let names = std::mem::take(other.list(role));
            let w = other.roles.get(role).cloned().unwrap_or_default();
            let word = if w.word.is_empty() {
                role.default_word()
            } else {
                &w.word
            };
            self.add(role, word, names, w.etc);
        }
        self.officials.extend(other.officials);
        self.deadlines.extend(other.deadlines);
        self.settle();
    }

    /// 责任单位 next to a named lead are the cooperating units (issuers differ; with a 牵头 the
    /// 责任 units are the others).
    pub fn settle(&mut self) {
        if !self.lead.is_empty() && !self.responsible.is_empty() {
            let moved = std::mem::take(&mut self.responsible);
            let w = self.roles.responsible.take().unwrap_or_default();
            let word = if w.word.is_empty() {
                "责任单位".to_string()
            } else {
                w.word
            };
            self.add(Role::Support, &word, moved, w.etc);
        }
    }
}

/// An allocation of one role (a table's column).
pub fn with(role: Role, word: &str, names: Vec<String>, etc: bool) -> Alloc {
    let mut a = Alloc::default();
    a.add(role, word.trim(), names, etc);
    a
}

/// Endings that make a word a unit name (or a collective one: 各区县, 有关部门).
const UNIT_ENDS: &[&str] = &[
    "委",
    "局",
    "办",
    "厅",
    "部",
    "院",
    "会",
    "中心",
    "政府",
    "集团",
    "公司",
    "所",
    "处",
    "室",
    "队",
    "站",
    "行",
    "馆",
    "社",
    "团",
    "署",
    "司",
    "街道",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "省",
    "部门",
    "单位",
    "地区",
    "机构",
    "企业",
    "组",
    "庭",
    "台",
    "校",
    "园",
    "监狱",
    "海关",
    "法院",
    "检察院",
];

/// Whether a folded word reads as a unit's name.
pub fn looks_like_unit(folded: &str) -> bool {
    let n = folded.chars().count();
    // 市委宣传部(市新闻出版局、市电影局): the name before its parenthesis.
    let head = match folded.strip_suffix(')').and_then(|s| s.rfind('(')) {
        Some(i) if i > 0 => &folded[..i],
        _ => folded,
    };
    (2..=40).contains(&n)
        && !folded.contains(['。', '!', '?'])
        && (head.starts_with('各') || UNIT_ENDS.iter().any(|e| head.ends_with(e)))
}

/// Role verbs at the end of a clause, longest first: (folded ending, role).
const VERBS: &[(&str, Role)] = &[
    ("按职责分工负责", Role::Support),
    ("按职能分工负责", Role::Support),
    ("按职责负责", Role::Support),
    ("分工负责", Role::Support),
    ("牵头负责", Role::Lead),
    ("牵头落实", Role::Lead),
    ("共同负责", Role::Responsible),
    ("分别负责", Role::Responsible),
    ("具体负责", Role::Responsible),
    ("配合", Role::Support),
    ("协同", Role::Support),
    ("协助", Role::Support),
    ("参与", Role::Support),
    ("牵头", Role::Lead),
    ("负责", Role::Responsible),
    ("落实", Role::Responsible),
];

/// The role a label names (牵头单位, 责任单位, 协同责任单位, 配合部门 …); `None` when it names none.
fn label_role(folded: &str) -> Option<Role> {
    if folded.contains("牵头") {
        Some(Role::Lead)
    } else if ["配合", "协同", "协办", "参与", "协助"]
        .iter()
        .any(|w| folded.contains(w))
    {
        Some(Role::Support)
    } else if ["责任", "负责", "主责", "承办", "实施"]
        .iter()
        .any(|w| folded.contains(w))
    {
        Some(Role::Responsible)
    } else {
        None
    }
}

/// Whether a label names people rather than units.
fn is_official_label(folded: &str) -> bool {
    folded.contains("领导") || folded.ends_with("责任人") || folded.contains("联系人")
}

/// Whether a label is a deadline's (完成时限, 时间节点, 完成时间).
pub fn is_deadline_label(folded: &str) -> bool {
    ["时限", "时间", "节点", "期限"]
        .iter()
        .any(|w| folded.contains(w))
}

/// The longest text read as an allocation, in characters.
pub const MAX_ALLOC: usize = 600;

/// Reads an allocation; `None` when the text says nothing about who does it.
pub fn parse(text: &str) -> Option<Alloc> {
    // An allocation is a short text: a long one is not read (and costs nothing).
    if text.chars().nth(MAX_ALLOC).is_some() {
        return None;
    }
    let f = Folded::new(text);
    let mut a = Alloc::default();
    let mut last: Option<(Role, String)> = None;
    let mut found = false;
    for (from, to) in split_top(&f, &[';', ',']) {
        let clause = trim(&f, from, to);
        let (from, to) = clause;
        if from >= to {
            continue;
        }
        let folded: String = f.fold[from..to].iter().collect();
        // LABEL: LIST
        if let Some(colon) = (from..to).find(|&i| f.fold[i] == ':') {
            let label_f: String = f.fold[from..colon].iter().collect();
            let label = f.text(from, colon).trim().to_string();
            let rest = f.text(colon + 1, to);
            if is_official_label(&label_f) {
                let role = label.clone();
                for name in split_names(&rest).0 {
                    a.officials.push(Official {
                        name,
                        role: role.clone(),
                    });
                }
                found = true;
                last = None;
                continue;
            }
            if is_deadline_label(&label_f) && label_role(&label_f).is_none() {
                let d = rest.trim().to_string();
                if !d.is_empty() {
                    a.deadlines.push(d);
                }
                continue;
            }
            if let Some(role) = label_role(&label_f) {
                let (names, etc) = split_names(&rest);
                a.add(role, &label, names, etc);
                found = true;
                last = Some((role, label));
                continue;
            }
        }
        // LIST + verb
        if let Some((verb, role)) = VERBS.iter().find(|(v, _)| folded.ends_with(v)) {
            let cut = to - verb.chars().count();
            let names_text = f.text(from, cut);
            let (names, etc) = split_names(&names_text);
            if !names.is_empty() && names.iter().all(|n| looks_like_unit(&fold_str(n))) {
                // The word as written (牽頭 in a traditional text).
                let word = f.text(cut, to);
                a.add(*role, &word, names, etc);
                found = true;
                last = Some((*role, word));
                continue;
            }
        }
        if super::deadline::mentions(&folded) {
            a.deadlines.push(f.text(from, to));
            continue;
        }
        // A bare list: more of the last label's units, or (alone) the units responsible.
        let (names, etc) = split_names(&f.text(from, to));
        if !names.is_empty() && names.iter().all(|n| looks_like_unit(&fold_str(n))) {
            let (role, word) = last.clone().unwrap_or((
                Role::Responsible,
                Role::Responsible.default_word().to_string(),
            ));
            a.add(role, &word, names, etc);
            found = true;
            continue;
        }
        return None;
    }
    a.settle();
    found.then_some(a)
}

fn fold_str(s: &str) -> String {
    s.chars().map(super::fold::fold_char).collect()
}

/// Ranges of `f` between separators outside brackets.
fn split_top(f: &Folded, seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, &c) in f.fold.iter().enumerate() {
        match c {
            '(' | '[' | '《' | '“' => depth += 1,
            ')' | ']' | '》' | '”' => depth = (depth - 1).max(0),
            _ if depth == 0 && seps.contains(&c) => {
                out.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, f.len()));
    out
}

fn trim(f: &Folded, mut from: usize, mut to: usize) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || matches!(c, '.' | '。' | ',' | ';');
    while from < to && junk(f.fold[from]) {
        from += 1;
    }
    while to > from && junk(f.fold[to - 1]) {
        to -= 1;
    }
    (from, to)
}

/// Unit names of a list as written: split at 、 ， ； (outside brackets) and at 及 / 和 after a
/// unit's name; a final 等 (等部门, 等单位) marks a list with more units than it names.
pub fn split_names(text: &str) -> (Vec<String>, bool) {
    let f = Folded::new(text.trim());
    let mut names = Vec::new();
    let mut etc = false;
    for (from, to) in split_top(&f, &['、', ',', ';', '/']) {
        let (from, to) = trim(&f, from, to);
        if from >= to {
            continue;
        }
        let mut part = f.text(from, to);
        let folded: String = f.fold[from..to].iter().collect();
        for tail in ["等部门", "等单位", "等"] {
            if folded.ends_with(tail) && folded.chars().count() > tail.chars().count() {
                let keep = part.chars().count() - tail.chars().count();
                part = part.chars().take(keep).collect();
                etc = true;
                break;
            }
        }
        names.extend(split_and(&part));
    }
    (names, etc)
}

/// "国务院相关部门及各地区" -> two names, where the left one is a unit's name.
fn split_and(part: &str) -> Vec<String> {
    let f = Folded::new(part);
    if f.len() > 100 {
        // No unit's name is this long: nothing to split.
        return vec![part.trim().to_string()];
    }
    for (i, &c) in f.fold.iter().enumerate() {
        if matches!(c, '及' | '和' | '与') && i > 1 {
            let left: String = f.fold[..i].iter().collect();
            let right: String = f.fold[i + 1..].iter().collect();
            if looks_like_unit(&left) && looks_like_unit(&right) {
                let mut out = vec![f.text(0, i).trim().to_string()];
                out.extend(split_and(&f.text(i + 1, f.len())));
                return out;
            }
        }
    }
    let p = part.trim();
    if p.is_empty() {
        Vec::new()
    } else {
        vec![p.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(a: &Alloc) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        fn s(l: &[String]) -> Vec<&str> {
            l.iter().map(String::as_str).collect()
        }
        (s(&a.lead), s(&a.responsible), s(&a.support))
    }

    #[test]
    fn the_patterns_of_real_notices() {
        let a = parse("市发展改革委牵头，市财政局、市税务局配合").unwrap();
        assert_eq!(
            roles(&a),
            (vec!["市发展改革委"], vec![], vec!["市财政局", "市税务局"])
        );
        let a = parse("国家发展改革委牵头，国务院相关部门及各地区按职责分工负责").unwrap();
        assert_eq!(a.support, ["国务院相关部门", "各地区"]);
        assert_eq!(a.roles.word(Role::Support), "按职责分工负责");
        let a = parse("市场监管总局、商务部等按职责分工负责").unwrap();
        assert!(a.roles.etc(Role::Support));
        assert!(a.lead.is_empty(), "no lead is invented");
        let a = parse("牵头单位：区发改局；责任单位：区财政局、各街道，6月底完成").unwrap();
        assert_eq!(
            roles(&a),
            (vec!["区发改局"], vec![], vec!["区财政局", "各街道"])
        );
        assert_eq!(a.roles.word(Role::Support), "责任单位");
        assert_eq!(a.deadlines, ["6月底完成"]);
        let a = parse("责任单位：县教育局、县卫生健康局").unwrap();
        assert_eq!(a.responsible, ["县教育局", "县卫生健康局"]);
        let a = parse("牵头负责领导：张三；牵头单位：市商务委").unwrap();
        assert_eq!(a.officials[0].name, "张三");
        assert_eq!(a.officials[0].role, "牵头负责领导");
        let a = parse("市委宣传部（市新闻出版局、市电影局）、市文化旅游委").unwrap();
        assert_eq!(
            a.responsible,
            ["市委宣传部（市新闻出版局、市电影局）", "市文化旅游委"]
        );
        let a = parse("市政府辦公室牽頭，各區縣按職責分工負責").unwrap();
        assert_eq!(a.lead, ["市政府辦公室"]);
        assert_eq!(a.support, ["各區縣"]);
        assert_eq!(parse("2020年底前完成"), None);
        assert_eq!(parse("以下简称《方案》"), None);
    }
}
