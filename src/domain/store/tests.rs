use std::collections::BTreeMap;

use jiff::Timestamp;

use super::*;
use crate::domain::progress::{Mark, Progress};

const DOC: &str = "yufubanfa-2019-103";

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + s).unwrap()
}

fn mark(done: bool, s: i64, note: Option<&str>) -> Mark {
    Mark {
        done,
        at: t(s),
        note: note.map(String::from),
    }
}

fn state(marks: &[(&str, Mark)]) -> State {
    State {
        document: DOC.to_string(),
        marks: marks
            .iter()
            .map(|(id, m)| (id.to_string(), m.clone()))
            .collect::<BTreeMap<_, _>>(),
        log: Default::default(),
        verified: BTreeMap::new(),
    }
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("sub/dir/state.json"), DOC);
    (dir, store)
}

#[test]
fn a_missing_file_is_an_empty_state_and_is_not_created_for_nothing() {
    let (_dir, store) = temp_store();
    assert_eq!(store.load().unwrap(), State::new(DOC));
    let saved = store.save(&State::new(DOC)).unwrap();
    assert!(!saved.written);
    assert!(!store.exists());
}

#[test]
fn round_trip_keeps_every_mark_note_and_unknown_id() {
    let (_dir, store) = temp_store();
    let s = state(&[
        ("9.2.1", mark(true, 1, Some("已报送市政府"))),
        ("9.2.2", mark(false, 2, None)),
        ("99.9.9", mark(true, 3, Some("from a newer dataset"))),
    ]);
    let saved = store.save(&s).unwrap();
    assert!(saved.written);
    assert_eq!(saved.state, s);
    assert_eq!(store.load().unwrap(), s);
    let text = fs::read_to_string(store.path()).unwrap();
    assert_eq!(format::parse(&text, store.path()).unwrap(), s);
    assert_eq!(
        format::to_json(&s),
        text,
        "stable: the same state writes the same bytes"
    );
}

#[test]
fn the_file_is_pretty_versioned_and_in_order() {
    let s = state(&[
        ("9.2.1", mark(true, 1, Some("备注"))),
        ("10.1.1", mark(false, 2, None)),
    ]);
    let text = format::to_json(&s);
    let expected = r#"{
  "version": 1,
  "document": "yufubanfa-2019-103",
  "milestones": {
    "10.1.1": {
      "done": false,
      "at": "2023-11-14T22:13:22Z"
    },
    "9.2.1": {
      "done": true,
      "at": "2023-11-14T22:13:21Z",
      "note": "备注"
    }
  }
}
"#;
    assert_eq!(text, expected);
}

#[test]
fn save_merges_with_what_another_process_wrote() {
    let (_dir, store) = temp_store();
    store
        .save(&state(&[
            ("1.1.1", mark(true, 1, None)),
            ("2.1.1", mark(true, 1, None)),
        ]))
        .unwrap();
    // Our stale copy: knows nothing of 1.1.1, unchecked 2.1.1 later, checked 3.1.1.
    let ours = state(&[
        ("2.1.1", mark(false, 5, None)),
        ("3.1.1", mark(true, 5, None)),
    ]);
    let saved = store.save(&ours).unwrap();
    assert_eq!(saved.from_disk, ["1.1.1"]);
    let disk = store.load().unwrap();
    assert_eq!(disk, saved.state);
    assert!(disk.is_done("1.1.1") && !disk.is_done("2.1.1") && disk.is_done("3.1.1"));
    // An older change does not win over a newer one on disk.
    let old = state(&[("3.1.1", mark(false, 2, None))]);
    assert!(store.save(&old).unwrap().state.is_done("3.1.1"));
}

#[test]
fn progress_then_save_then_absorb_is_the_tui_loop() {
    let (_dir, store) = temp_store();
    let mut p = Progress::new(store.load().unwrap());
    p.check(&["1.1.1"], None, t(1));
    store
        .save(&state(&[("5.1.1", mark(true, 2, None))]))
        .unwrap(); // behind the TUI's back
    let saved = store.save(p.state()).unwrap();
    assert_eq!(p.absorb(saved.state), ["5.1.1"]);
    assert!(p.is_done("5.1.1"));
}

#[test]
fn replace_writes_exactly_the_given_state() {
    let (_dir, store) = temp_store();
    store
        .save(&state(&[("1.1.1", mark(true, 9, None))]))
        .unwrap();
    let other = state(&[("2.1.1", mark(true, 1, None))]);
    store.replace(&other).unwrap();
    assert_eq!(store.load().unwrap(), other);
}

