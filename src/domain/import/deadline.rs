//! Deadlines as a notice writes them: a day (2020年6月30日), a month (2020年6月底前: the month's
//! last day), a year (2020年底前), a month or 年底 without a year (the notice's year, marked
//! inferred), and undated targets that keep their phrase (持续推进, 长期坚持, 每季度末).

use jiff::civil::Date;

use super::fold::Folded;

/// A deadline found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// As written: 2020年6月底前, 年底前, 持续推进.
    pub phrase: String,
    pub date: Option<Date>,
    pub inferred: bool,
    /// Where it starts (characters), for the clause it governs.
    pub at: usize,
}

/// Undated targets, kept as their phrase.
const UNDATED: &[&str] = &[
    "持续推进",
    "长期坚持",
    "长期推进",
    "持续开展",
    "持续实施",
    "持续落实",
    "常态化推进",
    "长期",
    "每季度末",
    "每季度",
    "每月",
    "每半年",
    "每年",
];

/// Whether a folded text names a deadline or an undated target.
pub fn mentions(folded: &str) -> bool {
    !find_in(&Folded::new(folded), None, true).is_empty()
}

fn last_day(y: i16, m: i8) -> Option<Date> {
    Date::new(y, m, 1).ok().map(|d| d.last_of_month())
}

/// The number written at `i` (up to 5 digits) and where it ends; `None` without a digit there.
fn number(f: &[char], mut i: usize) -> Option<(u32, usize)> {
    let start = i;
    let mut n: u32 = 0;
    while i < f.len() && f[i].is_ascii_digit() && i - start < 5 {
        n = n * 10 + f[i].to_digit(10).unwrap_or(0);
        i += 1;
    }
    (i > start).then_some((n, i))
}

/// Every dated deadline in `f`, in order; the first undated phrase when there is none.
/// `year` is the notice's, for deadlines written without one.
pub fn find(f: &Folded, year: Option<i16>) -> Vec<Found> {
    find_in(f, year, false)
}

