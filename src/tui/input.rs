//! A one-line text input (search, notes): editing by characters, the caret by display width so
//! an input method's composition shows where the caret is.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    /// Ctrl-w: the word before the caret (a run of non-spaces, then the spaces before it).
    DeleteWord,
    /// Ctrl-u: everything before the caret.
    DeleteToStart,
    Left,
    Right,
    Home,
    End,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    chars: Vec<char>,
    /// Caret position, in characters.
    caret: usize,
}

impl LineInput {
    pub fn with_text(text: &str) -> LineInput {
        let chars: Vec<char> = text.chars().collect();
        let caret = chars.len();
        LineInput { chars, caret }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The text before the caret: its display width is where the terminal cursor goes.
    pub fn before_caret(&self) -> String {
        self.chars[..self.caret].iter().collect()
    }

    /// The text from the caret on.
    pub fn after_caret(&self) -> String {
        self.chars[self.caret..].iter().collect()
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, e: Edit) -> bool {
        let before = self.chars.len();
        match e {
            Edit::Insert(c) if !c.is_control() => {
                self.chars.insert(self.caret, c);
                self.caret += 1;
            }
            Edit::Insert(_) => {}
            Edit::Backspace if self.caret > 0 => {
                self.caret -= 1;
                self.chars.remove(self.caret);
            }
            Edit::Delete if self.caret < self.chars.len() => {
                self.chars.remove(self.caret);
            }
            Edit::DeleteWord => {
                let mut start = self.caret;
                while start > 0 && self.chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !self.chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.chars.drain(start..self.caret);
                self.caret = start;
            }
            Edit::DeleteToStart => {
                self.chars.drain(..self.caret);
                self.caret = 0;
            }
            Edit::Left => self.caret = self.caret.saturating_sub(1),
            Edit::Right => self.caret = (self.caret + 1).min(self.chars.len()),
            Edit::Home => self.caret = 0,
            Edit::End => self.caret = self.chars.len(),
            Edit::Backspace | Edit::Delete => {}
        }
        self.chars.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::width;

    impl LineInput {
        fn caret_column(&self) -> usize {
            width(&self.before_caret())
        }
    }

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in s.chars() {
            l.apply(Edit::Insert(c));
        }
        l
    }

    #[test]
    fn caret_is_measured_in_display_columns() {
        let mut l = typed("税务 ab");
        assert_eq!(l.caret_column(), 7);
        l.apply(Edit::Home);
        l.apply(Edit::Right);
        assert_eq!(l.caret_column(), 2);
        l.apply(Edit::Insert('局'));
        assert_eq!(l.text(), "税局务 ab");
        assert_eq!(l.caret_column(), 4);
    }

    #[test]
    fn ctrl_w_and_ctrl_u_delete_before_the_caret() {
        let mut l = typed("@市场监管  企业开办");
        l.apply(Edit::DeleteWord);
        assert_eq!(l.text(), "@市场监管  ");
        l.apply(Edit::DeleteWord);
        assert_eq!(l.text(), "");
        let mut l = typed("abc def");
        l.apply(Edit::Left);
        l.apply(Edit::DeleteToStart);
        assert_eq!(l.text(), "f");
        assert_eq!(l.caret_column(), 0);
    }

    #[test]
    fn edits_at_the_ends_are_harmless() {
        let mut l = LineInput::default();
        assert!(!l.apply(Edit::Backspace));
        assert!(!l.apply(Edit::Delete));
        l.apply(Edit::Left);
        l.apply(Edit::Insert('\u{1b}'));
        assert!(
            l.is_empty(),
            "control characters are not typed into the line"
        );
        let mut l = typed("中");
        l.apply(Edit::Right);
        assert!(l.apply(Edit::Backspace));
        assert!(l.is_empty());
    }
}

/// Walking a search history with ↑ / ↓ (a notice's search and the search across notices): the
/// entry shown, and what was typed before the walk began.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryWalk {
    at: Option<usize>,
    draft: LineInput,
}

impl HistoryWalk {
    /// ↑ (`back`) / ↓: the previous / next query of `history` (oldest first) into `input`; past
    /// the newest, what was being typed comes back. Returns whether `input` changed.
    pub fn step(&mut self, history: &[String], back: bool, input: &mut LineInput) -> bool {
        let n = history.len();
        let next = match (self.at, back) {
            (_, true) if n == 0 => return false,
            (None, true) => Some(n - 1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (None, false) => return false,
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
        };
        if self.at.is_none() {
            self.draft = input.clone();
        }
        self.at = next;
        *input = match next {
            Some(i) => LineInput::with_text(&history[i]),
            None => self.draft.clone(),
        };
        true
    }

    /// The line was edited: an edited entry is a new query.
    pub fn stop(&mut self) {
        self.at = None;
    }
}
