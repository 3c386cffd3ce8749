//! Folding: the form of a text that search compares, one character for one character (so match
//! positions in the folded text are positions in the original).
//!
//! As fzf 0.74 does (its `normalize` and case folding): case beyond ASCII (Cyrillic, Greek,
//! full-width Latin), Latin accents (`café` -> `cafe`, fzf's own table in `accents_table.rs`),
//! full-width letters, digits and punctuation as their ASCII forms. And, as fgf adds: traditional
//! characters as simplified ones (`fast2s`, MIT), so `銀行` and `银行` are the same text.
//!
//! Full-width and ASCII punctuation are one class, represented by the full-width form (`(` and
//! `（` both fold to `（`); letters and digits by the ASCII form. Chinese text, full of `，（）：`,
//! is then usually its own folded form, which the index need not store.

use std::borrow::Cow;

use super::accents_table::ACCENTS;
use super::traditional_table::TRADITIONAL;

/// What a fold does besides width and script, which are always folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mode {
    /// Lower-case (smart case: off when the term has an upper-case letter).
    pub lower: bool,
    /// Latin accents to their plain letter (as fzf: off when the term has an accented letter).
    pub accents: bool,
}

impl Mode {
    /// What the index stores: lower case, no accents.
    pub const INDEX: Mode = Mode {
        lower: true,
        accents: true,
    };
}

/// The folded form of one character (traditional characters aside: see [`text`]).
pub fn char(c: char, mode: Mode) -> char {
    if c.is_ascii() {
        let c = if mode.lower {
            c.to_ascii_lowercase()
        } else {
            c
        };
        return if c.is_ascii_punctuation() {
            char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
        } else {
            c
        };
    }
    match c as u32 {
        // CJK ideographs, kana, CJK punctuation: nothing to fold here.
        0x2E80..=0xFEFF => c,
        // Full-width forms: letters and digits to ASCII, punctuation stays.
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            let a = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            if mode.lower {
                a.to_ascii_lowercase()
            } else {
                a
            }
        }
        // The half-width ideographic full stop, which fzf reads as `.`.
        0xFF61 => '．',
        _ => {
            let c = if mode.lower { lower(c) } else { c };
            if mode.accents { accent(c) } else { c }
        }
    }
}

/// The single lower-case character of `c` (the first one where Unicode gives several, as Go's
/// `unicode.ToLower` does for `İ`).
fn lower(c: char) -> char {
    if c.is_lowercase() || !c.is_alphabetic() {
        return c;
    }
    c.to_lowercase().next().unwrap_or(c)
}

fn accent(c: char) -> char {
    if (c as u32) < 0xC0 || (c as u32) > 0x2200 {
        return c;
    }
    match ACCENTS.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => ACCENTS[i].1,
        Err(_) => c,
    }
}

/// Whether `c` has an accent that folding would take off (fzf then matches the term's accents
/// exactly).
pub fn has_accent(c: char) -> bool {
    accent(c) != c
}

/// The folded form of `text`, borrowed when folding changes nothing.
pub fn text(text: &str, mode: Mode) -> Cow<'_, str> {
    let simplified = simplify(text);
    let base: &str = &simplified;
    let changed = base.chars().position(|c| self::char(c, mode) != c);
    match (changed, simplified) {
        (None, s) => s,
        (Some(_), s) => Cow::Owned(s.chars().map(|c| self::char(c, mode)).collect()),
    }
}

/// Traditional characters as simplified ones; borrowed when there are none.
pub fn simplify(text: &str) -> Cow<'_, str> {
    if text.chars().any(traditional) {
        Cow::Owned(fast2s::convert(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `fast2s` converts `c` (a bit in a table generated from its data: no map to build).
fn traditional(c: char) -> bool {
    let u = (c as u32).wrapping_sub(0x4E00) as usize;
    TRADITIONAL
        .get(u / 8)
        .is_some_and(|b| b & (1 << (u % 8)) != 0)
}

/// Leading white space (Unicode's, with U+3000), in characters and bytes.
pub fn leading_space(text: &str) -> (usize, usize) {
    let mut chars = 0;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            return (chars, i);
        }
        chars += 1;
    }
    (chars, text.len())
}

/// Trailing white space, in bytes.
pub fn trailing_space(text: &str) -> usize {
    text.len() - text.trim_end_matches(char::is_whitespace).len()
}

#[cfg(test)]
#[path = "fold_tests.rs"]
mod tests;
