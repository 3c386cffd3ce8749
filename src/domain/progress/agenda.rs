//! The deadlines view as an agenda: the milestones of one notice or of several, grouped by when
//! they fall against a day (today or `--as-of`): past (the overdue among them), this week, this
//! month, later, undated; within a group by date or by the unit in charge. Pure: rows in, no
//! drawing.

use jiff::civil::Date;

use super::{Progress, Status};
use crate::domain::{Catalog, Item, Lang, Loc};

/// When a deadline falls against the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Before the day (the open ones are overdue).
    Past,
    /// From the day to the end of its week (Sunday).
    ThisWeek,
    /// After this week, within the day's month.
    ThisMonth,
    Later,
    /// No date in the text.
    Undated,
}

/// The last day of `today`'s week (Sunday).
fn sunday_of(today: Date) -> Date {
    let to_sunday = 6 - i64::from(today.weekday().to_monday_zero_offset());
    today.saturating_add(jiff::Span::new().days(to_sunday))
}

impl Band {
    pub fn of(deadline: Option<Date>, today: Date) -> Band {
        Band::within(deadline, today, sunday_of(today))
    }

    /// As [`Band::of`], the week's end worked out once.
    fn within(deadline: Option<Date>, today: Date, sunday: Date) -> Band {
        let Some(d) = deadline else {
            return Band::Undated;
        };
        if d < today {
            Band::Past
        } else if d <= sunday {
            Band::ThisWeek
        } else if (d.year(), d.month()) == (today.year(), today.month()) {
            Band::ThisMonth
        } else {
            Band::Later
        }
    }

    /// The group's heading.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Band::Past => lang.pick("已到期", "Past due date"),
            Band::ThisWeek => lang.pick("本周", "This week"),
            Band::ThisMonth => lang.pick("本月", "This month"),
            Band::Later => lang.pick("以后", "Later"),
            Band::Undated => lang.pick("无明确时限", "No deadline"),
        }
    }
}

/// Days from `today` to `d` (negative: `d` is past).
pub fn days_until(d: Date, today: Date) -> i64 {
    today.until(d).map_or(0, |s| i64::from(s.get_days()))
}

/// How far a deadline is: 还有 3 天 / 今天到期 / 逾期 5 天 (an open milestone) / 5 天前到期 (done).
pub fn relative(d: Date, today: Date, open: bool, lang: Lang) -> String {
    let n = days_until(d, today);
    let (zh, en) = match n {
        0 => ("今天到期".to_string(), "due today".to_string()),
        1 => ("还有 1 天".to_string(), "due in 1 day".to_string()),
        n if n > 0 => (format!("还有 {n} 天"), format!("due in {n} days")),
        -1 if open => ("逾期 1 天".to_string(), "overdue by 1 day".to_string()),
        n if open => (format!("逾期 {} 天", -n), format!("overdue by {} days", -n)),
        -1 => ("1 天前到期".to_string(), "due 1 day ago".to_string()),
        n => (format!("{} 天前到期", -n), format!("due {} days ago", -n)),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// How the deadlines view orders a group's milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeadlineOrder {
    /// By deadline, under a heading per date.
    #[default]
    Date,
    /// Under a heading per unit in charge (by name), by deadline within.
    Unit,
}

impl DeadlineOrder {
    pub fn next(self) -> DeadlineOrder {
        match self {
            DeadlineOrder::Date => DeadlineOrder::Unit,
            DeadlineOrder::Unit => DeadlineOrder::Date,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DeadlineOrder::Date => lang.pick("按日期", "by date"),
            DeadlineOrder::Unit => lang.pick("按单位", "by unit"),
        }
    }
}

/// A row of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaRow {
    /// A group: its band, how many milestones, how many of them overdue.
    Band(Band, usize, usize),
    /// Ordered by date: a deadline and how many milestones of the group share it.
    Header(Option<Date>, usize),
    /// Ordered by unit: the unit in charge ("" when none is named) and its milestones in the group.
    Unit(String, usize),
    /// A milestone: its notice (index into the notices) and where it is.
    Milestone(usize, Loc),
}

