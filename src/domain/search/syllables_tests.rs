use super::*;

/// Whether a byte of a spelled key starts a syllable (anything but a lower-case letter).
fn is_start(b: u8) -> bool {
    !b.is_ascii_lowercase()
}

/// Byte ranges of the syllables of a spelled key (`ChongQing`, `\0` a separator).
fn syllables(key: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in key.iter().enumerate().skip(1) {
        if is_start(b) {
            out.push((start, i));
            start = i;
        }
    }
    if !key.is_empty() {
        out.push((start, key.len()));
    }
    out
}

/// The syllables' numbers of a spelled key, as `pinyin::Keys::syl` holds them.
fn numbered(key: &str) -> Vec<u8> {
    let bytes = key.as_bytes();
    syllables(bytes)
        .into_iter()
        .flat_map(|(a, b)| {
            let s = bytes[a..b].to_ascii_lowercase();
            let id = if s == b"\0" {
                0
            } else {
                SYLLABLES
                    .iter()
                    .position(|t| t.as_bytes() == s)
                    .unwrap_or_else(|| panic!("{key}: not a syllable"))
            };
            (id as u16).to_le_bytes()
        })
        .collect()
}

fn find_in(kind: Kind, key: &str, q: &[u8], want: bool) -> Option<SyllableMatch> {
    let q = std::str::from_utf8(q).unwrap();
    find(kind, Syl(&numbered(key)), &Needle::new(q), want)
}

fn used(kind: Kind, key: &str, q: &str) -> Option<(Vec<usize>, bool)> {
    let quick = find_in(kind, key, q.as_bytes(), false).map(|m| (m.first, m.last));
    let full = find_in(kind, key, q.as_bytes(), true);
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

/// The definition, checked the slow way: some run of consecutive syllables spells q (each
/// syllable giving a prefix), or, for fuzzy, some syllables in order within a window do.
fn reference(kind: Kind, key: &str, q: &[u8]) -> bool {
    let sy = syllables(key.as_bytes());
    let lower = key.to_ascii_lowercase();
    let syl = |j: usize| &lower.as_bytes()[sy[j].0..sy[j].1];
    let n = sy.len();
    let anchored = matches!(kind, Kind::Prefix | Kind::Equal);
    let to_end = matches!(kind, Kind::Suffix | Kind::Equal);
    for j0 in 0..n {
        if anchored && j0 > 0 {
            break;
        }
        // Every way the run can end matters for `to_end`: try all splits.
        fn ends<'k>(
            syl: &impl Fn(usize) -> &'k [u8],
            n: usize,
            q: &[u8],
            j: usize,
            out: &mut Vec<usize>,
        ) {
            if q.is_empty() {
                out.push(j);
                return;
            }
            if j >= n {
                return;
            }
            for len in 1..=common(syl(j), q) {
                ends(syl, n, &q[len..], j + 1, out);
            }
        }
        let mut out = Vec::new();
        ends(&syl, n, q, j0, &mut out);
        if out.iter().any(|&e| !to_end || e == n) {
            return true;
        }
    }
    if kind != Kind::Fuzzy {
        return false;
    }
    // Some syllables in order within a window, each spelling a prefix of what is left.
    fn gaps<'k>(syl: &impl Fn(usize) -> &'k [u8], end: usize, q: &[u8], j: usize) -> bool {
        if q.is_empty() {
            return true;
        }
        (j..end).any(|k| (1..=common(syl(k), q)).any(|len| gaps(syl, end, &q[len..], k + 1)))
    }
    (0..n).any(|j0| {
        let end = n.min(j0 + WINDOW);
        (1..=common(syl(j0), q)).any(|len| gaps(&syl, end, &q[len..], j0 + 1))
    })
}

proptest::proptest! {
    #[test]
    fn one_pass_agrees_with_the_definition(
        syls in proptest::collection::vec(
            proptest::sample::select(vec!["Xi", "An", "Xian", "Zhong", "Qing", "Chong", "A", "Hang", "Ge", "\0", "E", "N"]),
            0..30,
        ),
        q in "[xianzhongqce3]{1,7}",
        k in 0usize..6,
    ) {
        let kind = [Kind::Fuzzy, Kind::Exact, Kind::Prefix, Kind::Suffix, Kind::Equal, Kind::Boundary][k];
        let key: String = syls.concat();
        let got = find_in(kind, &key, q.as_bytes(), true);
        let want = reference(kind, &key, q.as_bytes());
        proptest::prop_assert_eq!(got.is_some(), want, "{:?} {} {}", kind, key, q);
        if let Some(m) = got {
            // Syllables in order, each starting with the query's next letter.
            proptest::prop_assert!(m.used.windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert_eq!((m.first, m.last), (m.used[0], *m.used.last().unwrap()));
        }
    }
}

#[test]
fn a_separator_breaks_runs_but_not_scattered_matches() {
    let key = "Chong\0Qing";
    assert_eq!(used(Kind::Fuzzy, key, "cq"), Some((vec![0, 2], false)));
    assert_eq!(used(Kind::Exact, key, "cq"), None);
    assert_eq!(used(Kind::Prefix, "\0ChongQing", "cq"), None);
}

#[test]
fn a_query_of_64_letters_or_more_matches_nothing_and_makes_no_table() {
    let long = "a".repeat(64);
    let nd = Needle::new(&long);
    assert!(nd.common.is_empty());
    let key = "A".repeat(70);
    assert!(find_in(Kind::Fuzzy, &key, long.as_bytes(), true).is_none());
    let shorter = "a".repeat(63);
    assert!(find_in(Kind::Fuzzy, &key, shorter.as_bytes(), true).is_some());
}
