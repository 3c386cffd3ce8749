//! Where a unit's task or measure is, packed small for the catalog's per-unit lists (a workspace
//! of 50k measures holds some 135k of them: 12 bytes each instead of a `Loc`'s 40).

use super::Loc;

/// A task (`measure == TASK`) or a measure of the document, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Spot {
    section: u32,
    task: u32,
    measure: u32,
}

const TASK: u32 = u32::MAX;

/// An index of a document as a `u32`: a document is read only up to a size limit
/// (`load::read_limited`), far below four billion of anything.
fn small(i: usize) -> u32 {
    u32::try_from(i)
        .ok()
        .filter(|&i| i != TASK)
        .expect("a document's indexes fit in u32")
}

impl Spot {
    pub(super) fn task(section: usize, task: usize) -> Spot {
        Spot {
            section: small(section),
            task: small(task),
            measure: TASK,
        }
    }

    pub(super) fn measure(section: usize, task: usize, measure: usize) -> Spot {
        Spot {
            measure: small(measure),
            ..Spot::task(section, task)
        }
    }

    pub(super) fn loc(self) -> Loc {
        let (s, t) = (self.section as usize, self.task as usize);
        match self.measure {
            TASK => Loc::Task(s, t),
            m => Loc::Measure(s, t, m as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spot_gives_back_the_place_it_was_made_from() {
        assert_eq!(Spot::task(3, 7).loc(), Loc::Task(3, 7));
        assert_eq!(Spot::measure(0, 0, 0).loc(), Loc::Measure(0, 0, 0));
        let big = u32::MAX as usize - 1;
        assert_eq!(Spot::measure(big, 1, big).loc(), Loc::Measure(big, 1, big));
    }
}
