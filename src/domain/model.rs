//! The document model: a task-allocation notice as sections, tasks, measures and milestones.
//!
//! The serde shape of these types *is* fgf's document format (`seeds/*.json`, `fgf list --json`).

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::roles::{Official, Role, RoleRow, RoleWord, Roles, role_rows, task_roles};

/// One task-allocation notice, such as 渝府办发〔2019〕103号.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Document {
    /// Version of the document format.
    pub format: u32,
    /// Stable, typeable id; the state file is kept per document id.
    pub id: String,
    /// The document number as printed (文号), e.g. 渝府办发〔2019〕103号. Format 2: optional.
    #[serde(default)]
    pub number: String,
    pub title: String,
    /// Format 2: optional.
    #[serde(default)]
    pub issuer: String,
    /// Signing date. Format 2: optional.
    #[serde(default)]
    #[rkyv(with = rkyv::with::Map<super::cache::Day>)]
    pub signed: Option<Date>,
    /// Publication date. Format 2: optional.
    #[serde(default)]
    #[rkyv(with = rkyv::with::Map<super::cache::Day>)]
    pub published: Option<Date>,
    /// Format 2: how this document was read from its source, shown with every uncertain
    /// allocation (the ⚠ explanation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reading: String,
    #[serde(default)]
    pub addressees: String,
    /// Title of the allocation table that follows the preamble.
    #[serde(default)]
    pub table_title: String,
    /// The work requirements of the preamble (一、二、三 …).
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// The canonical unit list: every lead / cooperating entry names one of these.
    pub units: Vec<Unit>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Requirement {
    pub numeral: String,
    pub title: String,
    pub text: String,
}

/// A responsible body, named exactly as printed in the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Unit {
    pub name: String,
    /// Common short forms that resolve to this unit (发改委 -> 市发展改革委).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A collective placeholder (各区县政府, 市政府有关部门) rather than one named body.
    #[serde(default)]
    pub collective: bool,
    /// The body's full official name (重庆市发展和改革委员会), where it is known, with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<OfficialName>,
}

/// A unit's full official name and where that name comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct OfficialName {
    pub name: String,
    /// Where the name comes from: a line of the source document, or what else it rests on.
    pub source: String,
    /// Whether the source document itself prints this name (else it rests on other knowledge).
    #[serde(default)]
    pub printed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Section {
    /// A short unique label (放, 管, 服): the section's tab.
    pub key: String,
    /// Format 2: the label as printed (一、), for display.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// 一, 二, 三.
    pub numeral: String,
    pub title: String,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Task {
    /// "9": the task number as a string, typed by users.
    pub id: String,
    pub number: u32,
    /// The Chinese numeral printed in the heading: 九 for （九）.
    pub numeral: String,
    /// Format 2: the label as printed (（九）, 9., ①), for display.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub title: String,
    /// Format 2: the task's own allocation, which its measures that name none inherit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<String>,
    #[serde(default, skip_serializing_if = "Roles::is_empty")]
    pub roles: Roles,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officials: Vec<Official>,
    pub measures: Vec<Measure>,
}

/// How sure the reading of the scrambled table is about a measure's allocation.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Confidence {
    Low,
    Medium,
    #[default]
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// Another possible lead / cooperating allocation of a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Allocation {
    #[serde(deserialize_with = "short_list")]
    pub lead: Vec<String>,
    #[serde(deserialize_with = "short_list")]
    pub support: Vec<String>,
}

