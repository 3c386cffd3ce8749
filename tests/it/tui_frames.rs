//! Every frame the terminal ends up showing is the frame the app drew: the real crossterm backend
//! behind WideFix writes into a VT parser (vt100) frame after frame, and after each key the parsed
//! screen must equal a fresh full redraw of the same state, cell by cell (text, reverse, bold,
//! colours). Random walks over the keys catch the whole class of diff bugs (stale halves of wide
//! glyphs, a reverse-video cell left behind), not just the cases seen so far.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use crate::support::{app, key};
use fgf::tui::ansi16::Ansi16;
use fgf::tui::app::App;
use fgf::tui::backend::WideFix;
use fgf::tui::{keymap, view};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Bytes written, shared with the test.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// crossterm's backend writing into memory, with a fixed size (there is no tty to ask).
struct Mem {
    inner: CrosstermBackend<Ansi16<Shared>>,
    out: Shared,
    size: Size,
}

impl Backend for Mem {
    type Error = io::Error;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> io::Result<()> {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::new(0, 0))
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> io::Result<()> {
        self.inner.set_cursor_position(p)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> io::Result<()> {
        self.inner.clear_region(t)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

type Term = Terminal<WideFix<Mem>>;

fn term(w: u16, h: u16) -> Term {
    // crossterm leaves colours out when the caller has NO_COLOR set; the frames compared here are
    // those of the options the test chose, whatever the environment of the person running it.
    crossterm::style::force_color_output(true);
    let out = Shared::default();
    let mem = Mem {
        inner: CrosstermBackend::new(Ansi16::new(out.clone())),
        out,
        size: Size::new(w, h),
    };
    Terminal::new(WideFix::new(mem)).unwrap()
}

/// Draws a frame and returns the bytes it wrote.
fn frame(t: &mut Term, a: &App) -> Vec<u8> {
    t.draw(|f| view::draw(f, a)).unwrap();
    std::mem::take(&mut *t.backend().inner().out.0.borrow_mut())
}

/// One cell as the terminal shows it: a blank's bold or foreground colour shows nothing, so
/// only what a blank can show (reverse, background, underline) counts for it.
fn look(s: &vt100::Screen, r: u16, c: u16) -> String {
    let Some(x) = s.cell(r, c) else {
        return String::new();
    };
    // The second half of a wide glyph shows the glyph, whatever attributes the model keeps for it.
    if x.is_wide_continuation() {
        return "the glyph's second half".into();
    }
    let text = x.contents();
    let seen = |inv: bool, bg: vt100::Color, ul: bool| format!("inv={inv} bg={bg:?} ul={ul}");
    if text.trim().is_empty() {
        format!("blank {}", seen(x.inverse(), x.bgcolor(), x.underline()))
    } else {
        format!(
            "{text:?} bold={} fg={:?} {}",
            x.bold(),
            x.fgcolor(),
            seen(x.inverse(), x.bgcolor(), x.underline())
        )
    }
}

fn parser(w: u16, h: u16) -> vt100::Parser {
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    vt100::Parser::new(nz(h), nz(w), 0)
}

/// Presses `keys` one at a time; after each, the incrementally drawn screen must equal a full redraw.
fn walk(w: u16, h: u16, keys: &[String]) {
    walk_with(app(w, h), w, h, keys);
}

fn walk_with(mut a: App, w: u16, h: u16, keys: &[String]) {
    let mut t = term(w, h);
    let mut live = parser(w, h);
    live.process(&frame(&mut t, &a));
    for (n, k) in keys.iter().enumerate() {
        if let Some(action) = keymap::resolve(a.ctx(), key(k)) {
            a.update(action);
        }
        live.process(&frame(&mut t, &a));
        let mut fresh = parser(w, h);
        fresh.process(&frame(&mut term(w, h), &a));
        for r in 0..h {
            for c in 0..w {
                let (got, want) = (look(live.screen(), r, c), look(fresh.screen(), r, c));
                assert_eq!(
                    got,
                    want,
                    "{w}x{h}, after {:?}: cell ({c},{r}) differs from a full redraw\n{}",
                    &keys[..=n],
                    live.screen().contents()
                );
            }
        }
    }
}

fn keys(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

#[test]
fn leaving_a_search_leaves_no_stale_reverse_video() {
    walk(120, 40, &keys("3 l j j j l j Space / 企 业 开 办 Esc"));
}

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn random_walks_always_show_the_frame_drawn() {
    const KEYS: &[&str] = &[
        "j", "j", "j", "k", "k", "h", "l", "l", "Enter", "Space", "Tab", "S-Tab", "1", "2", "3",
        "4", "5", "/", "企", "业", "税", "a", "Esc", "Esc", "?", "G", "g", "C-d", "u", "n",
    ];
    for (seed, (w, h)) in [
        (7u64, (120, 40)),
        (11, (80, 24)),
        (29, (160, 45)),
        (41, (64, 20)),
    ] {
        let mut rng = Rng(seed);
        let walk_keys: Vec<String> = (0..80)
            .map(|_| KEYS[rng.below(KEYS.len())].to_string())
            .collect();
        walk(w, h, &walk_keys);
    }
}

/// As NO_COLOR draws (no colours: the selection in reverse video, marks by their glyphs).
#[test]
fn random_walks_without_colour_show_the_frame_drawn() {
    const KEYS: &[&str] = &[
        "j", "j", "k", "l", "h", "Enter", "Space", "Tab", "1", "2", "3", "4", "5", "/", "企", "业",
        "Esc", "G", "g", "u", "z", "R", "M",
    ];
    for (seed, (w, h)) in [(19u64, (120, 40)), (23, (80, 24))] {
        let mut rng = Rng(seed);
        let walk_keys: Vec<String> = (0..80)
            .map(|_| KEYS[rng.below(KEYS.len())].to_string())
            .collect();
        let a = crate::support::app_with(w, h, |o| o.color = false);
        walk_with(a, w, h, &walk_keys);
    }
}

#[test]
fn random_walks_through_filters_and_folds_show_the_frame_drawn() {
    const KEYS: &[&str] = &[
        "j", "j", "k", "l", "h", "Enter", "Space", "z", "R", "M", "S-Tab", "]", "[", "o", "d", "f",
        "?", "F", "Tab", "2", "3", "u", "Esc",
    ];
    for (seed, (w, h)) in [(13u64, (120, 40)), (17, (80, 24))] {
        let mut rng = Rng(seed);
        let walk_keys: Vec<String> = (0..80)
            .map(|_| KEYS[rng.below(KEYS.len())].to_string())
            .collect();
        walk(w, h, &walk_keys);
    }
}
