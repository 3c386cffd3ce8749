//! A selection in a scrolling list: the selected index and the first visible row.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub sel: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within a list of `len`, keeping the selection on screen.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let last = len.saturating_sub(1) as isize;
        self.sel = (self.sel as isize + delta).clamp(0, last.max(0)) as usize;
        self.follow(len, height);
    }

    pub fn set(&mut self, sel: usize, len: usize, height: usize) {
        self.sel = sel.min(len.saturating_sub(1));
        self.follow(len, height);
    }

    /// Scrolls so that the selection is visible in `height` rows, and clamps to the list.
    pub fn follow(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.sel = self.sel.min(len.saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + height {
            self.offset = self.sel + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_keeps_the_selection_visible() {
        let mut c = Cursor::default();
        c.move_by(5, 10, 3);
        assert_eq!((c.sel, c.offset), (5, 3));
        c.move_by(-4, 10, 3);
        assert_eq!((c.sel, c.offset), (1, 1));
        c.move_by(100, 10, 3);
        assert_eq!((c.sel, c.offset), (9, 7));
        c.move_by(-100, 10, 3);
        assert_eq!((c.sel, c.offset), (0, 0));
    }

    #[test]
    fn empty_lists_and_growing_screens_clamp() {
        let mut c = Cursor { sel: 3, offset: 2 };
        c.follow(0, 5);
        assert_eq!((c.sel, c.offset), (0, 0));
        let mut c = Cursor { sel: 9, offset: 7 };
        c.follow(10, 20);
        assert_eq!((c.sel, c.offset), (9, 0));
    }
}
