//! One hit as `fgf search` prints it: id, kind and field, the text cut around its first match,
//! the units in charge and cooperating, matched characters marked on a terminal.

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
/// the match positions still hold).
pub(crate) fn print_hit(
    out: &mut String,
    paint: Paint,
    src: &impl Shown,
    h: &Explained,
    text_cols: usize,
) {
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
                &sanitize(h.id),
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
            styled(out, paint, ID, |out| push_fit(out, &sanitize(h.id), 6));
            out.push_str("  ");
            styled(out, paint, DIM, tag);
            out.push_str("  ");
            mark(
                out,
                paint,
                &sanitize(row.text),
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
                    let name = sanitize(name);
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
                paint.push(out, MARK, &sanitize(&m.text));
            }
            out.push('\n');
        }
    }
}

/// Whether `text` is at most `cols` columns wide: at once when it has no more bytes than that
/// (no character is wider than its UTF-8 encoding is long).
fn fits(text: &str, cols: usize) -> bool {
    text.len() <= cols || width(text) <= cols
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

/// `text` cut to `cols` columns around its first matched character, matched characters marked,
/// onto `out`.
pub fn mark(out: &mut String, paint: Paint, text: &str, positions: &[usize], cols: usize) {
    let fits = fits(text, cols);
    if fits && (positions.is_empty() || !paint.0) {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    if !fits && let Some(&first) = positions.first() {
        // Keep some context before the first match when it would fall off the end.
        let before: usize = text.chars().take(first).map(char_width).sum();
        if before + 8 > cols {
            start = first.saturating_sub(6);
        }
    }
    let mut used: usize = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    // Runs of marked characters are styled as one.
    let mut run = String::new();
    let mut marked = positions
        .iter()
        .copied()
        .skip_while(|&p| p < start)
        .peekable();
    let mut chars = text.chars().enumerate().skip(start).peekable();
    while let Some((i, c)) = chars.next() {
        let w = char_width(c);
        if used.saturating_add(w + 1) > cols && chars.peek().is_some() {
            if !run.is_empty() {
                paint.push(out, MARK, &run);
            }
            out.push('…');
            return;
        }
        used += w;
        if marked.next_if_eq(&i).is_some() {
            run.push(c);
        } else {
            if !run.is_empty() {
                paint.push(out, MARK, &std::mem::take(&mut run));
            }
            out.push(c);
        }
    }
    if !run.is_empty() {
        paint.push(out, MARK, &run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn plain(s: &str) -> String {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            match (esc, c) {
                (false, '\u{1b}') => esc = true,
                (true, 'm') => esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }

    fn marked(text: &str, positions: &[usize], cols: usize, color: bool) -> String {
        let mut out = String::new();
        mark(&mut out, Paint(color), text, positions, cols);
        out
    }

    #[test]
    fn no_character_is_wider_than_its_encoding_is_long() {
        // What `fits` takes for granted.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(char_width(c) <= c.len_utf8(), "{c:?}");
        }
        assert!(fits("重庆海关", 12) && fits("重庆海关", 8) && !fits("重庆海关", 7));
    }

    #[test]
    fn mark_wraps_matched_characters() {
        let out = marked("重庆海关", &[0, 1], 72, true);
        assert_eq!(plain(&out), "重庆海关");
        let on = MARK.render().to_string();
        assert!(out.starts_with(&on), "{out:?}");
        assert_eq!(
            out.matches(&on).count(),
            1,
            "a run of marks is styled once: {out:?}"
        );
        assert_eq!(
            marked("重庆海关", &[0, 3], 72, true).matches(&on).count(),
            2
        );
        assert_eq!(marked("重庆海关", &[], 72, true), "重庆海关");
        assert_eq!(
            marked("重庆海关", &[0, 1], 72, false),
            "重庆海关",
            "no colour: no escapes"
        );
    }

    #[test]
    fn mark_cuts_by_display_width_and_keeps_a_late_match_in_view() {
        let text =
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十目标";
        let cut = plain(&marked(text, &[], 20, true));
        assert!(width(&cut) <= 20, "{cut}");
        assert!(cut.ends_with('…'));
        let n = text.chars().count();
        let late = plain(&marked(text, &[n - 2, n - 1], 20, true));
        assert!(late.starts_with('…'), "{late}");
        assert!(late.contains("目标"), "{late}");
        assert!(width(&late) <= 20, "{late}");
        // A run of marks cut short is closed before the ellipsis.
        let cut = marked(text, &[17, 18, 19, 20, 21], 20, true);
        assert!(cut.ends_with(&format!("{:#}…", MARK)), "{cut:?}");
    }
}

#[cfg(test)]
mod same {
    use super::*;
    use crate::domain::model::Document;
    use crate::domain::search::{self, Options};
    use crate::domain::{Catalog, generate};

    /// A notice with an escape, a bidi override and a tab planted in a unit's name, every
    /// task's title and every measure's text.
    fn planted() -> Document {
        let mut doc = generate::document(60, 3);
        let old = doc.units[0].name.clone();
        let new = format!("{old}\u{1b}[2J");
        doc.units[0].name = new.clone();
        let rename = |list: &mut Vec<String>| {
            for n in list.iter_mut().filter(|n| **n == old) {
                *n = new.clone();
            }
        };
        for t in doc.sections.iter_mut().flat_map(|s| &mut s.tasks) {
            t.title.push_str("\u{202E}审批");
            [&mut t.lead, &mut t.responsible, &mut t.support]
                .into_iter()
                .for_each(rename);
            for m in &mut t.measures {
                m.text.insert_str(0, "\t\u{1b}[31m服务");
                [&mut m.lead, &mut m.responsible, &mut m.support]
                    .into_iter()
                    .for_each(rename);
            }
        }
        doc
    }

    #[test]
    fn without_colour_a_hit_prints_what_it_prints_in_colour_less_the_styles() {
        let (mut printed, mut neutralised) = (0, 0);
        let mut docs = generate::samples();
        docs.push(planted());
        let opts = Options {
            limit: usize::MAX,
            units: true,
        };
        for doc in docs {
            let cat = Catalog::new(doc).expect("valid");
            let index = search::Index::new(&cat);
            for q in generate::QUERIES
                .iter()
                .chain(&["审批", "服务 !海关", "市"])
            {
                for h in search::search(&cat, &index, q, &opts).hits {
                    for cols in [8, 40, 72] {
                        let (mut on, mut off) = (String::new(), String::new());
                        print_hit(&mut on, Paint(true), &cat, &h.explained(), cols);
                        print_hit(&mut off, Paint(false), &cat, &h.explained(), cols);
                        assert_eq!(super::tests::plain(&on), off, "{} {q:?}", cat.doc.id);
                        assert!(!off.contains('\u{1b}'), "{off:?}");
                        neutralised += usize::from(off.contains('\u{241b}'));
                        printed += 1;
                    }
                }
            }
        }
        assert!(printed > 3000, "{printed} hits compared");
        assert!(
            neutralised > 300,
            "{neutralised} hits with a planted escape"
        );
    }
}
