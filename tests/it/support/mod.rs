//! Shared helpers for the TUI tests: an App on the embedded document, keys by name.
#![allow(dead_code)]

pub mod pty;
pub mod sealed;
pub mod state_env;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fgf::domain::{Catalog, Progress, State, seeds};
use fgf::tui::action::{Action, Effect};
use fgf::tui::app::{App, Options};
use fgf::tui::i18n::Lang;
use fgf::tui::keymap;
use fgf::tui::view;
use fgf::tui::workspace::across::Notices;
use fgf::tui::workspace::{List, Picked};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn options(lang: Lang) -> Options {
    Options {
        lang,
        today: jiff::civil::date(2020, 1, 1),
        ambiwide: false,
        ascii: false,
        color: true,
    }
}

/// The workspace's notices, nothing checked off, no aliases, with `options(lang)`.
pub fn notices(cats: Vec<Catalog>, lang: Lang) -> Notices {
    let progress = cats
        .iter()
        .map(|c| Progress::new(State::new(&c.doc.id)))
        .collect();
    Notices {
        cats,
        heads: Vec::new(),
        shelf: None,
        progress,
        aliases: Vec::new(),
        opts: options(lang),
        as_of: false,
    }
}

/// The workspace's notices on a shelf, as the TUI's list holds them when the cache has them all:
/// each catalog's document stored as JSON in a temporary directory (the embedded one as such;
/// a format-2 measure that took its task's units reads back as naming them), the cache built
/// there, no catalog loaded. Nothing checked off (`notices`' options). The directory must
/// outlive the notices' use of the files (the cache is mapped).
pub fn shelved(cats: &[Catalog], lang: Lang) -> (Notices, tempfile::TempDir) {
    use fgf::domain::cache;
    use fgf::domain::workspace::{Entry, Source};
    let dir = tempfile::tempdir().expect("a temporary directory");
    let entries: Vec<Entry> = cats
        .iter()
        .map(|c| {
            let source = if c.doc.id == seeds::EMBEDDED_ID {
                Source::Embedded
            } else {
                let path = dir.path().join(format!("{}.json", c.doc.id));
                std::fs::write(&path, serde_json::to_string(&c.doc).unwrap()).unwrap();
                Source::File(path)
            };
            Entry {
                id: c.doc.id.clone(),
                source,
            }
        })
        .collect();
    let file = dir.path().join("cache").join(cache::FILE);
    let version = cache::version();
    for loaded in cache::catalogs(&entries, Some(&file), &version, false) {
        loaded.expect("every notice loads");
    }
    let opened = cache::open(&file, &version).expect("the cache was written");
    let shelf = cache::Shelf::open(opened, &entries).expect("the cache holds every notice");
    let mut n = notices(Vec::new(), lang);
    n.heads = cats
        .iter()
        .map(|c| cache::head_of(&c.doc).unwrap())
        .collect();
    n.progress = cats
        .iter()
        .map(|c| Progress::new(State::new(&c.doc.id)))
        .collect();
    n.shelf = Some(std::rc::Rc::new(shelf));
    (n, dir)
}

/// Presses keys (space-separated names) on the workspace's list of notices; the last answer.
pub fn press_list(l: &mut List, keys: &str) -> Picked {
    let mut last = Picked::Stay;
    for k in keys.split_whitespace() {
        let ev = key(k);
        last = l.key(ev.code, ev.modifiers);
    }
    last
}

pub fn app(w: u16, h: u16) -> App {
    app_with(w, h, |_| {})
}

/// An app with its options changed by `change` (--ambiwide, NO_COLOR, …).
pub fn app_with(w: u16, h: u16, change: impl FnOnce(&mut Options)) -> App {
    let mut opts = options(Lang::Zh);
    change(&mut opts);
    let mut app = App::new(seeds::embedded(), opts);
    app.update(Action::Resize(w, h));
    app
}

/// A key as written in the help screen: "j", "Enter", "Tab", "S-Tab", "C-d", "Esc", "Left" …
pub fn key(name: &str) -> KeyEvent {
    let (code, mods) = match name {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Left" => (KeyCode::Left, KeyModifiers::NONE),
        "Right" => (KeyCode::Right, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        s if s.starts_with("C-") => (
            KeyCode::Char(s.chars().nth(2).unwrap()),
            KeyModifiers::CONTROL,
        ),
        s if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap();
            let m = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
        other => panic!("unknown key name {other}"),
    };
    KeyEvent::new(code, mods)
}

/// Presses keys (space-separated names) and returns the last effect.
pub fn press(app: &mut App, keys: &str) -> Effect {
    let mut effect = Effect::None;
    for k in keys.split_whitespace() {
        if let Some(action) = keymap::resolve(app.ctx(), key(k)) {
            effect = app.update(action);
        }
    }
    effect
}

/// Draws the app once on a TestBackend of its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = (app.size().width, app.size().height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t
}

/// The screen as text, one line a row, wide glyphs once (their hidden trailing cells skipped).
pub fn screen(app: &App) -> String {
    let t = render(app);
    text_of(t.backend().buffer())
}

pub fn text_of(buf: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push('\n');
    }
    out
}
