//! `fgf verify`: record that a measure's allocation was checked against a named source, undo it,
//! or list what is verified and what is still inferred. Kept in the state file, merged like
//! check-offs (per measure, the later record wins).

use std::process::ExitCode;

use anstream::{eprintln, println};
use jiff::Timestamp;

use super::EXIT_UNKNOWN;
use super::context::Global;
use super::lang::{t, tr};
use super::output::{BOLD, DIM, DONE, ID, WARN, id_arg, paint, units, unknown_id};
use super::shapes::{self, VerifyList, VerifyOut};
use crate::domain::lookup::{self, UnitMatch};
use crate::domain::progress::{State, Verification};
use crate::domain::{Catalog, Item, Measure};

/// What `fgf verify` was asked to do.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The measure (10.4).
    #[arg(required_unless_present = "list")]
    pub id: Option<String>,
    /// Lead units as the source gives them (names, short forms or official names).
    #[arg(long, num_args = 1.., required_unless_present_any = ["clear", "list"])]
    pub lead: Vec<String>,
    /// Cooperating units as the source gives them.
    #[arg(long, num_args = 1..)]
    pub support: Vec<String>,
    /// What the reading was checked against (document, page, copy).
    #[arg(long, required_unless_present_any = ["clear", "list"])]
    pub source: Option<String>,
    /// Who checked it (default: $USER).
    #[arg(long)]
    pub by: Option<String>,
    /// Undo the verification of ID: the document's reading is shown again.
    #[arg(long, conflicts_with_all = ["lead", "support", "source", "by", "list"])]
    pub clear: bool,
    /// What has been verified and what is still inferred.
    #[arg(long, conflicts_with_all = ["lead", "support", "source", "by"])]
    pub list: bool,
    /// What was recorded (or the list), as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(cat: &Catalog, g: &Global, a: Args) -> anyhow::Result<ExitCode> {
    if a.list {
        return list(cat, a.json);
    }
    let id = id_arg(a.id.as_deref().unwrap_or_default());
    let Some(Item::Measure(_, _, m)) = cat.get(&id) else {
        let mut lines = unknown_id(cat, &id);
        if cat.get(&id).is_some() {
            lines = vec![tr!(
                "{id} 不是举措：核实的是一项举措的分工（如 10.4）",
                "{id} is not a measure: an allocation is verified per measure (like 10.4)"
            )];
        }
        for (i, line) in lines.iter().enumerate() {
            eprintln!("{}{line}", if i == 0 { "fgf: " } else { "" });
        }
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let store = g.store(cat)?;
    let now = Timestamp::now();
    let record = if a.clear {
        if store.load()?.verified(&m.id).is_none() {
            let id = paint(ID, &m.id);
            println!(
                "{}",
                tr!(
                    "{id} 没有核实记录，无需撤销",
                    "{id} has no verified reading to clear"
                )
            );
            return Ok(ExitCode::SUCCESS);
        }
        Verification {
            lead: Vec::new(),
            support: Vec::new(),
            source: String::new(),
            at: now,
            by: None,
            cleared: true,
        }
    } else {
        let (Some(lead), Some(support)) = (names(cat, &a.lead), names(cat, &a.support)) else {
            return Ok(ExitCode::from(EXIT_UNKNOWN));
        };
        let source = a.source.as_deref().unwrap_or_default().trim().to_string();
        if source.is_empty() {
            anyhow::bail!(t(
                "--source 须写明核实所依据的来源",
                "--source must say what the reading was checked against"
            ));
        }
        if lead.is_empty() {
            anyhow::bail!(t(
                "--lead 至少要有一个单位",
                "--lead needs at least one unit"
            ));
        }
        if let Some(u) = support.iter().find(|u| lead.contains(u)) {
            anyhow::bail!(tr!(
                "{u} 既在 --lead 又在 --support 中",
                "{u} is given both as lead (--lead) and as cooperating (--support)"
            ));
        }
        let by = a.by.or_else(|| std::env::var("USER").ok());
        Verification {
            lead,
            support,
            source,
            at: now,
            by: by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
            cleared: false,
        }
    };
    let mut state = State::new(&cat.doc.id);
    state.verified.insert(m.id.clone(), record.clone());
    store.save(&state)?;
    if a.json {
        shapes::print(&VerifyOut {
            id: &m.id,
            verified: (!record.cleared).then_some(&record),
            cleared: record.cleared,
            state: store.path(),
        })?;
    } else if record.cleared {
        let (lead, support) = m.verified.as_ref().map_or((&m.lead, &m.support), |v| {
            (&v.inferred.lead, &v.inferred.support)
        });
        let (id, lead, support) = (paint(ID, &m.id), units(lead), units(support));
        println!(
            "{}",
            tr!(
                "{id} 已撤销核实，恢复文件推断：牵头 {lead}  配合 {support}",
                "{id} verification cleared, the document's reading again: lead {lead}  support {support}"
            )
        );
    } else {
        let (id, done) = (paint(ID, &m.id), paint(DONE, t("✔ 已核实", "✔ verified")));
        let (lead, support, source) = (units(&record.lead), units(&record.support), &record.source);
        println!(
            "{}",
            tr!(
                "{id} {done}  牵头 {lead}  配合 {support}（来源：{source}）",
                "{id} {done}  lead {lead}  support {support} (source: {source})"
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Units as typed -> as the document names them. Only a name, alias or official name is taken
/// (a verified reading is data): anything else is an error naming the nearest units.
fn names(cat: &Catalog, typed: &[String]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for name in typed {
        let near = match lookup::unit(cat, name) {
            UnitMatch::Exact(i) => {
                out.push(cat.doc.units[i].name.clone());
                continue;
            }
            UnitMatch::Best(u, others) => std::iter::once(u).chain(others).collect(),
            UnitMatch::Unclear(candidates) => candidates,
        };
        let near: Vec<&str> = near
            .iter()
            .take(5)
            .map(|&u| cat.doc.units[u].name.as_str())
            .collect();
        let near = near.join("、");
        eprintln!(
            "fgf: {}",
            tr!(
                "本文件没有名为 {name:?} 的单位",
                "this document has no unit called {name:?}"
            )
        );
        if !near.is_empty() {
            eprintln!("  {}", tr!("相近的单位：{near}", "nearest units: {near}"));
        }
        eprintln!(
            "  {}",
            t("`fgf unit` 列出全部", "`fgf unit` lists them all")
        );
        return None;
    }
    Some(out)
}

/// The measures whose allocation is verified, then those still inferred (not high confidence).
fn list(cat: &Catalog, as_json: bool) -> anyhow::Result<ExitCode> {
    let verified: Vec<&Measure> = cat
        .measures()
        .map(|(_, _, m)| m)
        .filter(|m| m.verified.is_some())
        .collect();
    let inferred: Vec<&Measure> = cat
        .measures()
        .map(|(_, _, m)| m)
        .filter(|m| !m.is_certain())
        .collect();
    if as_json {
        shapes::print(&VerifyList::new(&verified, &inferred))?;
        return Ok(ExitCode::SUCCESS);
    }
    let n = verified.len();
    println!("{}", paint(BOLD, &tr!("已核实 {n} 条", "{n} verified")));
    for m in &verified {
        let Some(v) = &m.verified else { continue };
        let (id, lead, support) = (paint(ID, &m.id), units(&v.lead), units(&v.support));
        let source = &v.source;
        let source = paint(DIM, &tr!("来源：{source}", "source: {source}"));
        println!(
            "  {}",
            tr!(
                "{id}  牵头 {lead}  配合 {support}  {source}",
                "{id}  lead {lead}  support {support}  {source}"
            )
        );
    }
    println!();
    let n = inferred.len();
    let head = tr!(
        "仍为推断 {n} 条（fgf show 编号 查看两种读法）",
        "{n} still inferred (fgf show ID shows both readings)"
    );
    println!("{}", paint(WARN, &head));
    for m in &inferred {
        let (id, level, lead) = (paint(ID, &m.id), m.confidence.as_str(), units(&m.lead));
        println!(
            "  {}",
            tr!("{id}  {level}  牵头 {lead}", "{id}  {level}  lead {lead}")
        );
    }
    Ok(ExitCode::SUCCESS)
}
