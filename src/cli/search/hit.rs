//! One hit as `fgf search` prints it: id, kind and field, the text cut around its first match,
//! the units in charge and cooperating, matched characters marked on a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::super::lang::{t, tr};
use super::super::output::{DIM, ID, LEAD, Paint, WARN};
use super::Shown;
use crate::domain::search::{Explained, Field, Target};
use crate::domain::text::{char_width, fit, sanitize, width};

/// Matched characters.
const MARK: Style = AnsiColor::Yellow.on_default().bold().underline();

/// One hit for people to read. The catalog is not neutralised for search (`Command::shows_text`):
/// every text of the document printed here goes through `sanitize` (one character for one, so
/// the match positions still hold), unless `src` is known to hold none it would change
/// (`Shown::clean`).
pub(crate) fn print_hit(
    out: &mut String,
    paint: Paint,
    src: &impl Shown,
    h: &Explained,
    text_cols: usize,
) {
    let clean = src.clean();
    let safe = |s| neutralised(s, clean);
    // Kind and field, `measure [text]`, as `format!("{:<7} [{}]")` (both are ASCII).
    let tag = |out: &mut String| {
        let kind = h.kind.as_str();
        out.push_str(kind);
        out.extend(std::iter::repeat_n(' ', 7usize.saturating_sub(kind.len())));
        out.push_str(" [");
        out.push_str(h.field.as_str());
        out.push(']');
    };
    match h.target {
        Target::Unit(u) => {
            let (l, s) = src.unit_counts(u);
            mark(
                out,
                paint,
                &safe(h.id),
                h.positions_in(Field::Name, None),
                text_cols,
            );
            out.push_str("  ");
            styled(out, paint, DIM, tag);
            out.push_str("  ");
            paint.push(
                out,
                DIM,
                &tr!("牵头 {l} 项 · 配合 {s} 项", "leads {l} · supports {s}"),
            );
            out.push('\n');
        }
        Target::Item(loc) => {
            let row = src.row(loc);
            styled(out, paint, ID, |out| push_fit(out, &safe(h.id), 6));
            out.push_str("  ");
            styled(out, paint, DIM, tag);
            out.push_str("  ");
            mark(
                out,
                paint,
                &safe(row.text),
                h.positions_in(row.main_field, None),
                text_cols,
            );
            out.push_str("\n        ");
            // Who is responsible where a notice names no lead (format 2): never shown as lead.
            if row.named_lead || row.lead.is_empty() {
                out.push_str(t("牵头 ", "lead "));
            } else {
                out.push_str(t("负责 ", "responsible "));
            }
            let units = |out: &mut String, list: &[&str], field: Field, style: Option<Style>| {
                if list.is_empty() {
                    out.push('—');
                }
                for (i, name) in list.iter().enumerate() {
                    if i > 0 {
                        out.push('、');
                    }
                    // Marks show only in colour: without, the unit need not be looked up.
                    let pos = match paint.0 {
                        true => src
                            .unit_of(name)
                            .map_or(&[][..], |u| h.positions_in(field, Some(u))),
                        false => &[],
                    };
                    let name = neutralised(name, clean);
                    match style {
                        // A lead unit in green, its matched characters marked within.
                        Some(style) if pos.is_empty() => paint.push(out, style, &name),
                        _ => mark(out, paint, &name, pos, usize::MAX),
                    }
                }
            };
            units(out, &row.lead, Field::Lead, Some(LEAD));
            out.push_str(t("  配合 ", "  support "));
            units(out, &row.support, Field::Support, None);
            if !row.flag.is_empty() {
                paint.push(out, WARN, row.flag);
            }
            if let Some(m) = h.matches.iter().find(|m| m.field == Field::Deadline) {
                out.push_str(t("  期限 ", "  due "));
                paint.push(out, MARK, &safe(&m.text));
            }
            out.push('\n');
        }
    }
}

/// `text` as it may reach a terminal: as is when `clean` (the notice holds no character that
/// `sanitize` replaces), else through `sanitize`.
fn neutralised(text: &str, clean: bool) -> Cow<'_, str> {
    if clean {
        Cow::Borrowed(text)
    } else {
        sanitize(text)
    }
}

/// Whether `text` is at most `cols` columns wide: at once when it has no more bytes than that
/// (no character is wider than its UTF-8 encoding is long), else counting no further than `cols`.
fn fits(text: &str, cols: usize) -> bool {
    measure(text, cols).0
}