/// The agenda of `cats` (with their check-offs in `progress`, one each) on `today`. `unit_name`
/// gives the name a unit is listed under (across notices: its body's name).
pub fn agenda(
    cats: &[Catalog],
    progress: &[Progress],
    today: Date,
    order: DeadlineOrder,
    unit_name: impl Fn(&str) -> String,
) -> Vec<AgendaRow> {
    // Every milestone by deadline, undated last; the same day keeps the notices' and the
    // document's order (a stable sort of them in that order: as `deadline_groups`, in n log n).
    // Sized once: across a workspace it holds every milestone (some 150k), and grown by
    // doubling it held up to twice that.
    let count = cats
        .iter()
        .flat_map(|c| c.measures())
        .map(|(_, _, m)| m.milestones.len())
        .sum();
    let mut all: Vec<(Option<Date>, usize, Loc)> = Vec::with_capacity(count);
    for (d, cat) in cats.iter().enumerate() {
        for (si, s) in cat.doc.sections.iter().enumerate() {
            for (ti, t) in s.tasks.iter().enumerate() {
                for (mi, m) in t.measures.iter().enumerate() {
                    let at = |(ki, k): (usize, &crate::domain::Milestone)| {
                        (k.deadline, d, Loc::Milestone(si, ti, mi, ki))
                    };
                    all.extend(m.milestones.iter().enumerate().map(at));
                }
            }
        }
    }
    all.sort_by_key(|&(date, _, _)| (date.is_none(), date));
    let sunday = sunday_of(today);
    // By date: a row a milestone, a header a date, a band a group (at most five).
    let rows = match order {
        DeadlineOrder::Date => all.len() + all.chunk_by(|a, b| a.0 == b.0).count() + 5,
        DeadlineOrder::Unit => all.len(),
    };
    let mut rows = Vec::with_capacity(rows);
    let mut rest = &all[..];
    while let Some(&(first, _, _)) = rest.first() {
        let band = Band::within(first, today, sunday);
        let n = rest
            .iter()
            .take_while(|(d, _, _)| Band::within(*d, today, sunday) == band)
            .count();
        let (group, after) = rest.split_at(n);
        rest = after;
        let overdue = group
            .iter()
            .filter(|&&(_, d, l)| status(cats, progress, d, l, today) == Some(Status::Overdue))
            .count();
        rows.push(AgendaRow::Band(band, n, overdue));
        match order {
            DeadlineOrder::Date => by_date(group, &mut rows),
            DeadlineOrder::Unit => by_unit(cats, group, &unit_name, &mut rows),
        }
    }
    rows
}

/// The milestones checked off whose deadline is before `today`: found from the check-offs, not
/// by walking the document (the past-due ones less these are the overdue ones).
pub fn done_past_due<'a>(
    cat: &'a Catalog,
    p: &'a Progress,
    today: Date,
) -> impl Iterator<Item = Loc> + 'a {
    p.state()
        .marks
        .iter()
        .filter(|(_, m)| m.done)
        .filter_map(move |(id, _)| {
            let loc @ Loc::Milestone(..) = cat.locate(id)? else {
                return None;
            };
            match cat.at(loc) {
                Item::Milestone(_, _, _, k) if k.deadline.is_some_and(|d| d < today) => Some(loc),
                _ => None,
            }
        })
}

fn status(cats: &[Catalog], p: &[Progress], d: usize, l: Loc, today: Date) -> Option<Status> {
    match cats[d].at(l) {
        Item::Milestone(_, _, _, k) => Some(p.get(d)?.status(k, today)),
        _ => None,
    }
}

fn by_date(group: &[(Option<Date>, usize, Loc)], rows: &mut Vec<AgendaRow>) {
    for same in group.chunk_by(|a, b| a.0 == b.0) {
        rows.push(AgendaRow::Header(same[0].0, same.len()));
        rows.extend(same.iter().map(|&(_, d, l)| AgendaRow::Milestone(d, l)));
    }
}

