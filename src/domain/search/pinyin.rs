//! Pinyin keys: hidden ASCII spellings of Chinese text, so `cq` finds 重庆 and `yinhang` 银行.
//!
//! Each text gets one key: its pinyin without tones, each syllable capitalised (`ChongQingShi`),
//! so matching can tell where syllables start: `cq`, `chongq` and `chongqing` all find 重庆 by
//! taking a prefix of each syllable, while letters inside syllables (the `g` of `cheng`) never
//! start a match. Readings come from the `pinyin` crate, except for the words of the embedded document
//! whose default reading is wrong there (heteronyms: 重庆 is chong qing, 银行 yin hang); those are
//! in [`OVERRIDES`]. ü is spelled `v`, as typed on a pinyin keyboard. Pinyin reaches Han characters
//! only: each run of other characters (Latin text, digits, punctuation, inner white space) is one
//! [`SEPARATOR`] syllable that no query letter matches, so ASCII text is matched as itself and
//! `'cq` or `^cq` need the characters where the text has them; white space at either end is left
//! out, as fzf's `^` and `$` ignore it. A map from syllables back to character positions lets
//! highlighting mark the Chinese characters a pinyin match used.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;

use super::syllable_table::SYLLABLES;

/// Words whose reading in this document differs from the crate's default reading.
/// Readings that the default already gets right (行政 xing zheng, 重点 zhong dian) are checked
/// by the tests instead.
pub const OVERRIDES: &[(&str, &[&str])] = &[
    ("重庆", &["chong", "qing"]),
    ("重复", &["chong", "fu"]),
    ("重新", &["chong", "xin"]),
    ("银行", &["yin", "hang"]),
    ("人行", &["ren", "hang"]),
    ("行业", &["hang", "ye"]),
    ("行长", &["hang", "zhang"]),
    ("长期", &["chang", "qi"]),
    ("调整", &["tiao", "zheng"]),
    ("协调", &["xie", "tiao"]),
    ("供给", &["gong", "ji"]),
    ("给予", &["ji", "yu"]),
    ("曝光", &["bao", "guang"]),
    // 打击商标囤积 (measure 14.6): tún, not the default dùn.
    ("囤积", &["tun", "ji"]),
];

/// The hidden search key of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
/// (Archived in the workspace's cache.)
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Keys {
    /// The syllables' numbers in the table of syllables (`syllable_table`), two bytes each,
    /// little-endian: the same bytes in memory and in the cache's archive.
    pub syl: Vec<u8>,
}

impl Keys {
    /// The syllables' numbers.
    pub fn ids(&self) -> impl Iterator<Item = usize> + '_ {
        self.syl
            .chunks_exact(2)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    }

    /// Pinyin with each syllable capitalised, [`SEPARATOR`] for a separator: `ChongQingHaiGuan`.
    pub fn spelled(&self) -> String {
        let mut out = String::new();
        for id in self.ids() {
            let s = SYLLABLES[id];
            if s.is_empty() {
                out.push(SEPARATOR);
            } else {
                out.push(char::from(s.as_bytes()[0].to_ascii_uppercase()));
                out.push_str(&s[1..]);
            }
        }
        out
    }

    /// Full pinyin, lower case, a `-` for each separator: `chongqinghaiguan`.
    pub fn full(&self) -> String {
        self.ids()
            .map(|id| match SYLLABLES[id] {
                "" => "-",
                s => s,
            })
            .collect()
    }

    /// First letters: `cqhg`.
    pub fn initials(&self) -> String {
        self.ids()
            .filter_map(|id| SYLLABLES[id].chars().next())
            .collect()
    }
}

/// The number of a syllable (lower case, ü as `v`) in the table; a reading the table lacks
/// (a test checks there is none) is kept as a separator, which no query matches.
fn number(syllable: &[char]) -> u16 {
    let mut buf = [0u8; 8];
    if syllable.len() > buf.len() || !syllable.iter().all(char::is_ascii_lowercase) {
        return 0;
    }
    for (b, &c) in buf.iter_mut().zip(syllable) {
        *b = c as u8;
    }
    let s = &buf[..syllable.len()];
    SYLLABLES[1..]
        .binary_search_by(|t| t.as_bytes().cmp(s))
        .map_or(0, |k| k as u16 + 1)
}

/// The syllable that stands for a run of characters that are not Han: no query matches it.
pub const SEPARATOR: char = '\0';

/// The key of `text` (its folded form: see `fold`).
pub fn keys(text: &str) -> Keys {
    // Room for a syllable a character (a text has no more), the rest given back once known:
    // a workspace keeps some 80k keys, which grown by doubling held a third more than they use.
    let mut k = Keys {
        syl: Vec::with_capacity(2 * text.chars().count()),
    };
    walk(text, true, |_, id| push(&mut k, id));
    k.syl.shrink_to_fit();
    k
}

