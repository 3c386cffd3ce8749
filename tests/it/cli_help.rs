//! `--help` and clap's errors in the run's language (issue 10 §3): Chinese by default (LANG unset,
//! C.UTF-8, zh_CN), English with --lang en or an English locale, exactly as clap says it.

use std::process::Output;

use unicode_width::UnicodeWidthStr;

use crate::support::sealed::Sandbox;

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let sandbox = Sandbox::new();
    let mut c = sandbox.command();
    c.args(args).envs(env.iter().copied());
    c.output().expect("run fgf")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// stdout of a run that succeeds.
fn help(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = run(args, env);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    out(&o)
}

#[test]
fn fgf_help_in_chinese() {
    insta::assert_snapshot!("help_zh", help(&["--help"], &[]));
}

#[test]
fn fgf_who_help_in_chinese() {
    insta::assert_snapshot!("who_help_zh", help(&["who", "--help"], &[]));
}

#[test]
fn fgf_help_in_english() {
    insta::assert_snapshot!("help_en", help(&["--help", "--lang", "en"], &[]));
}

#[test]
fn fgf_who_help_in_english() {
    let en = help(&["who", "--help"], &[("LANG", "en_US.UTF-8")]);
    insta::assert_snapshot!("who_help_en", en);
}

#[test]
fn the_language_of_help_follows_lang_and_the_flag() {
    for env in [&[][..], &[("LANG", "C.UTF-8")], &[("LANG", "zh_CN.UTF-8")]] {
        let zh = help(&["who", "--help"], env);
        assert!(
            zh.contains("用法：fgf who [选项] <查询词>..."),
            "{env:?}\n{zh}"
        );
        assert!(!zh.contains("Usage") && !zh.contains("Print help"), "{zh}");
    }
    let flag_wins = help(&["--lang=zh", "who", "--help"], &[("LANG", "en_US.UTF-8")]);
    assert!(flag_wins.contains("参数："), "{flag_wins}");
    let en = help(
        &["who", "--help", "--lang", "en"],
        &[("LANG", "zh_CN.UTF-8")],
    );
    assert!(en.contains("Usage: fgf who [OPTIONS] <QUERY>..."), "{en}");
    // `fgf help CMD` and the version too.
    let via_help = help(&["help", "log"], &[]);
    assert!(
        via_help.contains("进度日志") && !via_help.contains("Usage"),
        "{via_help}"
    );
    assert!(help(&["--version"], &[]).contains("内置文件：渝府办发〔2019〕103号"));
    assert!(help(&["--version", "--lang", "en"], &[]).contains("embedded document"));
}

#[test]
fn every_chinese_help_fits_its_width_and_says_no_english_chrome() {
    // Every command `fgf --help` lists.
    let top = help(&["--help"], &[]);
    let listed = &top[top.find("命令：\n").expect("commands") + "命令：\n".len()..];
    let commands: Vec<&str> = listed
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 20, "{commands:?}");
    for (cols, env) in [(100, &[][..]), (60, &[("COLUMNS", "60")])] {
        for &c in &commands {
            let text = help(&[c, "--help"], env);
            for line in text.lines() {
                assert!(
                    line.width() <= cols,
                    "fgf {c} --help, {cols} columns:\n{line}"
                );
            }
            for english in [
                "Usage",
                "Options:",
                "Arguments:",
                "Commands:",
                "[default",
                "Example",
            ] {
                assert!(!text.contains(english), "fgf {c} --help: {english}\n{text}");
            }
            assert!(
                text.contains("示例：") || c == "doc",
                "fgf {c} --help\n{text}"
            );
        }
    }
}

/// A usage error: exit 2, nothing on stdout, the message on stderr.
fn usage_error(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = run(args, env);
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert!(o.stdout.is_empty(), "{args:?}");
    err(&o)
}

#[test]
fn an_invalid_value_is_said_in_chinese() {
    let e = usage_error(&["export", "--format", "xml"], &[]);
    assert_eq!(
        e,
        "fgf: 参数 --format <格式> 的值 “xml” 无效；可选值：md、csv、json\n\n详见 --help。\n"
    );
    let e = usage_error(&["who", "企业", "-n", "十"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        e.contains("参数 --limit <条数> 的值 “十” 无效：不是非负整数"),
        "{e}"
    );
    let en = usage_error(&["export", "--format", "xml"], &[("LANG", "en_US.UTF-8")]);
    assert!(
        en.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"),
        "{en}"
    );
}

#[test]
fn an_unknown_flag_is_said_in_chinese_with_clap_s_suggestion() {
    let e = usage_error(&["list", "--stats"], &[]);
    assert_eq!(
        e,
        "fgf: 不认识的参数 “--stats”\n\n  提示：相近的参数有 “--state”\n\n用法：fgf list [选项]\n\n详见 --help。\n"
    );
    let e = usage_error(&["whoo", "企业"], &[]);
    assert!(
        e.contains("不认识的命令 “whoo”") && e.contains("相近的命令有 “who”"),
        "{e}"
    );
    // What was typed reaches the terminal neutralised.
    let e = usage_error(&["list", "--x\u{1b}]0;title\u{7}"], &[]);
    assert!(!e.contains('\u{1b}') && !e.contains('\u{7}'), "{e:?}");
    let en = usage_error(&["list", "--stats"], &[("LANG", "en_US.UTF-8")]);
    assert!(
        en.starts_with("error: unexpected argument '--stats' found"),
        "{en}"
    );
}

#[test]
fn a_missing_argument_is_said_in_chinese() {
    let e = usage_error(&["who"], &[]);
    assert_eq!(
        e,
        "fgf: 缺少必需的参数：<查询词>...\n\n用法：fgf who [选项] <查询词>...\n\n详见 --help。\n"
    );
    let e = usage_error(&["log", "9.2.1"], &[]);
    assert!(e.contains("缺少必需的参数：<内容>"), "{e}");
    // A command that needs a command after it shows its help, in Chinese, on stderr.
    let e = usage_error(&["state"], &[]);
    assert!(
        e.contains("用法：fgf state [选项] <命令>") && e.contains("命令："),
        "{e}"
    );
    let en = usage_error(&["who", "--lang", "en"], &[]);
    assert!(
        en.starts_with("error: the following required arguments were not provided"),
        "{en}"
    );
}

#[test]
fn completions_are_the_same_in_either_language() {
    let zh = help(&["completions", "bash"], &[]);
    let en = help(&["completions", "bash"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(zh, en);
}
