//! Times the phases of `fgf --doc PATH search QUERY` in process: read, parse, check and index
//! the document, build the search index, search. `cargo run --release --example phases -- PATH [QUERY]`
use std::time::Instant;

use fgf::domain::{Catalog, load, search};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a document's path");
    let query = args.next().unwrap_or_else(|| "企业开办".into());
    let t = Instant::now();
    let mut marks = Vec::new();
    let mut mark = |name: &'static str| marks.push((name, t.elapsed()));
    let bytes = std::fs::read(&path).expect("readable");
    mark("read");
    let doc = load::parse_document(&bytes).expect("a valid document");
    mark("parse");
    drop(bytes);
    let cat = Catalog::new(doc).expect("a consistent document");
    mark("check+catalog");
    let index = search::Index::new(&cat);
    mark("index");
    let opts = search::Options {
        limit: usize::MAX,
        units: true,
    };
    let results = search::search(&cat, &index, &query, &opts);
    mark("search");
    let mut last = std::time::Duration::ZERO;
    for (name, at) in &marks {
        print!("{name} {:.0}  ", (*at - last).as_secs_f64() * 1e3);
        last = *at;
    }
    println!(
        "total {:.0} ms ({} hits)",
        last.as_secs_f64() * 1e3,
        results.total
    );
    std::mem::forget((cat, index));
}
