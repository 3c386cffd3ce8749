//! A backend wrapper that works around ratatui 0.30.2's stale half-cell on wide glyphs.
//!
//! When a wide glyph (a Chinese character) stays the same and only its style changes — the
//! selection bar moving off a row — ratatui's diff writes only the glyph's leading cell, and
//! terminals that keep per-cell attributes leave the old background on the trailing half
//! (ratatui issue 2652, fixed upstream after 0.30.2). This wrapper remembers what it last wrote
//! and, for exactly that case, first writes a blank in the new style over the trailing cell, then
//! the glyph: the upstream fix, at the backend, without touching any widget.

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
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            let wide = cell.symbol().width() > 1;
            if let Some(slot) = self.slot(x, y) {
                let restyled = wide
                    && slot
                        .as_ref()
                        .is_some_and(|old| old.symbol() == cell.symbol() && old != cell);
                *slot = Some(cell.clone());
                if restyled && x + 1 < size.width {
                    let mut blank = cell.clone();
                    blank.set_symbol(" ");
                    out.push((x + 1, y, blank));
                }
            }
            out.push((x, y, cell.clone()));
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
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