/// `find`, where `alone` says the text is a deadline by its place (a 完成时限 column, a clause of
/// an allocation): a bare year (2099年) or month (6月) is one there.
pub fn find_in(f: &Folded, year: Option<i16>, alone: bool) -> Vec<Found> {
    let c = &f.fold;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let starts = i == 0 || !c[i - 1].is_ascii_digit();
        if let Some((n, j)) = number(c, i).filter(|_| starts) {
            if let Some(found) = dated(f, i, n, j, year, alone) {
                i = found.1;
                out.push(found.0);
                continue;
            }
            i = j;
            continue;
        }
        // 年底前 / 年内 / 今年底 with no year written.
        if c[i] == '年' && (i == 0 || !c[i - 1].is_ascii_digit()) {
            let from = if i > 0 && c[i - 1] == '今' { i - 1 } else { i };
            let mut j = i + 1;
            let ok = j < c.len() && matches!(c[j], '底' | '末' | '内');
            if ok {
                j += 1;
                if j < c.len() && c[j] == '前' {
                    j += 1;
                }
                let date = year.and_then(|y| Date::new(y, 12, 31).ok());
                out.push(Found {
                    phrase: f.text(from, j),
                    date,
                    inferred: date.is_some(),
                    at: from,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if out.is_empty() {
        let folded = f.folded_str();
        if let Some((at, p)) = UNDATED
            .iter()
            .filter_map(|p| folded.find(p).map(|b| (folded[..b].chars().count(), *p)))
            .min_by_key(|(at, p)| (*at, std::cmp::Reverse(p.len())))
        {
            out.push(Found {
                phrase: f.text(at, at + p.chars().count()),
                date: None,
                inferred: false,
                at,
            });
        }
    }
    out
}

/// A deadline starting with the number `n` at `i` (ending before `j`), and where it ends.
fn dated(
    f: &Folded,
    i: usize,
    n: u32,
    j: usize,
    year: Option<i16>,
    alone: bool,
) -> Option<(Found, usize)> {
    let c = &f.fold;
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let suffix = |mut k: usize| {
        if matches!(at(k), '底' | '末' | '中' | '内') {
            k += 1;
        }
        if at(k) == '前' {
            k += 1;
        }
        k
    };
    let before = if i > 0 { c[i - 1] } else { '\0' };
    let pointed = alone || matches!(before, '于' | '在' | '到' | '至' | '止');
    if at(j) == '年' && (1900..=2200).contains(&n) {
        let y = n as i16;
        let k = j + 1;
        if let Some((m, k2)) = number(c, k) {
            if at(k2) != '月' || !(1..=12).contains(&m) {
                return None;
            }
            if let Some((d, k3)) = number(c, k2 + 1) {
                if matches!(at(k3), '日' | '号') {
                    let date = Date::new(y, m as i8, d as i8).ok()?;
                    let end = suffix(k3 + 1);
                    return Some((found(f, i, end, Some(date), false), end));
                }
                return None;
            }
            let end = suffix(k2 + 1);
            return Some((found(f, i, end, last_day(y, m as i8), false), end));
        }
        for (word, m) in [
            ("上半年", 6),
            ("下半年", 12),
            ("一季度", 3),
            ("二季度", 6),
            ("三季度", 9),
            ("四季度", 12),
        ] {
            let w: Vec<char> = word.chars().collect();
            let s = if at(k) == '第' { k + 1 } else { k };
            if c.len() >= s + w.len() && c[s..s + w.len()] == w[..] {
                let end = suffix(s + w.len());
                return Some((found(f, i, end, last_day(y, m), false), end));
            }
        }
        let end = suffix(k);
        if end > k || pointed {
            return Some((found(f, i, end, Date::new(y, 12, 31).ok(), false), end));
        }
        return None;
    }
    if at(j) == '月' && (1..=12).contains(&n) && before != '年' {
        let k = j + 1;
        if let Some((d, k3)) = number(c, k) {
            if matches!(at(k3), '日' | '号') {
                let date = year.and_then(|y| Date::new(y, n as i8, d as i8).ok());
                let end = suffix(k3 + 1);
                return Some((found(f, i, end, date, date.is_some()), end));
            }
            return None;
        }
        let end = suffix(k);
        let done = c.get(end..end + 2) == Some(&['完', '成'][..]);
        if end > k || pointed || done {
            let date = year.and_then(|y| last_day(y, n as i8));
            return Some((found(f, i, end, date, date.is_some()), end));
        }
    }
    None
}

fn found(f: &Folded, from: usize, to: usize, date: Option<Date>, inferred: bool) -> Found {
    Found {
        phrase: f.text(from, to),
        date,
        inferred,
        at: from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, year: Option<i16>) -> (String, Option<String>, bool) {
        let all = find(&Folded::new(text), year);
        let f = all.first().unwrap_or_else(|| panic!("none in {text}"));
        (f.phrase.clone(), f.date.map(|d| d.to_string()), f.inferred)
    }

    #[test]
    fn deadlines_as_written() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            one("2020年6月30日前完成", None),
            ("2020年6月30日前".into(), s("2020-06-30"), false)
        );
        assert_eq!(
            one("于2020年6月底前建成", None),
            ("2020年6月底前".into(), s("2020-06-30"), false)
        );
        assert_eq!(
            one("2020年2月", None),
            ("2020年2月".into(), s("2020-02-29"), false)
        );
        assert_eq!(
            one("2021年底前清理", None),
            ("2021年底前".into(), s("2021-12-31"), false)
        );
        assert_eq!(
            one("２０２１年上半年", None),
            ("２０２１年上半年".into(), s("2021-06-30"), false)
        );
        assert_eq!(
            one("6月底完成", Some(2021)),
            ("6月底".into(), s("2021-06-30"), true)
        );
        assert_eq!(
            one("年底前完成", Some(2021)),
            ("年底前".into(), s("2021-12-31"), true)
        );
        assert_eq!(one("年底前完成", None), ("年底前".into(), None, false));
        assert_eq!(one("长期坚持", None), ("长期坚持".into(), None, false));
        assert_eq!(one("每季度末报送", None), ("每季度末".into(), None, false));
        assert!(find(&Folded::new("2020年发布的办法"), None).is_empty());
        let alone = find_in(&Folded::new("2099年"), None, true);
        assert_eq!(
            alone[0].date.map(|d| d.to_string()).as_deref(),
            Some("2099-12-31")
        );
        assert!(find(&Folded::new("压减至3个工作日"), Some(2020)).is_empty());
        let two = find(&Folded::new("2020年底前试点，2021年6月底前推广"), None);
        assert_eq!(two.len(), 2);
    }
}
