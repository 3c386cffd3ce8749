//! The chrome's words: Chinese by default, English with `--lang en` (or LANG=en*).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
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
