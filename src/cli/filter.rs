//! The interactive view's filter given on the command line (`fgf --unit 市场监管局 --overdue`):
//! the flags, and reading them into a `domain::filter::Filter` for the document opened. A unit
//! is found as `fgf unit` finds it (exactly, else by pinyin or fuzzily); an error names the flag.

use anyhow::bail;

use super::lang::tr;
use crate::domain::Catalog;
use crate::domain::filter::{Filter, UnitFilter, UnitRole, parse_range};
use crate::domain::lookup::{self, UnitMatch};

/// Interactive view: start with the section panes narrowed (`f` changes it there, `F` clears).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Interactive view: only milestones not checked off.
    #[arg(long)]
    pub open: bool,
    /// Interactive view: only overdue milestones (not checked off, deadline past).
    #[arg(long)]
    pub overdue: bool,
    /// Interactive view: only measures whose allocation is uncertain.
    #[arg(long)]
    pub uncertain: bool,
    /// Interactive view: only measures a unit leads or cooperates on (name, short form, pinyin).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["lead", "coop"])]
    pub unit: Option<String>,
    /// Interactive view: only measures a unit leads.
    #[arg(long, value_name = "NAME", conflicts_with = "coop")]
    pub lead: Option<String>,
    /// Interactive view: only measures a unit cooperates on.
    #[arg(long, value_name = "NAME")]
    pub coop: Option<String>,
    /// Interactive view: only milestones due in FROM..TO (days or months; either end may be left
    /// out: ..2020-06).
    #[arg(long, value_name = "FROM..TO")]
    pub due: Option<String>,
}

impl FilterArgs {
    /// Whether any of the flags is given.
    pub fn is_set(&self) -> bool {
        self.open
            || self.overdue
            || self.uncertain
            || self.unit.is_some()
            || self.lead.is_some()
            || self.coop.is_some()
            || self.due.is_some()
    }

    /// The filter for `cat`, and a note when a unit was found other than by its exact name.
    pub fn filter(&self, cat: &Catalog) -> anyhow::Result<(Filter, Option<String>)> {
        let mut f = Filter {
            open: self.open,
            overdue: self.overdue,
            uncertain: self.uncertain,
            ..Filter::default()
        };
        let mut note = None;
        let named = [
            ("--unit", &self.unit, UnitRole::Either),
            ("--lead", &self.lead, UnitRole::Lead),
            ("--coop", &self.coop, UnitRole::Cooperating),
        ];
        for (flag, name, role) in named {
            let Some(name) = name else { continue };
            let (unit, taken) =
                unit_or_why(cat, name).map_err(|why| anyhow::anyhow!("{flag}: {why}"))?;
            f.unit = Some(UnitFilter { unit, role });
            note = taken.map(|n| format!("{flag}: {n}"));
        }
        if let Some(range) = &self.due {
            match parse_range(range) {
                Ok((from, to)) => (f.from, f.to) = (from, to),
                Err(e) => bail!("--due: {}", e.text(super::lang::get())),
            }
        }
        Ok((f, note))
    }
}

/// The unit `name` names, with a note when it was not found by its exact name or alias ("taken
/// as", and the others that matched); else why not.
pub fn unit_or_why(cat: &Catalog, name: &str) -> Result<(usize, Option<String>), String> {
    let names = |us: &[usize]| {
        let names: Vec<&str> = us
            .iter()
            .take(8)
            .map(|&u| cat.doc.units[u].name.as_str())
            .collect();
        names.join("、")
    };
    match lookup::unit(cat, name) {
        UnitMatch::Exact(u) => Ok((u, None)),
        UnitMatch::Best(u, others) => {
            let n = &cat.doc.units[u].name;
            let mut note = tr!("{name:?} 取为 {n}", "{name:?} taken as {n}");
            if !others.is_empty() {
                let others = names(&others);
                note.push_str(&tr!("（也相符：{others}）", " (also matching: {others})"));
            }
            Ok((u, Some(note)))
        }
        UnitMatch::Unclear(candidates) if candidates.is_empty() => Err(tr!(
            "没有与 {name:?} 相符的单位；`fgf unit` 列出全部",
            "no unit matches {name:?}; `fgf unit` lists them all"
        )),
        UnitMatch::Unclear(candidates) => {
            let names = names(&candidates);
            Err(tr!(
                "{name:?} 可指几个单位：{names}；请写得更确切",
                "{name:?} could be several units: {names}; say which"
            ))
        }
    }
}
