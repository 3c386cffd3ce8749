//! One language a run for every message of the commands and the command line's help and errors
//! (cli/help): `--lang`, else LC_ALL / LC_MESSAGES / LANG (`domain::Lang::detect`), Chinese by
//! default. It is known before the arguments are parsed: `--lang` is read from the raw arguments.

use std::sync::OnceLock;

pub use crate::domain::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// The run's language: `--lang` read from the raw arguments (before clap parses them, so that
/// the help and clap's errors are in it too), else the locale.
pub fn get() -> Lang {
    *LANG.get_or_init(|| Lang::detect(flag_in(std::env::args()).as_deref()))
}

/// Fixes the run's language (the first call wins).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

pub fn is_en() -> bool {
    get() == Lang::En
}

/// `zh` or `en`, as the run speaks.
pub fn t(zh: &'static str, en: &'static str) -> &'static str {
    get().pick(zh, en)
}

/// The value of `--lang X` / `--lang=X` among raw arguments (before a `--`).
fn flag_in(args: impl Iterator<Item = String>) -> Option<String> {
    let mut args = args.take_while(|a| a != "--");
    while let Some(a) = args.next() {
        if a == "--lang" {
            return args.next();
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

/// `tr!("中文 {x}", "English {x}")`: the message formatted in the run's language.
macro_rules! tr {
    ($zh:literal, $en:literal $(,)?) => {
        match $crate::cli::lang::get() {
            $crate::domain::Lang::Zh => format!($zh),
            $crate::domain::Lang::En => format!($en),
        }
    };
}
pub(crate) use tr;

#[cfg(test)]
mod tests {
    use super::flag_in;

    fn args(a: &[&str]) -> impl Iterator<Item = String> {
        a.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_flag_is_found_in_either_form_and_not_after_a_double_dash() {
        assert_eq!(
            flag_in(args(&["fgf", "who", "x", "--lang", "en"])).as_deref(),
            Some("en")
        );
        assert_eq!(
            flag_in(args(&["fgf", "--lang=zh", "list"])).as_deref(),
            Some("zh")
        );
        assert_eq!(flag_in(args(&["fgf", "who", "--", "--lang", "en"])), None);
        assert_eq!(flag_in(args(&["fgf", "list"])), None);
    }
}
