//! A unit's searchable forms (its name, aliases and official name without its place; each
//! folded, its pinyin keys, its characters), shared between the indexes of notices that name the
//! same unit the same way: a workspace's notices repeat the same units (市发展改革委 in nearly
//! every one), and across 500 notices their forms held once each took some 11 MB.

use std::collections::HashMap;
use std::sync::Arc;

use super::fold;
use super::index::{Index, Mask};
use super::pinyin::{self, Keys};

/// One unit's forms: `names[k]`, folded as the index folds, its pinyin keys and its characters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitForms {
    pub names: Vec<String>,
    pub folded: Vec<String>,
    pub keys: Vec<Keys>,
    pub masks: Vec<Mask>,
}

impl UnitForms {
    /// The forms of `names`, folded, keyed and masked.
    pub fn of(names: Vec<String>) -> UnitForms {
        let folded: Vec<String> = names
            .iter()
            .map(|n| fold::text(n, fold::Mode::INDEX).into_owned())
            .collect();
        let keys = folded.iter().map(|n| pinyin::keys(n)).collect();
        let masks = folded.iter().map(|n| Mask::of(n)).collect();
        UnitForms {
            names,
            folded,
            keys,
            masks,
        }
    }
}

/// The forms met so far, by their names: what the next index shares with the ones before it.
#[derive(Default)]
pub(crate) struct Shared {
    seen: HashMap<Vec<String>, Arc<UnitForms>>,
}

impl Shared {
    /// Points `index`'s units at the forms met before when they have the same names (the rest
    /// follow from the names), and remembers its other units' forms.
    pub fn share(&mut self, index: &mut Index) {
        for forms in &mut index.unit_forms {
            match self.seen.get(&forms.names) {
                Some(met) => *forms = Arc::clone(met),
                None => {
                    self.seen.insert(forms.names.clone(), Arc::clone(forms));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search::across;
    use crate::domain::seeds;

    #[test]
    fn notices_naming_the_same_units_share_their_forms() {
        let a = seeds::embedded();
        let mut doc = a.doc.clone();
        doc.id = "other".into();
        // A unit named otherwise in the second notice keeps forms of its own.
        doc.units[0].aliases.push("别名单位".into());
        let b = crate::domain::Catalog::new(doc).unwrap();
        let built = across::indexes(&[&a, &b]);
        let (x, y) = (&built[0].unit_forms, &built[1].unit_forms);
        assert!(!Arc::ptr_eq(&x[0], &y[0]));
        assert!(y[0].names.iter().any(|n| n == "别名单位"));
        assert!(x[1..].iter().zip(&y[1..]).all(|(p, q)| Arc::ptr_eq(p, q)));
        // Shared or not, the forms are those the notice's own index has.
        let own = Index::new(&b);
        assert!(own.unit_forms.iter().zip(y).all(|(p, q)| p == q));
    }
}