/// One 贯彻举措 with its lead (牵头) and cooperating (配合) units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Measure {
    /// "9.2": task number, then measure number.
    pub id: String,
    /// Format 2: the label as printed (1., （1）, ①), for display.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub text: String,
    /// Lead units (牵头). Format 2: may be empty (a notice that names no lead has none).
    #[serde(deserialize_with = "short_list")]
    pub lead: Vec<String>,
    /// Format 2: units in charge where no lead is named (负责, 责任单位).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<String>,
    /// Cooperating units (配合, 协同, 参与, 按职责分工负责).
    #[serde(deserialize_with = "short_list")]
    pub support: Vec<String>,
    /// Format 2: the notice's own words for the roles, and lists that end in 等.
    #[serde(default, skip_serializing_if = "Roles::is_empty")]
    pub roles: Roles,
    /// Format 2: named officials (牵头负责领导：张三).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officials: Vec<Official>,
    /// Whether the allocation is the task's, because the measure names none (set on loading).
    #[serde(skip)]
    #[schemars(skip)]
    pub inherited: bool,
    pub confidence: Confidence,
    /// The other reading of the allocation, where the readings differ.
    #[serde(default)]
    pub alternative: Option<Allocation>,
    /// How the allocation was read from the source (seed line numbers), for the record.
    #[serde(default)]
    pub reading: String,
    #[serde(deserialize_with = "short_list")]
    pub milestones: Vec<Milestone>,
    /// The reading a user verified against a named source (from the state file, `fgf verify`):
    /// `lead` and `support` above are then that reading. Never read from a document.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    /// Boxed: most measures have none, and a measure is smaller by the size of one (peak RSS
    /// of a workspace's 50k measures, BENCHMARKS.md).
    #[rkyv(with = rkyv::with::Skip)]
    pub verified: Option<Box<Verified>>,
}

/// A measure's allocation as verified against a named source (`Catalog::with_verified`), shown
/// in place of the document's reading, which is kept in `inferred`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub source: String,
    pub at: jiff::Timestamp,
    pub by: Option<String>,
    /// The document's own (inferred) reading.
    pub inferred: Allocation,
}

/// A dated target in a measure, or the whole measure when it has none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Milestone {
    /// "9.2.1": measure id, then the milestone's number in text order.
    pub id: String,
    #[rkyv(with = rkyv::with::Map<super::cache::Day>)]
    pub deadline: Option<Date>,
    /// The dated phrase as printed (2019年底前), if any.
    #[serde(default)]
    pub phrase: Option<String>,
    /// The clause the deadline governs. Absent (or empty) when the milestone is the whole
    /// measure: the measure's text is not repeated.
    // Read it with `Measure::text_of`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Format 2: the year was not written and comes from the notice's date (6月底前).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// A list that usually holds one or two items (a measure's units, its milestones), sized from
/// two rather than from serde's four: a 100k-measure document otherwise carries some 30 MB of
/// room it never uses, which costs the time to clear it.
fn short_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Short<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Short<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element()? {
                if out.len() == out.capacity() {
                    out.reserve_exact(out.len().max(2));
                }
                out.push(item);
            }
            Ok(out)
        }
    }

    d.deserialize_seq(Short(std::marker::PhantomData))
}

impl Section {
    /// "一、深化简政放权"; the label as printed when the document keeps one.
    pub fn heading(&self) -> String {
        if !self.label.is_empty() {
            format!("{}{}", self.label, self.title)
        } else if self.numeral.is_empty() {
            self.title.clone()
        } else {
            format!("{}、{}", self.numeral, self.title)
        }
    }
}

impl Task {
    /// "（九）"; the label as printed when the document keeps one; the number, "（123）", when a
    /// document gives no numeral.
    pub fn label(&self) -> String {
        if !self.label.is_empty() {
            self.label.clone()
        } else if self.numeral.is_empty() {
            format!("（{}）", self.number)
        } else {
            format!("（{}）", self.numeral)
        }
    }

    /// "（九）全面开展工程建设项目审批制度改革"
    pub fn heading(&self) -> String {
        format!("{}{}", self.label(), self.title)
    }

    /// Lead units of the task and all its measures, first appearance first.
    pub fn lead_units(&self) -> Vec<&str> {
        let [lead, ..] = self.units_in_roles();
        lead
    }

    /// Responsible units of the task and its measures that are not also lead in the task.
    pub fn responsible_units(&self) -> Vec<&str> {
        let [_, responsible, _] = self.units_in_roles();
        responsible
    }

    /// Cooperating units of the task and all measures that are not also lead or responsible
    /// somewhere in the task.
    pub fn support_units(&self) -> Vec<&str> {
        let [.., support] = self.units_in_roles();
        support
    }

