//! `fgf verify`: record that a measure's allocation was checked against a named source, undo it,
//! or list what is verified and what is still inferred. Kept in the state file, merged like
//! check-offs (per measure, the later record wins).

use std::process::ExitCode;

use anstream::{eprintln, println};
use jiff::Timestamp;
use serde_json::json;

use super::context::Global;
use super::output::{BOLD, DIM, DONE, ID, WARN, nearest_ids, paint, units};
use super::{EXIT_UNKNOWN, json, who};
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
    let id = a.id.as_deref().unwrap_or_default();
    let Some(Item::Measure(_, _, m)) = cat.get(id) else {
        eprintln!("fgf: {id:?} is not a measure of this document (a measure id is like 10.4)");
        eprintln!("  nearest ids: {}", nearest_ids(cat, id).join(", "));
        return Ok(ExitCode::from(EXIT_UNKNOWN));
    };
    let store = g.store(cat)?;
    let now = Timestamp::now();
    let record = if a.clear {
        if store.load()?.verified(&m.id).is_none() {
            println!("{} 没有核实记录，无需撤销", paint(ID, &m.id));
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
            anyhow::bail!("--source must say what the reading was checked against");
        }
        if lead.is_empty() {
            anyhow::bail!("--lead needs at least one unit");
        }
        if let Some(u) = support.iter().find(|u| lead.contains(u)) {
            anyhow::bail!("{u} is given both as lead (--lead) and as cooperating (--support)");
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
        json::print(&json!({
            "id": m.id, "verified": (!record.cleared).then_some(&record),
            "cleared": record.cleared, "state": store.path(),
        }))?;
    } else if record.cleared {
        let (lead, support) = m.verified.as_ref().map_or((&m.lead, &m.support), |v| {
            (&v.inferred.lead, &v.inferred.support)
        });
        println!(
            "{} 已撤销核实，恢复文件推断：牵头 {}  配合 {}",
            paint(ID, &m.id),
            units(lead),
            units(support)
        );
    } else {
        println!(
            "{} {}  牵头 {}  配合 {}（来源：{}）",
            paint(ID, &m.id),
            paint(DONE, "✔ 已核实"),
            units(&record.lead),
            units(&record.support),
            record.source
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Units as typed -> as the document names them; an unknown one is reported with the nearest.
fn names(cat: &Catalog, typed: &[String]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for t in typed {
        match cat.unit_index(t) {
            Some(i) => out.push(cat.doc.units[i].name.clone()),
            None => {
                eprintln!("fgf: no unit is called {t:?}");
                eprintln!("  nearest units: {}", who::nearest_units(cat, t).join("、"));
                eprintln!("  `fgf unit` lists them all");
                return None;
            }
        }
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
        let v: Vec<_> = verified
            .iter()
            .map(|m| json!({"id": m.id, "verified": m.verified}))
            .collect();
        let i: Vec<_> = inferred
            .iter()
            .map(|m| json!({"id": m.id, "confidence": m.confidence, "alternative": m.alternative}))
            .collect();
        json::print(&json!({"verified": v, "inferred": i}))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", paint(BOLD, &format!("已核实 {} 条", verified.len())));
    for m in &verified {
        let Some(v) = &m.verified else { continue };
        println!(
            "  {}  牵头 {}  配合 {}  {}",
            paint(ID, &m.id),
            units(&v.lead),
            units(&v.support),
            paint(DIM, &format!("来源：{}", v.source))
        );
    }
    println!();
    println!(
        "{}",
        paint(
            WARN,
            &format!(
                "仍为推断 {} 条（fgf show 编号 查看两种读法）",
                inferred.len()
            )
        )
    );
    for m in &inferred {
        println!(
            "  {}  {}  牵头 {}",
            paint(ID, &m.id),
            m.confidence.as_str(),
            units(&m.lead)
        );
    }
    Ok(ExitCode::SUCCESS)
}
