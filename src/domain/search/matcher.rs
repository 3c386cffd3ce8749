//! One term against one text: directly (substring first, then SkimMatcherV2) and, for ASCII terms,
//! through the text's pinyin keys, with match positions mapped back to the text's characters.

use std::borrow::Cow;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::fold;
use super::index::{Mask, letter_mask, only_initials};
use super::query::{Kind, Scope, Term};
use super::syllables;

/// How well a term matched a text: the tier decides first (equal 4, prefix or suffix 3,
/// substring 2, scattered fuzzy 1), then the quality (early, compact, covering most of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextMatch {
    pub tier: u8,
    pub quality: i64,
    /// Char indices into the text; filled only when asked for.
    pub positions: Vec<usize>,
}

impl TextMatch {
    fn rank(&self) -> (u8, i64) {
        (self.tier, self.quality)
    }
}

/// Keeps the better of two matches.
pub(crate) fn better(a: Option<TextMatch>, b: Option<TextMatch>) -> Option<TextMatch> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.rank() > a.rank() { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A term made ready for matching many texts.
pub(crate) struct Prepared<'q> {
    pub term: &'q Term,
    /// How the term folds texts; `None` when as the index does (the usual case).
    mode: Option<fold::Mode>,
    /// The term, folded (see `fold`).
    needle: String,
    needle_chars: usize,
    /// `needle` made ready to be found in many texts (memchr's vectorised search).
    finder: Finder<'static>,
    /// Characters every direct match needs.
    pub mask: Mask,
    /// Letters every pinyin match needs (when the term is pinyin-able).
    pub letters: u64,
    /// Letters of the term that must each start a syllable of a pinyin match.
    pub initials: u32,
    /// The term as an id (digits and dots), for unscoped terms.
    pub id_like: bool,
    skim: SkimMatcherV2,
    /// The term lower-cased, made ready for pinyin keys (when the term is pinyin-able).
    pinyin_needle: Option<syllables::Needle>,
}

/// Penalty for a match through pinyin rather than the characters typed.
const PINYIN_PENALTY: i64 = 5_000;

