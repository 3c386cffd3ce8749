//! A loaded document with its lookups: ids to items, unit names and aliases to units.

use rustc_hash::FxHashMap as HashMap;

use super::error::DocError;
use super::model::{Document, Measure, Milestone, Section, Task};
use super::validate;

mod inherit;
mod prepared;
mod spot;

pub use prepared::{SearchIndex, needs_no_sanitizing};
mod verified;

/// Where an id points in the document: indices into sections / tasks / measures / milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// (Archived with the search index in the workspace's cache.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Loc {
    Task(usize, usize),
    Measure(usize, usize, usize),
    Milestone(usize, usize, usize, usize),
}

/// A borrowed view of what an id names.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Task(&'a Section, &'a Task),
    Measure(&'a Section, &'a Task, &'a Measure),
    Milestone(&'a Section, &'a Task, &'a Measure, &'a Milestone),
}

impl<'a> Item<'a> {
    /// The id, borrowed from the document (not from this view of it).
    pub fn id(&self) -> &'a str {
        match self {
            Item::Task(_, t) => &t.id,
            Item::Measure(_, _, m) => &m.id,
            Item::Milestone(_, _, _, k) => &k.id,
        }
    }
}

/// A validated document plus the indexes every shell needs.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub doc: Document,
    /// Task number n is `tasks[n - 1]` (section, task index): ids are numbers in order
    /// (`validate`), so an id is resolved by reading it, with no map of every id.
    tasks: Vec<(usize, usize)>,
    /// Canonical names, aliases and official names -> index into `doc.units`.
    unit_names: HashMap<String, usize>,
    /// Per unit: the measures it leads, is responsible for and supports, in document order; a
    /// task's own allocation too where none of its measures inherits it (format 2). Packed
    /// (spot.rs): a workspace holds 135k of them.
    leads: Vec<Vec<spot::Spot>>,
    responsible: Vec<Vec<spot::Spot>>,
    supports: Vec<Vec<spot::Spot>>,
    /// The search index the workspace's cache kept, and whether the text needs no neutralising
    /// (catalog/prepared.rs); dropped when the document changes.
    prepared: Option<std::sync::Arc<super::search::Index>>,
    clean: bool,
}

impl Catalog {
    /// Parses and validates a document in fgf's JSON format.
    pub fn from_json(json: &str) -> Result<Catalog, DocError> {
        let doc: Document = serde_json::from_str(json).map_err(DocError::from_json)?;
        Catalog::new(doc)
    }

    /// Validates a document and builds its indexes.
    pub fn new(doc: Document) -> Result<Catalog, DocError> {
        let problems = validate::check(&doc);
        if !problems.is_empty() {
            return Err(DocError::Invalid(problems));
        }
        Ok(Catalog::validated(doc))
    }

    /// Builds the indexes of a document already validated: one the workspace's cache archived
    /// after `new` accepted it, its checksum holding (cache.rs). Not checked again.
    pub(crate) fn validated(mut doc: Document) -> Catalog {
        inherit::inherit(&mut doc);
        let mut cat = Catalog {
            doc,
            tasks: Vec::new(),
            unit_names: HashMap::default(),
            leads: Vec::new(),
            responsible: Vec::new(),
            supports: Vec::new(),
            prepared: None,
            clean: false,
        };
        cat.reindex();
        cat
    }

