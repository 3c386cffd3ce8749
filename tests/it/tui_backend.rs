//! Drawing Chinese text right: the stale half-cell work-around and the --ambiwide mode.

use std::convert::Infallible;

use crate::support::{app, press};
use fgf::tui::backend::WideFix;
use fgf::tui::view;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Style};
use ratatui::widgets::Paragraph;

/// Records every cell a frame writes, in order: (x, y, symbol, background).
#[derive(Default)]
struct Recorder {
    writes: Vec<(u16, u16, String, Color)>,
}

impl Backend for Recorder {
    type Error = Infallible;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
        &mut self,
        content: I,
    ) -> Result<(), Infallible> {
        for (x, y, c) in content {
            self.writes.push((x, y, c.symbol().to_string(), c.bg));
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
    fn show_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        Ok(Position::new(0, 0))
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Infallible> {
        Ok(())
    }
    fn clear(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
    fn clear_region(&mut self, _: ClearType) -> Result<(), Infallible> {
        Ok(())
    }
    fn size(&self) -> Result<Size, Infallible> {
        Ok(Size::new(6, 1))
    }
    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        Ok(WindowSize {
            columns_rows: Size::new(6, 1),
            pixels: Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}

fn two_frames<B: Backend>(t: &mut Terminal<B>) {
    let sel = Style::new().bg(Color::Blue);
    t.draw(|f| f.render_widget(Paragraph::new("中文").style(sel), f.area()))
        .unwrap();
    t.draw(|f| f.render_widget(Paragraph::new("中文"), f.area()))
        .unwrap();
}

#[test]
fn ratatui_alone_leaves_the_trailing_half_of_a_restyled_glyph_unwritten() {
    // The upstream bug this project works around (ratatui issue 2652): if this starts failing,
    // ratatui fixed it and WideFix can go.
    let mut t = Terminal::new(Recorder::default()).unwrap();
    two_frames(&mut t);
    let second: Vec<_> = t
        .backend()
        .writes
        .iter()
        .skip_while(|w| w.3 == Color::Blue)
        .collect();
    assert!(
        second.iter().any(|w| w.0 == 0),
        "the glyph is rewritten: {second:?}"
    );
    assert!(
        !second.iter().any(|w| w.0 == 1 || w.0 == 3),
        "its trailing half is not: {second:?}"
    );
}

#[test]
fn widefix_rewrites_the_trailing_half_in_the_new_style_before_the_glyph() {
    let mut t = Terminal::new(WideFix::new(Recorder::default())).unwrap();
    two_frames(&mut t);
    let w = &t.backend().inner().writes;
    let second: Vec<_> = w
        .iter()
        .skip_while(|w| w.3 == Color::Blue)
        .cloned()
        .collect();
    let reset = Color::Reset;
    let blank = |x| (x, 0, " ".to_string(), reset);
    assert_eq!(
        second[..4],
        [blank(0), blank(1), blank(2), blank(3)],
        "both halves blanked first"
    );
    let at = |x: u16, sym: &str| second.iter().position(|w| w.0 == x && w.2 == sym);
    assert!(
        at(0, "中") > Some(1) && at(2, "文") > Some(3),
        "then the glyphs: {second:?}"
    );
}

#[test]
fn widefix_adds_nothing_when_glyphs_change() {
    let mut t = Terminal::new(WideFix::new(Recorder::default())).unwrap();
    t.draw(|f| f.render_widget(Paragraph::new("中文"), f.area()))
        .unwrap();
    let first = t.backend().inner().writes.len();
    t.draw(|f| f.render_widget(Paragraph::new("改革"), f.area()))
        .unwrap();
    let extra: Vec<_> = t.backend().inner().writes[first..]
        .iter()
        .filter(|w| w.2 == " ")
        .collect();
    assert!(
        extra.is_empty(),
        "new glyphs repaint both halves themselves: {extra:?}"
    );
}

#[test]
fn ambiwide_pads_ambiguous_characters_and_skips_the_padding() {
    let mut a = crate::support::app_with(120, 40, |o| o.ambiwide = true);
    press(&mut a, "Enter j Enter");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // The frame as drawn (the backend's copy leaves out the cells that are not written).
    let frame = t.draw(|f| view::draw(f, &a)).unwrap();
    let buf = frame.buffer.clone();
    let mut padded = 0;
    for y in 0..40 {
        for x in 0..120 {
            let c = buf[(x, y)].symbol().chars().next().unwrap_or(' ');
            if fgf::tui::widgets::is_ambiguous(c) {
                assert!(x < 119, "({x},{y}) {c} at the right edge would overflow");
                let next = &buf[(x + 1, y)];
                assert_eq!(
                    next.symbol(),
                    " ",
                    "({x},{y}) {c} is followed by its padding"
                );
                assert_eq!(
                    next.diff_option,
                    CellDiffOption::Skip,
                    "({x},{y}) padding is not written"
                );
                padded += 1;
            }
        }
    }
    assert!(padded >= 2, "the detail of 1.1 has “ ” quotes");
    assert_eq!(
        buf[(0, 2)].symbol(),
        "+",
        "box drawing is ambiguous too: ASCII borders"
    );
    assert_eq!(buf[(0, 3)].symbol(), "|");
}

#[test]
fn without_ambiwide_nothing_is_skipped() {
    let mut a = app(120, 40);
    press(&mut a, "Enter j Enter");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let frame = t.draw(|f| view::draw(f, &a)).unwrap();
    let buf = frame.buffer;
    assert!(
        buf.content
            .iter()
            .all(|c| c.diff_option != CellDiffOption::Skip)
    );
}

#[test]
fn a_popup_never_cuts_a_wide_glyph_in_half() {
    let mut a = app(120, 40);
    press(&mut a, "?");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| view::draw(f, &a)).unwrap();
    let r = fgf::tui::widgets::help::area(ratatui::layout::Rect::new(0, 0, 120, 40));
    let buf = t.backend().buffer();
    for y in r.top()..r.bottom() {
        assert!(
            unicode_width::UnicodeWidthStr::width(buf[(r.x - 1, y)].symbol()) <= 1,
            "row {y}: a wide glyph would overdraw the popup border"
        );
        assert!(["┌", "│", "└"].contains(&buf[(r.x, y)].symbol()));
    }
}

#[test]
fn widefix_keeps_the_cursor_flowing_after_wide_glyphs() {
    // An empty cell in the glyph's style follows each wide glyph, so the backend needs no
    // cursor move before the next cell (the terminal has already advanced two columns).
    let mut t = Terminal::new(WideFix::new(Recorder::default())).unwrap();
    t.draw(|f| f.render_widget(Paragraph::new("中文"), f.area()))
        .unwrap();
    let xs: Vec<(u16, &str)> = t
        .backend()
        .inner()
        .writes
        .iter()
        .map(|w| (w.0, w.2.as_str()))
        .collect();
    assert_eq!(xs, [(0, "中"), (1, ""), (2, "文"), (3, "")]);
}
