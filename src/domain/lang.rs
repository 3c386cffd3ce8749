//! The language fgf speaks in one run (the TUI's chrome and the commands' messages alike):
//! Chinese by default, English with `--lang en` or LANG / LC_ALL starting with "en".

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; otherwise the locale of messages as POSIX orders it, the first set and not
    /// empty of LC_ALL, LC_MESSAGES and LANG: starting with "en" means English.
    pub fn detect(flag: Option<&str>) -> Lang {
        let var = |k| std::env::var(k).ok().filter(|v: &String| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        Lang::choose(flag, locale.as_deref())
    }

    /// The choice `detect` makes, from the flag and the locale's value.
    pub fn choose(flag: Option<&str>, locale: Option<&str>) -> Lang {
        match flag.or(locale) {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A note of the query parser (`domain::search::query`, English) in `lang`: the CLI and the TUI
/// both show them.
pub fn query_note(note: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return note.to_string();
    }
    let zh = [
        (" needs a date after it; ignored", " 后面要有日期；已忽略"),
        (
            ": not a date (2019, 2019-12, 2019-12-31); matched as text",
            "：不是日期（2019、2019-12、2019-12-31）；按文字匹配",
        ),
        (
            " has no text to match; ignored",
            " 没有要匹配的文字；已忽略",
        ),
    ];
    zh.iter()
        .find_map(|(en, zh)| note.strip_suffix(en).map(|raw| format!("{raw}{zh}")))
        .unwrap_or_else(|| note.to_string())
}

/// serde_json's words for a file that does not parse (its error without " at line L column C")
/// in `lang`: the syntax errors, which are a fixed list, said whole; a value of the wrong kind
/// said with its kind (what the file has is quoted as it is). What is not known stays as
/// serde_json says it.
pub fn json_message(message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    const SYNTAX: [(&str, &str); 22] = [
        ("EOF while parsing a list", "列表（[ ]）未结束，文件就完了"),
        (
            "EOF while parsing an object",
            "对象（{ }）未结束，文件就完了",
        ),
        ("EOF while parsing a string", "字符串未结束，文件就完了"),
        ("EOF while parsing a value", "这里应有一个值，文件就完了"),
        ("expected `:`", "这里应是冒号 `:`"),
        ("expected `,` or `]`", "这里应是逗号 `,` 或 `]`"),
        ("expected `,` or `}`", "这里应是逗号 `,` 或 `}`"),
        ("expected ident", "这里应是 true、false 或 null"),
        ("expected value", "这里应是一个值"),
        ("expected `\"`", "这里应是双引号 `\"`"),
        ("invalid escape", "转义序列（\\）无效"),
        ("invalid number", "数字无效"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "Unicode 码位无效"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "字符串里有控制字符（\\u0000-\\u001F）",
        ),
        ("key must be a string", "键必须是字符串"),
        (
            "lone leading surrogate in hex escape",
            "\\u 转义里有落单的代理项",
        ),
        ("trailing comma", "多了一个结尾的逗号"),
        ("trailing characters", "JSON 之后还有多余的字符"),
        ("unexpected end of hex escape", "\\u 转义不完整"),
        ("recursion limit exceeded", "嵌套太深"),
        (
            "invalid value: expected key to be a number in quotes",
            "键应是加引号的数字",
        ),
    ];
    const TIME: &str = " (expected a time such as 2026-11-25T13:00:00Z)";
    if let Some(rest) = message.strip_suffix(TIME) {
        return format!(
            "{}（应是时间，如 2026-11-25T13:00:00Z）",
            json_message(rest, lang)
        );
    }
    if let Some((expected, found)) =
        (message.strip_prefix("expected ")).and_then(|r| r.rsplit_once(", found "))
    {
        return format!("应是 {}，这里是 {}", kind(expected), kind(found));
    }
    if let Some(rest) = message.strip_prefix("unknown state file version ")
        && let Some((n, reads)) = rest.split_once(": this fgf reads version ")
    {
        let ours = reads.split(' ').next().unwrap_or(reads);
        return format!("状态文件版本 {n} 不认识：这个 fgf 读版本 {ours}（可能是更新的 fgf 写的）");
    }
    if let Some((_, zh)) = SYNTAX.iter().find(|(en, _)| *en == message) {
        return (*zh).to_string();
    }
    let field = |rest: &str| {
        rest.strip_prefix('`')?
            .strip_suffix('`')
            .map(str::to_string)
    };
    if let Some(f) = message.strip_prefix("missing field ").and_then(field) {
        return format!("缺少字段 \"{f}\"");
    }
    if let Some(f) = message.strip_prefix("duplicate field ").and_then(field) {
        return format!("字段 \"{f}\" 重复");
    }
    // What the file holds comes first and may hold anything (", expected " too): the words
    // after it are serde's own, so the message is split at their last occurrence.
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let f = rest.rsplit_once(", expected").map_or(rest, |(f, _)| f);
        return format!("未知字段 {}", f.replace('`', "\""));
    }
    for (en, zh) in [
        ("invalid type: ", "类型不对"),
        ("invalid value: ", "值不对"),
    ] {
        if let Some((found, expected)) = message
            .strip_prefix(en)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            return format!("{zh}：应是 {}，这里是 {}", kind(expected), kind(found));
        }
    }
    message.to_string()
}

