//! One file a pane. Each builds lines or a widget per frame, from `&App` or (the section panes)
//! from a context of what it needs; none keeps state.

pub mod bars;
pub mod deadlines;
pub mod detail;
pub mod help;
pub mod legend;
pub mod overview;
pub mod results;
pub mod tree;
pub mod units;
pub mod verify;

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::app::{App, Options};
use super::cursor::Cursor;
use super::theme::Theme;
use crate::domain::text::{fit, sanitize, truncate, width};

impl AsRef<Options> for Options {
    fn as_ref(&self) -> &Options {
        self
    }
}

impl AsRef<Options> for App {
    fn as_ref(&self) -> &Options {
        &self.opts
    }
}

/// The widgets' helpers take the options alone (`&App` or `&Options`): a pane drawn from its own
/// view state needs no `App`.
pub fn theme(o: &impl AsRef<Options>) -> Theme {
    Theme::new(o.as_ref().color)
}

/// A bordered pane with a title, highlighted when focused. The title is cut with `…` to the
/// pane's width (`cols`, the pane's outer width), leaving the corners.
pub fn pane<'a>(o: &impl AsRef<Options>, title: String, focused: bool, cols: u16) -> Block<'a> {
    let t = theme(o);
    let room = (cols as usize).saturating_sub(4);
    Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(Line::styled(
            format!(" {} ", truncate(&disp(o, &title), room)),
            t.border(focused),
        ))
}

/// A list pane's visible rows: from the cursor's offset, as many as fit `height`, each drawn by
/// `line` (given the row's index in the whole list); the selected one highlighted (`highlight`: `Some(focused)`, or `None` for no
/// highlight). The one loop the list panes share.
pub fn list_rows<'a, T>(
    o: &impl AsRef<Options>,
    items: impl IntoIterator<Item = T>,
    cursor: Cursor,
    height: usize,
    highlight: Option<bool>,
    mut line: impl FnMut(usize, T) -> Line<'a>,
) -> Vec<Line<'a>> {
    let t = theme(o);
    (items.into_iter().enumerate())
        .skip(cursor.offset)
        .take(height)
        .map(|(i, item)| match highlight {
            Some(focused) if i == cursor.sel => line(i, item).patch_style(t.selected(focused)),
            _ => line(i, item),
        })
        .collect()
}

/// A binding's keys and help for this document and language (the digit keys name its tabs).
pub fn describe(
    opts: &Options,
    cat: &crate::domain::Catalog,
    b: &crate::tui::keymap::Binding,
) -> (String, String) {
    let keys: Vec<String> = (cat.doc.sections.iter())
        .map(|s| disp(opts, &s.key))
        .collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    crate::tui::keymap::describe(b, &keys, opts.lang)
}

/// Prepares untrusted or ambiguous-width text for display: in `--ambiwide` mode a space follows
/// every East Asian ambiguous character (“ ” — …) so that columns stay aligned in terminals that
/// draw them two cells wide; the view then skips that space when writing to the terminal.
/// Control characters and escape sequences from a document never reach the terminal raw.
pub fn disp(o: &impl AsRef<Options>, s: &str) -> String {
    let s = sanitize(s);
    if !o.as_ref().ambiwide {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        out.push(c);
        if is_ambiguous(c) {
            out.push(' ');
        }
    }
    out
}

pub fn is_ambiguous(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// A one-row line from spans (already passed through `disp`), cut to `cols` columns by display width.
pub fn row<'a>(
    o: &impl AsRef<Options>,
    spans: Vec<(String, ratatui::style::Style)>,
    cols: usize,
) -> Line<'a> {
    let mut used = 0;
    let mut out = Vec::new();
    for (text, style) in spans {
        if used >= cols {
            break;
        }
        let w = width(&text);
        let text = if used + w <= cols {
            text
        } else if o.as_ref().ambiwide {
            // The cut mark … is itself ambiguous-width: give it its second column.
            fit(&text, cols - used - 1) + " "
        } else {
            fit(&text, cols - used)
        };
        used += width(&text);
        out.push(Span::styled(text, style));
    }
    Line::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_rows_shows_the_window_from_the_offset_and_highlights_only_the_selection() {
        let opts = Options {
            lang: crate::tui::i18n::Lang::Zh,
            today: jiff::civil::date(2020, 1, 1),
            ambiwide: false,
            color: true,
            ascii: false,
        };
        let c = Cursor { sel: 4, offset: 3 };
        let mut seen = Vec::new();
        let rows = list_rows(&opts, 0..10, c, 4, Some(true), |i, n: i32| {
            seen.push(i);
            Line::raw(n.to_string())
        });
        let text: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["3", "4", "5", "6"]);
        assert_eq!(seen, [3, 4, 5, 6], "the index in the whole list");
        let lit: Vec<bool> = rows.iter().map(|l| l.style != Default::default()).collect();
        assert_eq!(lit, [false, true, false, false]);
        let plain = list_rows(&opts, 0..10, c, 4, None, |_, n: i32| {
            Line::raw(n.to_string())
        });
        assert!(plain.iter().all(|l| l.style == Default::default()));
    }
}
