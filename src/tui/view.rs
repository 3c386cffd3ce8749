//! `draw(frame, &App)`: lay out, then call into the panes. Views only draw.

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, Screen};
use super::widgets::{bars, deadlines, detail, help, is_ambiguous, results, tree, units, verify};

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if layout::too_small(area) {
        let msg = app
            .opts
            .lang
            .pick("终端太小：至少需要", "Terminal too small: need at least");
        let text = format!(
            "{msg} {MIN_WIDTH}×{MIN_HEIGHT} ({}×{})",
            area.width, area.height
        );
        f.render_widget(
            Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let a = app.areas();
    bars::header(f, app, a.header);
    bars::tabs(f, app, a.tabs);
    match app.screen() {
        Screen::Tree => {
            for &(section, r) in &a.lists {
                tree::draw(f, &tree::PaneCtx::of(app, section), section, r);
            }
        }
        Screen::Results => {
            if let (Some(&(_, r)), Some(ctx)) = (a.lists.first(), results::ResultsCtx::of(app)) {
                results::draw(f, &ctx, r);
            }
        }
        Screen::Deadlines => {
            if let Some(&(_, r)) = a.lists.first() {
                deadlines::draw(f, app, r);
            }
        }
        Screen::Units => {
            if let Some(&(_, r)) = a.lists.first() {
                units::draw_units(f, app, r);
            }
            if let Some(&(_, r)) = a.lists.get(1) {
                units::draw_measures(f, app, r);
            }
        }
    }
    if let Some(r) = a.detail {
        let ctx = detail::DetailCtx::of(app, crate::tui::layout::inner_width(r));
        detail::draw(f, &ctx, r);
    }
    bars::footer(f, app, a.footer);
    verify::draw(f, app);
    super::widgets::overview::draw(f, app);
    if app.mode == super::app::Mode::Help {
        let r = help::area(area);
        help::draw(f, &help::HelpCtx::of(app));
        clear_cut_glyphs(f.buffer_mut(), r);
    }
    terminal_fixes(f.buffer_mut(), &app.opts);
}

/// What the terminal needs of a whole frame: with `--ambiwide`, the padding after ambiguous
/// characters skipped; for a locale that is not UTF-8, the chrome in ASCII.
pub fn terminal_fixes(buf: &mut Buffer, o: &super::app::Options) {
    if o.ambiwide {
        skip_ambiguous_padding(buf);
    }
    if o.ascii {
        ascii_chrome(buf);
    }
}

/// For a locale that is not UTF-8: the chrome's boxes, arrows and markers in ASCII (the document's
/// own text is left as it is).
pub fn ascii_chrome(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(c) = buf[(x, y)].symbol().chars().next() else {
                continue;
            };
            let a = match c {
                '▸' => Some('>'),
                '▾' => Some('v'),
                '⚠' => Some('!'),
                '✎' => Some('*'),
                c if c.is_ascii() => None,
                c => ascii_for(c),
            };
            if let Some(a) = a {
                buf[(x, y)].set_char(a);
            }
        }
    }
}

/// A popup's left edge can fall on the second half of a wide glyph drawn beneath it: the glyph
/// would then overdraw the border. Blank such glyphs (the cell left of the popup).
pub fn clear_cut_glyphs(buf: &mut Buffer, popup: Rect) {
    if popup.x == 0 {
        return;
    }
    for y in popup.top()..popup.bottom() {
        let cell = &mut buf[(popup.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// In `--ambiwide` mode the terminal draws East Asian ambiguous characters two columns wide.
/// Text passed through `widgets::disp` has a padding space after each such character: the
/// terminal's wide glyph covers it, so that cell is not written. Any other ambiguous character
/// (box drawing, arrows in the chrome) is replaced by an ASCII look-alike, which stays one column.
pub fn skip_ambiguous_padding(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(c) = buf[(x, y)]
                .symbol()
                .chars()
                .next()
                .filter(|&c| is_ambiguous(c))
            else {
                continue;
            };
            let padded = x + 1 < area.right() && buf[(x + 1, y)].symbol() == " ";
            match ascii_for(c) {
                Some(a) if !padded || is_box(c) => {
                    buf[(x, y)].set_char(a);
                }
                _ if padded => {
                    buf[(x + 1, y)].set_diff_option(CellDiffOption::Skip);
                }
                _ => {
                    buf[(x, y)].set_char('?');
                }
            }
        }
    }
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// One-column stand-ins for the ambiguous characters fgf draws.
fn ascii_for(c: char) -> Option<char> {
    Some(match c {
        '─' | '━' => '-',
        '│' | '┃' => '|',
        c if is_box(c) => '+',
        '↓' => 'v',
        '↑' => '^',
        '←' => '<',
        '→' => '>',
        '·' => '.',
        '—' | '–' => '-',
        '…' => '.',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        '×' => 'x',
        '▶' | '▸' => '>',
        '█' => '#',
        '▒' => '%',
        '░' => '.',
        _ => return None,
    })
}
