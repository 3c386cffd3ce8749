//! A scrolled pane of text lines (the detail, the help): drawing records the length and height it
//! measured, and key handling clamps against them, so scrolling past the end never leaves dead key
//! presses behind (gitui's VerticalScroll is the pattern).

use std::cell::Cell;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scroll {
    top: usize,
    /// Lines and visible rows as last drawn.
    len: Cell<usize>,
    height: Cell<usize>,
}

impl Scroll {
    /// The first line shown, within what was last measured.
    pub fn top(&self) -> usize {
        self.top.min(self.max())
    }

    fn max(&self) -> usize {
        self.len.get().saturating_sub(self.height.get())
    }

    /// Records what a frame holds (`len` lines in `height` rows) and returns the first line to show.
    pub fn measure(&self, len: usize, height: usize) -> usize {
        self.len.set(len);
        self.height.set(height);
        self.top()
    }

    /// Scrolls by `delta` lines, clamped to the lines last measured.
    pub fn by(&mut self, delta: isize) {
        self.top = (self.top() as isize).saturating_add(delta).max(0) as usize;
        self.top = self.top.min(self.max());
    }

    /// Scrolls just enough for `line` to be seen (in the height last measured).
    pub fn reveal(&mut self, line: usize) {
        let height = self.height.get().max(1);
        if line < self.top {
            self.top = line;
        } else if line >= self.top + height {
            self.top = line + 1 - height;
        }
    }

    pub fn reset(&mut self) {
        self.top = 0;
    }

    /// Rows a page holds (as last drawn).
    pub fn page(&self) -> usize {
        self.height.get().max(1)
    }

    /// Lines above and below the visible ones (as last drawn).
    pub fn hidden(&self) -> (usize, usize) {
        let top = self.top();
        let below = self.len.get().saturating_sub(top + self.height.get());
        (top, below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_clamps_to_what_was_drawn() {
        let mut s = Scroll::default();
        assert_eq!(s.measure(10, 4), 0);
        for _ in 0..20 {
            s.by(1);
        }
        assert_eq!(s.top(), 6, "stops at the last page");
        s.by(-1);
        assert_eq!(s.top(), 5, "one key back is one line back");
        assert_eq!(s.hidden(), (5, 1));
        s.measure(10, 20);
        assert_eq!(s.top(), 0, "a taller pane shows everything");
        s.by(-3);
        s.reset();
        assert_eq!(s.hidden(), (0, 0));
    }
}
