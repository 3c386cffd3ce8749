//! The search across the workspace (issue 13; run: `cargo bench --bench workspace`), over 500
//! generated notices of 100 measures each (50k measures, distinct ids and 文号), built in
//! process:
//!
//! 1. The TUI: on the list of notices, `/`, then a query typed a character a key: each
//!    keystroke is `List::key` and a frame drawn at 120x40 on a `TestBackend` (what the event
//!    loop does, minus the terminal I/O); with the notices on the shelf (read in place from a
//!    cache, as the list holds them when the cache has them all: `shelf`) and with every
//!    catalog loaded (`tui`: the first `/` builds the 500 notices' indexes).
//! 2. The engine alone, side by side, per keystroke: `across::Searcher` (notices split across
//!    the cores, narrowing from the previous query, 40 rows explained); the same without
//!    narrowing; and one notice after another (`search::search` on each, which splits its own
//!    entries and explains its own best 500, then merged); and, for scale, one notice of 50k
//!    measures typed into its own `search::Searcher` (500 explained, as in a notice's TUI).

mod common;
#[path = "../tests/it/support/mod.rs"]
mod support;

use common::{stats, time_ms};
use fgf::domain::search::across::{Notice, Searcher};
use fgf::domain::search::{self, Index, Options};
use fgf::domain::{Catalog, generate};
use fgf::tui::i18n::Lang;
use fgf::tui::theme::Theme;
use fgf::tui::workspace::List;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator of the `fgf` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const QUERIES: [&str; 3] = ["营商环境", "fgw", "发改委 服务"];
const OPTIONS: Options = Options {
    limit: 500,
    units: false,
};
/// Rounds of typing each query (the figures are over every round).
const ROUNDS: usize = 5;

fn workspace() -> Vec<Catalog> {
    (0..500)
        .map(|i| {
            let mut doc = generate::document(100, 2019 + i);
            doc.id = format!("gen-{i}");
            doc.number = format!("测发〔2030〕{}号", i + 1);
            Catalog::new(doc).unwrap()
        })
        .collect()
}

/// The prefixes typed, one a keystroke.
fn prefixes(q: &str) -> Vec<String> {
    let chars: Vec<char> = q.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

/// `what`: how the notices are held (every catalog loaded, or on the shelf).
fn tui(n: fgf::tui::workspace::across::Notices, what: &str) {
    println!("The TUI, {what}:");
    let mut l = List::new(Vec::new(), Lang::Zh, Theme::new(false)).with_notices(n);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut press = |l: &mut List, ev: crossterm::event::KeyEvent| {
        time_ms(|| {
            l.key(ev.code, ev.modifiers);
            term.draw(|f| l.draw(f)).unwrap();
        })
    };
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let first = press(&mut l, support::key("/"));
    println!(
        "{:<52} {first:>9.3} ms",
        "/ the first time (indexes built when not on the shelf)"
    );
    press(&mut l, support::key("Esc"));
    for q in QUERIES {
        let mut each: Vec<Vec<f64>> = vec![Vec::new(); q.chars().count()];
        for round in 0..ROUNDS {
            press(&mut l, support::key("/"));
            for (k, c) in q.chars().enumerate() {
                let ev = crossterm::event::KeyEvent::new(
                    crossterm::event::KeyCode::Char(c),
                    crossterm::event::KeyModifiers::NONE,
                );
                let ms = press(&mut l, ev);
                if round == 0 && k == 0 {
                    println!(
                        "{:<52} {ms:>9.3} ms",
                        format!("  {q}: first key, first round")
                    );
                }
                each[k].push(ms);
            }
            press(&mut l, support::key("Esc"));
        }
        for (typed, v) in prefixes(q).iter().zip(each) {
            stats(&format!("TUI key + frame  /{typed}"), "ms", v);
        }
        // The word committed by an input method in one read: its keys, one search, one frame.
        let mut word = Vec::new();
        for _ in 0..ROUNDS {
            press(&mut l, support::key("/"));
            let chars: Vec<char> = q.chars().collect();
            word.push(time_ms(|| {
                for (k, &c) in chars.iter().enumerate() {
                    let more = k + 1 < chars.len();
                    l.key_ahead(
                        crossterm::event::KeyCode::Char(c),
                        crossterm::event::KeyModifiers::NONE,
                        more,
                    );
                }
                term.draw(|f| l.draw(f)).unwrap();
            }));
            press(&mut l, support::key("Esc"));
        }
        stats(&format!("TUI /{q} in one read, one frame"), "ms", word);
    }
}

fn engine(cats: &[Catalog]) {
    let idx: Vec<Index> = cats.iter().map(Index::new).collect();
    let ns: Vec<Notice> = cats
        .iter()
        .zip(&idx)
        .map(|(cat, index)| Notice::Owned { cat, index })
        .collect();
    let all: Vec<usize> = (0..ns.len()).collect();
    // The same number of measures in one notice, searched by its own `Searcher` (the TUI's
    // search in a notice): what the engine costs without the workspace.
    let one = Catalog::new(generate::document(50_000, 2019)).unwrap();
    let one_index = Index::new(&one);
    // Pinyin keys made once (the TUI's first pinyin query does it).
    Searcher::new().search(&ns, &all, "fgw", &OPTIONS, 40);
    search::search(&one, &one_index, "fgw", &OPTIONS);
    for q in QUERIES {
        let typed = prefixes(q);
        let mut rows: Vec<[Vec<f64>; 4]> = vec![Default::default(); typed.len()];
        let mut totals = vec![0; typed.len()];
        for _ in 0..ROUNDS {
            let mut s = Searcher::new();
            let mut alone = search::Searcher::new();
            for (k, p) in typed.iter().enumerate() {
                rows[k][3].push(time_ms(|| {
                    alone.search(&one, &one_index, p, &OPTIONS);
                }));
                rows[k][0].push(time_ms(|| {
                    totals[k] = s.search(&ns, &all, p, &OPTIONS, 40).total;
                }));
                rows[k][1].push(time_ms(|| {
                    Searcher::new().search(&ns, &all, p, &OPTIONS, 40);
                }));
                rows[k][2].push(time_ms(|| {
                    let mut hits = Vec::new();
                    for (cat, index) in cats.iter().zip(&idx) {
                        let r = search::search(cat, index, p, &OPTIONS);
                        hits.extend(r.hits.into_iter().map(|h| h.score));
                    }
                    hits.sort_unstable();
                }));
            }
        }
        for ((p, r), total) in typed.iter().zip(rows).zip(totals) {
            let [narrowing, fresh, one_by_one, alone] = r;
            stats(
                &format!("{p} ({total} hits): across, narrowing"),
                "ms",
                narrowing,
            );
            stats(&format!("{p}: across, no narrowing"), "ms", fresh);
            stats(&format!("{p}: one notice after another"), "ms", one_by_one);
            stats(&format!("{p}: one 50k notice, its Searcher"), "ms", alone);
        }
    }
}

fn main() {
    println!(
        "fgf workspace search, 500 notices x 100 measures ({} build, {} cores)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // `cargo bench --bench workspace -- tui` (or `shelf`, `engine`) runs one part.
    let run = common::wanted();
    let cats = workspace();
    if run("engine") {
        engine(&cats);
    }
    if run("shelf") {
        // The notices read in place from a cache built in a temporary directory, as the list
        // holds them when the cache has every one (no catalog loaded).
        let (n, _dir) = support::shelved(&cats, Lang::Zh);
        tui(n, "the notices on the shelf (read in place from the cache)");
    }
    if run("tui") {
        tui(support::notices(cats, Lang::Zh), "every catalog loaded");
    }
}