/// The key of `text` and, for each syllable, the index of the character it spells.
pub fn keys_with_map(text: &str) -> (Keys, Vec<u32>) {
    let mut k = Keys::default();
    let mut m = Vec::new();
    walk(text, true, |at, id| {
        push(&mut k, id);
        m.push(at);
    });
    (k, m)
}

/// The index of the character each syllable of `keys(text)` spells (as `keys_with_map`, without
/// spelling anything: an override spells one syllable a character too).
pub fn syllable_chars(text: &str) -> Vec<u32> {
    let (chars, start, end) = trimmed(text);
    let mut out = Vec::new();
    let mut in_run = false;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        let han = !c.is_ascii() && c.to_pinyin().is_some();
        if han || !in_run {
            out.push(i as u32);
        }
        in_run = !han;
    }
    out
}

/// The readings of `text` one character at a time, space-separated (for tests and checks):
/// `重庆海关` -> `chong qing hai guan`.
pub fn spell(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    walk(text, false, |_, id| {
        out.push(SYLLABLES[usize::from(id)].to_string())
    });
    out.join(" ")
}

fn push(k: &mut Keys, id: u16) {
    k.syl.extend_from_slice(&id.to_le_bytes());
}

/// The characters of `text` and where they start and end without white space at either end.
fn trimmed(text: &str) -> (Vec<char>, usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let inner = chars[start..].iter().rev();
    let end = chars.len() - inner.take_while(|c| c.is_whitespace()).count();
    (chars, start, end)
}

/// Calls `f(char index, syllable number)` for each Han character, in order; with `separators`,
/// also for the first character of each run of other characters, with 0 (the separator) as its
/// number (white space at either end of the text aside).
fn walk(text: &str, separators: bool, mut f: impl FnMut(u32, u16)) {
    let (chars, start, end) = trimmed(text);
    let mut in_run = false;
    let mut i = start;
    while i < end {
        let c = chars[i];
        let (reading, starts_word) = reading(c);
        if starts_word
            && let Some(words) = overrides().get(&c)
            && let Some((len, readings)) = words
                .iter()
                .find(|(w, _)| chars[i..end].starts_with(w))
                .map(|(w, r)| (w.len(), r))
        {
            for (j, &r) in readings.iter().enumerate() {
                f((i + j) as u32, r);
            }
            in_run = false;
            i += len;
            continue;
        }
        match reading {
            Some(id) => {
                f(i as u32, id);
                in_run = false;
            }
            None if separators && !in_run => {
                f(i as u32, 0);
                in_run = true;
            }
            None => {}
        }
        i += 1;
    }
}

/// A character's syllable number (`None`: not Han, or no reading), and whether an override's
/// word starts with it. Looked up in tables of 256 characters, each made the first time one of
/// its characters is read.
fn reading(c: char) -> (Option<u16>, bool) {
    const FIRST: u32 = 0x3400;
    const BLOCKS: usize = (0xA000 - FIRST as usize) / 256;
    /// The number, or `NO_READING`, with `STARTS_WORD` added.
    type Block = [u16; 256];
    const NO_READING: u16 = 0x7fff;
    const STARTS_WORD: u16 = 0x8000;
    static TABLES: [OnceLock<Block>; BLOCKS] = [const { OnceLock::new() }; BLOCKS];
    let look = |c: char| -> u16 {
        let starts = OVERRIDES.iter().any(|(w, _)| w.starts_with(c));
        let id = c
            .to_pinyin()
            .filter(|_| !c.is_ascii())
            .map_or(NO_READING, |p| {
                let chars: Vec<char> = p
                    .plain()
                    .chars()
                    .map(|c| if c == 'ü' { 'v' } else { c })
                    .collect();
                number(&chars)
            });
        if starts { id | STARTS_WORD } else { id }
    };
    let v = match (c as u32).checked_sub(FIRST) {
        Some(k) if (k as usize) < BLOCKS * 256 => {
            let block = TABLES[k as usize / 256].get_or_init(|| {
                let base = FIRST + (k / 256) * 256;
                std::array::from_fn(|j| char::from_u32(base + j as u32).map_or(NO_READING, look))
            });
            block[k as usize % 256]
        }
        _ => look(c),
    };
    let id = v & !STARTS_WORD;
    ((id != NO_READING).then_some(id), v & STARTS_WORD != 0)
}

type Table = HashMap<char, Vec<(Vec<char>, Vec<u16>)>>;

fn overrides() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Table = HashMap::new();
        for &(word, readings) in OVERRIDES {
            let chars: Vec<char> = word.chars().collect();
            let numbers = readings
                .iter()
                .map(|r| number(&r.chars().collect::<Vec<_>>()))
                .collect();
            t.entry(chars[0]).or_default().push((chars, numbers));
        }
        // Longer words first, so a longer override wins.
        for v in t.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        t
    })
}

#[cfg(test)]
#[path = "pinyin_tests.rs"]
mod tests;
