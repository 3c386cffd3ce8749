use super::*;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fgf/search-history.json");
    (dir, path)
}

#[test]
fn push_deduplicates_moves_to_the_end_and_bounds() {
    let mut l = Vec::new();
    assert!(push(&mut l, " 企业开办 "));
    assert!(push(&mut l, "@市场监管局"));
    assert!(push(&mut l, "企业开办"));
    assert_eq!(l, ["@市场监管局", "企业开办"]);
    assert!(!push(&mut l, "   "), "blank is not kept");
    assert!(!push(&mut l, &"长".repeat(MAX_QUERY + 1)));
    for i in 0..LIMIT + 20 {
        push(&mut l, &format!("q{i}"));
    }
    assert_eq!(l.len(), LIMIT);
    assert_eq!(l.last().unwrap(), &format!("q{}", LIMIT + 19));
    assert_eq!(l[0], "q20");
}

#[test]
fn a_kept_query_never_holds_a_control_character() {
    let mut l = Vec::new();
    push(&mut l, "a\u{1b}[2J\u{7}b\u{202e}c\u{9b}");
    assert!(
        !l[0].chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{:?}",
        l[0]
    );
}

#[test]
fn remember_writes_and_load_reads_back_across_sessions() {
    let (_d, path) = temp();
    assert_eq!(load(&path).unwrap(), Vec::<String>::new(), "no file yet");
    remember(&path, "企业开办").unwrap();
    // Another session remembered one meanwhile: both are kept.
    let saved = remember(&path, "in:103 税").unwrap();
    assert_eq!(saved, ["企业开办", "in:103 税"]);
    assert_eq!(load(&path).unwrap(), saved);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "private to the user: {mode:o}");
    }
}

#[test]
fn an_unreadable_file_is_named_and_never_written_over() {
    let (_d, path) = temp();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bad = [
        ("{\"version\": 1, \"queries\": [\"a\",\n oops]}", Some(2)),
        ("{\"version\": 2, \"queries\": []}", None),
        ("{\"version\": 1, \"queries\": [\"a\\u001b[2J\"]}", None),
        ("{\"version\": 1, \"queries\": [], \"more\": 1}", Some(1)),
    ];
    for (text, line) in bad {
        std::fs::write(&path, text).unwrap();
        let e = load(&path).unwrap_err();
        assert_eq!(e.at.map(|a| a.0), line, "{text}: {e:?}");
        let e = remember(&path, "新的").unwrap_err();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "left as it was"
        );
        let said = e.describe(Lang::Zh);
        assert!(
            said.contains("search-history.json") && said.contains("不会覆盖"),
            "{said}"
        );
        assert!(!said.contains('\u{1b}'));
    }
    std::fs::write(&path, [0xff, 0xfe]).unwrap();
    assert!(load(&path).unwrap_err().why.contains("UTF-8"));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_read_but_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = temp();
    remember(&path, "a").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    assert_eq!(load(&path).unwrap(), ["a"]);
    let e = remember(&path, "b").unwrap_err();
    assert!(e.why.contains("read-only"), "{e:?}");
    assert_eq!(load(&path).unwrap(), ["a"]);
}
