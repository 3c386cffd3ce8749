//! Matching an ASCII query against a pinyin key (`ChongQingHaiGuan`, kept as its syllables'
//! numbers), syllable-aligned:
//! the query must split into pieces that are each a non-empty prefix of a syllable, syllables in
//! order. `cq`, `chongq`, `cqhaig` find 重庆海关; `hg` too (characters may be skipped, as in any
//! fuzzy match, but then the match ranks as scattered); `ongq` does not (a piece must start a
//! syllable), which keeps long texts from matching any jumble of letters.

use super::query::Kind;
use super::syllable_table::SYLLABLES;

/// How many syllables a scattered pinyin match may span.
pub(crate) const WINDOW: usize = 12;

/// A key's syllables, by number in [`SYLLABLES`], two bytes each, little-endian (see
/// `pinyin::Keys`).
#[derive(Clone, Copy)]
pub(crate) struct Syl<'a>(pub &'a [u8]);

impl Syl<'_> {
    fn len(self) -> usize {
        self.0.len() / 2
    }

    fn id(self, j: usize) -> usize {
        usize::from(u16::from_le_bytes([self.0[2 * j], self.0[2 * j + 1]]))
    }
}

/// How many bytes of syllable `s` and lower-case query `q` agree from the start.
fn common(s: &[u8], q: &[u8]) -> usize {
    s.iter().zip(q).take_while(|(a, b)| a == b).count()
}

/// A lower-case query made ready for matching keys: for every syllable and every place in the
/// query, how many of the query's letters from there the syllable spells (a table of
/// `SYLLABLES.len()` rows of `q.len()` bytes, made once a term).
pub(crate) struct Needle {
    m: usize,
    common: Vec<u8>,
    /// Bit `letter - b'a'` of the query's byte at each place (0 for a byte no syllable has).
    letter: Vec<u32>,
}

/// Bit `letter - b'a'` of each syllable's first letter (0 for the separator), by number.
const FIRST_BIT: [u32; SYLLABLES.len()] = {
    let mut bits = [0; SYLLABLES.len()];
    let mut id = 1;
    while id < SYLLABLES.len() {
        bits[id] = 1 << (SYLLABLES[id].as_bytes()[0] - b'a');
        id += 1;
    }
    bits
};

impl Needle {
    pub fn new(q: &str) -> Needle {
        let q = q.as_bytes();
        let m = q.len();
        if m >= 64 {
            // Longer than any match `find` looks for: no table (a pasted page is not 416 x its
            // length of work).
            return Needle {
                m,
                common: Vec::new(),
                letter: Vec::new(),
            };
        }
        let mut common_table = vec![0u8; SYLLABLES.len() * m];
        for (id, s) in SYLLABLES.iter().enumerate() {
            for i in 0..m {
                common_table[id * m + i] = common(s.as_bytes(), &q[i..]) as u8;
            }
        }
        Needle {
            m,
            common: common_table,
            letter: q
                .iter()
                .map(|&b| {
                    if b.is_ascii_lowercase() {
                        1 << (b - b'a')
                    } else {
                        0
                    }
                })
                .collect(),
        }
    }

    /// How many of the query's letters from `i` on syllable `id` spells.
    fn common(&self, id: usize, i: usize) -> usize {
        usize::from(self.common[id * self.m + i])
    }
}

/// A match: where it starts and ends (syllable indices), and the syllables used (in order; only
/// when asked for).
pub(crate) struct SyllableMatch {
    pub first: usize,
    pub last: usize,
    pub used: Vec<usize>,
    pub syllables: usize,
    pub contiguous: bool,
}

/// Not reached.
const NONE: u32 = u32::MAX;