#[test]
fn a_state_for_another_document_is_refused() {
    let (_dir, store) = temp_store();
    let mut s = state(&[]);
    s.document = "other-doc".into();
    assert!(matches!(
        store.save(&s),
        Err(StoreError::WrongDocument { .. })
    ));
    fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    fs::write(store.path(), format::to_json(&s)).unwrap();
    let err = store.load().unwrap_err();
    assert!(matches!(err, StoreError::WrongDocument { .. }), "{err}");
    assert!(err.to_string().contains("\"other-doc\""), "{err}");
}

#[cfg(unix)]
#[test]
fn a_new_file_is_0600_and_an_existing_mode_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = temp_store();
    store
        .save(&state(&[("1.1.1", mark(true, 1, None))]))
        .unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.path()), 0o600);
    fs::set_permissions(store.path(), fs::Permissions::from_mode(0o640)).unwrap();
    store
        .save(&state(&[("1.1.1", mark(false, 2, None))]))
        .unwrap();
    assert_eq!(mode(store.path()), 0o640);
}

#[cfg(unix)]
#[test]
fn a_symlinked_state_file_is_written_through() {
    let (dir, store) = temp_store();
    let real = dir.path().join("real.json");
    fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, store.path()).unwrap();
    store
        .save(&state(&[("1.1.1", mark(true, 1, None))]))
        .unwrap();
    assert!(
        fs::symlink_metadata(store.path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(real.exists());
}

#[test]
fn stale_temp_files_of_killed_writers_are_cleaned_up() {
    let (_dir, store) = temp_store();
    store
        .save(&state(&[("1.1.1", mark(true, 1, None))]))
        .unwrap();
    let stale = store.path().with_file_name(".state.json.tmp.999999");
    fs::write(&stale, "half a fi").unwrap();
    store
        .save(&state(&[("1.1.1", mark(false, 2, None))]))
        .unwrap();
    assert!(!stale.exists());
}

#[test]
fn an_unwritable_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "").unwrap();
    let store = Store::new(blocker.join("state.json"), DOC);
    let err = store
        .save(&state(&[("1.1.1", mark(true, 1, None))]))
        .unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("cannot create the state directory"),
        "{err}"
    );
}

#[test]
fn default_path_is_in_the_data_dir_under_fgf() {
    let p = default_path(DOC).unwrap();
    assert!(
        p.ends_with(Path::new("fgf").join("yufubanfa-2019-103.json")),
        "{}",
        p.display()
    );
}

/// A class of bad file: (name, text, (line, column), field, words its error must carry).
type Case = (
    &'static str,
    &'static str,
    (usize, usize),
    &'static str,
    &'static str,
);

/// Every class of bad file, with the line, column, field and words its error must carry.
const MALFORMED: &[Case] = &[
    ("not JSON", "hello", (1, 1), "(top level)", "expected value"),
    ("empty", "", (1, 0), "(top level)", "EOF while parsing"),
    (
        "truncated",
        "{\n  \"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {\n",
        (5, 0),
        "milestones",
        "EOF while parsing",
    ),
    (
        "not an object",
        "[1, 2]",
        (1, 1),
        "(top level)",
        "expected a state file",
    ),
    (
        "unknown version",
        "{\"version\": 2, \"document\": \"x\", \"milestones\": {}}",
        (1, 13),
        "version",
        "unknown state file version 2",
    ),
    (
        "version as text",
        "{\"version\": \"1\"}",
        (1, 16),
        "version",
        "the version must be a number",
    ),
    (
        "no version",
        "{\"document\": \"yufubanfa-2019-103\", \"milestones\": {}}",
        (1, 52),
        "(top level)",
        "missing field `version`",
    ),
    (
        "no milestones",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\"}",
        (1, 48),
        "(top level)",
        "missing field `milestones`",
    ),
    (
        "milestones a list",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": []}",
        (1, 63),
        "milestones",
        "invalid type: sequence, expected a map",
    ),
    (
        "done not a bool",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n  \"9.2.1\": {\"done\": \"yes\", \"at\": \"2026-01-01T00:00:00Z\"}\n}}",
        (2, 25),
        "milestones[\"9.2.1\"].done",
        "invalid type: string \"yes\", expected a boolean",
    ),
    (
        "bad time",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n  \"9.2.1\": {\"done\": true, \"at\": \"yesterday\"}\n}}",
        (2, 43),
        "milestones[\"9.2.1\"].at",
        "expected a time such as 2026-11-25T13:00:00Z",
    ),
    (
        "missing time",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n  \"9.2.1\": {\"done\": true}\n}}",
        (2, 25),
        "milestones[\"9.2.1\"]",
        "missing field `at`",
    ),
    (
        "unknown field",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n  \"9.2.1\": {\"done\": true, \"at\": \"2026-01-01T00:00:00Z\", \"who\": \"me\"}\n}}",
        (2, 61),
        "milestones[\"9.2.1\"].who",
        "unknown field `who`",
    ),
    (
        "trailing text",
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {}} x",
        (1, 68),
        "(top level)",
        "trailing characters",
    ),
];

