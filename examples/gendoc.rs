//! Writes a generated document for benchmarks, and the same items one per line for `fzf --filter`.
//!
//! cargo run --release --example gendoc -- 100000 /tmp/doc-100k.json /tmp/lines-100k.txt

use std::io::Write;

use fgf::domain::{Catalog, generate};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, doc_path, lines_path] = args.as_slice() else {
        anyhow::bail!("usage: gendoc MEASURES DOC.json LINES.txt");
    };
    let doc = generate::document(n.parse()?, 2019);
    std::fs::write(doc_path, serde_json::to_string(&doc)?)?;
    let cat = Catalog::new(doc)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(lines_path)?);
    for (_, t) in cat.tasks() {
        writeln!(
            out,
            "{} {} 牵头:{}",
            t.id,
            t.title,
            t.lead_units().join("、")
        )?;
        for m in &t.measures {
            writeln!(
                out,
                "{} {} 牵头:{} 配合:{}",
                m.id,
                m.text,
                m.lead.join("、"),
                m.support.join("、")
            )?;
        }
    }
    for u in &cat.doc.units {
        writeln!(out, "{} {}", u.name, u.aliases.join(" "))?;
    }
    Ok(())
}
