//! The merge rules, property-tested: merging is commutative, associative and idempotent, so every copy
//! that has seen the same changes holds the same state, whatever the order of saves and merges.

use std::collections::BTreeMap;

use fgf::domain::progress::{Entry, LogStatus, Mark, State, Verification};
use fgf::domain::store::{Store, format};
use jiff::Timestamp;
use proptest::prelude::*;

const DOC: &str = "yufubanfa-2019-103";

fn mark() -> impl Strategy<Value = Mark> {
    // Few distinct times, so equal timestamps with different content are common.
    (
        any::<bool>(),
        0i64..4,
        prop::option::of(prop::sample::select(vec!["a", "备注", "line \"quoted\""])),
    )
        .prop_map(|(done, s, note)| Mark {
            done,
            at: Timestamp::from_second(1_700_000_000 + s).unwrap(),
            note: note.map(String::from),
        })
}

/// A progress-log entry (issue 16): few times, authors and statuses, so equal entries are common.
fn entry() -> impl Strategy<Value = Entry> {
    (
        0i64..4,
        prop::sample::select(vec!["甲", "乙"]),
        prop::option::of(prop::sample::select(LogStatus::ALL.to_vec())),
        prop::sample::select(vec!["", "已起草", "待会签"]),
    )
        .prop_map(|(s, by, status, text)| Entry {
            at: Timestamp::from_second(1_700_000_000 + s).unwrap(),
            by: by.into(),
            status,
            text: text.into(),
        })
}

/// A verified reading (or a clear), with few distinct times and contents, as `mark`.
fn verification() -> impl Strategy<Value = Verification> {
    (
        0i64..4,
        any::<bool>(),
        prop::sample::select(vec!["市发展改革委", "市财政局"]),
        prop::sample::select(vec!["正式文件", "原表扫描件"]),
    )
        .prop_map(|(s, cleared, lead, source)| Verification {
            lead: if cleared {
                vec![]
            } else {
                vec![lead.to_string()]
            },
            support: vec![],
            source: if cleared {
                String::new()
            } else {
                source.to_string()
            },
            at: Timestamp::from_second(1_700_000_000 + s).unwrap(),
            by: None,
            cleared,
        })
}

fn state() -> impl Strategy<Value = State> {
    let ids = prop::sample::select(vec!["1.1.1", "1.2.1", "9.2.1", "19.3.2", "99.1.1"]);
    let measures = prop::sample::select(vec!["1.2", "10.4", "99.9"]);
    let log_ids = prop::sample::select(vec!["1.1.1", "1.1", "9.2.1", "99.1"]);
    (
        prop::collection::btree_map(ids.prop_map(String::from), mark(), 0..5),
        prop::collection::btree_map(measures.prop_map(String::from), verification(), 0..3),
        prop::collection::btree_map(
            log_ids.prop_map(String::from),
            prop::collection::btree_set(entry(), 1..4),
            0..3,
        ),
    )
        .prop_map(
            |(marks, verified, log): (
                BTreeMap<String, Mark>,
                BTreeMap<String, Verification>,
                _,
            )| {
                State {
                    document: DOC.to_string(),
                    marks,
                    log,
                    verified,
                }
            },
        )
}

proptest! {
    #[test]
    fn merge_is_commutative(a in state(), b in state()) {
        prop_assert_eq!(State::merged(&a, &b), State::merged(&b, &a));
    }

    #[test]
    fn merge_is_idempotent(a in state(), b in state()) {
        let ab = State::merged(&a, &b);
        prop_assert_eq!(State::merged(&ab, &b), ab.clone());
        prop_assert_eq!(State::merged(&a, &a), a);
    }

    #[test]
    fn merge_is_associative(a in state(), b in state(), c in state()) {
        prop_assert_eq!(
            State::merged(&State::merged(&a, &b), &c),
            State::merged(&a, &State::merged(&b, &c))
        );
    }

    #[test]
    fn merge_keeps_every_id_and_the_latest_mark(a in state(), b in state()) {
        let m = State::merged(&a, &b);
        for (id, mark) in a.marks.iter().chain(&b.marks) {
            let kept = &m.marks[id];
            prop_assert!(kept.at >= mark.at, "{id}: {kept:?} older than {mark:?}");
        }
        prop_assert!(m.marks.keys().all(|id| a.marks.contains_key(id) || b.marks.contains_key(id)));
        for (id, v) in a.verified.iter().chain(&b.verified) {
            prop_assert!(m.verified[id].at >= v.at, "{id}: an older verification kept");
        }
    }

    #[test]
    fn merge_keeps_every_log_entry_of_both(a in state(), b in state()) {
        let m = State::merged(&a, &b);
        for (id, entries) in a.log.iter().chain(&b.log) {
            prop_assert!(entries.is_subset(&m.log[id]), "{id}: an entry was lost");
        }
        let count = |s: &State| s.entry_count();
        prop_assert!(count(&m) <= count(&a) + count(&b));
    }

    #[test]
    fn the_file_round_trips(a in state()) {
        let path = std::path::Path::new("x.json");
        prop_assert_eq!(format::parse(&format::to_json(&a), path).unwrap(), a);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Saves in either order through the store end in the same file.
    #[test]
    fn saves_in_any_order_end_the_same(a in state(), b in state()) {
        let dir = tempfile::tempdir().unwrap();
        let one = Store::new(dir.path().join("one.json"), DOC);
        let two = Store::new(dir.path().join("two.json"), DOC);
        one.save(&a).unwrap();
        one.save(&b).unwrap();
        two.save(&b).unwrap();
        two.save(&a).unwrap();
        prop_assert_eq!(
            std::fs::read(one.path()).ok(),
            std::fs::read(two.path()).ok()
        );
    }
}
