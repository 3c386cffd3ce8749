//! The unit list of an imported notice: names as written, short forms resolved by rule (the
//! issuer's prefix, common abbreviations: 发改委 -> 市发展改革委), aliases by the same rules, and
//! names that look like the same unit written twice (市发改委 / 市发展改革委).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::domain::model::Unit;

/// Long forms and their usual short forms, longest first where they overlap.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展改革委", "发改委"),
    ("发展和改革局", "发改局"),
    ("发展改革局", "发改局"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("人力社保", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("经济和信息化", "经信"),
    ("经济信息", "经信"),
    ("市场监督管理", "市场监管"),
    ("规划和自然资源", "规划资源"),
    ("卫生和健康", "卫健"),
    ("卫生健康", "卫健"),
    ("文化和旅游", "文旅"),
    ("文化旅游", "文旅"),
    ("科学技术", "科技"),
    ("交通运输", "交通"),
    ("政务服务管理", "政务服务"),
    ("委员会", "委"),
    ("办公室", "办"),
];

/// Issuer prefixes that every level uses.
const LEVELS: &[&str] = &["国家", "省", "自治区", "市", "州", "盟", "区", "县", "旗"];

/// How a notice's units were made: the list, what each name as written resolves to, and the
/// reports.
#[derive(Debug, Default)]
pub struct Book {
    pub units: Vec<Unit>,
    /// A name as written -> the unit's name.
    pub resolve: HashMap<String, String>,
    /// Short forms resolved to a full name: (as written, unit).
    pub resolved: Vec<(String, String)>,
    /// Names that may be one unit written two ways.
    pub near: Vec<(String, String)>,
}

/// The prefixes of this notice's units: its place (示例县) and the common levels.
pub fn prefixes(issuer: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for end in ["人民政府", "政府"] {
        if let Some(i) = issuer.find(end)
            && i > 0
        {
            out.push(issuer[..i].to_string());
            break;
        }
    }
    out.extend(LEVELS.iter().map(|s| s.to_string()));
    out.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    out
}

fn strip<'a>(name: &'a str, prefixes: &[String]) -> &'a str {
    prefixes
        .iter()
        .find_map(|p| {
            name.strip_prefix(p.as_str())
                .filter(|r| r.chars().count() >= 2)
        })
        .unwrap_or(name)
}

fn abbreviate(s: &str) -> String {
    let mut out = s.to_string();
    for (long, short) in ABBREVIATIONS {
        out = out.replace(long, short);
    }
    out
}

/// The comparison key of a name: its prefix off, abbreviated.
fn key(name: &str, prefixes: &[String]) -> String {
    abbreviate(strip(name, prefixes))
}

pub fn is_collective(name: &str) -> bool {
    let name: String = name.chars().map(super::fold::fold_char).collect();
    name.starts_with('各') || ["有关", "相关", "各级"].iter().any(|w| name.contains(w))
}

/// Makes the unit list from the names as written, in order of first appearance.
pub fn book(names: &[String], issuer: &str) -> Book {
    let prefixes = prefixes(issuer);
    let mut b = Book::default();
    let keys: Vec<String> = names.iter().map(|n| key(n, &prefixes)).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        by_key.entry(k).or_default().push(i);
    }
    // A short form (no prefix) resolves to the one prefixed name of its key.
    let mut target: Vec<usize> = (0..names.len()).collect();
    for (i, n) in names.iter().enumerate() {
        let same = &by_key[keys[i].as_str()];
        let full: Vec<usize> = same
            .iter()
            .copied()
            .filter(|&j| j != i && strip(&names[j], &prefixes) != names[j].as_str())
            .collect();
        if strip(n, &prefixes) == n.as_str() && full.len() == 1 {
            target[i] = full[0];
            b.resolved.push((n.clone(), names[full[0]].clone()));
        }
    }
    let mut taken: HashSet<String> = names
        .iter()
        .enumerate()
        .filter(|&(i, _)| target[i] == i)
        .map(|(_, n)| n.clone())
        .collect();
    for (i, n) in names.iter().enumerate() {
        if target[i] != i {
            b.resolve.insert(n.clone(), names[target[i]].clone());
            continue;
        }
        b.resolve.insert(n.clone(), n.clone());
        let mut aliases = Vec::new();
        let bare = strip(n, &prefixes).to_string();
        let prefix = &n[..n.len() - bare.len()];
        for a in [
            bare.clone(),
            abbreviate(&bare),
            format!("{prefix}{}", abbreviate(&bare)),
        ] {
            if a != *n && a.chars().count() >= 2 && !aliases.contains(&a) && taken.insert(a.clone())
            {
                aliases.push(a);
            }
        }
        // An alias that is also another name's key is ambiguous: two units share it.
        aliases.retain(|a| {
            by_key
                .get(key(a, &prefixes).as_str())
                .is_none_or(|v| v.iter().all(|&j| target[j] == i))
        });
        b.units.push(Unit {
            name: n.clone(),
            aliases,
            collective: is_collective(n),
            official: None,
        });
    }
    for same in by_key.values() {
        let kept: Vec<usize> = same.iter().copied().filter(|&j| target[j] == j).collect();
        for &j in kept.iter().skip(1) {
            b.near.push((names[kept[0]].clone(), names[j].clone()));
        }
    }
    b.near.sort();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn short_forms_resolve_by_rule_and_near_duplicates_are_reported() {
        let names = s(&[
            "市发展改革委",
            "发改委",
            "市发改委",
            "市财政局",
            "各区县政府",
        ]);
        let b = book(&names, "某某市人民政府办公室");
        assert_eq!(
            b.resolve["发改委"], "发改委",
            "two prefixed names share the key: ambiguous"
        );
        let pair = ("市发展改革委".to_string(), "市发改委".to_string());
        assert!(b.near.contains(&pair), "{:?}", b.near);
        let b = book(
            &s(&["市发展改革委", "发改委", "市财政局"]),
            "某某市人民政府办公室",
        );
        assert_eq!(b.resolve["发改委"], "市发展改革委");
        let u = &b.units[0];
        assert!(
            u.aliases.contains(&"市发改委".to_string()),
            "{:?}",
            u.aliases
        );
        assert!(b.units.iter().all(|u| u.name != "发改委"));
        assert!(book(&s(&["各区县政府"]), "").units[0].collective);
    }
}
