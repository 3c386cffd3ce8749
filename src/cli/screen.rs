//! What reaches a terminal or a pipe: lines fitted to the terminal's width by display width
//! (styles kept closed), and untrusted text neutralised (on a terminal and in a pipe alike).

use std::fmt::Write as _;

use crate::domain::text::{char_width, sanitize};

/// The columns text output is fitted to: `COLUMNS` when it is a number, else the terminal's
/// width when stdout is one; `None` (lines are not cut) for a pipe or a file.
pub fn columns() -> Option<usize> {
    use std::io::IsTerminal;
    let env = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse().ok());
    env.filter(|&c: &usize| c > 0).or_else(|| {
        let out = std::io::stdout();
        if !out.is_terminal() {
            return None;
        }
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: TIOCGWINSZ writes a winsize into `ws`, which lives for the call.
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
        (ok && ws.ws_col > 0).then_some(usize::from(ws.ws_col))
    })
}

/// `text` fitted to `cols` (`columns()`) when there is a width to fit.
pub fn fitted(text: String, cols: Option<usize>) -> String {
    match cols {
        Some(c) => fit_lines(&text, c),
        None => text,
    }
}

/// Each line of `text` cut to `cols` display columns (CJK two), ending in `…` where cut. Escape
/// sequences (the styles `Paint` writes) are kept and take no column; a style open at the cut
/// is closed. The document's text in it is already neutralised, so every ESC is ours.
pub fn fit_lines(text: &str, cols: usize) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            fit_styled(body, cols) + nl
        })
        .collect()
}

fn fit_styled(line: &str, cols: usize) -> String {
    let visible = |s: &str| {
        let mut esc = false;
        s.chars()
            .filter(|&c| {
                let v = !esc && c != '\u{1b}';
                if c == '\u{1b}' {
                    esc = true;
                } else if esc && c.is_ascii_alphabetic() {
                    esc = false;
                }
                v
            })
            .map(char_width)
            .sum::<usize>()
    };
    if visible(line) <= cols {
        return line.to_string();
    }
    let mut out = String::new();
    let (mut used, mut esc, mut styled) = (0, false, false);
    for c in line.chars() {
        if c == '\u{1b}' || esc {
            esc = !(c != '\u{1b}' && c.is_ascii_alphabetic());
            styled = true;
            out.push(c);
            continue;
        }
        let w = char_width(c);
        if used + w + 1 > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    if styled {
        out.push_str("\u{1b}[0m");
    }
    out.push('…');
    out
}

/// Two columns of text, the second starting at the same display column on every line (a CJK
/// character is two columns), each line after `indent`.
pub fn aligned(rows: &[(&str, &str)], indent: &str) -> String {
    use crate::domain::text::width;
    let col = rows.iter().map(|(a, _)| width(a)).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for (a, b) in rows {
        let pad = " ".repeat(col - width(a));
        let _ = writeln!(out, "{indent}{a}{pad}{b}");
    }
    out.pop();
    out
}

/// Whether text output goes to a terminal (or colour is forced for one, `CLICOLOR_FORCE`): then a
/// document's text is neutralised before it is printed (see `domain::text::sanitize`).
pub fn for_terminal() -> bool {
    use std::io::IsTerminal;
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    std::io::stdout().is_terminal() || forced
}

/// `text` with each line passed through `sanitize` (line breaks are kept): for a terminal and for a
/// pipe alike, since a pipe often ends on a terminal.
pub fn safe_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ids (or other strings) from an untrusted file, neutralised and joined with ", ".
pub fn safe_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| sanitize(s.as_ref()).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Serialized JSON with the characters JSON does not escape but a terminal may obey (DEL, C1
/// controls such as U+009B CSI, bidi overrides) written as `\uXXXX`: the same data, safe to show.
/// They can only occur inside strings, so the result is the same JSON value.
pub fn json_safe(text: String) -> String {
    let risky = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
    if !text.chars().any(risky) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::ID;

    #[test]
    fn json_safe_escapes_c1_and_bidi_and_keeps_the_value() {
        let v = serde_json::json!({"t": "a\u{1b}[31m\u{9b}2J\u{202e}x\u{7f}市"});
        let text = json_safe(serde_json::to_string(&v).unwrap());
        assert!(
            text.chars().all(|c| !c.is_control() && c != '\u{202e}'),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }

    #[test]
    fn safe_lines_keeps_line_breaks_and_neutralises_the_rest() {
        assert_eq!(
            safe_lines("a\u{1b}[2J\nb\u{7}\u{9b}\u{202e}"),
            "a␛[2J\nb␇??"
        );
        assert_eq!(safe_list(&["9.1\u{1b}]52", "9.2"]), "9.1␛]52, 9.2");
    }

    #[test]
    fn fit_lines_cuts_by_display_width_and_keeps_styles_closed() {
        let styled = format!("{}重庆市{}发展改革委员会", ID.render(), ID.render_reset());
        let cut = fit_lines(&format!("{styled}\nab\n"), 9);
        let plain: String = cut
            .replace(&ID.render().to_string(), "")
            .replace("\u{1b}[0m", "");
        assert_eq!(plain, "重庆市发…\nab\n");
        assert!(
            cut.lines().next().unwrap().ends_with("\u{1b}[0m…"),
            "{cut:?}"
        );
        assert_eq!(fit_lines("一二三", 6), "一二三");
    }
}
