//! `fgf log` and the latest status in `show`, `progress`, `deadlines` (issue 16), on a temp state file.

use serde_json::Value;

use crate::support::state_env::StateEnv as Env;

#[test]
fn a_log_entry_is_shown_newest_first_with_who_and_status() {
    let env = Env::new();
    env.ok(&[
        "log",
        "9.2.1",
        "已起草方案",
        "--status",
        "推进中",
        "--by",
        "张三",
    ]);
    env.ok(&[
        "log",
        "9.2",
        "等待市财政局意见",
        "--status",
        "blocked",
        "--by",
        "李四",
    ]);
    let v = env.json(&["show", "9.2.1", "--json"]);
    assert_eq!(v["latest"], "blocked");
    assert_eq!(v["done"], false);
    let log = v["log"].as_array().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0]["by"], "李四", "the measure's entry, newest first");
    assert_eq!(log[0]["status"], "blocked");
    assert_eq!(log[1]["text"], "已起草方案");
    assert_eq!(log[1]["status"], "in-progress");
    assert!(log[1]["at"].as_str().unwrap().ends_with('Z'));
    let text = env.ok(&["show", "9.2"]);
    let first = text.find("李四 受阻").expect(&text);
    let second = text.find("张三 推进中").expect(&text);
    assert!(first < second, "{text}");
}

#[test]
fn done_checks_the_milestone_off_and_one_entry_shows_it() {
    let env = Env::new();
    let out = env.ok(&["log", "9.2.1", "已报送", "--status", "done", "--by", "张三"]);
    assert!(out.contains("总进度 1/"), "{out}");
    let v = env.json(&["show", "9.2.1", "--json"]);
    assert_eq!(v["done"], true);
    assert_eq!(v["latest"], "done");
    assert_eq!(v["log"].as_array().unwrap().len(), 1, "{}", v["log"]);
    // An uncheck afterwards is in the log too, and the milestone is no longer done.
    env.ok(&["uncheck", "9.2.1"]);
    let v = env.json(&["show", "9.2.1", "--json"]);
    assert_eq!(v["latest"], "in-progress");
    assert_eq!(v["log"].as_array().unwrap().len(), 2, "{}", v["log"]);
    assert_eq!(v["log"][0]["by"], Value::Null, "the uncheck, newest");
}

#[test]
fn a_plain_check_off_is_a_log_entry_too() {
    let env = Env::new();
    env.ok(&["check", "1.1.1", "--note", "已办结"]);
    let v = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(v["log"][0]["status"], "done");
    assert_eq!(v["log"][0]["text"], "已办结");
}

#[test]
fn by_defaults_to_gits_user_name() {
    let env = Env::new();
    let home = env.sandbox.path().join("home");
    std::fs::write(home.join(".gitconfig"), "[user]\n\tname = 测试员\n").unwrap();
    env.ok(&["log", "1.1.1", "开会研究"]);
    let v = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(v["log"][0]["by"], "测试员");
    assert_eq!(v["latest"], Value::Null, "no status reported");
}

#[test]
fn bad_ids_statuses_and_empty_text_are_refused_and_change_nothing() {
    let env = Env::new();
    let o = env.run(&["log", "9", "x", "--by", "a"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("9.1.1"));
    let o = env.run(&["log", "99.9", "x", "--by", "a"]);
    assert_eq!(o.status.code(), Some(2));
    let o = env.run(&["log", "1.1.1", "x", "--status", "late"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("late"));
    let o = env.run(&["log", "1.1.1", "  ", "--by", "a"]);
    assert!(!o.status.success());
    assert!(!env.state().exists(), "nothing written");
    env.ok(&["log", "1.1.1", "", "--status", "not-started", "--by", "a"]);
    assert!(env.state().exists());
}

#[test]
fn progress_and_deadlines_show_the_latest_status() {
    let env = Env::new();
    env.ok(&[
        "log",
        "1.1.1",
        "缺少经费",
        "--status",
        "受阻",
        "--by",
        "王五",
    ]);
    let v = env.json(&["progress", "--json"]);
    assert_eq!(v["latest"]["1.1.1"], "blocked");
    let text = env.ok(&["progress", "--as-of", "2021-01-01"]);
    let line = text.lines().find(|l| l.contains("1.1.1")).expect(&text);
    assert!(line.contains("受阻"), "{line}");
    assert!(text.contains("受阻 1"), "{text}");
    let v = env.json(&["deadlines", "--as-of", "2021-01-01", "--json"]);
    let k = &v["groups"][0]["milestones"][0];
    assert_eq!(
        (&k["id"], &k["latest"], &k["state"]),
        (&"1.1.1".into(), &"blocked".into(), &"overdue".into())
    );
    let text = env.ok(&["--lang", "en", "deadlines", "--as-of", "2021-01-01"]);
    let line = text.lines().find(|l| l.contains("1.1.1")).expect(&text);
    assert!(line.contains("blocked"), "{line}");
}

#[test]
fn log_text_is_neutralised_on_output_but_kept_in_json() {
    let env = Env::new();
    let evil = "ok\u{1b}]0;pwned\u{7}\u{202e}x";
    env.ok(&["log", "1.1.1", evil, "--by", "\u{1b}[31mred"]);
    let text = env.ok(&["show", "1.1.1"]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    let raw = env.ok(&["show", "1.1.1", "--json"]);
    assert!(
        !raw.contains('\u{1b}') && !raw.contains('\u{202e}'),
        "{raw:?}"
    );
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["log"][0]["text"], evil);
}

#[test]
fn state_merge_keeps_both_peoples_entries_and_refuses_unknown_ids() {
    let env = Env::new();
    env.ok(&["log", "1.1.1", "我方", "--by", "甲"]);
    let theirs = env.sandbox.path().join("theirs.json");
    std::fs::write(
        &theirs,
        r#"{"version": 1, "document": "yufubanfa-2019-103", "milestones": {},
  "log": {"1.1.1": [{"at": "2020-01-01T12:00:00Z", "by": "乙", "text": "对方"}],
          "99.9": [{"at": "2020-01-01T12:00:00Z", "by": "乙", "text": "无此举措"}]}}"#,
    )
    .unwrap();
    let out = env.ok(&["state", "merge", theirs.to_str().unwrap()]);
    assert!(out.contains("99.9"), "{out}");
    let v = env.json(&["show", "1.1.1", "--json"]);
    let texts: Vec<&str> = v["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["我方", "对方"]);
    let saved = std::fs::read_to_string(env.state()).unwrap();
    assert!(!saved.contains("99.9"), "{saved}");
    let check = env.ok(&["state", "check"]);
    assert!(check.contains("进度日志 2 条"), "{check}");
}
