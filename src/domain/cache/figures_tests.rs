//! A notice's figures read in place are those of its catalog in memory.

use jiff::civil::date;
use rkyv::rancor;

use super::super::{ArchivedNotice, Notice, archive};
use super::{Figures, figures, head};
use crate::domain::model::Document;
use crate::domain::{Catalog, Progress, State, generate};

/// Check-offs on every third milestone of `cat`.
fn some_done(cat: &Catalog) -> Progress {
    let mut p = Progress::new(State::new(&cat.doc.id));
    let ids: Vec<&str> = (cat.doc.sections.iter())
        .flat_map(|s| &s.tasks)
        .flat_map(|t| &t.measures)
        .flat_map(|m| &m.milestones)
        .map(|k| k.id.as_str())
        .step_by(3)
        .collect();
    p.check(&ids, None, jiff::Timestamp::UNIX_EPOCH);
    p
}

#[test]
fn in_place_and_in_memory_give_the_same_figures() {
    let (mut done, mut overdue, mut open_not_late) = (0, 0, 0);
    for doc in generate::samples() {
        let (notice, cat) = Notice::build(doc).expect("valid");
        let bytes = archive(&notice);
        let a = rkyv::access::<ArchivedNotice, rancor::Error>(&bytes).expect("an archive");
        let bare = Document {
            requirements: vec![],
            units: vec![],
            sections: vec![],
            ..cat.doc.clone()
        };
        assert_eq!(head(&a.doc), Some(bare));
        for p in [Progress::new(State::new(&cat.doc.id)), some_done(&cat)] {
            // Before, among and after the notices' deadlines (a deadline itself: the next test).
            for today in [
                date(2019, 1, 1),
                date(2019, 10, 31),
                date(2019, 11, 1),
                date(2020, 7, 1),
                date(2030, 1, 1),
            ] {
                let tally = p.overall(&cat);
                let late = p.overdue(&cat, today).len();
                let measures = (cat.tasks()).map(|(_, t)| t.measures.len()).sum();
                let expected = Figures {
                    measures,
                    tally,
                    overdue: late,
                };
                assert_eq!(figures(&a.doc, &p, today), Some(expected), "{today}");
                done += tally.done;
                overdue += late;
                open_not_late += tally.total - tally.done - late;
            }
        }
    }
    // The comparison above would pass on a notice with nothing to count: it counted each kind.
    assert!(done > 0 && overdue > 0 && open_not_late > 0);
}

#[test]
fn a_milestone_due_today_is_not_overdue_in_place() {
    let doc = generate::samples().remove(0);
    let (notice, cat) = Notice::build(doc).expect("valid");
    let bytes = archive(&notice);
    let a = rkyv::access::<ArchivedNotice, rancor::Error>(&bytes).expect("an archive");
    let due = (cat.doc.sections.iter())
        .flat_map(|s| &s.tasks)
        .flat_map(|t| &t.measures)
        .flat_map(|m| &m.milestones)
        .find_map(|k| k.deadline)
        .expect("a dated milestone");
    let p = Progress::new(State::new(&cat.doc.id));
    let on = figures(&a.doc, &p, due).unwrap().overdue;
    let after = figures(&a.doc, &p, due.tomorrow().unwrap())
        .unwrap()
        .overdue;
    assert!(after > on, "{due}: {on} then {after}");
}
