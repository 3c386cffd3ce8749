//! The machine-readable shapes of `--json` (documented in the README). Stable: add fields, never rename.

use serde_json::{Value, json};

use crate::domain::{Catalog, Item, Task};

/// `fgf list --json`: the document's metadata, units and the full tree.
pub fn document(cat: &Catalog) -> Value {
    let d = &cat.doc;
    json!({
        "document": {
            "id": d.id, "number": d.number, "title": d.title, "issuer": d.issuer,
            "signed": d.signed, "published": d.published, "addressees": d.addressees,
            "table_title": d.table_title, "requirements": d.requirements,
        },
        "units": d.units,
        "sections": d.sections,
    })
}

/// `fgf show ID --json`: the item as in the tree, with where it sits.
pub fn item(item: Item<'_>) -> Value {
    let (mut v, section, task) = match item {
        Item::Task(s, t) => (json!(t), s, None),
        Item::Measure(s, t, m) => (json!(m), s, Some(t)),
        Item::Milestone(s, t, m, k) => {
            let mut v = json!(k);
            v["measure"] = json!(m.id);
            v["lead"] = json!(m.lead);
            v["support"] = json!(m.support);
            v["confidence"] = json!(m.confidence);
            (v, s, Some(t))
        }
    };
    v["kind"] = json!(kind(&item));
    v["section"] = json!(section.key);
    if let Some(t) = task {
        v["task"] = json!(t.id);
        v["task_title"] = json!(t.title);
    }
    v
}

/// One `fgf who --json` hit.
pub fn hit(item: Item<'_>, field: &str, score: i64) -> Value {
    match item {
        Item::Task(s, t) => json!({
            "kind": "task", "id": t.id, "task": t.id, "section": s.key, "title": t.title,
            "text": t.title, "field": field, "score": score,
            "lead": t.lead_units(), "support": t.support_units(),
            "confidence": t.confidence(), "measures": measure_ids(t),
        }),
        Item::Measure(s, t, m) | Item::Milestone(s, t, m, _) => json!({
            "kind": "measure", "id": m.id, "task": t.id, "section": s.key, "title": t.title,
            "text": m.text, "field": field, "score": score,
            "lead": m.lead, "support": m.support,
            "confidence": m.confidence, "alternative": m.alternative,
        }),
    }
}

fn measure_ids(t: &Task) -> Vec<&str> {
    t.measures.iter().map(|m| m.id.as_str()).collect()
}

pub fn kind(item: &Item<'_>) -> &'static str {
    match item {
        Item::Task(..) => "task",
        Item::Measure(..) => "measure",
        Item::Milestone(..) => "milestone",
    }
}

pub fn print(v: &Value) -> anyhow::Result<()> {
    println!(
        "{}",
        super::output::json_safe(serde_json::to_string_pretty(v)?)
    );
    Ok(())
}
