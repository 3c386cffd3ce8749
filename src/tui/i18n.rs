//! The chrome's words: Chinese by default, English with `--lang en` (or LANG=en*). The language
//! itself is the domain's (`domain::lang`), so that the commands speak the same one.

pub use crate::domain::lang::Lang;

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
