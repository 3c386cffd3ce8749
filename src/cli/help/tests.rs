//! The Chinese help table against the clap command it translates: every command, argument,
//! placeholder and after-help has its Chinese (so a flag added later without one fails here), no
//! entry is stale, and the Chinese help shows none of clap's English.

use clap::{Arg, ArgAction, CommandFactory};

use super::{after, command_zh, errors, key_of, zh};
use crate::cli::Cli;
use crate::cli::args::EXAMPLES;
use crate::cli::search::QUERY_ROWS;

/// Every command under `cmd` (itself first) with its path after `fgf`.
fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    out.push((path.to_string(), cmd.clone()));
    for sub in cmd.get_subcommands() {
        let sub_path = [path, sub.get_name()].join(" ").trim().to_string();
        commands(sub, &sub_path, out);
    }
}

fn all(cmd: &clap::Command) -> Vec<(String, clap::Command)> {
    let mut out = Vec::new();
    commands(cmd, "", &mut out);
    out
}

/// What the command line defines and the table does not translate.
fn missing(cmd: &clap::Command) -> Vec<String> {
    let mut out = Vec::new();
    for (key, c) in all(cmd) {
        let Some(entry) = zh::find(&key) else {
            out.push(format!("the about of `fgf {key}`"));
            continue;
        };
        for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = a.get_id().as_str();
            if !entry.args.iter().any(|(k, _)| *k == id) {
                out.push(format!("`fgf {key}`'s argument {id}"));
            }
            let names = a
                .get_value_names()
                .filter(|_| a.get_action().takes_values());
            for name in names.unwrap_or_default() {
                if zh::value_name(name).is_none() {
                    out.push(format!("the placeholder <{name}> of `fgf {key}` {id}"));
                }
            }
        }
        if let Some(text) = c.get_after_help()
            && after::zh(&key, &text.to_string()).is_none()
        {
            out.push(format!("the text after the options of `fgf {key}`"));
        }
    }
    out
}

#[test]
fn every_command_argument_and_placeholder_has_its_chinese() {
    assert_eq!(missing(&Cli::command()), Vec::<String>::new());
}

#[test]
fn a_flag_added_without_chinese_is_caught() {
    let more = Cli::command()
        .arg(
            Arg::new("later-flag")
                .long("later-flag")
                .help("A later flag."),
        )
        .mut_subcommand("who", |c| {
            c.arg(
                Arg::new("unit")
                    .long("unit")
                    .value_name("UNIT")
                    .help("A unit."),
            )
        })
        .subcommand(clap::Command::new("later").about("A later command."));
    let problems = missing(&more);
    assert_eq!(
        problems,
        [
            "`fgf `'s argument later-flag",
            "`fgf who`'s argument unit",
            "the placeholder <UNIT> of `fgf who` unit",
            "the about of `fgf later`",
        ]
    );
}

#[test]
fn no_entry_of_the_table_is_stale() {
    let tree = all(&Cli::command());
    for entry in zh::entries() {
        let Some((_, c)) = tree.iter().find(|(k, _)| *k == entry.key) else {
            panic!("the table has `fgf {}`, which is no command", entry.key);
        };
        for (id, _) in entry.args {
            assert!(
                c.get_arguments().any(|a| a.get_id() == *id),
                "`fgf {}` has no argument {id}",
                entry.key
            );
        }
    }
    let names: Vec<String> = tree
        .iter()
        .flat_map(|(_, c)| c.get_arguments().cloned().collect::<Vec<_>>())
        .flat_map(|a| a.get_value_names().unwrap_or_default().to_vec())
        .map(|n| n.to_string())
        .chain(["COMMAND".to_string()]) // clap's own, of `fgf help`
        .collect();
    for (en, _) in zh::VALUE_NAMES {
        assert!(names.iter().any(|n| n == en), "no placeholder <{en}>");
    }
    for (cmd, _) in after::EXAMPLES_ZH {
        assert!(EXAMPLES.iter().any(|(c, _)| c == cmd), "no example {cmd}");
    }
    for (row, _) in after::QUERY_ZH {
        assert!(
            QUERY_ROWS.iter().any(|(r, _)| r == row),
            "no query row {row}"
        );
    }
    for (cmd, _) in EXAMPLES {
        assert!(after::EXAMPLES_ZH.iter().any(|(c, _)| *c == cmd), "{cmd}");
    }
    for (row, _) in QUERY_ROWS {
        assert!(after::QUERY_ZH.iter().any(|(r, _)| *r == row), "{row}");
    }
}

