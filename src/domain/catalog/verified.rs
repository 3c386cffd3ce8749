//! Verified readings from the state file shown in place of the document's inferred ones.

use super::{Catalog, Loc};
use crate::domain::model::{Allocation, Verified};
use crate::domain::progress::{State, Verification};

impl Catalog {
    /// The catalog with each measure's verified reading (`fgf verify`, kept in `state`) in place
    /// of the document's, which stays in `Measure::verified.inferred`. A record that no longer
    /// fits the document (an id that is not a measure, a unit it does not know, no lead unit, a
    /// unit both leading and cooperating) is left out and returned as a message instead.
    /// Applied again (after a new verification), it first puts back the readings it replaced.
    pub fn with_verified(mut self, state: &State) -> (Catalog, Vec<String>) {
        let skipped = self.apply_verified(state);
        (self, skipped)
    }

    /// `with_verified` in place.
    pub fn apply_verified(&mut self, state: &State) -> Vec<String> {
        // The allocations change: a search index made before would name the old units.
        self.drop_prepared();
        let mut skipped = Vec::new();
        let mut any = false;
        for s in &mut self.doc.sections {
            for m in s.tasks.iter_mut().flat_map(|t| &mut t.measures) {
                if let Some(v) = m.verified.take() {
                    (m.lead, m.support) = (v.inferred.lead, v.inferred.support);
                    any = true;
                }
            }
        }
        for (id, v) in state.verified.iter().filter(|(_, v)| !v.cleared) {
            let Some(Loc::Measure(s, t, m)) = self.locate(id) else {
                skipped.push(format!("{id}: not a measure of this document"));
                continue;
            };
            let (lead, support) = match self.resolve(v) {
                Ok(units) => units,
                Err(why) => {
                    skipped.push(format!("{id}: {why}"));
                    continue;
                }
            };
            let m = &mut self.doc.sections[s].tasks[t].measures[m];
            let inferred = Allocation {
                lead: std::mem::replace(&mut m.lead, lead.clone()),
                support: std::mem::replace(&mut m.support, support.clone()),
            };
            m.verified = Some(Box::new(Verified {
                lead,
                support,
                source: v.source.clone(),
                at: v.at,
                by: v.by.clone(),
                inferred,
            }));
            any = true;
        }
        if any {
            self.reindex();
        }
        skipped
    }

    /// A verification's units as the document names them.
    fn resolve(&self, v: &Verification) -> Result<(Vec<String>, Vec<String>), String> {
        let names = |list: &[String]| -> Result<Vec<String>, String> {
            list.iter()
                .map(|n| {
                    self.unit_index(n)
                        .map(|i| self.doc.units[i].name.clone())
                        .ok_or_else(|| format!("unit {n:?} is not in this document"))
                })
                .collect()
        };
        let (lead, support) = (names(&v.lead)?, names(&v.support)?);
        if lead.is_empty() {
            return Err("no lead unit".into());
        }
        if let Some(u) = support.iter().find(|u| lead.contains(u)) {
            return Err(format!("{u} both leads and cooperates"));
        }
        Ok((lead, support))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;

    fn v(lead: &[&str], at: i64) -> Verification {
        Verification {
            lead: lead.iter().map(|s| s.to_string()).collect(),
            support: vec!["重庆海关".into()],
            source: "正式文件".into(),
            at: jiff::Timestamp::from_second(at).unwrap(),
            by: None,
            cleared: false,
        }
    }

    #[test]
    fn a_verified_reading_replaces_the_inferred_one_and_moves_the_indexes() {
        let mut state = State::new("yufubanfa-2019-103");
        state
            .verified
            .insert("10.4".into(), v(&["口岸办", "财政局"], 1));
        state.verified.insert("9.9".into(), v(&["口岸办"], 1));
        state.verified.insert("10.5".into(), v(&["没有的单位"], 1));
        let (cat, skipped) = crate::domain::seeds::embedded().with_verified(&state);
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        let Some(Item::Measure(_, _, m)) = cat.get("10.4") else {
            panic!()
        };
        assert_eq!(m.lead, ["市政府口岸物流办", "市财政局"]);
        assert!(m.is_certain());
        let was = &m.verified.as_ref().unwrap().inferred;
        assert_eq!(was.lead, ["重庆海关", "重庆铁路办事处", "各区县政府"]);
        let u = cat.unit_index("口岸办").unwrap();
        let led: Vec<&str> = cat.led_by(u).map(|i| i.id()).collect();
        assert_eq!(led, ["10.4", "10.5", "19.4"]);
        let Some(Item::Measure(_, _, m)) = cat.get("10.5") else {
            panic!()
        };
        assert!(m.verified.is_none(), "an unknown unit is not applied");
    }
}
