//! clap's errors in Chinese, said from their kind and context (what clap would say in English,
//! word for word where it can): the message, clap's suggestion, the usage and where to read more.
//! What the user typed is untrusted: it is neutralised before it reaches the terminal.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::domain::text::sanitize;

/// `fgf: 参数 --limit <条数> 的值 “x” 无效…`, the suggestion, the usage, where to read more.
pub(super) fn message(e: &clap::Error) -> String {
    let mut out = format!("fgf: {}", what(e));
    let tips: Vec<String> = [
        (ContextKind::SuggestedSubcommand, "相近的命令"),
        (ContextKind::SuggestedArg, "相近的参数"),
        (ContextKind::SuggestedValue, "相近的值"),
    ]
    .into_iter()
    .filter_map(|(kind, label)| {
        let list = strings(e.get(kind)?);
        (!list.is_empty()).then(|| format!("  提示：{label}有 {}", quoted(&list)))
    })
    .chain(other_tips(e))
    .collect();
    if !tips.is_empty() {
        let _ = write!(out, "\n\n{}", tips.join("\n"));
    }
    if let Some(usage) = e.get(ContextKind::Usage) {
        let usage = strings(usage).join(" ");
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let _ = write!(out, "\n\n用法：{usage}");
    }
    out.push_str("\n\n详见 --help。");
    out
}

/// The sentence for the error's kind.
fn what(e: &clap::Error) -> String {
    let one = |kind| {
        e.get(kind)
            .map(|v| strings(v).join(" "))
            .unwrap_or_default()
    };
    let arg = one(ContextKind::InvalidArg);
    let value = one(ContextKind::InvalidValue);
    let number = |kind| match e.get(kind) {
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => "?".to_string(),
    };
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("参数 {arg} 需要一个值，但没有给出"),
        ErrorKind::InvalidValue => {
            let valid = e
                .get(ContextKind::ValidValue)
                .map(strings)
                .unwrap_or_default();
            let mut s = format!("参数 {arg} 的值 “{value}” 无效");
            if !valid.is_empty() {
                let _ = write!(s, "；可选值：{}", valid.join("、"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(|s| reason(&s.to_string()));
            match why {
                Some(why) => format!("参数 {arg} 的值 “{value}” 无效：{why}"),
                None => format!("参数 {arg} 的值 “{value}” 无效"),
            }
        }
        ErrorKind::UnknownArgument => format!("不认识的参数 “{arg}”"),
        ErrorKind::InvalidSubcommand => {
            format!("不认识的命令 “{}”", one(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = e
                .get(ContextKind::InvalidArg)
                .map(strings)
                .unwrap_or_default();
            format!("缺少必需的参数：{}", missing.join("、"))
        }
        ErrorKind::MissingSubcommand => {
            let valid = e
                .get(ContextKind::ValidSubcommand)
                .map(strings)
                .unwrap_or_default();
            let sub = one(ContextKind::InvalidSubcommand);
            format!("“{sub}” 后面要跟一个命令：{}", valid.join("、"))
        }
        ErrorKind::ArgumentConflict => {
            let prior = e
                .get(ContextKind::PriorArg)
                .map(strings)
                .unwrap_or_default();
            if prior.is_empty() || prior == [arg.clone()] {
                format!("参数 {arg} 只能用一次")
            } else {
                format!("参数 {arg} 不能与 {} 同时使用", prior.join("、"))
            }
        }
        ErrorKind::NoEquals => format!("给参数 {arg} 赋值须用等号（{arg}=值）"),
        ErrorKind::TooManyValues => format!("参数 {arg} 多出了值 “{value}”，不需要更多的值"),
        ErrorKind::TooFewValues => format!(
            "参数 {arg} 至少需要 {} 个值，只给了 {} 个",
            number(ContextKind::MinValues),
            number(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "参数 {arg} 需要 {} 个值，给了 {} 个",
            number(ContextKind::ExpectedNumValues),
            number(ContextKind::ActualNumValues)
        ),
        ErrorKind::InvalidUtf8 => "参数中有无效的 UTF-8 字节".to_string(),
        _ => format!("命令行有误：{}", detail(e)),
    }
}

/// clap's own first line, without its `error: `, neutralised: for kinds without a sentence here.
fn detail(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let line = text.lines().next().unwrap_or_default();
    sanitize(line.strip_prefix("error: ").unwrap_or(line)).into_owned()
}

/// A value parser's reason: fgf's own are in the run's language already; the standard
/// library's number parsers speak English.
fn reason(text: &str) -> String {
    const STD: [(&str, &str); 4] = [
        ("invalid digit found in string", "不是非负整数"),
        ("cannot parse integer from empty string", "是空的"),
        ("number too large to fit in target type", "数值太大"),
        ("number too small to fit in target type", "数值太小"),
    ];
    STD.iter()
        .find(|(en, _)| *en == text)
        .map_or_else(|| sanitize(text).into_owned(), |(_, zh)| zh.to_string())
}

/// clap's other tips (`Suggested`), said in Chinese by their pattern: a value that looks like
/// a flag goes after `--`; a flag that belongs to a command; a command written after `--`.
fn other_tips(e: &clap::Error) -> Vec<String> {
    let tips = e
        .get(ContextKind::Suggested)
        .map(strings)
        .unwrap_or_default();
    tips.iter()
        .map(|tip| {
            let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
            let zh = match quoted.as_slice() {
                [arg, fix] if tip.starts_with("to pass ") => {
                    format!("如要把 “{arg}” 当作值，请写成 “{fix}”")
                }
                [sub, _] if tip.starts_with("subcommand ") => {
                    format!("有命令 “{sub}”；要用它，请去掉前面的 “--”")
                }
                [what] if tip.ends_with(" exists") => format!("有 “{what}”"),
                _ => tip.clone(),
            };
            format!("  提示：{zh}")
        })
        .collect()
}

/// A context's text, neutralised (it holds what was typed).
fn strings(v: &ContextValue) -> Vec<String> {
    let raw: Vec<String> = match v {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(list) => list.clone(),
        ContextValue::StyledStr(s) => vec![s.to_string()],
        ContextValue::StyledStrs(list) => list.iter().map(ToString::to_string).collect(),
        ContextValue::Number(n) => vec![n.to_string()],
        _ => Vec::new(),
    };
    raw.iter().map(|s| sanitize(s).into_owned()).collect()
}

/// “a”、“b”.
fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|s| format!("“{s}”"))
        .collect::<Vec<_>>()
        .join("、")
}