/// The English clap would print of its own.
const CHROME: [&str; 14] = [
    "Usage:",
    "Commands:",
    "Options:",
    "Arguments:",
    "Print help",
    "Print version",
    "Print this message",
    "[default:",
    "[possible values:",
    "[OPTIONS]",
    "[COMMAND]",
    "<COMMAND>",
    "Examples:",
    "Example:",
];

#[test]
fn every_chinese_help_text_comes_from_the_table_and_no_english_chrome_is_left() {
    let cmd = command_zh();
    let table: Vec<&str> = zh::entries()
        .flat_map(|e| e.args.iter().map(|(_, t)| *t))
        .chain([zh::HELP_FLAG, zh::VERSION_FLAG])
        .collect();
    let mut checked = 0;
    for (key, mut c) in all(&cmd) {
        let about = c.get_about().map(ToString::to_string).unwrap_or_default();
        let words: Vec<String> = key.split_whitespace().map(String::from).collect();
        let expected = match words.last() {
            Some(w) if w == "help" => zh::HELP_ABOUT,
            _ => zh::find(&key_of(&words)).expect(&key).about,
        };
        assert_eq!(about, expected, "`fgf {key}`");
        for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                table.iter().any(|t| help.starts_with(t)),
                "`fgf {key}` {}: {help}",
                a.get_id()
            );
            checked += 1;
        }
        let help = c.render_help().to_string();
        for english in CHROME {
            assert!(
                !help.contains(english),
                "`fgf {key} --help` has {english}:\n{help}"
            );
        }
    }
    assert!(checked > 100, "{checked} arguments checked");
    assert!(cmd.render_version().contains("内置文件"));
}

#[test]
fn defaults_and_possible_values_are_said_in_chinese() {
    let cmd = command_zh();
    let arg = |sub: &str, id: &str| -> Arg {
        let c = cmd.find_subcommand(sub).expect(sub);
        c.get_arguments()
            .find(|a| a.get_id() == id)
            .expect(id)
            .clone()
    };
    let limit = arg("who", "limit").get_help().unwrap().to_string();
    assert!(limit.ends_with("（默认：10）"), "{limit}");
    let format = arg("export", "format").get_help().unwrap().to_string();
    assert!(
        format.ends_with("（默认：md；可选值：md、csv、json）"),
        "{format}"
    );
    let json = arg("who", "json");
    assert!(matches!(json.get_action(), ArgAction::SetTrue));
    assert!(!json.get_help().unwrap().to_string().contains('默'));
}

/// The Chinese error clap's error for `args` is said as.
fn error_of(args: &[&str]) -> (String, i32) {
    let e = command_zh()
        .try_get_matches_from(args)
        .expect_err("a usage error");
    (errors::message(&e), e.exit_code())
}

#[test]
fn clap_errors_are_said_in_chinese() {
    let cases: [(&[&str], &str); 8] = [
        (
            &["fgf", "who", "x", "--limit", "x"],
            "参数 --limit <条数> 的值 “x” 无效：不是非负整数",
        ),
        (
            &["fgf", "export", "--format", "xml"],
            "参数 --format <格式> 的值 “xml” 无效；可选值：md、csv、json",
        ),
        (
            &["fgf", "list", "--stats"],
            "不认识的参数 “--stats”\n\n  提示：相近的参数有 “--state”",
        ),
        (
            &["fgf", "whoo"],
            "不认识的命令 “whoo”\n\n  提示：相近的命令有 “who”",
        ),
        (&["fgf", "who"], "缺少必需的参数：<查询词>..."),
        (
            &["fgf", "who", "--limit"],
            "参数 --limit <条数> 需要一个值，但没有给出",
        ),
        (
            &["fgf", "verify", "1.1", "--clear", "--lead", "x"],
            "参数 --clear 不能与 --lead <牵头单位>... 同时使用",
        ),
        (
            &["fgf", "who", "x", "-3"],
            "提示：如要把 “-3” 当作值，请写成 “-- -3”",
        ),
    ];
    for (args, expected) in cases {
        let (text, code) = error_of(args);
        assert!(text.starts_with("fgf: "), "{text}");
        assert!(text.contains(expected), "{args:?}:\n{text}");
        assert!(text.ends_with("详见 --help。"), "{text}");
        assert!(
            !text.contains("error:") && !text.contains("Usage"),
            "{text}"
        );
        assert_eq!(code, 2);
    }
    let (unknown, _) = error_of(&["fgf", "who", "x", "--bad\u{1b}[2Jflag"]);
    assert!(!unknown.contains('\u{1b}'), "{unknown:?}");
}