/// A milestone under each unit in charge of its measure (jointly led: under each), units by name.
fn by_unit(
    cats: &[Catalog],
    group: &[(Option<Date>, usize, Loc)],
    unit_name: &impl Fn(&str) -> String,
    rows: &mut Vec<AgendaRow>,
) {
    let mut units: Vec<(String, Vec<AgendaRow>)> = Vec::new();
    for &(_, d, l) in group {
        let Item::Milestone(_, _, m, _) = cats[d].at(l) else {
            continue;
        };
        let mut names: Vec<String> = m.in_charge().iter().map(|u| unit_name(u)).collect();
        names.dedup();
        if names.is_empty() {
            names.push(String::new());
        }
        for name in names {
            let row = AgendaRow::Milestone(d, l);
            match units.iter_mut().find(|(n, _)| *n == name) {
                Some((_, list)) => list.push(row),
                None => units.push((name, vec![row])),
            }
        }
    }
    // By name as a dictionary orders it (pinyin); no unit named last.
    units
        .sort_by_cached_key(|(n, _)| (n.is_empty(), crate::domain::workspace::bodies::sort_key(n)));
    for (name, list) in units {
        rows.push(AgendaRow::Unit(name, list.len()));
        rows.extend(list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bands_fall_against_the_day() {
        // 2020-01-01 is a Wednesday: its week ends on Sunday the 5th.
        let today = date(2020, 1, 1);
        assert_eq!(Band::of(Some(date(2019, 12, 31)), today), Band::Past);
        assert_eq!(Band::of(Some(today), today), Band::ThisWeek);
        assert_eq!(Band::of(Some(date(2020, 1, 5)), today), Band::ThisWeek);
        assert_eq!(Band::of(Some(date(2020, 1, 6)), today), Band::ThisMonth);
        assert_eq!(Band::of(Some(date(2020, 1, 31)), today), Band::ThisMonth);
        assert_eq!(Band::of(Some(date(2020, 2, 1)), today), Band::Later);
        assert_eq!(Band::of(None, today), Band::Undated);
        // A week across the month's end: its days next month are this week.
        let thu = date(2020, 1, 30);
        assert_eq!(Band::of(Some(date(2020, 2, 2)), thu), Band::ThisWeek);
        assert_eq!(Band::of(Some(date(2020, 2, 3)), thu), Band::Later);
    }

    #[test]
    fn relative_days_are_said_both_ways() {
        let today = date(2020, 1, 1);
        let cases = [
            ((2020, 1, 4), true, Lang::Zh, "还有 3 天"),
            ((2020, 1, 4), true, Lang::En, "due in 3 days"),
            ((2020, 1, 1), true, Lang::En, "due today"),
            ((2019, 12, 27), true, Lang::Zh, "逾期 5 天"),
            ((2019, 12, 27), true, Lang::En, "overdue by 5 days"),
            ((2019, 12, 27), false, Lang::Zh, "5 天前到期"),
            ((2020, 1, 2), true, Lang::En, "due in 1 day"),
        ];
        for ((y, m, d), open, lang, said) in cases {
            assert_eq!(relative(date(y, m, d), today, open, lang), said);
        }
    }

    #[test]
    fn the_agenda_by_date_is_made_in_one_list_of_its_size() {
        // Across a workspace it holds some 150k rows: grown by doubling, up to twice that.
        let cat = Catalog::new(crate::domain::generate::document(2000, 7)).unwrap();
        let p = Progress::new(crate::domain::State::new(&cat.doc.id));
        let (cats, ps) = (std::slice::from_ref(&cat), std::slice::from_ref(&p));
        let rows = agenda(
            cats,
            ps,
            date(2020, 1, 1),
            DeadlineOrder::Date,
            str::to_string,
        );
        assert!(rows.len() > 2000);
        assert!(
            rows.capacity() - rows.len() <= 5,
            "{} for {}",
            rows.capacity(),
            rows.len()
        );
    }

    /// The embedded notice's agenda on 2020-01-01, nothing checked off.
    fn embedded(order: DeadlineOrder) -> (Catalog, Progress, Vec<AgendaRow>) {
        let cat = crate::domain::seeds::embedded();
        let p = Progress::new(crate::domain::State::new(&cat.doc.id));
        let (cats, ps) = (std::slice::from_ref(&cat), std::slice::from_ref(&p));
        let rows = agenda(cats, ps, date(2020, 1, 1), order, str::to_string);
        (cat, p, rows)
    }

    /// The sum of `f` over the rows.
    fn sum(rows: &[AgendaRow], f: impl Fn(&AgendaRow) -> Option<usize>) -> usize {
        rows.iter().filter_map(f).sum()
    }

    #[test]
    fn the_agenda_groups_every_milestone_once_by_date() {
        let (cat, p, rows) = embedded(DeadlineOrder::Date);
        let milestones = sum(&rows, |r| {
            matches!(r, AgendaRow::Milestone(..)).then_some(1)
        });
        let total: usize = cat
            .doc
            .sections
            .iter()
            .flat_map(|s| &s.tasks)
            .flat_map(|t| &t.measures)
            .map(|m| m.milestones.len())
            .sum();
        assert_eq!(milestones, total);
        let AgendaRow::Band(Band::Past, n, overdue) = rows[0] else {
            panic!("past first: {:?}", rows[0]);
        };
        assert_eq!(n, overdue, "nothing checked off: every past one is overdue");
        assert_eq!(overdue, p.overdue(&cat, date(2020, 1, 1)).len());
        let bands: Vec<Band> = rows
            .iter()
            .filter_map(|r| match r {
                AgendaRow::Band(b, ..) => Some(*b),
                _ => None,
            })
            .collect();
        assert!(bands.windows(2).all(|w| w[0] < w[1]), "{bands:?}");
    }

    #[test]
    fn by_date_the_milestones_come_in_the_deadline_groups_order() {
        let (cat, _, rows) = embedded(DeadlineOrder::Date);
        let listed: Vec<Loc> = rows
            .iter()
            .filter_map(|r| match r {
                AgendaRow::Milestone(_, l) => Some(*l),
                _ => None,
            })
            .collect();
        let grouped: Vec<Loc> = crate::domain::progress::deadline_groups(&cat)
            .into_iter()
            .flat_map(|g| g.milestones)
            .collect();
        assert_eq!(listed, grouped);
    }

    #[test]
    fn by_unit_lists_a_jointly_led_milestone_under_each_lead() {
        let (_, _, rows) = embedded(DeadlineOrder::Unit);
        let under_units = sum(&rows, |r| match r {
            AgendaRow::Unit(_, n) => Some(*n),
            _ => None,
        });
        let listed = sum(&rows, |r| {
            matches!(r, AgendaRow::Milestone(..)).then_some(1)
        });
        assert_eq!(under_units, listed, "the headings count their rows");
        let distinct = sum(&rows, |r| match r {
            AgendaRow::Band(_, n, _) => Some(*n),
            _ => None,
        });
        assert!(
            listed > distinct,
            "some milestones are jointly led, so listed more than once"
        );
        assert!(!rows.iter().any(|r| matches!(r, AgendaRow::Header(..))));
    }
}
