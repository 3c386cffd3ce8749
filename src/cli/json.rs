//! The machine-readable shapes of `--json` (documented in the README). Stable: add fields, never rename.

use serde_json::{Value, json};

use crate::domain::{Catalog, Item, Task};

/// `fgf list --json` as one value: the document's metadata, units and the full tree (what
/// `write_document` streams; the tests compare the two).
#[cfg(test)]
fn document(cat: &Catalog) -> Value {
    let mut v = head(cat);
    v["sections"] = json!(cat.doc.sections);
    v
}

/// The document's metadata and units, without the tree.
fn head(cat: &Catalog) -> Value {
    let d = &cat.doc;
    let mut v = json!({
        "document": {
            "id": d.id, "number": d.number, "title": d.title, "issuer": d.issuer,
            "signed": d.signed, "published": d.published, "addressees": d.addressees,
            "table_title": d.table_title, "requirements": d.requirements,
        },
        "units": d.units,
    });
    // Format 2's fields, added where a document has them.
    if d.format >= 2 {
        v["document"]["format"] = json!(d.format);
    }
    if !d.reading.is_empty() {
        v["document"]["reading"] = json!(d.reading);
    }
    v
}

/// `fgf list --json` written as it is made, task by task: the same bytes as printing
/// `document(cat)` pretty (keys in serde_json's sorted order), without the whole document as a
/// `Value` and as one string in memory (683 MB at 100k measures otherwise).
pub fn write_document(cat: &Catalog, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    let mut head = head(cat);
    let [document, units] = ["document", "units"].map(|k| head[k].take());
    let mut put = |text: &str| out.write_all(super::output::json_safe(text.to_string()).as_bytes());
    put(&format!(
        "{{\n  \"document\": {},\n",
        indented(&document, 2)?
    ))?;
    let d = &cat.doc;
    if d.sections.is_empty() {
        put("  \"sections\": [],\n")?;
    } else {
        put("  \"sections\": [\n")?;
        for (si, s) in d.sections.iter().enumerate() {
            let label = if s.label.is_empty() {
                String::new()
            } else {
                format!("      \"label\": {},\n", serde_json::to_string(&s.label)?)
            };
            put(&format!(
                "    {{\n      \"key\": {},\n{label}      \"numeral\": {},\n",
                serde_json::to_string(&s.key)?,
                serde_json::to_string(&s.numeral)?
            ))?;
            if s.tasks.is_empty() {
                put("      \"tasks\": [],\n")?;
            } else {
                put("      \"tasks\": [\n")?;
                for (ti, t) in s.tasks.iter().enumerate() {
                    let sep = if ti + 1 < s.tasks.len() { "," } else { "" };
                    put(&format!("        {}{sep}\n", indented(&json!(t), 8)?))?;
                }
                put("      ],\n")?;
            }
            let sep = if si + 1 < d.sections.len() { "," } else { "" };
            put(&format!(
                "      \"title\": {}\n    }}{sep}\n",
                serde_json::to_string(&s.title)?
            ))?;
        }
        put("  ],\n")?;
    }
    put(&format!("  \"units\": {}\n}}\n", indented(&units, 2)?))?;
    Ok(())
}

/// `v` pretty-printed as it appears `indent` spaces deep in a pretty-printed whole. (A JSON
/// string holds no raw line break, so every line break is structure.)
fn indented(v: &Value, indent: usize) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(v)?;
    Ok(text.replace('\n', &format!("\n{}", " ".repeat(indent))))
}

/// `fgf show ID --json`: the item as in the tree, with where it sits.
pub fn item(item: Item<'_>) -> Value {
    let (mut v, section, task) = match item {
        Item::Task(s, t) => (json!(t), s, None),
        Item::Measure(s, t, m) => (json!(m), s, Some(t)),
        Item::Milestone(s, t, m, k) => {
            let mut v = json!(k);
            // Resolved: the file leaves out the text of a milestone that is the whole measure.
            v["text"] = json!(m.text_of(k));
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
            "confidence": m.confidence, "alternative": m.alternative, "verified": m.verified,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{generate, seeds};

    #[test]
    fn write_document_is_the_pretty_document_byte_for_byte() {
        for cat in [
            seeds::embedded(),
            Catalog::new(generate::document(35, 1)).unwrap(),
        ] {
            let mut out = Vec::new();
            write_document(&cat, &mut out).unwrap();
            let want = serde_json::to_string_pretty(&document(&cat)).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