/// A kind of JSON value as serde says it ("a string", "integer `5`"), in Chinese; anything
/// else as it is.
fn kind(what: &str) -> String {
    let words = [
        ("a string", "字符串"),
        ("a borrowed string", "字符串"),
        ("a sequence", "列表"),
        ("a map", "对象"),
        ("a boolean", "true 或 false"),
        ("an integer", "整数"),
        ("u8", "整数"),
        ("u16", "整数"),
        ("u32", "整数"),
        ("u64", "整数"),
        ("usize", "整数"),
        ("i32", "整数"),
        ("i64", "整数"),
        ("null", "null"),
        ("sequence", "列表"),
        ("map", "对象"),
        ("unit value", "null"),
        ("a list", "列表"),
        ("a timestamp string", "时间字符串"),
        ("a number", "数字"),
        (
            "a map (an object) of milestone id -> check-off",
            "对象：里程碑编号 -> 勾选记录",
        ),
        (
            "a map (an object) of measure id -> verified reading",
            "对象：举措编号 -> 核实记录",
        ),
        (
            "a map (an object) of milestone or measure id -> list of log entries",
            "对象：里程碑或举措编号 -> 进展记录的列表",
        ),
    ];
    if let Some((_, zh)) = words.iter().find(|(en, _)| *en == what) {
        return (*zh).to_string();
    }
    let prefixed = [
        ("struct ", "对象 "),
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", ""),
        ("a state file: ", "状态文件："),
        ("a check-off: ", "勾选记录："),
        ("a log entry: ", "进展记录："),
        ("a verified reading: ", "核实记录："),
    ];
    for (en, zh) in prefixed {
        if let Some(rest) = what.strip_prefix(en) {
            return format!("{zh}{rest}");
        }
    }
    what.to_string()
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn the_flag_wins_then_the_locale_and_chinese_is_the_default() {
        assert_eq!(Lang::choose(Some("en"), Some("zh_CN.UTF-8")), Lang::En);
        assert_eq!(Lang::choose(Some("zh"), Some("en_US.UTF-8")), Lang::Zh);
        assert_eq!(Lang::choose(None, Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::choose(None, Some("C.UTF-8")), Lang::Zh);
        assert_eq!(Lang::choose(None, None), Lang::Zh);
    }

    #[test]
    fn serde_json_errors_are_said_in_chinese() {
        let zh = |text: &str| {
            let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            let message = crate::domain::error::json_text(&e);
            (
                super::json_message(&message, Lang::Zh),
                super::json_message(&message, Lang::En),
            )
        };
        for (text, want) in [
            ("{\"a\": \"x", "字符串未结束，文件就完了"),
            ("[1, 2", "列表（[ ]）未结束，文件就完了"),
            ("{\"a\" 1}", "这里应是冒号 `:`"),
            ("{\"a\": 1 \"b\"}", "这里应是逗号 `,` 或 `}`"),
            ("[1,]", "多了一个结尾的逗号"),
            ("{} x", "JSON 之后还有多余的字符"),
            ("\"\\q\"", "转义序列（\\）无效"),
        ] {
            let (got, en) = zh(text);
            assert_eq!(got, want, "{text}");
            assert_ne!(en, got, "English stays English");
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            n: u32,
            s: String,
        }
        let data = |text: &str| {
            let e = serde_json::from_str::<S>(text).unwrap_err();
            super::json_message(&crate::domain::error::json_text(&e), Lang::Zh)
        };
        assert_eq!(
            data(r#"{"n": "5", "s": ""}"#),
            "类型不对：应是 整数，这里是 字符串 \"5\""
        );
        assert_eq!(data(r#"{"n": 1}"#), "缺少字段 \"s\"");
        assert_eq!(data(r#"{"n": 1, "s": "", "x": 2}"#), "未知字段 \"x\"");
        assert_eq!(data(r#"{"n": 1, "n": 2, "s": ""}"#), "字段 \"n\" 重复");
        assert_eq!(
            data(r#"{"n": true, "s": ""}"#),
            "类型不对：应是 整数，这里是 `true`"
        );
        assert_eq!(
            super::json_message("expected a state file: {}, found a list", Lang::Zh),
            "应是 状态文件：{}，这里是 列表"
        );
        let time = "invalid type: integer `5`, expected a string (expected a time such as 2026-11-25T13:00:00Z)";
        assert_eq!(
            super::json_message(time, Lang::Zh),
            "类型不对：应是 字符串，这里是 整数 `5`（应是时间，如 2026-11-25T13:00:00Z）"
        );
        assert_eq!(
            super::json_message(
                "unknown state file version 2: this fgf reads version 1 (a newer fgf may have written it)",
                Lang::Zh
            ),
            "状态文件版本 2 不认识：这个 fgf 读版本 1（可能是更新的 fgf 写的）"
        );
        assert_eq!(
            data(r#"{"n": "a, expected b", "s": ""}"#),
            "类型不对：应是 整数，这里是 字符串 \"a, expected b\""
        );
        // What it does not know stays as it is.
        assert_eq!(
            super::json_message("something else", Lang::Zh),
            "something else"
        );
    }
}
