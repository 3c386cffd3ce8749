//! Issue 17's per-keystroke work outside the frame (run: `cargo bench --bench history`):
//!
//! 1. Enter in the search line: `history::remember` on a full history (500 queries): the file
//!    read again under the lock, the query added, the file replaced (temp file, fsync, rename,
//!    fsync of the directory). And `history::load` of that file, done at start-up.
//! 2. `y` / `Y`: neutralising and encoding the largest text copied (74 994 bytes) to OSC 52.

mod common;

use common::{stats, time_ms};
use fgf::domain::history;
use fgf::tui::clipboard;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("fgf/search-history.json");
    for i in 0..history::LIMIT {
        history::remember(&path, &format!("企业开办 @市场监管局 >2019 查询{i}")).unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    println!("history file with {} queries: {size} bytes", history::LIMIT);
    let remember: Vec<f64> = (0..100)
        .map(|i| time_ms(|| drop(history::remember(&path, &format!("新的查询 {i}")).unwrap())))
        .collect();
    stats(
        "remember a query (full history, fsync'd replace)",
        "ms",
        remember,
    );
    let load: Vec<f64> = (0..100)
        .map(|_| time_ms(|| drop(history::load(&path).unwrap())))
        .collect();
    stats("load the full history", "ms", load);

    let text = "全面实施市场准入负面清单制度\u{1b}[2J，".repeat(4000);
    let osc: Vec<f64> = (0..100)
        .map(|_| time_ms(|| drop(clipboard::osc52(&clipboard::clip(&text).text))))
        .collect();
    stats(
        "clip + OSC 52 of a text over the bound (cut to 74 994 B)",
        "ms",
        osc,
    );
}