    fn units_in_roles(&self) -> [Vec<&str>; 3] {
        task_roles(
            self.names(&self.lead, |m| &m.lead),
            self.names(&self.responsible, |m| &m.responsible),
            self.names(&self.support, |m| &m.support),
        )
    }

    /// The names of one role: the task's own (`own`), then each measure's (`of`).
    fn names<'a>(
        &'a self,
        own: &'a [String],
        of: fn(&Measure) -> &[String],
    ) -> impl Iterator<Item = &'a str> {
        own.iter()
            .chain(self.measures.iter().flat_map(move |m| of(m).iter()))
            .map(String::as_str)
    }

    /// The task's allocation lines (its own and its measures'), for display.
    pub fn role_rows(&self) -> Vec<RoleRow<'_>> {
        role_rows(
            self.lead_units(),
            self.responsible_units(),
            self.support_units(),
            &self.roles,
        )
    }

    /// Whether the task names units of its own.
    pub fn has_allocation(&self) -> bool {
        !(self.lead.is_empty() && self.responsible.is_empty() && self.support.is_empty())
    }

    /// The least certain allocation among the task's measures (a verified one counts as high).
    pub fn confidence(&self) -> Confidence {
        self.measures
            .iter()
            .map(|m| {
                if m.verified.is_some() {
                    Confidence::High
                } else {
                    m.confidence
                }
            })
            .min()
            .unwrap_or(Confidence::High)
    }
}

impl Measure {
    /// The text of one of its milestones: the clause it governs, or the measure's own text for a
    /// milestone that is the whole measure.
    pub fn text_of<'a>(&'a self, k: &'a Milestone) -> &'a str {
        if k.text.is_empty() {
            &self.text
        } else {
            &k.text
        }
    }

    /// The measure's number within its task ("2" for 9.2).
    pub fn number(&self) -> &str {
        self.id.rsplit('.').next().unwrap_or(&self.id)
    }

    /// The task id this measure belongs to ("9" for 9.2).
    pub fn task_id(&self) -> &str {
        self.id.rsplit_once('.').map_or(&self.id, |(t, _)| t)
    }

    /// Whether a milestone is the whole measure (its text left out or the measure's own) rather
    /// than one clause of it: the clause is then not shown apart from the measure.
    pub fn is_whole(&self, k: &Milestone) -> bool {
        k.text.is_empty() || k.text == self.text
    }

    /// Whether the allocation shown leaves no doubt: read with high confidence, or verified.
    pub fn is_certain(&self) -> bool {
        self.confidence == Confidence::High || self.verified.is_some()
    }

    /// The measure's allocation lines, for display.
    pub fn role_rows(&self) -> Vec<RoleRow<'_>> {
        fn strs(l: &[String]) -> Vec<&str> {
            l.iter().map(String::as_str).collect()
        }
        let (l, r, s) = (
            strs(&self.lead),
            strs(&self.responsible),
            strs(&self.support),
        );
        role_rows(l, r, s, &self.roles)
    }

    /// Whether the measure names units of its own (after loading: or inherits its task's).
    pub fn has_allocation(&self) -> bool {
        !(self.lead.is_empty() && self.responsible.is_empty() && self.support.is_empty())
    }

    /// The units in charge: the lead units, or where a notice names none, the responsible ones
    /// (a lead is never invented).
    pub fn in_charge(&self) -> &[String] {
        if self.lead.is_empty() {
            &self.responsible
        } else {
            &self.lead
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_hold_what_the_file_says_in_little_room() {
        for n in [0usize, 1, 2, 3, 5] {
            let units: Vec<String> = (0..n).map(|i| format!("单位{i}")).collect();
            let json = serde_json::json!({"lead": units, "support": []});
            let a: Allocation = serde_json::from_value(json).unwrap();
            assert_eq!(a.lead, units);
            assert!(
                a.lead.capacity() <= n.max(2) * 2,
                "{n}: {}",
                a.lead.capacity()
            );
            assert_eq!(a.support.capacity(), 0, "an empty list takes no room");
        }
        let e = serde_json::from_str::<Allocation>(r#"{"lead": "市司法局", "support": []}"#);
        let e = e.unwrap_err().to_string();
        assert!(e.contains("expected a sequence"), "{e}");
    }
}