/// `fits`, and, when it does not, where `mark` cuts the text shown from its start with nothing
/// styled: the byte of the first character that leaves no column for the `…` after it (none: the
/// whole text is written). One pass, no further than `cols` columns.
fn measure(text: &str, cols: usize) -> (bool, Option<usize>) {
    if text.len() <= cols {
        return (true, None);
    }
    let (mut used, mut cut) = (0usize, None);
    let bytes = text.as_bytes();
    let mut b = 0;
    while b < bytes.len() {
        let (w, len) = width_at(text, b);
        if cut.is_none() && used.saturating_add(w + 1) > cols && b + len < bytes.len() {
            cut = Some(b);
        }
        used += w;
        if used > cols {
            return (false, cut);
        }
        b += len;
    }
    (true, cut)
}

/// The display width and UTF-8 length of the character at byte `b` of `text` (a character
/// boundary): printable ASCII and the CJK ideographs U+4E00..U+9FFF (lead bytes E4 B8..BF,
/// E5..E9) known from their first bytes, anything else decoded and measured by `char_width`.
#[inline(always)]
fn width_at(text: &str, b: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    match bytes[b] {
        0x20..=0x7E => (1, 1),
        0xE5..=0xE9 => (2, 3),
        0xE4 if bytes.get(b + 1).is_some_and(|&x| x >= 0xB8) => (2, 3),
        _ => text[b..]
            .chars()
            .next()
            .map_or((0, 1), |c| (char_width(c), c.len_utf8())),
    }
}

/// `fit(s, cols)` onto `out`, with no copy of `s` when it fits.
fn push_fit(out: &mut String, s: &str, cols: usize) {
    if fits(s, cols) {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', cols - width(s)));
    } else {
        out.push_str(&fit(s, cols));
    }
}

/// What `write` puts onto `out`, in `style` when painted (as `Paint::push`, with no string
/// made first).
fn styled(out: &mut String, paint: Paint, style: Style, write: impl FnOnce(&mut String)) {
    if paint.0 {
        let _ = write!(out, "{style}");
        write(out);
        let _ = write!(out, "{style:#}");
    } else {
        write(out);
    }
}

/// The first character `mark` shows of a text: some context before the first match when the
/// match would fall off the end of a text that does not fit.
fn first_shown(text: &str, positions: &[usize], cols: usize, fits: bool) -> usize {
    match positions.first() {
        Some(&first) if !fits => {
            // Whether the characters before it are wider than `cols - 8`: counted no further.
            let (mut before, mut b) = (0usize, 0);
            for _ in 0..first {
                if b >= text.len() {
                    break;
                }
                let (w, len) = width_at(text, b);
                (before, b) = (before + w, b + len);
                if before.saturating_add(8) > cols {
                    return first.saturating_sub(6);
                }
            }
            0
        }
        _ => 0,
    }
}

/// `text` cut to `cols` columns around its first matched character, matched characters marked,
/// onto `out`.
pub fn mark(out: &mut String, paint: Paint, text: &str, positions: &[usize], cols: usize) {
    let (fits, cut) = measure(text, cols);
    let unstyled = positions.is_empty() || !paint.0;
    if fits && unstyled {
        out.push_str(text);
        return;
    }
    let start = first_shown(text, positions, cols, fits);
    if start == 0 && unstyled {
        // As the loop below writes it, found in the one pass.
        match cut {
            Some(b) => {
                out.push_str(&text[..b]);
                out.push('…');
            }
            None => out.push_str(text),
        }
        return;
    }
    let mut used: usize = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    // Written a slice at a time: the text since `seg`, its characters marked or not (a run of
    // marked characters is styled as one).
    let from = text
        .char_indices()
        .nth(start)
        .map_or(text.len(), |(b, _)| b);
    let (mut seg, mut seg_marked) = (from, false);
    let write = |out: &mut String, part: &str, marked: bool| {
        if marked && !part.is_empty() {
            paint.push(out, MARK, part);
        } else {
            out.push_str(part);
        }
    };
    let mut marked = positions
        .iter()
        .copied()
        .skip_while(|&p| p < start)
        .peekable();
    let mut chars = text[from..].char_indices().zip(start..).peekable();
    while let Some(((b, c), i)) = chars.next() {
        let (b, w) = (from + b, char_width(c));
        if used.saturating_add(w + 1) > cols && chars.peek().is_some() {
            write(out, &text[seg..b], seg_marked);
            out.push('…');
            return;
        }
        used += w;
        let m = marked.next_if_eq(&i).is_some();
        if m != seg_marked {
            write(out, &text[seg..b], seg_marked);
            (seg, seg_marked) = (b, m);
        }
    }
    write(out, &text[seg..], seg_marked);
}

#[cfg(test)]
#[path = "hit_tests.rs"]
pub(super) mod tests;
