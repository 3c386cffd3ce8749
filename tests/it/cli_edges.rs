//! The CLI's rough edges a user hit (issue 10, section 4) and one language a run for its messages.

use std::process::Output;

use crate::support::pty::Pty;
use crate::support::sealed::{self, Sandbox};
use fgf::domain::text::width;
use serde_json::Value;

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// `fgf ARGS` with extra environment variables, in a sandbox of its own.
fn fgf_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.command();
    cmd.args(args).envs(env.iter().copied());
    sealed::output(&mut cmd)
}

/// A sandbox whose state file is `state.json` inside it.
struct Home(Sandbox);

impl Home {
    fn new() -> Home {
        Home(Sandbox::new())
    }

    fn run(&self, args: &[&str]) -> Output {
        let state = self.0.path().join("state.json");
        let mut cmd = self.0.command();
        cmd.arg("--state").arg(state).args(args);
        sealed::output(&mut cmd)
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        out(&o)
    }
}

/// `text` without escape sequences (CSI ... letter).
fn plain(text: &str) -> String {
    let mut s = String::new();
    let mut esc = false;
    for c in text.chars() {
        match (esc, c) {
            (false, '\u{1b}') => esc = true,
            (true, c) if c.is_ascii_alphabetic() => esc = false,
            (true, _) => {}
            (false, c) => s.push(c),
        }
    }
    s
}

#[test]
fn who_limit_0_is_all_and_a_cut_list_says_so() {
    let all = sealed::run(&["who", "企业", "--limit", "0", "--json"]);
    assert_eq!(all.status.code(), Some(0), "{}", err(&all));
    let all: Value = serde_json::from_slice(&all.stdout).unwrap();
    let total = all.as_array().unwrap().len();
    assert!(total > 10, "{total} hits for 企业");
    let cut = sealed::run(&["who", "企业"]);
    assert_eq!(cut.status.code(), Some(0));
    let ids = out(&cut)
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    assert_eq!(ids, 10, "{}", out(&cut));
    assert!(
        err(&cut).contains(&format!("显示 {total} 条中的 10 条；--limit 0 显示全部")),
        "{}",
        err(&cut)
    );
    let en = sealed::run(&["who", "企业", "-n", "3", "--lang", "en"]);
    assert!(
        err(&en).contains(&format!("3 of {total} hits shown; --limit 0 shows all")),
        "{}",
        err(&en)
    );
    // Everything shown: no note.
    let whole = sealed::run(&["who", "企业", "-n", "0"]);
    assert!(err(&whole).is_empty(), "{}", err(&whole));
}