/// Matches the needle against `key` with the meaning of `kind`, in one pass over the key.
///
/// After each syllable, `cont[i]` is the start of a run of consecutive syllables ending there
/// that spells `q[..i]`, and `scat[i]` the latest start of a scattered match of `q[..i]` (the
/// latest is the best: it leaves the most of the window).
pub(crate) fn find(kind: Kind, key: Syl, nd: &Needle, want: bool) -> Option<SyllableMatch> {
    let m = nd.m;
    let n = key.len();
    if m == 0 || m >= 64 || n == 0 {
        return None;
    }
    let anchored = matches!(kind, Kind::Prefix | Kind::Equal);
    let to_end = matches!(kind, Kind::Suffix | Kind::Equal);
    let (mut cont_buf, mut next_buf) = ([NONE; 64], [NONE; 64]);
    // Swapped as references each syllable, not copied.
    let (mut cont, mut next_cont) = (&mut cont_buf, &mut next_buf);
    let mut scat = [NONE; 64];
    let mut contiguous: Option<(usize, usize)> = None;
    let mut scattered: Option<(usize, usize)> = None;
    // While no run of consecutive syllables is going on, only a syllable whose first letter is
    // the query's first (a new start) or the next letter of a scattered match (`need`) can
    // change anything: the others are skipped.
    let mut cont_alive = false;
    let mut need = nd.letter[0];
    let mut j = 0;
    while j < n {
        let id = key.id(j);
        if !cont_alive {
            if anchored && j > 0 {
                break;
            }
            if FIRST_BIT[id] & need == 0 {
                j += 1;
                continue;
            }
        }
        let j32 = j as u32;
        next_cont[..=m].fill(NONE);
        // Scattered states extend in place from the longest prefix down, so that a state
        // written for this syllable is not extended by it again.
        if kind == Kind::Fuzzy {
            for i in (1..m).rev() {
                let from = scat[i];
                if from != NONE && j32 < from + WINDOW as u32 {
                    for len in 1..=nd.common(id, i) {
                        scat[i + len] = if scat[i + len] == NONE {
                            from
                        } else {
                            scat[i + len].max(from)
                        };
                    }
                }
            }
        }
        for i in 1..m {
            let from = cont[i];
            if from != NONE {
                for len in 1..=nd.common(id, i) {
                    if next_cont[i + len] == NONE {
                        next_cont[i + len] = from;
                    }
                }
            }
        }
        if !anchored || j == 0 {
            for len in 1..=nd.common(id, 0) {
                if next_cont[len] == NONE {
                    next_cont[len] = j32;
                }
                scat[len] = j32;
            }
        }
        cont_alive = next_cont[1..m].iter().any(|&c| c != NONE);
        std::mem::swap(&mut cont, &mut next_cont);
        if cont[m] != NONE {
            contiguous = Some((cont[m] as usize, j));
            if !to_end {
                break;
            }
        }
        if scattered.is_none() && kind == Kind::Fuzzy && scat[m] != NONE {
            scattered = Some((scat[m] as usize, j));
        }
        if kind == Kind::Fuzzy {
            // A state whose window has passed stays in `need`: it only skips less.
            need = scat[1..m]
                .iter()
                .zip(&nd.letter[1..])
                .filter(|(s, _)| **s != NONE)
                .fold(nd.letter[0], |need, (_, bit)| need | bit);
        }
        j += 1;
    }
    if let Some((first, last)) = contiguous
        && (!to_end || last + 1 == n)
    {
        return Some(SyllableMatch {
            first,
            last,
            used: if want {
                (first..=last).collect()
            } else {
                Vec::new()
            },
            syllables: n,
            contiguous: true,
        });
    }
    if kind != Kind::Fuzzy {
        return None;
    }
    let (first, last) = scattered?;
    let mut used = Vec::new();
    if want {
        // The earliest syllable and longest prefix from which the rest still matches.
        let win = Window {
            j0: first,
            end: last + 1,
        };
        let mut memo = vec![0u8; (m + 1) * (win.end - first + 1)];
        let (mut i, mut j) = (0, first);
        while i < m {
            let (k, len) = (j..win.end)
                .find_map(|k| {
                    let c = nd.common(key.id(k), i);
                    (1..=c)
                        .rev()
                        .find(|&len| {
                            (i > 0 || k == first) && win.gaps(key, nd, i + len, k + 1, &mut memo)
                        })
                        .map(|len| (k, len))
                })
                .expect("the forward pass found a match");
            used.push(k);
            i += len;
            j = k + 1;
        }
    }
    Some(SyllableMatch {
        first,
        last,
        used,
        syllables: n,
        contiguous: false,
    })
}

/// Syllables `j0..end`, where a scattered match is looked for.
struct Window {
    j0: usize,
    end: usize,
}

impl Window {
    /// Whether q[i..] matches syllables from j on (before `end`), skipping any.
    fn gaps(&self, key: Syl, nd: &Needle, i: usize, j: usize, memo: &mut [u8]) -> bool {
        if i == nd.m {
            return true;
        }
        if j >= self.end {
            return false;
        }
        let at = i * (self.end - self.j0 + 1) + (j - self.j0);
        if memo[at] != 0 {
            return memo[at] == 2;
        }
        let c = nd.common(key.id(j), i);
        let ok = (1..=c)
            .rev()
            .any(|len| self.gaps(key, nd, i + len, j + 1, memo))
            || (i > 0 && self.gaps(key, nd, i, j + 1, memo));
        memo[at] = if ok { 2 } else { 1 };
        ok
    }
}

#[cfg(test)]
#[path = "syllables_tests.rs"]
mod tests;
