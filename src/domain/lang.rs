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
}
