//! Matching an ASCII query against a spelled pinyin key (`ChongQingHaiGuan`), syllable-aligned:
//! the query must split into pieces that are each a non-empty prefix of a syllable, syllables in
//! order. `cq`, `chongq`, `cqhaig` find 重庆海关; `hg` too (characters may be skipped, as in any
//! fuzzy match, but then the match ranks as scattered); `ongq` does not (a piece must start a
//! syllable), which keeps long texts from matching any jumble of letters.

use super::query::Kind;

/// How many syllables a scattered pinyin match may span.
pub(crate) const WINDOW: usize = 12;

/// Byte ranges of the syllables of a key.
fn syllables(key: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in key.iter().enumerate().skip(1) {
        if super::pinyin::is_start(b) {
            out.push((start, i));
            start = i;
        }
    }
    if !key.is_empty() {
        out.push((start, key.len()));
    }
    out
}

/// How many bytes of syllable `s` and query `q` agree from the start (ASCII, any case).
fn common(s: &[u8], q: &[u8]) -> usize {
    s.iter()
        .zip(q)
        .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
        .count()
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

/// Matches lower-case `q` against `key` with the meaning of `kind`, in one pass over the key.
///
/// After each syllable, `cont[i]` is the start of a run of consecutive syllables ending there
/// that spells `q[..i]`, and `scat[i]` the latest start of a scattered match of `q[..i]` (the
/// latest is the best: it leaves the most of the window).
pub(crate) fn find(kind: Kind, key: &str, q: &[u8], want: bool) -> Option<SyllableMatch> {
    let key = key.as_bytes();
    let m = q.len();
    if m == 0 || m >= 64 || key.is_empty() || !key.contains(&q[0].to_ascii_uppercase()) {
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
    let starts_in = |bytes: &[u8]| {
        bytes
            .iter()
            .filter(|&&b| super::pinyin::is_start(b))
            .count()
    };
    let q0 = q[0].to_ascii_uppercase();
    // While no run of consecutive syllables is going on, only a syllable whose first letter is
    // the query's first (a new start) or the next letter a scattered match in its window needs
    // can change anything: skip to the next such syllable.
    let mut cont_alive = false;
    let (mut j, mut pos) = (0usize, 0usize);
    while pos < key.len() {
        if !cont_alive {
            if anchored && j > 0 {
                break;
            }
            let mut need = 0u32;
            let mut any = false;
            let firsts = std::iter::once(q0).chain((1..m).filter_map(|i| {
                let from = scat[i];
                (kind == Kind::Fuzzy && from != NONE && (j as u32) < from + WINDOW as u32)
                    .then(|| q[i].to_ascii_uppercase())
            }));
            for b in firsts {
                if b.is_ascii_uppercase() {
                    need |= 1 << (b - b'A');
                } else {
                    any = true;
                }
            }
            if !any {
                let mut k = pos;
                while k < key.len() {
                    let b = key[k];
                    if b.is_ascii_uppercase() && need & (1 << (b - b'A')) != 0 {
                        break;
                    }
                    k += 1;
                }
                j += starts_in(&key[pos..k]);
                pos = k;
                if pos >= key.len() {
                    break;
                }
            }
        }
        let end = pos
            + 1
            + key[pos + 1..]
                .iter()
                .position(|&b| super::pinyin::is_start(b))
                .unwrap_or(key.len() - pos - 1);
        let s = &key[pos..end];
        let j32 = j as u32;
        next_cont[..=m].fill(NONE);
        // Scattered states extend in place from the longest prefix down, so that a state
        // written for this syllable is not extended by it again.
        if kind == Kind::Fuzzy {
            for i in (1..m).rev() {
                let from = scat[i];
                if from != NONE && (j as u32) < from + WINDOW as u32 {
                    for len in 1..=common(s, &q[i..]) {
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
                for len in 1..=common(s, &q[i..]) {
                    if next_cont[i + len] == NONE {
                        next_cont[i + len] = from;
                    }
                }
            }
        }
        if !anchored || j == 0 {
            for len in 1..=common(s, q) {
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
        j += 1;
        pos = end;
    }
    let n = if pos >= key.len() {
        j
    } else {
        j + starts_in(&key[pos..])
    };
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
        let sy = syllables(key);
        let syl = |j: usize| &key[sy[j].0..sy[j].1];
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
                    let c = common(syl(k), &q[i..]);
                    (1..=c)
                        .rev()
                        .find(|&len| {
                            (i > 0 || k == first) && win.gaps(&syl, q, i + len, k + 1, &mut memo)
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
    fn gaps<'k>(
        &self,
        syl: &impl Fn(usize) -> &'k [u8],
        q: &[u8],
        i: usize,
        j: usize,
        memo: &mut [u8],
    ) -> bool {
        if i == q.len() {
            return true;
        }
        if j >= self.end {
            return false;
        }
        let at = i * (self.end - self.j0 + 1) + (j - self.j0);
        if memo[at] != 0 {
            return memo[at] == 2;
        }
        let c = common(syl(j), &q[i..]);
        let ok = (1..=c)
            .rev()
            .any(|len| self.gaps(syl, q, i + len, j + 1, memo))
            || (i > 0 && self.gaps(syl, q, i, j + 1, memo));
        memo[at] = if ok { 2 } else { 1 };
        ok
    }
}

#[cfg(test)]
#[path = "syllables_tests.rs"]
mod tests;
