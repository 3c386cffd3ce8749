//! Documents at scale (run: `cargo bench --bench documents`):
//!
//! 1. Loading: the embedded document, and generated documents of 100k measures (valid, and with
//!    one problem, which takes the full-report path), through `load::from_bytes` as `--doc` does.
//! 2. The TUI on a 100k-measure document at 120x40: per keystroke, `App::update` and then
//!    `view::draw` on a ratatui `TestBackend` (what the event loop does, minus the terminal I/O),
//!    for move (j), expand (Enter) and check-off (Space); and in the units and deadlines views,
//!    check-off (Space) and sort (s).
//! 3. The workspace's cross-notice views over 500 generated notices of 100 measures at 120x40
//!    (`across`): opening them (U, D), moving, sorting, one frame each.

mod common;
#[path = "../tests/it/support/mod.rs"]
mod support;

use common::{stats, time_ms};
use fgf::domain::{Catalog, State, generate, load, seeds};
use fgf::tui::app::App;
use fgf::tui::i18n::Lang;
use fgf::tui::{keymap, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator of the `fgf` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn loading() {
    let embedded = seeds::DOCUMENT_JSON.as_bytes();
    let v = (0..300)
        .map(|_| time_ms(|| drop(load::from_bytes(embedded).unwrap())))
        .collect();
    stats(
        &format!("load embedded ({} KiB)", embedded.len() / 1024),
        "ms",
        v,
    );
    let parse = (0..300)
        .map(|_| {
            time_ms(|| {
                drop(serde_json::from_str::<fgf::domain::Document>(seeds::DOCUMENT_JSON).unwrap())
            })
        })
        .collect();
    stats("  of which serde_json parse into the model", "ms", parse);
    let parsed: fgf::domain::Document = serde_json::from_str(seeds::DOCUMENT_JSON).unwrap();
    let index = (0..300)
        .map(|_| time_ms(|| drop(Catalog::new(parsed.clone()).unwrap())))
        .collect();
    stats(
        "  of which validate + index (Catalog::new, with a clone)",
        "ms",
        index,
    );
    let doc = generate::document(100_000, 2019);
    for (label, text) in [
        ("compact", serde_json::to_string(&doc).unwrap()),
        ("pretty", serde_json::to_string_pretty(&doc).unwrap()),
    ] {
        let v = (0..5)
            .map(|_| time_ms(|| drop(load::from_bytes(text.as_bytes()).unwrap())))
            .collect();
        stats(
            &format!("load 100k measures, {label} ({} MiB)", text.len() >> 20),
            "ms",
            v,
        );
    }
    let mut bad = doc.clone();
    bad.sections[0].tasks[0].measures[0].lead.clear();
    let text = serde_json::to_string_pretty(&bad).unwrap();
    let v = (0..3)
        .map(|_| time_ms(|| assert_eq!(load::from_bytes(text.as_bytes()).unwrap_err().len(), 1)))
        .collect();
    stats("check 100k measures with 1 problem (full report)", "ms", v);
}

struct Tui {
    app: App,
    term: Terminal<TestBackend>,
}

impl Tui {
    fn new(cat: Catalog) -> Tui {
        let state = State::new(&cat.doc.id);
        let mut app = App::new(cat, support::options(Lang::Zh)).with_progress(state, None);
        app.update(fgf::tui::action::Action::Resize(120, 40));
        let mut t = Tui {
            app,
            term: Terminal::new(TestBackend::new(120, 40)).unwrap(),
        };
        t.press("");
        t
    }

    /// Presses keys (update), then draws one frame; returns (update ms, draw ms).
    fn press(&mut self, keys: &str) -> (f64, f64) {
        let app = &mut self.app;
        let update = time_ms(|| {
            for k in keys.split_whitespace() {
                if let Some(a) = keymap::resolve(app.ctx(), support::key(k)) {
                    app.update(a);
                }
            }
        });
        let app = &self.app;
        let draw = time_ms(|| {
            self.term.draw(|f| view::draw(f, app)).unwrap();
        });
        (update, draw)
    }
}

fn report(name: &str, samples: Vec<(f64, f64)>) {
    stats(
        &format!("{name}: update"),
        "ms",
        samples.iter().map(|s| s.0).collect(),
    );
    stats(
        &format!("{name}: draw"),
        "ms",
        samples.iter().map(|s| s.1).collect(),
    );
    stats(
        &format!("{name}: update + draw"),
        "ms",
        samples.iter().map(|s| s.0 + s.1).collect(),
    );
}

fn tui() {
    let cat = Catalog::new(generate::document(100_000, 2019)).unwrap();
    let mut t = Tui::new(cat.clone());
    report(
        "TUI 100k j (move)",
        (0..300).map(|_| t.press("j")).collect(),
    );
    let mut t = Tui::new(cat.clone());
    let mut enter = Vec::new();
    for _ in 0..100 {
        enter.push(t.press("Enter"));
        t.press("h j");
    }
    report("TUI 100k Enter (expand a task)", enter);
    let mut t = Tui::new(cat.clone());
    t.press("Enter j");
    report(
        "TUI 100k Space (check off a measure)",
        (0..100).map(|_| t.press("Space")).collect(),
    );
    t.press("D");
    report(
        "TUI 100k Space in the deadlines view",
        (0..100).map(|_| t.press("Space")).collect(),
    );
    report(
        "TUI 100k s in the deadlines view",
        (0..20).map(|_| t.press("s")).collect(),
    );
    t.press("U");
    report(
        "TUI 100k s in the units view",
        (0..20).map(|_| t.press("s")).collect(),
    );
    // Issue 17: a filter narrows every pane (and opens the tasks that match); with one set, a
    // check-off narrows again; zR / zM unfold and fold everything.
    let mut t = Tui::new(cat.clone());
    let mut set = Vec::new();
    for _ in 0..20 {
        set.push(t.press("f d"));
        t.press("F z M");
    }
    report("TUI 100k f d (filter: overdue)", set);
    let mut t = Tui::new(cat.clone());
    t.press("f o g j");
    // Each measure checked off leaves the pane; the next moves up under the cursor.
    report(
        "TUI 100k Space under the open filter",
        (0..100).map(|_| t.press("Space")).collect(),
    );
    let mut t = Tui::new(cat);
    let mut fold = Vec::new();
    for _ in 0..10 {
        fold.push(t.press("z R"));
        fold.push(t.press("z M"));
    }
    report("TUI 100k zR / zM (unfold / fold all)", fold);
}

/// The cross-notice views over 500 notices of 100 measures.
fn across() {
    use fgf::tui::layout::View;
    use fgf::tui::workspace::across::{Across, Notices};
    let cats: Vec<Catalog> = (0..500)
        .map(|i| Catalog::new(generate::document(100, 2019 + i)).unwrap())
        .collect();
    let progress = cats
        .iter()
        .map(|c| fgf::domain::Progress::new(State::new(&c.doc.id)))
        .collect();
    let n = Notices {
        cats,
        heads: Vec::new(),
        shelf: None,
        progress,
        aliases: Vec::new(),
        opts: support::options(Lang::Zh),
        as_of: false,
    };
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for (name, view) in [("U", View::Units), ("D", View::Deadlines)] {
        let mut a = None;
        let open = (0..10)
            .map(|_| time_ms(|| a = Some(Across::new(&n, view))))
            .collect();
        stats(
            &format!("across 500x100 {name} (open the view)"),
            "ms",
            open,
        );
        let mut a = a.unwrap();
        let mut frames = Vec::new();
        for k in ["j", "j", "Tab", "j", "j", "s", "s", "S-Tab", "j"].repeat(3) {
            frames.push(time_ms(|| {
                a.key(&n, support::key(k));
                term.draw(|f| a.draw(f, &n)).unwrap();
            }));
        }
        stats(&format!("across 500x100 {name}: key + frame"), "ms", frames);
    }
}

fn main() {
    println!(
        "fgf documents ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    // `cargo bench --bench documents -- load` (or `tui`) runs one part.
    let run = common::wanted();
    if run("load") {
        loading();
    }
    if run("tui") {
        tui();
    }
    if run("across") {
        across();
    }
}
