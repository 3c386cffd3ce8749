//! The command line in the run's language. English is clap's own rendering of `Cli` (args.rs),
//! unchanged. Chinese is the same clap `Command` with every about, argument help, value name and
//! piece of clap's chrome (用法 / 命令 / 参数 / 选项, 默认, 可选值, 打印帮助) replaced from one table
//! (zh.rs, zh_more.rs: keyed by the command's path and the argument's id), and clap's errors said
//! in Chinese from their kind and context (errors.rs). The language is known before parsing:
//! `--lang` read from the raw arguments, else the locale (`lang::get`).

mod after;
mod errors;
mod layout;
mod zh;
mod zh_more;

#[cfg(test)]
mod tests;

use std::io::Write as _;
use std::process::exit;

use clap::builder::Str;
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser};

use super::Cli;
use super::lang::{self, Lang};
use layout::HEADINGS;

/// `fgf --version` in Chinese.
const VERSION_ZH: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "（内置文件：渝府办发〔2019〕103号）"
);

/// The help's layout in Chinese (clap's default, with 用法 for "Usage:").
const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";
/// The same for a command without arguments to list.
const TEMPLATE_NO_ARGS: &str = "{before-help}{about-with-newline}\n用法：{usage}{after-help}";

/// The arguments of this run, read in its language; `--help`, `--version` and errors end the
/// process as clap does (exit 0 for help and version, 2 for a usage error).
pub fn parse() -> Cli {
    match lang::get() {
        Lang::En => Cli::parse(),
        Lang::Zh => {
            let mut cmd = command_zh();
            let parsed = cmd
                .try_get_matches_from_mut(std::env::args_os())
                .and_then(|m| Cli::from_arg_matches(&m));
            parsed.unwrap_or_else(|e| exit_zh(&e))
        }
    }
}

/// Help, version or an error, in Chinese, and the exit code clap would give.
fn exit_zh(e: &clap::Error) -> ! {
    let code = e.exit_code();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(anstream::stdout(), "{}", help_text(e));
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(anstream::stderr(), "{}", help_text(e));
        }
        _ => {
            let _ = writeln!(anstream::stderr(), "{}", errors::message(e));
        }
    }
    exit(code)
}

/// The help clap rendered, laid out for the terminal (or 100 columns, as clap does in a pipe).
fn help_text(e: &clap::Error) -> String {
    let cols = super::screen::columns().unwrap_or(100);
    layout::lay_out(&e.render().ansi().to_string(), cols)
}

/// The clap command, all in Chinese.
pub(crate) fn command_zh() -> clap::Command {
    let mut cmd = Cli::command().version(VERSION_ZH);
    // Built first, so that the global options are copied into every command and the help
    // flag and help command exist, all to be translated.
    cmd.build();
    translate(&mut cmd, &[]);
    cmd
}

/// The table's key of a command: its path after `fgf` ("" for fgf itself, "state merge"). The
/// copies of the commands under `fgf help` read as the commands themselves.
pub(super) fn key_of(path: &[String]) -> String {
    let words: Vec<&str> = path
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "help")
        .collect();
    words.join(" ")
}

/// One command and those under it: about, after-help, arguments, headings, usage. What the
/// table lacks stays English (tests.rs fails on it).
fn translate(cmd: &mut clap::Command, path: &[String]) {
    let key = key_of(path);
    let entry = zh::find(&key);
    let mut c = std::mem::take(cmd);
    let about = match (path.last().map(String::as_str), entry) {
        (Some("help"), _) => Some(zh::HELP_ABOUT),
        (_, Some(e)) => Some(e.about),
        _ => None,
    };
    if let Some(about) = about {
        c = c.about(about).long_about(None);
    }
    if let Some(text) = c
        .get_after_help()
        .and_then(|a| after::zh(&key, &a.to_string()))
    {
        c = c.after_help(text);
    }
    let own = entry.map(|e| e.args).unwrap_or_default();
    let global = zh::find("").map(|e| e.args).unwrap_or_default();
    c = c.mut_args(|a| {
        let table = if a.is_global_set() { global } else { own };
        translate_arg(a, table)
    });
    if c.has_subcommands() {
        c = c
            .subcommand_help_heading(HEADINGS[0])
            .subcommand_value_name(HEADINGS[0]);
    }
    let empty = c.get_arguments().all(Arg::is_hide_set) && !c.has_subcommands();
    *cmd = c
        .help_template(if empty { TEMPLATE_NO_ARGS } else { TEMPLATE })
        .term_width(0);
    for sub in cmd.get_subcommands_mut() {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        translate(sub, &sub_path);
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[选项]");
    *cmd = std::mem::take(cmd).override_usage(usage);
}

/// An argument's help (with its default and possible values, which clap would say in English),
/// value names and heading.
fn translate_arg(a: Arg, table: &[(&str, &str)]) -> Arg {
    let id = a.get_id().as_str();
    let help = match a.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => Some(zh::HELP_FLAG),
        ArgAction::Version => Some(zh::VERSION_FLAG),
        _ => table.iter().find(|(k, _)| *k == id).map(|(_, h)| *h),
    };
    let heading = HEADINGS[if a.is_positional() { 1 } else { 2 }];
    let mut a = a.help_heading(heading);
    if let Some(help) = help {
        let extra = values_note(&a);
        a = a
            .help(format!("{help}{extra}"))
            .long_help(None)
            .hide_default_value(true)
            .hide_possible_values(true);
    }
    let names: Option<Vec<Str>> = a.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| zh::value_name(n).map_or_else(|| n.clone(), Str::from))
            .collect()
    });
    match names {
        Some(names) => a.value_names(names),
        None => a,
    }
}

/// `（默认：10；可选值：zh、en）`, as clap would show them, or nothing.
fn values_note(a: &Arg) -> String {
    let mut parts = Vec::new();
    if !a.get_action().takes_values() {
        return String::new();
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        parts.push(format!("默认：{}", defaults.join("、")));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        parts.push(format!("可选值：{}", values.join("、")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("（{}）", parts.join("；"))
    }
}