#[test]
fn show_says_whether_each_milestone_is_done_when_and_its_note() {
    let h = Home::new();
    h.ok(&["check", "9.2.1", "--note", "已报送市政府"]);
    let text = h.ok(&["show", "9.2", "--as-of", "2030-01-01"]);
    let line = text
        .lines()
        .find(|l| l.contains("9.2.1"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("[x] 已完成"), "{text}");
    let today = jiff::Zoned::now().date().to_string();
    assert!(line.contains(&today), "checked today: {text}");
    assert!(text.contains("备注：已报送市政府"), "{text}");
    // Open and overdue milestones say so too.
    let task = h.ok(&["show", "12", "--as-of", "2030-01-01"]);
    assert!(task.contains("[ ] 逾期"), "{task}");
    let task = h.ok(&["show", "12", "--as-of", "2019-01-01"]);
    assert!(task.contains("[ ] 未完成"), "{task}");
    let en = h.ok(&["show", "9.2.1", "--lang", "en"]);
    assert!(
        en.contains("[x] done") && en.contains("note: 已报送市政府"),
        "{en}"
    );
    // JSON: every milestone, at every depth.
    let v: Value = serde_json::from_str(&h.ok(&["show", "9", "--json"])).unwrap();
    let k = &v["measures"][1]["milestones"][0];
    assert_eq!(k["id"], "9.2.1");
    assert_eq!(k["done"], true);
    assert_eq!(k["state"], "done");
    assert_eq!(k["note"], "已报送市政府");
    assert!(k["checked_at"].as_str().unwrap().starts_with(&today), "{k}");
    assert_eq!(v["measures"][0]["milestones"][0]["done"], false);
    assert_eq!(v["measures"][0]["milestones"][0]["checked_at"], Value::Null);
    let one: Value = serde_json::from_str(&h.ok(&["show", "9.2.1", "--json"])).unwrap();
    assert_eq!(one["state"], "done");
    let m: Value = serde_json::from_str(&h.ok(&["show", "9.2", "--json"])).unwrap();
    assert_eq!(m["milestones"][0]["note"], "已报送市政府");
    // A state file fgf cannot read: the item all the same, without states, and why on stderr.
    std::fs::write(h.0.path().join("state.json"), "[]").unwrap();
    let o = h.run(&["show", "9.2"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("9.2.1  无明确时限  （整项举措）"),
        "{}",
        out(&o)
    );
    assert!(
        err(&o).contains("读不了状态文件，不显示完成情况"),
        "{}",
        err(&o)
    );
}

#[test]
fn units_are_found_by_pinyin_and_fuzzy_names_in_unit_and_export() {
    let o = sealed::run(&["unit", "fgw"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).starts_with("市发展改革委  牵头"), "{}", out(&o));
    assert!(err(&o).contains("\"fgw\" 取为 市发展改革委"), "{}", err(&o));
    let o = sealed::run(&["export", "--format", "md", "--unit", "scjgj"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("市市场监管局 牵头和配合的举措"),
        "{}",
        out(&o)
    );
    // Exact names are taken silently.
    let o = sealed::run(&["unit", "市场监管局"]);
    assert!(err(&o).is_empty(), "{}", err(&o));
    // Nothing near: said, never an empty list.
    let o = sealed::run(&["unit", "xyzzy"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("没有与 \"xyzzy\" 相符的单位"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("nearest units: \n"), "{}", err(&o));
    let o = sealed::run(&["export", "--unit", "xyzzy", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no unit matches \"xyzzy\""), "{}", err(&o));
}

#[test]
fn ids_full_width_are_read_and_words_get_no_nonsense_suggestions() {
    let o = sealed::run(&["show", "abc"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(!e.contains("1, 2, 3"), "{e}");
    assert!(e.contains("fgf who abc"), "{e}");
    // An id-shaped miss is still answered with the ids near it.
    let e = err(&sealed::run(&["show", "9.99"]));
    assert!(e.contains("相近的编号：9.1, 9.2"), "{e}");
    for id in ["９", "９．２", "9。2。1", "\u{3000}9.2 "] {
        let o = sealed::run(&["show", id, "--json"]);
        assert_eq!(o.status.code(), Some(0), "{id}: {}", err(&o));
    }
    let v: Value =
        serde_json::from_slice(&sealed::run(&["show", "９．２", "--json"]).stdout).unwrap();
    assert_eq!(v["id"], "9.2");
    let h = Home::new();
    h.ok(&["check", "１２．１．１"]);
    let v: Value = serde_json::from_str(&h.ok(&["show", "12.1.1", "--json"])).unwrap();
    assert_eq!(v["done"], true);
}

#[test]
fn a_bad_as_of_names_the_flag_and_the_form() {
    for (args, want) in [
        (
            vec!["progress", "--as-of", "yesterday"],
            "--as-of 要写作 YYYY-MM-DD 的日期，如 2019-10-18",
        ),
        (
            vec!["--lang", "en", "progress", "--as-of", "yesterday"],
            "--as-of takes a date written YYYY-MM-DD, e.g. 2019-10-18",
        ),
        (
            vec!["--lang", "en", "deadlines", "--as-of", "2019-02-30"],
            "2019-02-30 is not a day of the calendar",
        ),
    ] {
        let o = sealed::run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = err(&o);
        assert!(e.contains(want), "{args:?}: {e}");
        assert!(!e.contains("failed to parse"), "no parser internals: {e}");
    }
    let o = sealed::run(&["progress", "--as-of", "２０１９-１０-１８", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn merging_a_missing_file_says_it_does_not_exist() {
    let o = sealed::run(&["state", "merge", "/nonexistent/theirs.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("/nonexistent/theirs.json：文件不存在"),
        "{}",
        err(&o)
    );
    let o = sealed::run(&[
        "--lang",
        "en",
        "state",
        "import",
        "/nonexistent/theirs.json",
    ]);
    assert!(
        err(&o).contains("/nonexistent/theirs.json: no such file"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("entity not found"), "{}", err(&o));
}

/// Every line of `text` at most `cols` display columns, escape sequences not counted.
fn assert_fits(text: &str, cols: usize) {
    for line in plain(text).lines() {
        assert!(width(line) <= cols, "{} columns: {line}", width(line));
    }
}

#[test]
fn who_search_and_unit_fit_the_width_given_by_columns() {
    for args in [
        &["who", "企业开办"][..],
        &["who", "fgw", "-n", "0"],
        &["search", "fgw", "-n", "0"],
        &["search", "营商 | 税务", "-n", "0"],
        &["unit", "市发展改革委"],
    ] {
        let wide = out(&sealed::run(args));
        assert!(
            plain(&wide).lines().any(|l| width(l) > 80),
            "{args:?}: a line wider than 80 unfitted"
        );
        for cols in [80, 60, 40] {
            let cols_s = cols.to_string();
            let o = fgf_env(args, &[("COLUMNS", &cols_s)]);
            let text = out(&o);
            assert_fits(&text, cols);
            assert!(text.contains('…'), "{args:?} at {cols}: something cut");
        }
    }
}

#[test]
fn who_and_search_on_a_terminal_fit_its_width_styled() {
    for args in [
        &["who", "fgw", "-n", "5"][..],
        &["search", "fgw 营商", "-n", "8"],
    ] {
        let mut pty = Pty::spawn(80, 40, args, &[]);
        assert_eq!(pty.wait_exit(), 0);
        let raw = String::from_utf8(pty.raw.lock().unwrap().clone()).unwrap();
        assert!(raw.contains('\u{1b}'), "{args:?}: styled on a terminal");
        assert!(plain(&raw).contains("市发展改革委"), "{raw}");
        assert_fits(&raw.replace('\r', ""), 80);
        assert!(raw.contains('…'), "{raw}");
        // What the terminal shows: one row a line, none continued on the next.
        let screen = pty.screen();
        let rows = screen.lines().filter(|l| !l.trim().is_empty()).count();
        let lines = plain(&raw).lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(rows, lines, "{screen}");
    }
}

/// The display column where the text after the last run of two or more spaces starts.
fn second_column(line: &str) -> Option<usize> {
    let body = line.trim_start();
    let at = body.trim_end().rfind("  ")?;
    let at = body[..at].trim_end().len();
    let rest = &body[at..];
    let gap = rest.len() - rest.trim_start().len();
    Some(width(&line[..line.len() - body.len() + at]) + gap)
}

#[test]
fn help_examples_line_up_by_display_width() {
    // In either language (Chinese: 示例 and 查询语法).
    let langs = [
        ("en", "Examples:", "Query language:", "Full-width"),
        ("zh", "示例：", "查询语法：", "用中文输入法"),
    ];
    for (lang, examples_at, table_at, table_end) in langs {
        let help = out(&sealed::run(&["--help", "--lang", lang]));
        let examples = &help[help.find(examples_at).expect("examples")..];
        let lines: Vec<&str> = examples
            .lines()
            .skip(1)
            .filter(|l| l.starts_with("  fgf"))
            .collect();
        assert!(lines.len() >= 10, "{examples}");
        let cols: Vec<_> = lines.iter().map(|l| second_column(l)).collect();
        assert!(
            cols.iter().all(|c| c.is_some() && *c == cols[0]),
            "{cols:?}\n{examples}"
        );
        assert!(lines.iter().all(|l| width(l) <= 80), "{examples}");
        let search = out(&sealed::run(&["search", "--help", "--lang", lang]));
        let table = &search[search.find(table_at).unwrap()..search.find(table_end).unwrap()];
        let cols: Vec<_> = table.lines().skip(1).map(second_column).collect();
        assert!(cols.len() >= 8, "{table}");
        assert!(
            cols.iter().all(|c| c.is_some() && *c == cols[0]),
            "{cols:?}\n{table}"
        );
    }
}

#[test]
fn interactive_only_flags_are_listed_where_they_apply() {
    let top = out(&sealed::run(&["--help"]));
    assert!(
        top.contains("--mouse") && top.contains("--ambiwide"),
        "{top}"
    );
    for cmd in ["who", "show", "check", "state"] {
        let help = out(&sealed::run(&[cmd, "--help"]));
        assert!(!help.contains("--mouse"), "{cmd}: {help}");
        assert!(!help.contains("--ambiwide"), "{cmd}: {help}");
        assert!(help.contains("--lang"), "{cmd}: messages follow --lang");
    }
}

#[test]
fn a_little_progress_does_not_read_as_none() {
    let h = Home::new();
    let checked = h.ok(&["check", "1.1.1"]);
    assert!(checked.contains("总进度 1/130（<1%）"), "{checked}");
    let progress = h.ok(&["progress"]);
    assert!(progress.contains("1/130  <1%"), "{progress}");
    assert!(!progress.contains("1/130   0%"), "{progress}");
    let state = h.ok(&["state", "check"]);
    assert!(state.contains("1/130（<1%）"), "{state}");
    // Exactly none is 0%.
    let none = Home::new().ok(&["progress"]);
    assert!(none.contains("0/130   0%"), "{none}");
}

/// Words of fgf's English messages that a Chinese run must not show.
const ENGLISH: [&str; 12] = [
    "valid",
    "checked off",
    "nothing",
    "cannot",
    "no state file",
    "merged",
    "imported",
    "lead ",
    "support",
    "nearest",
    "overdue",
    "problem",
];

#[test]
fn a_chinese_run_speaks_chinese_in_every_message() {
    let h = Home::new();
    let bad_doc = h.0.path().join("bad.json");
    std::fs::write(&bad_doc, "{}").unwrap();
    let bad_state = h.0.path().join("bad-state.json");
    std::fs::write(&bad_state, "[]").unwrap();
    let (bad_doc, bad_state) = (bad_doc.to_str().unwrap(), bad_state.to_str().unwrap());
    for args in [
        &["state", "check"][..],
        &["check", "9.2.1", "--note", "好"],
        &["check", "9.2.1"],
        &["uncheck", "9.2.1"],
        &["progress", "--as-of", "2020-06-01"],
        &["deadlines", "--as-of", "2020-06-01"],
        &["state", "check"],
        &["state", "check", bad_state],
        &["state", "merge", "/nonexistent.json"],
        &["doc", "check", bad_doc],
        &["--doc", bad_doc, "list"],
        &["who", "企业开办", "-n", "2"],
        &["search", "营商", "-n", "2"],
        &["unit", "fgw"],
        &["show", "9.2"],
        &["show", "99"],
        &["who", "zzzzqqqq"],
    ] {
        let o = h.run(args);
        let all = format!("{}{}", out(&o), err(&o));
        for word in ENGLISH {
            assert!(!all.contains(word), "{args:?} says {word:?}:\n{all}");
        }
    }
    // The same through LANG, and LC_ALL before LANG.
    let en = fgf_env(&["who", "zzzzqqqq"], &[("LANG", "en_US.UTF-8")]);
    assert!(err(&en).contains("nothing matches"), "{}", err(&en));
    let zh = fgf_env(
        &["who", "zzzzqqqq"],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    assert!(err(&zh).contains("没有与"), "{}", err(&zh));
    let messages = fgf_env(
        &["who", "zzzzqqqq"],
        &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
    );
    assert!(
        err(&messages).contains("nothing matches"),
        "{}",
        err(&messages)
    );
    let flag = fgf_env(
        &["who", "zzzzqqqq", "--lang", "zh"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(err(&flag).contains("没有与"), "{}", err(&flag));
}

#[test]
fn an_english_run_labels_in_english() {
    let h = Home::new();
    let check = h.ok(&["--lang", "en", "check", "9.2.1"]);
    assert!(
        check.contains("9.2.1  done") && check.contains("overall 1/130 (<1%)"),
        "{check}"
    );
    let who = h.ok(&["--lang", "en", "who", "企业开办", "-n", "1"]);
    assert!(who.contains("lead 市市场监管局"), "{who}");
    assert!(!who.contains("牵头"), "{who}");
    let progress = h.ok(&["--lang", "en", "progress"]);
    assert!(progress.contains("overall 1/130"), "{progress}");
    assert!(!progress.contains("总进度"), "{progress}");
    let state = h.ok(&["--lang", "en", "state", "check"]);
    assert!(state.contains("valid state file"), "{state}");
    let show = h.ok(&["--lang", "en", "show", "9.2"]);
    assert!(
        show.contains("Milestones") && !show.contains("里程碑"),
        "{show}"
    );
    let o = h.run(&["--lang", "en", "show", "abc"]);
    assert!(
        err(&o).contains("no task, measure or milestone has the id"),
        "{}",
        err(&o)
    );
}
