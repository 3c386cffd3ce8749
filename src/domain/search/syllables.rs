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

/// Matches lower-case `q` against `key` with the meaning of `kind`.
pub(crate) fn find(kind: Kind, key: &str, q: &[u8], want: bool) -> Option<SyllableMatch> {
    let key = key.as_bytes();
    if q.is_empty() || key.is_empty() {
        return None;
    }
    let first = q[0];
    if !key
        .iter()
        .any(|&b| super::pinyin::is_start(b) && b.eq_ignore_ascii_case(&first))
    {
        return None;
    }
    let sy = syllables(key);
    let n = sy.len();
    let syl = |j: usize| &key[sy[j].0..sy[j].1];
    let starts = |from: usize| {
        (from..n).filter(move |&j| {
            matches!(kind, Kind::Prefix | Kind::Equal) && j == 0
                || !matches!(kind, Kind::Prefix | Kind::Equal)
                    && syl(j)[0].eq_ignore_ascii_case(&first)
        })
    };
    let mut used = Vec::new();
    for j0 in starts(0) {
        used.clear();
        if run(&syl, n, q, 0, j0, &mut used) {
            let last = *used.last().expect("non-empty query");
            if matches!(kind, Kind::Suffix | Kind::Equal) && last + 1 != n {
                continue;
            }
            return Some(SyllableMatch {
                first: j0,
                last,
                used,
                syllables: n,
                contiguous: true,
            });
        }
    }
    if kind != Kind::Fuzzy || q.len() >= 64 {
        return None;
    }
    // Scattered: syllables in order with gaps, within a window of WINDOW syllables, so that a
    // long text does not match letters strewn over its whole length. The window does not grow
    // with the query, so typing one more letter never finds more (narrowing relies on it).
    // `reach` has bit i set when q[..i] can be matched so far.
    let done = 1u64 << q.len();
    let (j0, last) = starts(0).find_map(|j0| {
        let mut reach = 0u64;
        for len in 1..=common(syl(j0), q) {
            reach |= 1 << len;
        }
        for j in j0 + 1..n.min(j0 + WINDOW) {
            let mut next = reach;
            let mut r = reach & (done - 1);
            while r != 0 {
                let i = r.trailing_zeros() as usize;
                r &= r - 1;
                for len in 1..=common(syl(j), &q[i..]) {
                    next |= 1 << (i + len);
                }
            }
            reach = next;
            if reach & done != 0 {
                return Some((j0, j));
            }
        }
        None
    })?;
    let mut used = Vec::new();
    if want {
        // The earliest syllable and longest prefix from which the rest still matches.
        let win = Window { j0, end: last + 1 };
        let mut memo = vec![0u8; (q.len() + 1) * (win.end - j0 + 1)];
        let (mut i, mut j) = (0, j0);
        while i < q.len() {
            let (k, len) = (j..win.end)
                .find_map(|k| {
                    let c = common(syl(k), &q[i..]);
                    (1..=c)
                        .rev()
                        .find(|&len| win.gaps(&syl, q, i + len, k + 1, &mut memo))
                        .map(|len| (k, len))
                })
                .expect("the forward pass found a match");
            used.push(k);
            i += len;
            j = k + 1;
        }
    }
    Some(SyllableMatch {
        first: j0,
        last,
        used,
        syllables: n,
        contiguous: false,
    })
}

/// q[i..] from consecutive syllables j, j+1, ...; records the syllables used.
fn run<'k>(
    syl: &impl Fn(usize) -> &'k [u8],
    n: usize,
    q: &[u8],
    i: usize,
    j: usize,
    used: &mut Vec<usize>,
) -> bool {
    if i == q.len() {
        return true;
    }
    if j >= n {
        return false;
    }
    let c = common(syl(j), &q[i..]);
    for len in (1..=c).rev() {
        used.push(j);
        if run(syl, n, q, i + len, j + 1, used) {
            return true;
        }
        used.pop();
    }
    false
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
mod tests {
    use super::*;

    fn used(kind: Kind, key: &str, q: &str) -> Option<(Vec<usize>, bool)> {
        let quick = find(kind, key, q.as_bytes(), false).map(|m| (m.first, m.last));
        let full = find(kind, key, q.as_bytes(), true);
        assert_eq!(quick, full.as_ref().map(|m| (m.first, m.last)), "{key} {q}");
        full.map(|m| {
            if m.contiguous {
                assert_eq!(m.used, (m.first..=m.last).collect::<Vec<_>>());
            }
            assert_eq!((m.used[0], *m.used.last().unwrap()), (m.first, m.last));
            (m.used, m.contiguous)
        })
    }

    #[test]
    fn initials_full_and_mixed() {
        let key = "ChongQingHaiGuan";
        assert_eq!(used(Kind::Fuzzy, key, "cq"), Some((vec![0, 1], true)));
        assert_eq!(
            used(Kind::Fuzzy, key, "chongqing"),
            Some((vec![0, 1], true))
        );
        assert_eq!(
            used(Kind::Fuzzy, key, "cqhaig"),
            Some((vec![0, 1, 2, 3], true))
        );
        assert_eq!(used(Kind::Fuzzy, key, "haiguan"), Some((vec![2, 3], true)));
        assert_eq!(used(Kind::Fuzzy, key, "cg"), Some((vec![0, 3], false)));
    }

    #[test]
    fn pieces_must_start_syllables() {
        assert!(used(Kind::Fuzzy, "ChongQingHaiGuan", "ongq").is_none());
        assert!(used(Kind::Fuzzy, "ShiZhuFangChengXiangJianWei", "fgw").is_none());
        assert!(used(Kind::Fuzzy, "ShiFaZhanGaiGeWei", "fgw").is_some());
        assert!(used(Kind::Fuzzy, "ShiFaZhanGaiGeWei", "zzzz").is_none());
        let far = "ZhiAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAZheng";
        assert!(used(Kind::Fuzzy, far, "zz").is_none(), "too far apart");
        assert!(used(Kind::Fuzzy, "ZhiAAZheng", "zz").is_some());
        let thirteen = "ZhiAAAAAAAAAAAZheng";
        assert!(
            used(Kind::Fuzzy, thirteen, "zz").is_none(),
            "beyond the window"
        );
        assert!(
            used(Kind::Fuzzy, thirteen, "zzhe").is_none(),
            "a longer query, same window"
        );
    }

    #[test]
    fn backtracks_over_ambiguous_splits() {
        // xian could be one syllable or xi + an.
        assert_eq!(used(Kind::Fuzzy, "XiAn", "xian"), Some((vec![0, 1], true)));
        assert_eq!(
            used(Kind::Fuzzy, "XianXi", "xianxi"),
            Some((vec![0, 1], true))
        );
    }

    #[test]
    fn anchored_kinds() {
        let key = "ChongQingHaiGuan";
        assert!(used(Kind::Prefix, key, "cq").is_some());
        assert!(used(Kind::Prefix, key, "hg").is_none());
        assert!(used(Kind::Suffix, key, "hg").is_some());
        assert!(used(Kind::Suffix, key, "cq").is_none());
        assert!(used(Kind::Equal, key, "cqhg").is_some());
        assert!(used(Kind::Equal, key, "cqh").is_none());
        assert!(
            used(Kind::Exact, key, "cg").is_none(),
            "exact needs consecutive syllables"
        );
    }
}
