use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::domain::{Item, State, seeds};

fn none() -> Progress {
    Progress::new(State::new("t"))
}

/// The measure ids a filter keeps across the document.
fn kept(f: &Filter, cat: &Catalog, p: &Progress) -> Vec<String> {
    let today = date(2020, 1, 1);
    cat.doc
        .sections
        .iter()
        .flat_map(|s| {
            f.section(cat, p, today, s).into_iter().flat_map(move |t| {
                t.measures
                    .into_iter()
                    .map(move |m| s.tasks[t.task].measures[m.measure].id.clone())
            })
        })
        .collect()
}

#[test]
fn the_empty_filter_keeps_everything() {
    let cat = seeds::embedded();
    let all: usize = cat.measures().count();
    assert!(Filter::default().is_empty());
    assert_eq!(kept(&Filter::default(), &cat, &none()).len(), all);
}

#[test]
fn a_unit_as_lead_as_cooperating_or_either() {
    let cat = seeds::embedded();
    let u = cat.unit_index("市市场监管局").unwrap();
    let ids = |items: Vec<Item>| -> Vec<String> {
        let mut v: Vec<String> = items.iter().map(|i| i.id().to_string()).collect();
        v.sort();
        v
    };
    let with = |role| Filter {
        unit: Some(UnitFilter { unit: u, role }),
        ..Filter::default()
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let lead = sorted(kept(&with(UnitRole::Lead), &cat, &none()));
    let coop = sorted(kept(&with(UnitRole::Cooperating), &cat, &none()));
    let either = kept(&with(UnitRole::Either), &cat, &none());
    assert_eq!(lead, ids(cat.led_by(u).collect()));
    assert_eq!(coop, ids(cat.supported_by(u).collect()));
    assert_eq!(lead.len(), 26);
    assert_eq!(coop.len(), 5);
    assert_eq!(either.len(), 31, "no measure counted twice");
}

#[test]
fn open_and_overdue_follow_the_check_offs() {
    let cat = seeds::embedded();
    let mut p = none();
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    let before = kept(&overdue, &cat, &p);
    assert!(before.contains(&"1.3".to_string()), "{before:?}");
    p.check(&["1.3.1"], None, Timestamp::now());
    let after = kept(&overdue, &cat, &p);
    assert!(!after.contains(&"1.3".to_string()));
    assert_eq!(after.len() + 1, before.len());
    // Open keeps every measure with a milestone not done.
    let open = Filter {
        open: true,
        ..Filter::default()
    };
    let (_, _, single) = cat
        .measures()
        .find(|(_, _, m)| m.milestones.len() == 1)
        .unwrap();
    p.check(&[single.milestones[0].id.as_str()], None, Timestamp::now());
    let expected = cat
        .measures()
        .filter(|(_, _, m)| m.milestones.iter().any(|k| !p.is_done(&k.id)))
        .count();
    let open_ids = kept(&open, &cat, &p);
    assert_eq!(open_ids.len(), expected);
    assert!(!open_ids.contains(&single.id));
    assert!(open_ids.contains(&"9.2".to_string()));
}

#[test]
fn criteria_combine_and_a_task_keeps_only_matching_measures_and_milestones() {
    let cat = seeds::embedded();
    let s = &cat.doc.sections[2]; // 服: task 19, measure 19.3 has three milestones
    let f = Filter {
        from: Some(date(2019, 12, 31)),
        to: Some(date(2019, 12, 31)),
        ..Filter::default()
    };
    let tasks = f.section(&cat, &none(), date(2020, 1, 1), s);
    let t19 = tasks.iter().find(|t| t.task == 0).unwrap();
    let m3 = t19.measures.iter().find(|m| m.measure == 2).unwrap();
    for &k in &m3.milestones {
        assert_eq!(
            s.tasks[0].measures[2].milestones[k].deadline,
            Some(date(2019, 12, 31))
        );
    }
    assert!(m3.milestones.len() < s.tasks[0].measures[2].milestones.len());
    assert_eq!(
        t19.tally.total,
        t19.measures
            .iter()
            .map(|m| m.milestones.len())
            .sum::<usize>()
    );
    // Adding "uncertain" narrows further: every kept measure is uncertain.
    let both = Filter {
        uncertain: true,
        ..f.clone()
    };
    for t in both.section(&cat, &none(), date(2020, 1, 1), s) {
        for m in t.measures {
            assert!(!s.tasks[t.task].measures[m.measure].is_certain());
        }
    }
}

#[test]
fn described_in_both_languages() {
    let cat = seeds::embedded();
    let u = cat.unit_index("市市场监管局").unwrap();
    let f = Filter {
        overdue: true,
        unit: Some(UnitFilter {
            unit: u,
            role: UnitRole::Lead,
        }),
        to: Some(date(2020, 6, 30)),
        ..Filter::default()
    };
    assert_eq!(
        f.describe(&cat, Lang::Zh),
        "逾期 · 市市场监管局 牵头 · 期限 ..2020-06-30"
    );
    assert_eq!(
        f.describe(&cat, Lang::En),
        "overdue · 市市场监管局 leads · due ..2020-06-30"
    );
    assert_eq!(Filter::default().describe(&cat, Lang::Zh), "");
}

#[test]
fn ranges_read_days_months_and_open_ends() {
    let d = |y, m, dd| Some(date(y, m, dd));
    assert_eq!(
        parse_range("2020-01-01..2020-06-30"),
        Ok((d(2020, 1, 1), d(2020, 6, 30)))
    );
    assert_eq!(parse_range("2020-02"), Ok((d(2020, 2, 1), d(2020, 2, 29))));
    assert_eq!(parse_range("..2019-12"), Ok((None, d(2019, 12, 31))));
    assert_eq!(parse_range(" 2020-03.. "), Ok((d(2020, 3, 1), None)));
    assert_eq!(
        parse_range("２０２０－０１．．２０２０－０２"),
        Ok((d(2020, 1, 1), d(2020, 2, 29)))
    );
    assert_eq!(parse_range(".."), Err(RangeError::Empty));
    assert_eq!(
        parse_range("soon"),
        Err(RangeError::NotADate("soon".into()))
    );
    assert!(matches!(
        parse_range("2020-06..2020-01"),
        Err(RangeError::Backwards(..))
    ));
    assert!(RangeError::Empty.text(Lang::En).contains("FROM..TO"));
}
