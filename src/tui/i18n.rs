//! The chrome's words: Chinese by default, English with `--lang en` (or LANG=en*).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// The locale's name when it says the terminal is not UTF-8 (`LANG=C`, `zh_CN.GB2312`): the first
/// of LC_ALL, LC_CTYPE, LANG that is set. None when it is UTF-8, or when nothing is set (a bare
/// SSH session: most terminals are UTF-8).
pub fn non_utf8_locale() -> Option<String> {
    let v = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())?;
    let lower = v.to_ascii_lowercase();
    (!(lower.contains("utf-8") || lower.contains("utf8"))).then_some(v)
}

impl Lang {
    /// `--lang` wins; otherwise LANG / LC_ALL starting with "en" means English.
    pub fn detect(flag: Option<&str>) -> Lang {
        let env = std::env::var("LC_ALL")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("LANG").ok());
        match flag.or(env.as_deref()) {
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
