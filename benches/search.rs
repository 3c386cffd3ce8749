//! Search latency: one query over the embedded document and over generated documents of 10k,
//! 100k and 1M measures; and typing a query one keystroke at a time (narrowing).
//!
//! cargo bench --bench search

use std::sync::OnceLock;

use divan::Bencher;
use fgf::domain::search::{self, Index, Options, Searcher};
use fgf::domain::{Catalog, generate, seeds};

/// The allocator of the `fgf` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const OPTS: Options = Options {
    limit: 50,
    units: true,
};

fn embedded() -> &'static (Catalog, Index) {
    static E: OnceLock<(Catalog, Index)> = OnceLock::new();
    E.get_or_init(|| {
        let cat = seeds::embedded();
        let index = Index::new(&cat);
        index.warm(&cat);
        (cat, index)
    })
}

fn generated(n: usize) -> &'static (Catalog, Index) {
    static G: OnceLock<Vec<(usize, &'static (Catalog, Index))>> = OnceLock::new();
    let all = G.get_or_init(|| {
        [10_000, 100_000, 1_000_000]
            .into_iter()
            .map(|n| {
                let cat = Catalog::new(generate::document(n, 2019)).expect("valid");
                let index = Index::new(&cat);
                index.warm(&cat);
                let leaked: &'static (Catalog, Index) = Box::leak(Box::new((cat, index)));
                (n, leaked)
            })
            .collect()
    });
    all.iter()
        .find(|(m, _)| *m == n)
        .expect("a generated size")
        .1
}

const QUERIES: &[&str] = &[
    "审批",
    "企业开办",
    "fgw",
    "yinhang",
    "@scjgj >2019",
    "服务 !海关",
];

#[divan::bench(args = QUERIES)]
fn embedded_query(b: Bencher, q: &str) {
    let (cat, index) = embedded();
    b.bench(|| search::search(cat, index, q, &OPTS));
}

/// Typing `fagaiwei 营商` one keystroke at a time; the time is for the whole sequence.
#[divan::bench]
fn embedded_typing(b: Bencher) {
    let (cat, index) = embedded();
    let keys = prefixes("fagaiwei 营商");
    b.bench(|| {
        let mut s = Searcher::new();
        keys.iter()
            .map(|k| s.search(cat, index, k, &OPTS).total)
            .sum::<usize>()
    });
}

fn prefixes(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in q.chars() {
        cur.push(c);
        out.push(cur.clone());
    }
    out
}

const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn generated_chinese(b: Bencher, n: usize) {
    let (cat, index) = generated(n);
    b.bench(|| search::search(cat, index, "企业开办", &OPTS));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn generated_one_char(b: Bencher, n: usize) {
    let (cat, index) = generated(n);
    b.bench(|| search::search(cat, index, "审", &OPTS));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn generated_pinyin(b: Bencher, n: usize) {
    let (cat, index) = generated(n);
    b.bench(|| search::search(cat, index, "fgw", &OPTS));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn generated_scoped(b: Bencher, n: usize) {
    let (cat, index) = generated(n);
    b.bench(|| search::search(cat, index, "@scjgj >2019 服务", &OPTS));
}

/// Typing `审批服务` one keystroke at a time; the time is for all 4 keystrokes.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn generated_typing(b: Bencher, n: usize) {
    let (cat, index) = generated(n);
    let keys = prefixes("审批服务");
    b.bench(|| {
        let mut s = Searcher::new();
        keys.iter()
            .map(|k| s.search(cat, index, k, &OPTS).total)
            .sum::<usize>()
    });
}

/// Building the index (folded texts and character masks) of a generated document; pinyin keys
/// are built too (`warm`), as a first pinyin query would.
#[divan::bench(args = [100_000, 1_000_000], sample_count = 5, sample_size = 1)]
fn generated_index(b: Bencher, n: usize) {
    let (cat, _) = generated(n);
    b.bench(|| {
        let index = Index::new(cat);
        index.warm(cat);
        index.len()
    });
}