impl<'q> Prepared<'q> {
    pub fn new(term: &'q Term) -> Prepared<'q> {
        let mode = term.mode();
        let needle = fold::text(&term.text, mode).into_owned();
        // The mask is over the index's folding, which is coarser than any term's.
        let index_needle = fold::text(&term.text, fold::Mode::INDEX);
        Prepared {
            term,
            mode: (mode != fold::Mode::INDEX).then_some(mode),
            needle_chars: needle.chars().count(),
            finder: Finder::new(&needle).into_owned(),
            mask: Mask::of(&index_needle),
            letters: letter_mask(&index_needle),
            initials: only_initials(&index_needle),
            id_like: matches!(term.scope, Scope::Any | Scope::Id)
                && term.text.bytes().all(|b| b.is_ascii_digit() || b == b'.'),
            needle,
            skim: SkimMatcherV2::default().respect_case(),
            pinyin_needle: term
                .pinyin
                .then(|| syllables::Needle::new(&term.text.to_ascii_lowercase())),
        }
    }

    /// Whether `direct` reads the text itself (a term that folds otherwise than the index),
    /// not only its folded form.
    pub fn reads_text(&self) -> bool {
        self.mode.is_some()
    }

    /// The term against the characters of a text: `text` itself and `folded`, its form folded
    /// as the index folds (`fold::Mode::INDEX`).
    pub fn direct(&self, text: &str, folded: &str, want: bool) -> Option<TextMatch> {
        let hay: Cow<str> = match self.mode {
            None => Cow::Borrowed(folded),
            Some(mode) => fold::text(text, mode),
        };
        let m = exact(
            self.term.kind,
            &hay,
            &self.needle,
            self.needle_chars,
            Some(&self.finder),
            want,
        );
        // One character not found as a substring is not found scattered either.
        if m.is_some() || self.term.kind != Kind::Fuzzy || self.needle_chars == 1 {
            return m;
        }
        fuzzy(&self.skim, &hay, &self.needle, want)
    }

    /// The term against the pinyin key of a text (its syllables' numbers, `Keys::syl`),
    /// syllable-aligned (see `syllables`).
    /// `map` (the character of each syllable) is given when positions are wanted.
    pub fn pinyin(&self, key: &[u8], map: Option<&[u32]>) -> Option<TextMatch> {
        let needle = self.pinyin_needle.as_ref()?;
        let kind = match self.term.kind {
            Kind::Boundary => Kind::Exact,
            k => k,
        };
        let m = syllables::find(kind, syllables::Syl(key), needle, map.is_some())?;
        let (first, last) = (m.first, m.last);
        let tier = if !m.contiguous {
            1
        } else if first == 0 && last + 1 == m.syllables {
            4
        } else if first == 0 || kind == Kind::Suffix {
            3
        } else {
            2
        };
        let early = 40_000 - first.min(400) as i64 * 100;
        let span = last + 1 - first;
        let quality = if m.contiguous {
            early + (span * 40_000 / m.syllables) as i64
        } else {
            early / 2 + 40_000 - span.min(400) as i64 * 1000
        };
        Some(TextMatch {
            tier,
            quality: quality - PINYIN_PENALTY,
            positions: map.map_or_else(Vec::new, |map| {
                m.used.iter().map(|&k| map[k] as usize).collect()
            }),
        })
    }
}

/// `needle` in `hay` as `kind` asks, characters compared as they are (for ids); positions
/// included.
pub(crate) fn on_text(kind: Kind, hay: &str, needle: &str) -> Option<TextMatch> {
    exact(kind, hay, needle, needle.chars().count(), None, true)
}

/// A scattered match by SkimMatcherV2 (char positions).
fn fuzzy(skim: &SkimMatcherV2, text: &str, pattern: &str, want: bool) -> Option<TextMatch> {
    let (score, positions) = if want {
        skim.fuzzy_indices(text, pattern)?
    } else {
        (skim.fuzzy_match(text, pattern)?, Vec::new())
    };
    Some(TextMatch {
        tier: 1,
        quality: score.clamp(0, 1999) * 40,
        positions,
    })
}

/// Substring, prefix, suffix and equality matches of a needle in a text, both folded. As
/// fzf's, `^` and `$` ignore white space (U+3000 too) at their end of the text, unless the
/// needle has white space there itself.
fn exact(
    kind: Kind,
    hay: &str,
    needle: &str,
    needle_chars: usize,
    finder: Option<&Finder>,
    want: bool,
) -> Option<TextMatch> {
    // A substring is looked for first: most texts offered do not hold it (the character mask
    // only sifts), and the white space at the ends matters only to one that does.
    let found = match kind {
        Kind::Fuzzy | Kind::Exact => Some(match finder {
            // The same first match: a UTF-8 needle is found only on a character boundary.
            Some(f) => f.find(hay.as_bytes())?,
            None => hay.find(needle)?,
        }),
        Kind::Boundary => Some(boundary_find(hay, needle)?),
        _ => None,
    };
    let (lead_chars, lead) = if needle.starts_with(char::is_whitespace) {
        (0, 0)
    } else {
        fold::leading_space(hay)
    };
    let end = if needle.ends_with(char::is_whitespace) {
        hay.len()
    } else {
        hay.len() - fold::trailing_space(hay)
    };
    let at = match (found, kind) {
        (Some(at), _) => at,
        (None, Kind::Prefix | Kind::Equal) => {
            let core = hay.get(lead..end.max(lead))?;
            if !core.starts_with(needle) || (kind == Kind::Equal && core.len() != needle.len()) {
                return None;
            }
            lead
        }
        (None, Kind::Suffix) => {
            if !hay[..end].ends_with(needle) {
                return None;
            }
            end - needle.len()
        }
        (None, _) => return None,
    };
    let before = if at == 0 {
        0
    } else {
        hay[..at].chars().count()
    };
    let core_chars = hay.get(lead..end).map_or(0, |c| c.chars().count());
    let tier = if core_chars == needle_chars && at == lead {
        4
    } else if at == lead || kind == Kind::Suffix {
        3
    } else {
        2
    };
    let early = 40_000 - before.saturating_sub(lead_chars).min(400) as i64 * 100;
    let coverage = (needle_chars * 40_000 / core_chars.max(1)) as i64;
    Some(TextMatch {
        tier,
        quality: early + coverage,
        positions: if want {
            (before..before + needle_chars).collect()
        } else {
            Vec::new()
        },
    })
}

/// The first occurrence with no letter, digit or Han character right before or after it.
fn boundary_find(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let end = at + needle.len();
        let ok_before = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ok_after = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if ok_before && ok_after {
            return Some(at);
        }
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}
