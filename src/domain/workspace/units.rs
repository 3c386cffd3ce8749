//! One table of unit identities across the notices of a workspace: the same body is named
//! differently by different issuers and years (市发展改革委, 重庆市发展和改革委员会, 市发改委).
//! Derived: a unit's printed name and its full official name are one body; what the user says
//! (`fgf unit alias NAME OTHER`) joins two names. Short forms (发改委) are not joined across
//! notices: a district's 发改委 is not the city's.

use std::collections::HashMap;

use crate::domain::catalog::Catalog;

/// Names joined into bodies (a union-find over names).
#[derive(Debug, Default)]
pub struct Identities {
    ids: HashMap<String, usize>,
    /// Each id's name.
    names: Vec<String>,
    parent: Vec<usize>,
}

impl Identities {
    /// The table for these notices and the user's aliases.
    pub fn new(cats: &[Catalog], aliases: &[[String; 2]]) -> Identities {
        let mut table = Identities::default();
        for cat in cats {
            for u in &cat.doc.units {
                let a = table.id(&u.name);
                if let Some(o) = &u.official {
                    let b = table.id(&o.name);
                    table.join(a, b);
                }
            }
        }
        for [a, b] in aliases {
            let (a, b) = (table.id(a), table.id(b));
            table.join(a, b);
        }
        table
    }

    fn id(&mut self, name: &str) -> usize {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.parent.len();
        self.parent.push(i);
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), i);
        i
    }

    fn root(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }

    /// The body a name belongs to, if the table knows the name.
    pub fn body(&self, name: &str) -> Option<usize> {
        self.ids.get(name).map(|&i| self.root(i))
    }

    /// The name a body goes by: the first the notices give it (a unit's printed name).
    pub fn name_of(&self, name: &str) -> Option<&str> {
        self.body(name).map(|b| self.names[b].as_str())
    }

    /// Every unit of every notice that is the body `name` names: (notice, unit index). The name
    /// is taken as the table knows it (a unit's name, official name or a user's alias), or as
    /// each notice resolves it exactly (its own short forms).
    pub fn gather(&self, cats: &[Catalog], name: &str) -> Vec<(usize, usize)> {
        let mut bodies: Vec<usize> = self.body(name).into_iter().collect();
        for cat in cats {
            if let Some(u) = cat.unit_index(name)
                && let Some(b) = self.body(&cat.doc.units[u].name)
            {
                bodies.push(b);
            }
        }
        let mut out = Vec::new();
        for (d, cat) in cats.iter().enumerate() {
            for (u, unit) in cat.doc.units.iter().enumerate() {
                if self.body(&unit.name).is_some_and(|b| bodies.contains(&b)) {
                    out.push((d, u));
                }
            }
        }
        out
    }
}
