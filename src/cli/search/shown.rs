//! What printing a search hit reads of its notice: a catalog in memory, or a notice read in place
//! from the workspace's cache (`Kept`, which then need not be deserialised to print its hits).

use rkyv::string::ArchivedString;
use rkyv::vec::ArchivedVec;

use crate::domain::model::{ArchivedMeasure, ArchivedTask, task_roles};
use crate::domain::search::corpus::Corpus;
use crate::domain::search::{Field, Kept};
use crate::domain::{Catalog, Confidence, Item, Loc};

use super::super::output::{doubt_text, flag_text};

/// One task's or measure's line as a hit shows it.
pub(crate) struct Row<'a> {
    /// The field that holds `text` (title or text).
    pub main_field: Field,
    pub text: &'a str,
    /// The units in charge: lead, else responsible (format 2).
    pub lead: Vec<&'a str>,
    pub support: Vec<&'a str>,
    /// Whether the notice names a lead (else `lead` holds the responsible units).
    pub named_lead: bool,
    /// The doubt or verified flag, unstyled.
    pub flag: &'static str,
}

pub(crate) trait Shown {
    /// How many items a unit leads and supports.
    fn unit_counts(&self, u: usize) -> (usize, usize);
    /// The unit a name stands for.
    fn unit_of(&self, name: &str) -> Option<usize>;
    fn row(&self, loc: Loc) -> Row<'_>;
    /// Whether no text it holds needs neutralising for a terminal, known without looking (then
    /// `print_hit` need not run `sanitize` over each text it prints).
    fn clean(&self) -> bool {
        false
    }
}

fn in_charge<'a>(lead: Vec<&'a str>, responsible: Vec<&'a str>) -> Vec<&'a str> {
    if lead.is_empty() { responsible } else { lead }
}

/// The names of an archived list.
type Names = ArchivedVec<ArchivedString>;

fn owned(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

fn strs(list: &Names) -> Vec<&str> {
    list.iter().map(|s| s.as_str()).collect()
}

/// An archived task's names in one role: its own (`own`), then each measure's (`of`).
fn names<'a>(
    t: &'a ArchivedTask,
    own: &'a Names,
    of: fn(&ArchivedMeasure) -> &Names,
) -> impl Iterator<Item = &'a str> {
    own.iter()
        .chain(t.measures.iter().flat_map(move |m| of(m).iter()))
        .map(|s| s.as_str())
}

impl Shown for Catalog {
    fn unit_counts(&self, u: usize) -> (usize, usize) {
        Catalog::unit_counts(self, u)
    }

    fn unit_of(&self, name: &str) -> Option<usize> {
        self.unit_index(name)
    }

    fn row(&self, loc: Loc) -> Row<'_> {
        match self.at(loc) {
            Item::Task(_, t) => Row {
                main_field: Field::Title,
                text: &t.title,
                named_lead: !t.lead_units().is_empty(),
                lead: in_charge(t.lead_units(), t.responsible_units()),
                support: t.support_units(),
                flag: doubt_text(t.confidence()),
            },
            Item::Measure(_, _, m) | Item::Milestone(_, _, m, _) => Row {
                main_field: Field::Text,
                text: &m.text,
                named_lead: !m.lead.is_empty(),
                lead: in_charge(owned(&m.lead), owned(&m.responsible)),
                support: owned(&m.support),
                flag: flag_text(m),
            },
        }
    }
}

impl Shown for Kept<'_> {
    fn unit_counts(&self, u: usize) -> (usize, usize) {
        Kept::unit_counts(self, u)
    }

    fn clean(&self) -> bool {
        Kept::clean(self)
    }

    fn unit_of(&self, name: &str) -> Option<usize> {
        self.unit_index(name)
    }

    fn row(&self, loc: Loc) -> Row<'_> {
        match loc {
            Loc::Task(s, t) => {
                let t = self.task(s, t);
                let [lead, responsible, support] = task_roles(
                    names(t, &t.lead, |m| &m.lead),
                    names(t, &t.responsible, |m| &m.responsible),
                    names(t, &t.support, |m| &m.support),
                );
                let confidence = t
                    .measures
                    .iter()
                    .map(|m| m.certainty())
                    .min()
                    .unwrap_or(Confidence::High);
                Row {
                    main_field: Field::Title,
                    text: &t.title,
                    named_lead: !lead.is_empty(),
                    lead: in_charge(lead, responsible),
                    support,
                    flag: doubt_text(confidence),
                }
            }
            Loc::Measure(s, t, m) | Loc::Milestone(s, t, m, _) => {
                let m = self.measure(s, t, m);
                Row {
                    main_field: Field::Text,
                    text: &m.text,
                    named_lead: !m.lead.is_empty(),
                    lead: in_charge(strs(&m.lead), strs(&m.responsible)),
                    support: strs(&m.support),
                    flag: doubt_text(m.certainty()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::Paint;
    use crate::domain::cache::{Notice, archive, kept};
    use crate::domain::catalog::needs_no_sanitizing;
    use crate::domain::generate;
    use crate::domain::search::{self, Options};

    #[test]
    fn a_hit_prints_the_same_from_the_archive_as_from_the_catalog() {
        let (mut printed, mut neutralised) = (0, 0);
        let mut docs = generate::samples();
        // Escapes, a bidi override and tabs in its texts and a unit's name: its archive says it
        // is not clean, and its hits are neutralised as the catalog's are.
        docs.push(super::super::hit::tests::planted());
        for doc in docs {
            let (notice, _) = Notice::build(doc.clone()).expect("valid");
            let bytes = archive(&notice);
            let (kept, clean) = kept(&bytes).expect("reads in place");
            assert_eq!(Shown::clean(&kept), clean);
            assert_eq!(clean, needs_no_sanitizing(&doc), "{}", doc.id);
            let cat = Catalog::new(doc).unwrap();
            let index = search::Index::new(&cat);
            for q in generate::QUERIES.iter().chain(&["审批", "服务"]) {
                let opts = Options {
                    limit: usize::MAX,
                    units: true,
                };
                for h in search::search(&cat, &index, q, &opts).hits {
                    for paint in [Paint(false), Paint(true)] {
                        let (mut a, mut b) = (String::new(), String::new());
                        super::super::print_hit(&mut a, paint, &cat, &h.explained(), 40);
                        super::super::print_hit(&mut b, paint, &kept, &h.explained(), 40);
                        assert_eq!(a, b, "{} {q:?}", cat.doc.id);
                        // Without colour, no escape at all.
                        let raw = ['\u{1b}', '\u{202e}', '\t'];
                        assert!(paint.0 || !b.contains(raw), "{b:?}");
                        neutralised += usize::from(b.contains('\u{241b}'));
                        printed += 1;
                    }
                }
            }
        }
        assert!(printed > 1000, "{printed} hits compared");
        assert!(
            neutralised > 100,
            "{neutralised} hits with a planted escape"
        );
    }
}
