//! Format 2's roles: what a notice calls each unit's part in an item, and the officials it names.
//!
//! Every unit is one of three roles: lead (牵头), responsible (负责 / 责任单位: in charge where no
//! lead is named) and cooperating (配合 / 协同 / 参与 / 按职责分工负责). The notice's own word is
//! kept for display; a list that ends in 等 keeps its 等.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The three roles a unit can have in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Lead,
    Responsible,
    Support,
}

impl Role {
    /// The role's field name in the format and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Support => "support",
        }
    }

    /// The plain Chinese word, when the notice gives none.
    pub fn default_word(self) -> &'static str {
        match self {
            Role::Lead => "牵头",
            Role::Responsible => "负责",
            Role::Support => "配合",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Support => "cooperating",
        }
    }
}

/// The notice's word for one role in one item, and whether its list ended in 等.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct RoleWord {
    /// As printed: 牵头单位, 责任单位, 协同责任单位, 按职责分工负责 ….
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub word: String,
    /// The list ends in 等 (more units than those named).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub etc: bool,
}

/// The words of an item's roles; absent ones are the plain words (牵头 负责 配合).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Roles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<RoleWord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<RoleWord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<RoleWord>,
}

impl Roles {
    pub fn is_empty(&self) -> bool {
        self.lead.is_none() && self.responsible.is_none() && self.support.is_none()
    }

    pub fn get(&self, role: Role) -> Option<&RoleWord> {
        match role {
            Role::Lead => self.lead.as_ref(),
            Role::Responsible => self.responsible.as_ref(),
            Role::Support => self.support.as_ref(),
        }
    }

    pub fn get_mut(&mut self, role: Role) -> &mut Option<RoleWord> {
        match role {
            Role::Lead => &mut self.lead,
            Role::Responsible => &mut self.responsible,
            Role::Support => &mut self.support,
        }
    }

    /// The word to show for a role: the notice's, or the plain one.
    pub fn word(&self, role: Role) -> &str {
        match self.get(role) {
            Some(w) if !w.word.is_empty() => &w.word,
            _ => role.default_word(),
        }
    }

    /// Whether the role's list ends in 等.
    pub fn etc(&self, role: Role) -> bool {
        self.get(role).is_some_and(|w| w.etc)
    }
}

/// A named person (牵头负责领导：张三).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Official {
    pub name: String,
    /// As printed: 牵头负责领导, 责任领导 ….
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// One role's line of an item, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRow<'a> {
    pub role: Role,
    /// The notice's word, or 牵头单位 / 负责单位 / 配合单位.
    pub label: String,
    pub units: Vec<&'a str>,
    pub etc: bool,
}

impl RoleRow<'_> {
    /// The label in the run's language: the notice's word in Chinese, the role in English.
    pub fn label_in(&self, zh: bool) -> &str {
        if zh { &self.label } else { self.role.english() }
    }

    /// The units joined for display (`join_units`), — when there are none.
    pub fn joined(&self) -> String {
        if self.units.is_empty() {
            "—".to_string()
        } else {
            join_units(&self.units, self.etc)
        }
    }
}

/// The lines an item's allocation shows: lead and cooperating always (as format 1 shows them),
/// responsible when named. Where no lead is named but someone is responsible, there is no lead
/// line: fgf never shows a lead a notice does not name.
pub fn role_rows<'a>(
    lead: Vec<&'a str>,
    responsible: Vec<&'a str>,
    support: Vec<&'a str>,
    roles: &Roles,
) -> Vec<RoleRow<'a>> {
    let plain = |r: Role| match r {
        Role::Lead => "牵头单位",
        Role::Responsible => "负责单位",
        Role::Support => "配合单位",
    };
    let row = |role: Role, units: Vec<&'a str>| RoleRow {
        role,
        label: match roles.get(role) {
            Some(w) if !w.word.is_empty() => w.word.clone(),
            _ => plain(role).to_string(),
        },
        units,
        etc: roles.etc(role),
    };
    let mut out = Vec::new();
    if !lead.is_empty() || responsible.is_empty() {
        out.push(row(Role::Lead, lead));
    }
    if !responsible.is_empty() {
        out.push(row(Role::Responsible, responsible));
    }
    out.push(row(Role::Support, support));
    out
}

/// A list of units for display: joined by 、, or by ； when a name holds a 、 itself (so that
/// every name survives), with 等 when the notice's list ended in it.
pub fn join_units<S: AsRef<str>>(units: &[S], etc: bool) -> String {
    let sep = if units.iter().any(|u| u.as_ref().contains('、')) {
        "；"
    } else {
        "、"
    };
    let mut out = units
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(sep);
    if etc && !out.is_empty() {
        out.push('等');
    }
    out
}

/// Officials for display: "牵头负责领导：张三、李四".
pub fn officials_line(list: &[Official]) -> String {
    let mut out: Vec<String> = Vec::new();
    for o in list {
        let role = if o.role.is_empty() {
            "负责领导"
        } else {
            &o.role
        };
        match out.last_mut() {
            Some(last) if last.starts_with(&format!("{role}：")) => {
                last.push('、');
                last.push_str(&o.name);
            }
            _ => out.push(format!("{role}：{}", o.name)),
        }
    }
    out.join("；")
}

/// A task's lead, responsible and cooperating units from the names in each role (its own, then
/// its measures'), each once in order of first appearance; a unit that leads is not also
/// responsible, and one in either is not also cooperating. (A task as archived in the cache
/// computes its units with this too.)
pub fn task_roles<'a>(
    lead: impl Iterator<Item = &'a str>,
    responsible: impl Iterator<Item = &'a str>,
    support: impl Iterator<Item = &'a str>,
) -> [Vec<&'a str>; 3] {
    let lead = dedup(lead);
    let responsible: Vec<&str> = dedup(responsible)
        .into_iter()
        .filter(|u| !lead.contains(u))
        .collect();
    let support = dedup(support)
        .into_iter()
        .filter(|u| !lead.contains(u) && !responsible.contains(u))
        .collect();
    [lead, responsible, support]
}

fn dedup<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_a_dunhao_and_lists_ending_in_deng_survive() {
        assert_eq!(join_units(&["甲", "乙"], false), "甲、乙");
        assert_eq!(join_units(&["甲", "乙"], true), "甲、乙等");
        assert_eq!(
            join_units(&["市委宣传部（市新闻出版局、市电影局）", "乙"], false),
            "市委宣传部（市新闻出版局、市电影局）；乙"
        );
        assert_eq!(join_units::<&str>(&[], true), "");
        let o = |n: &str, r: &str| Official {
            name: n.into(),
            role: r.into(),
        };
        assert_eq!(
            officials_line(&[
                o("张三", "牵头负责领导"),
                o("李四", "牵头负责领导"),
                o("王五", "")
            ]),
            "牵头负责领导：张三、李四；负责领导：王五"
        );
    }
}
