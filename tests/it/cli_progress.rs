//! `fgf check|uncheck|progress|deadlines|state` as a user runs them, always on a temp state file and a
//! temp home (never the real one).

use std::fs;
use std::process::{Command, Output};

use crate::support::state_env::StateEnv as Env;
use serde_json::Value;

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_a_measure_then_progress_counts_it() {
    let e = Env::new();
    let out = e.ok(&["check", "19.3"]);
    assert!(out.contains("✔ 19.3.1  已完成"), "{out}");
    assert!(out.contains("总进度 3/130"), "{out}");
    let v = e.json(&["progress", "--json"]);
    assert_eq!(
        (v["done"].as_u64(), v["total"].as_u64()),
        (Some(3), Some(130))
    );
    let s = &v["sections"][2];
    assert_eq!(s["key"], "服");
    assert_eq!(
        (s["done"].as_u64(), s["total"].as_u64()),
        (Some(3), Some(47))
    );
    let t19 = s["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "19")
        .unwrap();
    assert_eq!(
        (t19["done"].as_u64(), t19["total"].as_u64()),
        (Some(3), Some(15))
    );
    let sum: u64 = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["total"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 130);
    assert_eq!(v["unknown"], serde_json::json!([]));
}

#[test]
fn a_task_checks_all_its_milestones_and_checking_again_changes_nothing() {
    let e = Env::new();
    e.ok(&["check", "12"]);
    let f = e.file();
    let ids: Vec<&String> = f["milestones"].as_object().unwrap().keys().collect();
    assert_eq!(ids, ["12.1.1", "12.1.2", "12.2.1"]);
    let before = fs::read(e.state()).unwrap();
    let out = e.ok(&["check", "12.1.1"]);
    assert!(out.contains("没有变化"), "{out}");
    assert_eq!(fs::read(e.state()).unwrap(), before, "not rewritten");
}

#[test]
fn a_note_is_kept_and_an_uncheck_is_recorded_with_its_time() {
    let e = Env::new();
    e.ok(&["check", "9.2.1", "--note", "已报送市政府"]);
    let m = &e.file()["milestones"]["9.2.1"];
    assert_eq!(m["done"], true);
    assert_eq!(m["note"], "已报送市政府");
    let checked_at = m["at"].as_str().unwrap().to_string();
    assert!(checked_at.ends_with('Z'), "UTC: {checked_at}");
    let out = e.ok(&["uncheck", "9.2.1"]);
    assert!(out.contains("改为未完成"), "{out}");
    let m = &e.file()["milestones"]["9.2.1"];
    assert_eq!(m["done"], false, "a tombstone, not a deletion");
    assert_eq!(m["note"], "已报送市政府");
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    assert!(at(m["at"].as_str().unwrap()) > at(&checked_at));
    assert_eq!(e.json(&["progress", "--json"])["done"], 0);
}

#[test]
fn an_unknown_id_exits_2_with_nearest_ids_and_changes_nothing() {
    let e = Env::new();
    for cmd in ["check", "uncheck"] {
        let o = e.run(&[cmd, "9.2.1", "9.9"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        let msg = err(&o);
        assert!(msg.contains("\"9.9\""), "{msg}");
        assert!(msg.contains("相近的编号：9.1"), "{msg}");
        assert!(!e.state().exists(), "{cmd}: nothing written");
    }
}

#[test]
fn the_state_file_lives_in_the_data_dir_unless_overridden() {
    let e = Env::new();
    let run = |c: &mut Command| String::from_utf8(c.output().unwrap().stdout).unwrap();
    let default = e.sandbox.data_dir().join("yufubanfa-2019-103.json");
    assert_eq!(
        run(e.command().args(["state", "path"])).trim(),
        default.to_str().unwrap()
    );
    let o = e.command().args(["check", "1.1.1"]).output().unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(default.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&default).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let env_path = e.sandbox.path().join("env.json");
    let flag_path = e.sandbox.path().join("flag.json");
    let by_env = run(e
        .command()
        .env("FGF_STATE", &env_path)
        .args(["state", "path"]));
    assert_eq!(by_env.trim(), env_path.to_str().unwrap());
    let by_flag = run(e.command().env("FGF_STATE", &env_path).args([
        "state",
        "path",
        "--state",
        flag_path.to_str().unwrap(),
    ]));
    assert_eq!(
        by_flag.trim(),
        flag_path.to_str().unwrap(),
        "--state beats FGF_STATE"
    );
    let empty = run(e.command().env("FGF_STATE", "").args(["state", "path"]));
    assert_eq!(
        empty.trim(),
        default.to_str().unwrap(),
        "empty FGF_STATE counts as unset"
    );
}

#[test]
fn progress_lists_overdue_as_of_a_date() {
    let e = Env::new();
    e.ok(&["check", "1.1.1"]);
    let v = e.json(&["progress", "--json", "--as-of", "2020-01-01"]);
    let overdue: Vec<&str> = v["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    assert_eq!(overdue.len(), 26);
    assert!(overdue.contains(&"1.3.1") && !overdue.contains(&"1.1.1"));
    assert_eq!(v["as_of"], "2020-01-01");
    let plan = e.json(&["--as-of", "2019-10-18", "progress", "--json"]);
    assert_eq!(plan["overdue"], serde_json::json!([]));
    let out = e.ok(&["progress", "--as-of", "2020-01-01"]);
    for words in [
        "总进度 1/130",
        "一、深化简政放权",
        "（十九）",
        "逾期 26 个",
        "1.3.1",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
    let calm = e.ok(&["progress", "--as-of", "2019-10-18"]);
    assert!(calm.contains("无逾期"), "{calm}");
}

#[test]
fn unknown_ids_in_the_file_are_reported_and_kept_untouched() {
    let e = Env::new();
    let foreign = r#"    "99.1.1": {
      "done": true,
      "at": "2020-01-01T00:00:00Z",
      "note": "from another dataset"
    }"#;
    fs::write(
        e.state(),
        format!("{{\n  \"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {{\n{foreign}\n  }}\n}}\n"),
    )
    .unwrap();
    assert_eq!(
        e.json(&["progress", "--json"])["unknown"],
        serde_json::json!(["99.1.1"])
    );
    assert!(e.ok(&["progress"]).contains("99.1.1"));
    assert!(e.ok(&["state", "check"]).contains("99.1.1"));
    e.ok(&["check", "1.1.1"]);
    e.ok(&["uncheck", "1"]);
    let text = fs::read_to_string(e.state()).unwrap();
    assert!(text.contains(foreign), "kept byte for byte: {text}");
}

#[test]
fn deadlines_group_by_date_and_mark_overdue() {
    let e = Env::new();
    e.ok(&["check", "7.2.1"]);
    let v = e.json(&["deadlines", "--json", "--as-of", "2020-01-01"]);
    let groups = v["groups"].as_array().unwrap();
    let heads: Vec<Value> = groups.iter().map(|g| g["deadline"].clone()).collect();
    assert_eq!(
        heads,
        serde_json::json!(["2019-12-31", "2020-06-30", "2020-12-31", null])
            .as_array()
            .unwrap()
            .clone()
    );
    let first = &groups[0];
    assert_eq!(
        (
            first["total"].as_u64(),
            first["done"].as_u64(),
            first["overdue"].as_u64()
        ),
        (Some(27), Some(1), Some(26))
    );
    let k = first["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "7.2.1")
        .unwrap();
    assert_eq!(k["measure"], "7.2");
    assert_eq!(k["state"], "done");
    assert!(
        k["lead"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "市市场监管局")
    );
    let undated = &groups[3];
    assert_eq!(undated["total"], 94);
    assert_eq!(undated["overdue"], 0, "undated is never overdue");
    let out = e.ok(&["deadlines", "--as-of", "2020-01-01"]);
    for words in [
        "2019-12-31  27 个 · 已完成 1 · 逾期 26",
        "无明确时限",
        "✔ 7.2.1",
        "! 7.3.1",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
    let early = e.json(&["deadlines", "--json", "--as-of", "2019-10-18"]);
    assert_eq!(early["groups"][0]["overdue"], 0);
}

#[test]
fn a_bad_as_of_date_is_a_usage_error() {
    let e = Env::new();
    let o = e.run(&["deadlines", "--as-of", "2019-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--as-of"), "{}", err(&o));
}

/// The same malformed files said in Chinese, serde_json's words included.
#[test]
fn a_malformed_state_file_is_reported_in_chinese() {
    let cases = [
        (
            "{\"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {\n",
            "第 4 行第 0 列，milestones：对象（{ }）未结束，文件就完了",
        ),
        (
            "{\"version\": 2, \"document\": \"yufubanfa-2019-103\", \"milestones\": {}}",
            "状态文件版本 2 不认识",
        ),
        (
            "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n \"1.1.1\": {\"done\": 1, \"at\": \"2020-01-01T00:00:00Z\"}}}",
            "类型不对：应是 true 或 false，这里是 整数 `1`",
        ),
        ("[]", "（顶层）：应是 状态文件："),
        (
            "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\"1.1.1\": {\"done\": true, \"at\": 5}}}",
            "应是 时间字符串，这里是 整数 `5`（应是时间，如 2026-11-25T13:00:00Z）",
        ),
    ];
    let e = Env::new();
    for (text, what) in cases {
        fs::write(e.state(), text).unwrap();
        let o = e.run(&["progress"]);
        assert_eq!(o.status.code(), Some(1), "{text}");
        let said = err(&o);
        assert!(said.contains(what), "{what}\n{said}");
        for english in [
            "EOF",
            "expected",
            "invalid",
            "unknown",
            "found",
            "top level",
        ] {
            assert!(!said.contains(english), "{english}:\n{said}");
        }
        assert_eq!(
            fs::read_to_string(e.state()).unwrap(),
            text,
            "left untouched"
        );
    }
}

/// Malformed files: each command that reads it fails with where, and none writes it.
#[test]
fn a_malformed_state_file_is_reported_and_never_overwritten() {
    let cases = [
        (
            "{\"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {\n",
            "line 4, column 0",
            "EOF while parsing",
        ),
        (
            "{\"version\": 2, \"document\": \"yufubanfa-2019-103\", \"milestones\": {}}",
            "at version",
            "unknown state file version 2",
        ),
        (
            "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {\n \"1.1.1\": {\"done\": 1, \"at\": \"2020-01-01T00:00:00Z\"}}}",
            "line 2, column 20, at milestones[\"1.1.1\"].done",
            "expected a boolean",
        ),
        ("[]", "line 1, column 1", "expected a state file"),
        (
            "{\"version\": 1, \"document\": \"other\", \"milestones\": {}}",
            "for document \"other\"",
            "left untouched",
        ),
    ];
    let e = Env::new();
    let other = e.sandbox.path().join("other.json");
    fs::write(
        &other,
        "{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {}}",
    )
    .unwrap();
    let other = other.to_str().unwrap();
    for (text, where_, what) in cases {
        fs::write(e.state(), text).unwrap();
        for args in [
            &["check", "1.1.1"][..],
            &["uncheck", "1.1.1"],
            &["progress"],
            &["progress", "--json"],
            &["deadlines"],
            &["state", "check"],
            &["state", "export"],
            &["state", "merge", other],
            &["state", "import", other, "--force"],
        ] {
            // The core's errors in English here (in Chinese: cli_edges.rs).
            let o = e.run(&[&["--lang", "en"][..], args].concat());
            assert_eq!(o.status.code(), Some(1), "{args:?} on {text}");
            let msg = err(&o);
            assert!(
                msg.contains(where_) && msg.contains(what),
                "{args:?}: {msg}"
            );
            assert!(
                msg.contains(e.state().to_str().unwrap()),
                "names the file: {msg}"
            );
            assert_eq!(
                fs::read(e.state()).unwrap(),
                text.as_bytes(),
                "{args:?} left it as it was"
            );
        }
    }
}

#[test]
fn state_check_says_what_a_good_file_holds() {
    let e = Env::new();
    let none = e.ok(&["--lang", "en", "state", "check"]);
    assert!(none.contains("no state file yet"), "{none}");
    e.ok(&["check", "19", "--note", "ok"]);
    e.ok(&["uncheck", "19.1.1"]);
    let out = e.ok(&["--lang", "en", "state", "check"]);
    assert!(
        out.contains("valid state file (version 1, document yufubanfa-2019-103)"),
        "{out}"
    );
    assert!(out.contains("checked off 14/130"), "{out}");
    assert!(out.contains("1 unchecked again; 15 with a note"), "{out}");
    let bad = e.sandbox.path().join("bad.json");
    fs::write(&bad, "{").unwrap();
    let o = e.run(&["--lang", "en", "state", "check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("bad.json: line 1, column 1"),
        "{}",
        err(&o)
    );
    let o = e.run(&["--lang", "en", "state", "check", "/nonexistent/x.json"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn export_then_import_moves_the_state_to_another_machine() {
    let a = Env::new();
    a.ok(&["check", "7", "--note", "移交"]);
    let exported = a.ok(&["state", "export"]);
    assert_eq!(exported, fs::read_to_string(a.state()).unwrap());
    let b = Env::new();
    let carried = b.sandbox.path().join("carried.json");
    fs::write(&carried, &exported).unwrap();
    let out = b.ok(&["state", "import", carried.to_str().unwrap()]);
    assert!(out.contains("已将"), "{out}");
    assert_eq!(fs::read_to_string(b.state()).unwrap(), exported);
    // A newer change of ours would be dropped: refused without --force.
    b.ok(&["check", "1.1.1"]);
    let o = b.run(&["state", "import", carried.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("1.1.1") && err(&o).contains("fgf state merge"),
        "{}",
        err(&o)
    );
    assert!(b.file()["milestones"]["1.1.1"]["done"] == true);
    b.ok(&["state", "import", carried.to_str().unwrap(), "--force"]);
    assert_eq!(fs::read_to_string(b.state()).unwrap(), exported);
    // Export with no file yet is an empty state.
    let c = Env::new();
    let empty: Value = serde_json::from_str(&c.ok(&["state", "export"])).unwrap();
    assert_eq!(empty["version"], 1);
    assert_eq!(empty["milestones"], serde_json::json!({}));
    assert!(!c.state().exists());
}

#[test]
fn merge_pools_two_peoples_progress_and_is_idempotent() {
    let a = Env::new();
    let b = Env::new();
    a.ok(&["check", "1.1.1", "2.1.1"]);
    b.ok(&["check", "3.1.1"]);
    b.ok(&["uncheck", "3.1.1"]);
    b.ok(&["check", "2.1.1", "--note", "b's note"]);
    let theirs = b.state();
    let out = a.ok(&["state", "merge", theirs.to_str().unwrap()]);
    assert!(out.contains("收入 2 处里程碑改动"), "{out}");
    let f = a.file();
    assert_eq!(f["milestones"]["1.1.1"]["done"], true);
    assert_eq!(
        f["milestones"]["2.1.1"]["note"], "b's note",
        "the later change wins"
    );
    assert_eq!(f["milestones"]["3.1.1"]["done"], false);
    let before = fs::read(a.state()).unwrap();
    let again = a.ok(&["state", "merge", theirs.to_str().unwrap()]);
    assert!(again.contains("收入 0 处"), "{again}");
    assert_eq!(fs::read(a.state()).unwrap(), before);
    // Merging the other way round ends in the same state.
    b.ok(&["state", "merge", a.state().to_str().unwrap()]);
    assert_eq!(fs::read(b.state()).unwrap(), before);
}

#[test]
fn an_uncreatable_state_directory_is_a_clear_error() {
    let e = Env::new();
    let blocker = e.sandbox.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let path = blocker.join("sub/state.json");
    let o = e.run(&[
        "--state",
        path.to_str().unwrap(),
        "check",
        "1.1.1",
        "--lang=en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("cannot create the state directory"),
        "{}",
        err(&o)
    );
}

#[test]
fn two_cli_processes_checking_different_milestones_lose_nothing() {
    let e = Env::new();
    let run = |ids: Vec<&'static str>| {
        let cmd = |verb: &str, id: &str| {
            let o = e.run(&[verb, id]);
            assert!(o.status.success(), "{}", err(&o));
        };
        for round in 0..20 {
            for id in &ids {
                cmd(if round % 2 == 0 { "check" } else { "uncheck" }, id);
            }
        }
        for id in &ids {
            cmd("check", id);
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| run(vec!["1.1.1", "1.3.1"]));
        s.spawn(|| run(vec!["19.1.1", "19.3.1"]));
    });
    let v = e.json(&["progress", "--json"]);
    assert_eq!(v["done"], 4);
}

#[test]
fn state_commands_are_in_help_and_pipes_get_no_colour() {
    let e = Env::new();
    let help = e.ok(&["--help"]);
    for cmd in [
        "check",
        "uncheck",
        "progress",
        "deadlines",
        "state",
        "--state",
        "--as-of",
    ] {
        assert!(help.contains(cmd), "--help lacks {cmd}");
    }
    e.ok(&["check", "1"]);
    for args in [
        &["progress"][..],
        &["deadlines"],
        &["check", "2.1.1"],
        &["state", "check"],
    ] {
        assert!(
            !e.run(args).stdout.contains(&0x1b),
            "{args:?} wrote an escape sequence"
        );
    }
}

#[test]
fn check_and_uncheck_say_what_changed_as_json() {
    let e = Env::new();
    let v = e.json(&["check", "12", "--note", "已报送", "--json"]);
    let ids: Vec<&str> = v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["12.1.1", "12.1.2", "12.2.1"]);
    let first = &v["changed"][0];
    assert_eq!(
        (first["done"].clone(), first["was_done"].clone()),
        (true.into(), false.into())
    );
    assert_eq!(first["note"], "已报送");
    assert!(first["at"].as_str().unwrap().ends_with('Z'), "{first}");
    assert_eq!(
        (v["done"].clone(), v["total"].clone()),
        (3.into(), 130.into())
    );
    assert_eq!(v["document"], "yufubanfa-2019-103");
    assert_eq!(v["state"], e.state().to_str().unwrap());
    // Again: nothing changes.
    let again = e.json(&["check", "12.1.1", "--json"]);
    assert_eq!(again["changed"], serde_json::json!([]));
    assert_eq!(again["done"], 3);
    let un = e.json(&["uncheck", "12.1.2", "--json"]);
    assert_eq!(un["changed"][0]["id"], "12.1.2");
    assert_eq!(un["changed"][0]["done"], false);
    assert_eq!(un["changed"][0]["was_done"], true);
    assert_eq!(un["done"], 2);
    // An unknown id: status 2, nothing on stdout.
    let o = e.run(&["check", "99.1", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}
