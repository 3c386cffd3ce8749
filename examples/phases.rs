//! Times the phases of `fgf --doc PATH search QUERY` in process: read, parse, check and index
//! the document, build the search index, search. `cargo run --release --example phases -- PATH [QUERY]`
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use fgf::domain::{Catalog, load, search};

/// mimalloc, as the binary, counting allocations and bytes (FGF_COUNT=1 prints them per phase).
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new.saturating_sub(layout.size()), Relaxed);
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a document's path");
    let query = args.next().unwrap_or_else(|| "企业开办".into());
    let t = Instant::now();
    let mut marks = Vec::new();
    let mut mark = |name: &'static str| {
        marks.push((name, t.elapsed(), ALLOCS.load(Relaxed), BYTES.load(Relaxed)))
    };
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
    let count = std::env::var_os("FGF_COUNT").is_some();
    let (mut last, mut allocs, mut bytes) = (std::time::Duration::ZERO, 0, 0);
    for (name, at, a, b) in &marks {
        print!("{name} {:.0}", (*at - last).as_secs_f64() * 1e3);
        if count {
            print!(
                " ({}k allocs, {} MB)",
                (a - allocs) / 1000,
                (b - bytes) >> 20
            );
        }
        print!("  ");
        (last, allocs, bytes) = (*at, *a, *b);
    }
    println!(
        "total {:.0} ms ({} hits)",
        last.as_secs_f64() * 1e3,
        results.total
    );
    std::mem::forget((cat, index));
}
