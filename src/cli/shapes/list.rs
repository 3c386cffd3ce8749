//! `fgf list --json`: the document itself (its own format's shape), streamed task by task.

use serde_json::{Value, json};

use crate::domain::Catalog;

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
    let mut put =
        |text: &str| out.write_all(super::super::output::json_safe(text.to_string()).as_bytes());
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
