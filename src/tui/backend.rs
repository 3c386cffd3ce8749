//! A backend wrapper that works around ratatui 0.30.2's stale half-cell on wide glyphs.
//!
//! When a wide glyph (a Chinese character) stays the same and only its style changes — the
//! selection bar moving off a row — ratatui's diff writes only the glyph's leading cell, and
//! terminals that keep per-cell attributes leave the old background on the trailing half
//! (ratatui issue 2652, fixed upstream after 0.30.2). This wrapper remembers what it last wrote
//! and, for exactly that case, first writes blanks in the new style over both cells, then the
//! glyph: the upstream fix, at the backend, without touching any widget.
//!
//! It also keeps ratatui's crossterm backend from moving the cursor explicitly after every wide
//! glyph (see `draw`), which more than halves the bytes of a frame of Chinese text.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

pub struct WideFix<B> {
    inner: B,
    /// What the terminal shows, as far as this backend wrote it: (symbol, style) per cell.
    shadow: Vec<Option<Cell>>,
    width: u16,
}

impl<B: Backend> WideFix<B> {
    pub fn new(inner: B) -> WideFix<B> {
        WideFix {
            inner,
            shadow: Vec::new(),
            width: 0,
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    fn forget(&mut self) {
        self.shadow.clear();
    }

    fn slot(&mut self, x: u16, y: u16) -> Option<&mut Option<Cell>> {
        let i = y as usize * self.width as usize + x as usize;
        self.shadow.get_mut(i)
    }
}

impl<B: Backend> Backend for WideFix<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let size = self.inner.size()?;
        if size.width != self.width
            || self.shadow.len() != size.width as usize * size.height as usize
        {
            self.width = size.width;
            self.shadow = vec![None; size.width as usize * size.height as usize];
        }
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let in_diff: std::collections::HashSet<(u16, u16)> =
            cells.iter().map(|&(x, y, _)| (x, y)).collect();
        // Blanks over restyled wide glyphs go first, in runs, then the frame's own cells: a run
        // of n glyphs costs 2n spaces more, not a cursor move per glyph.
        let mut blanks: Vec<(u16, u16, Cell)> = Vec::new();
        let mut flowing: Vec<(u16, u16, Cell)> = Vec::with_capacity(cells.len() * 2);
        for (i, &(x, y, cell)) in cells.iter().enumerate() {
            let wide = cell.symbol().width() > 1;
            // A wide glyph whose second half lands on an old wide glyph's first half: the terminal
            // blanks that old glyph's second half (x + 2) in the current style. ratatui sends
            // nothing there (a reset cell hidden in both frames), so write the reset cell.
            let clobbers = wide
                && x + 2 < size.width
                && !in_diff.contains(&(x + 2, y))
                && self
                    .slot(x + 1, y)
                    .and_then(|s| s.as_ref())
                    .is_some_and(|o| o.symbol().width() > 1);
            let old = self.slot(x, y).and_then(|s| s.replace(cell.clone()));
            let was_wide = old.as_ref().is_some_and(|o| o.symbol().width() > 1);
            if wide
                && old
                    .as_ref()
                    .is_some_and(|o| o.symbol() == cell.symbol() && o != cell)
            {
                let mut blank = cell.clone();
                blank.set_symbol(" ");
                blanks.push((x, y, blank.clone()));
                blanks.push((x + 1, y, blank));
            }
            flowing.push((x, y, cell.clone()));
            if clobbers {
                if let Some(slot) = self.slot(x + 1, y) {
                    *slot = None;
                }
                if let Some(slot) = self.slot(x + 2, y) {
                    *slot = Some(Cell::default());
                }
                flowing.push((x + 2, y, Cell::default()));
                continue;
            }
            let next_is_neighbour = cells
                .get(i + 1)
                .is_some_and(|&(nx, ny, _)| (nx, ny) == (x + 1, y));
            if next_is_neighbour || x + 1 >= size.width {
                continue;
            }
            // The backend expects the cursor one cell on after each cell and moves it explicitly
            // otherwise (about eight bytes, more than a glyph). After a wide glyph the terminal is
            // already past the trailing cell: an empty cell stands for it and prints nothing.
            // Where a narrow cell replaces a wide glyph, ratatui sends nothing for the glyph's other
            // half: its buffer holds a reset cell there in both frames (set_stringn resets the
            // cells a wide glyph hides). The terminal blanks that half, but in whatever style it
            // likes (or the glyph's): write the reset cell the frame means, not a copy of the
            // narrow cell's style (a reverse-video cell was left behind after a search).
            let filler = if wide {
                let mut c = cell.clone();
                c.set_symbol("");
                Some(c)
            } else if was_wide {
                Some(Cell::default())
            } else {
                None
            };
            if let Some(c) = filler {
                if let Some(slot) = self.slot(x + 1, y) {
                    *slot = if wide { None } else { Some(c.clone()) };
                }
                flowing.push((x + 1, y, c));
            }
        }
        let out = blanks.iter().chain(flowing.iter());
        self.inner.draw(out.map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.forget();
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.forget();
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.forget();
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}
