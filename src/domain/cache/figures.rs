//! What `fgf docs` shows of a notice, read in place from its archive (no document
//! deserialised): its head (the document's own fields, without its requirements, units and
//! sections), how many measures it has, and its milestones done and overdue by the notice's
//! check-offs. The same numbers as `Progress::overall` / `Progress::overdue` on its catalog
//! (figures_tests.rs).

use jiff::civil::Date;
use rkyv::Archived;
use rkyv::option::ArchivedOption;

use super::date_of;
use crate::domain::model::{ArchivedDocument, Document};
use crate::domain::progress::{Progress, Tally};

/// A notice's figures on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub measures: usize,
    /// Milestones done out of all.
    pub tally: Tally,
    /// Milestones open past their deadline.
    pub overdue: usize,
}

/// An archived optional date: `None` (outer) when it is not a date.
fn date(field: &ArchivedOption<Archived<i32>>) -> Option<Option<Date>> {
    match field.as_ref() {
        None => Some(None),
        Some(d) => date_of(d).map(Some),
    }
}

/// The document of the archive without its requirements, units and sections (what a list of
/// notices shows of one); `None` when a date in it is not one.
pub fn head(doc: &ArchivedDocument) -> Option<Document> {
    Some(Document {
        format: doc.format.to_native(),
        id: doc.id.to_string(),
        number: doc.number.to_string(),
        title: doc.title.to_string(),
        issuer: doc.issuer.to_string(),
        signed: date(&doc.signed)?,
        published: date(&doc.published)?,
        reading: doc.reading.to_string(),
        addressees: doc.addressees.to_string(),
        table_title: doc.table_title.to_string(),
        ..Document::default()
    })
}

/// `head` of a document in memory (the embedded notice).
pub fn head_of(doc: &Document) -> Option<Document> {
    Some(Document {
        requirements: Vec::new(),
        units: Vec::new(),
        sections: Vec::new(),
        ..doc.clone()
    })
}

/// The notice's figures with check-offs `p` as of `today`; `None` when a deadline in it is not
/// a date.
pub fn figures(doc: &ArchivedDocument, p: &Progress, today: Date) -> Option<Figures> {
    let mut f = Figures {
        measures: 0,
        tally: Tally::default(),
        overdue: 0,
    };
    let measures = (doc.sections.iter())
        .flat_map(|s| s.tasks.iter())
        .flat_map(|t| t.measures.iter());
    for m in measures {
        f.measures += 1;
        for k in m.milestones.iter() {
            let done = p.is_done(k.id.as_str());
            f.tally.total += 1;
            f.tally.done += usize::from(done);
            // As `Progress::status`: open and its deadline before the day.
            if !done && date(&k.deadline)?.is_some_and(|d| d < today) {
                f.overdue += 1;
            }
        }
    }
    Some(f)
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