#[test]
fn every_malformed_class_is_rejected_with_where_and_the_file_is_untouched() {
    for (class, text, (line, column), field, words) in MALFORMED {
        let (_dir, store) = temp_store();
        fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        fs::write(store.path(), text).unwrap();
        let err = store.load().unwrap_err();
        let StoreError::Malformed {
            line: l,
            column: c,
            field: f,
            message,
            ..
        } = &err
        else {
            panic!("{class}: {err}");
        };
        assert_eq!(
            (*l, *c, f.as_str()),
            (*line, *column, *field),
            "{class}: {err}"
        );
        assert!(message.contains(words), "{class}: {message}");
        let shown = err.to_string();
        assert!(
            shown.contains(&format!("line {line}, column {column}")),
            "{shown}"
        );
        assert!(shown.contains("left untouched"), "{shown}");
        let save = store.save(&state(&[("1.1.1", mark(true, 1, None))]));
        assert!(matches!(save, Err(StoreError::Malformed { .. })), "{class}");
        assert!(store.replace(&state(&[])).is_err(), "{class}");
        assert_eq!(
            fs::read(store.path()).unwrap(),
            text.as_bytes(),
            "{class}: unchanged"
        );
    }
}

#[test]
fn a_file_that_is_not_utf8_is_rejected_and_untouched() {
    let (_dir, store) = temp_store();
    fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    let bytes = b"{\"version\": 1, \xff\xfe}";
    fs::write(store.path(), bytes).unwrap();
    let err = store.load().unwrap_err();
    assert!(matches!(err, StoreError::Malformed { .. }), "{err}");
    assert!(
        store
            .save(&state(&[("1.1.1", mark(true, 1, None))]))
            .is_err()
    );
    assert_eq!(fs::read(store.path()).unwrap(), bytes);
}

mod log {
    use super::*;
    use crate::domain::progress::{Entry, LogStatus};

    fn entry(s: i64, by: &str, status: Option<LogStatus>) -> Entry {
        Entry {
            at: t(s),
            by: by.into(),
            status,
            text: "已起草".into(),
        }
    }

    #[test]
    fn a_file_without_a_log_loads_and_saves_byte_for_byte() {
        let old = "{\n  \"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {\n    \"1.1.1\": {\n      \"done\": true,\n      \"at\": \"2023-11-14T22:13:20Z\"\n    }\n  }\n}\n";
        let s = format::parse(old, Path::new("old.json")).unwrap();
        assert!(s.log.is_empty());
        assert_eq!(format::to_json(&s), old);
    }

    #[test]
    fn the_log_round_trips_and_two_saves_keep_both_entries() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("s.json"), DOC);
        let mut a = state(&[]);
        a.add_entry("1.1.1", entry(1, "甲", Some(LogStatus::Blocked)));
        let mut b = state(&[]);
        b.add_entry("1.1.1", entry(2, "乙", None));
        b.add_entry("1.1", entry(3, "乙", Some(LogStatus::InProgress)));
        store.save(&a).unwrap();
        let saved = store.save(&b).unwrap();
        assert!(saved.written);
        let back = store.load().unwrap();
        assert_eq!(back, saved.state);
        assert_eq!(back.log["1.1.1"].len(), 2);
        assert_eq!(back.log["1.1"].len(), 1);
        assert!(!store.save(&a).unwrap().written, "nothing new: not written");
    }

    #[test]
    fn a_log_entry_from_the_far_future_or_of_a_wrong_shape_is_refused_with_its_place() {
        let bad = r#"{"version": 1, "document": "yufubanfa-2019-103", "milestones": {},
  "log": {"1.1.1": [{"at": "2999-01-01T00:00:00Z", "by": "x", "text": ""}]}}"#;
        let e = format::parse(bad, Path::new("f.json"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("ahead"), "{e}");
        let bad = r#"{"version": 1, "document": "yufubanfa-2019-103", "milestones": {},
  "log": {"1.1.1": [{"at": "2020-01-01T00:00:00Z", "by": "x", "status": "late"}]}}"#;
        let e = format::parse(bad, Path::new("f.json"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("log[\"1.1.1\"]") && e.contains("line 2"), "{e}");
    }
}