    /// (Re)builds the indexes of a valid document.
    fn reindex(&mut self) {
        let doc = &self.doc;
        let tasks = doc
            .sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.tasks.len()).map(move |ti| (si, ti)))
            .collect();
        let mut unit_names = HashMap::default();
        for (ui, u) in doc.units.iter().enumerate() {
            unit_names.insert(u.name.clone(), ui);
            for a in u.aliases.iter().chain(u.official.as_ref().map(|o| &o.name)) {
                unit_names.insert(a.clone(), ui);
            }
        }
        let mut leads = vec![Vec::new(); doc.units.len()];
        let mut responsible = vec![Vec::new(); doc.units.len()];
        let mut supports = vec![Vec::new(); doc.units.len()];
        let mut add = |loc: spot::Spot, lead: &[String], resp: &[String], sup: &[String]| {
            for (index, list) in [
                (&mut leads, lead),
                (&mut responsible, resp),
                (&mut supports, sup),
            ] {
                // (Every name is a known unit in a valid document; nothing else gets here.)
                for u in list.iter().filter_map(|u| unit_names.get(u)) {
                    index[*u].push(loc);
                }
            }
        };
        for (si, s) in doc.sections.iter().enumerate() {
            for (ti, t) in s.tasks.iter().enumerate() {
                if t.has_allocation() && !t.measures.iter().any(|m| m.inherited) {
                    add(
                        spot::Spot::task(si, ti),
                        &t.lead,
                        &t.responsible,
                        &t.support,
                    );
                }
                for (mi, m) in t.measures.iter().enumerate() {
                    add(
                        spot::Spot::measure(si, ti, mi),
                        &m.lead,
                        &m.responsible,
                        &m.support,
                    );
                }
            }
        }
        self.tasks = tasks;
        self.unit_names = unit_names;
        self.leads = leads;
        self.responsible = responsible;
        self.supports = supports;
    }

    /// The same catalog with every text of the document safe for a terminal (`text::sanitize`),
    /// for printing there. The indexes are kept: ids are digits and dots, names are looked up
    /// as typed.
    /// Done in place: a 100k-measure catalog is not copied.
    pub fn sanitized(mut self) -> Catalog {
        if self.clean {
            return self;
        }
        super::untrusted::sanitize_document(&mut self.doc);
        self.prepared = None;
        self
    }

    pub fn get(&self, id: &str) -> Option<Item<'_>> {
        self.locate(id).map(|loc| self.at(loc))
    }

    /// Where the task, measure or milestone with this id is: "9", "9.2" or "9.2.1" (surrounding
    /// whitespace ignored; "09" or "9.02" name nothing).
    pub fn locate(&self, id: &str) -> Option<Loc> {
        let id = id.trim();
        let mut parts = id.split('.').map(|p| {
            let plain =
                !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0');
            plain
                .then(|| p.parse::<usize>().ok()?.checked_sub(1))
                .flatten()
        });
        let &(si, ti) = self.tasks.get(parts.next()??)?;
        let task = &self.doc.sections[si].tasks[ti];
        let loc = match (parts.next(), parts.next(), parts.next()) {
            (None, ..) => Loc::Task(si, ti),
            (Some(m), None, _) => {
                let m = m?;
                task.measures.get(m)?;
                Loc::Measure(si, ti, m)
            }
            (Some(m), Some(k), None) => {
                let (m, k) = (m?, k?);
                task.measures.get(m)?.milestones.get(k)?;
                Loc::Milestone(si, ti, m, k)
            }
            _ => return None,
        };
        // The id as written in the document, so that this agrees with it whatever it holds.
        (self.at(loc).id() == id).then_some(loc)
    }

    pub fn at(&self, loc: Loc) -> Item<'_> {
        let d = &self.doc;
        match loc {
            Loc::Task(s, t) => Item::Task(&d.sections[s], &d.sections[s].tasks[t]),
            Loc::Measure(s, t, m) => {
                let (sec, task) = (&d.sections[s], &d.sections[s].tasks[t]);
                Item::Measure(sec, task, &task.measures[m])
            }
            Loc::Milestone(s, t, m, k) => {
                let (sec, task) = (&d.sections[s], &d.sections[s].tasks[t]);
                let measure = &task.measures[m];
                Item::Milestone(sec, task, measure, &measure.milestones[k])
            }
        }
    }

    /// Every task with its section, in document order.
    pub fn tasks(&self) -> impl Iterator<Item = (&Section, &Task)> {
        self.doc
            .sections
            .iter()
            .flat_map(|s| s.tasks.iter().map(move |t| (s, t)))
    }

    /// Every measure with its section and task, in document order.
    pub fn measures(&self) -> impl Iterator<Item = (&Section, &Task, &Measure)> {
        self.tasks()
            .flat_map(|(s, t)| t.measures.iter().map(move |m| (s, t, m)))
    }

    /// All ids (tasks, measures, milestones) in document order, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.tasks().flat_map(|(_, t)| {
            std::iter::once(t.id.as_str()).chain(t.measures.iter().flat_map(|m| {
                std::iter::once(m.id.as_str()).chain(m.milestones.iter().map(|k| k.id.as_str()))
            }))
        })
    }

    /// Resolves a unit by its canonical name, an alias or its official name, as typed (surrounding
    /// whitespace ignored); or by the end of an official name without its place (市场监督管理局 for
    /// 重庆市市场监督管理局), when it is four characters or more and only one official name ends so.
    pub fn unit_index(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.unit_exact(name).or_else(|| self.official_ending(name))
    }

    /// The one unit whose official name ends with `tail` (of four characters or more).
    pub fn official_ending(&self, tail: &str) -> Option<usize> {
        if tail.chars().count() < 4 {
            return None;
        }
        let mut found = self.doc.units.iter().enumerate().filter(|(_, u)| {
            u.official
                .as_ref()
                .is_some_and(|o| o.name.ends_with(tail) && o.name != tail)
        });
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// Resolves a unit by its canonical name or an alias, exactly as the document writes it (the
    /// indexes resolve every unit of every measure, with no whitespace to trim).
    pub fn unit_exact(&self, name: &str) -> Option<usize> {
        self.unit_names.get(name).copied()
    }

    /// The measures a unit leads, in document order.
    pub fn led_by(&self, unit: usize) -> impl Iterator<Item = Item<'_>> {
        self.leads[unit].iter().map(|l| self.at(l.loc()))
    }

    /// The measures a unit cooperates on, in document order.
    pub fn supported_by(&self, unit: usize) -> impl Iterator<Item = Item<'_>> {
        self.supports[unit].iter().map(|l| self.at(l.loc()))
    }

    /// The measures (and tasks) a unit is responsible for, where no lead is named, in document
    /// order.
    pub fn responsible_for(&self, unit: usize) -> impl Iterator<Item = Item<'_>> {
        self.responsible[unit].iter().map(|l| self.at(l.loc()))
    }

    /// The measures a unit would lead (`true`) or support (`false`) under their alternative
    /// reading where that is not its part in the reading shown, in document order.
    pub fn alternative_parts(&self, unit: usize) -> Vec<(Loc, bool)> {
        let name = self.doc.units[unit].name.as_str();
        let has = |list: &[String]| list.iter().any(|u| u == name);
        // Leads (true), cooperates (false) or neither (None).
        let part = |lead: &[String], support: &[String]| {
            if has(lead) {
                Some(true)
            } else if has(support) {
                Some(false)
            } else {
                None
            }
        };
        let mut out = Vec::new();
        for (si, s) in self.doc.sections.iter().enumerate() {
            for (ti, t) in s.tasks.iter().enumerate() {
                for (mi, m) in t.measures.iter().enumerate() {
                    let Some(alt) = &m.alternative else { continue };
                    let now = part(&m.lead, &m.support);
                    if let Some(leads) = part(&alt.lead, &alt.support).filter(|&p| Some(p) != now) {
                        out.push((Loc::Measure(si, ti, mi), leads));
                    }
                }
            }
        }
        out
    }

    /// (measures led, measures supported) for a unit.
    pub fn unit_counts(&self, unit: usize) -> (usize, usize) {
        (self.leads[unit].len(), self.supports[unit].len())
    }

    /// How many items a unit is responsible for (format 2's third role).
    pub fn responsible_count(&self, unit: usize) -> usize {
        self.responsible[unit].len()
    }

    /// The explanation shown with an uncertain allocation: the document's own `reading`; for a
    /// format-1 document without one, the embedded notice's (its table was read from a PDF).
    pub fn doubt_reason(&self, zh: bool) -> &str {
        match (self.doc.reading.as_str(), self.doc.format, zh) {
            ("", 1, true) => "原表经 PDF 提取后错乱，此处牵头/配合单位为推断，请以正式文件为准。",
            ("", 1, false) => {
                "The table was scrambled by PDF extraction; this allocation is a reading. Check the official document."
            }
            ("", _, true) => "此处分工为推断，请以正式文件为准。",
            ("", _, false) => "This allocation is a reading. Check the official document.",
            (own, ..) => own,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_found_where_it_is_and_nothing_else_is() {
        let cat = crate::domain::seeds::embedded();
        let ids: Vec<&str> = cat.ids().collect();
        assert_eq!(ids.len(), 26 + 112 + 130);
        assert_eq!(&ids[..4], ["1", "1.1", "1.1.1", "1.2"]);
        for id in &ids {
            let loc = cat.locate(id).unwrap_or_else(|| panic!("{id} not found"));
            assert_eq!(cat.at(loc).id(), *id);
            assert_eq!(cat.locate(&format!(" {id}\t")), Some(loc), "trimmed");
        }
        assert!(
            matches!(cat.get("9"), Some(Item::Task(_, t)) if t.title.contains("工程建设项目审批"))
        );
        for bad in [
            "",
            ".",
            "0",
            "09",
            "9.",
            ".9",
            "9.02",
            "9..2",
            "9.2.1.1",
            "27",
            "9.99",
            "9.2.9",
            "99999999999999999999999",
            "9.-1",
            "+9",
            "９",
            "9 .2",
            "1.1.1.",
        ] {
            assert_eq!(cat.locate(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn alternative_parts_are_the_roles_only_the_other_reading_gives() {
        let cat = crate::domain::seeds::embedded();
        let ids = |name: &str| -> Vec<(String, bool)> {
            let u = cat.unit_index(name).unwrap();
            let parts = cat.alternative_parts(u);
            parts
                .into_iter()
                .map(|(l, lead)| (cat.at(l).id().to_string(), lead))
                .collect()
        };
        // 10.4: 市政府口岸物流办 leads only under the alternative; 10.5 it leads either way.
        assert_eq!(ids("口岸办"), [("10.4".to_string(), true)]);
        // 10.4's primary leads cooperate under the alternative.
        assert!(ids("重庆海关").contains(&("10.4".to_string(), false)));
        assert!(ids("市商务委").is_empty());
    }
}
