//! Styles. Only the 16 ANSI colours (no truecolor assumed); with NO_COLOR, none at all, and
//! the screen stays readable through bold, reverse and dim.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    /// Colour is on unless NO_COLOR is set to anything non-empty (https://no-color.org).
    pub fn color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }
    pub fn bold(&self) -> Style {
        strong(Style::new())
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            // Dim and bold are one SGR intensity: a style sets one and clears the other, so a
            // style patched over another (a title on a border) never carries both, which
            // terminals draw by the order they came in (a redraw could differ from the frame).
            Style::new()
                .add_modifier(Modifier::DIM)
                .remove_modifier(Modifier::BOLD)
        }
    }
    pub fn id(&self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn lead(&self) -> Style {
        strong(self.fg(Color::Green))
    }
    pub fn warn(&self) -> Style {
        strong(self.fg(Color::Yellow))
    }
    pub fn overdue(&self) -> Style {
        strong(self.fg(Color::Red))
    }
    pub fn done(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => strong(Style::new().fg(Color::Cyan)),
            (true, false) => strong(Style::new()),
            (false, _) => self.dim(),
        }
    }
    /// The selected row: reversed in the focused pane, underlined-bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            strong(Style::new().add_modifier(Modifier::UNDERLINED))
        }
    }
    pub fn key(&self) -> Style {
        strong(self.fg(Color::Cyan))
    }
}

/// `s` bold and not dim (see [`Theme::dim`]).
fn strong(s: Style) -> Style {
    s.add_modifier(Modifier::BOLD)
        .remove_modifier(Modifier::DIM)
}
