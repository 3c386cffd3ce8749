//! The Chinese help laid out for the terminal. clap wraps help only at spaces, and Chinese has
//! none: a Chinese line would run past the edge. So clap is told not to wrap (term_width 0) and
//! each long line is wrapped here by display width, between characters of Chinese text or at
//! spaces (a run of ASCII, like `--status` or `fgf state path`, stays whole), continued under its
//! own description column. Closing punctuation does not begin a line, opening does not end one.

use crate::domain::text::char_width;

/// clap's section headings, and the form printed (clap puts an ASCII colon after a heading;
/// Chinese takes the full-width one).
pub(super) const HEADINGS: [&str; 3] = ["命令", "参数", "选项"];

/// The help as printed: headings with a full-width colon, lines wrapped to `cols`.
pub(super) fn lay_out(help: &str, cols: usize) -> String {
    let text = HEADINGS.iter().fold(help.to_string(), |t, h| {
        t.replace(&format!("{h}:"), &format!("{h}："))
    });
    text.split('\n')
        .map(|line| wrap_line(line, cols))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line, wrapped when it is wider than `cols`; a line whose text to wrap is styled is kept.
fn wrap_line(line: &str, cols: usize) -> String {
    if visible_width(line) <= cols {
        return line.to_string();
    }
    let (head, body) = line.split_at(hang(line));
    if body.contains('\x1b') {
        return line.to_string();
    }
    let col = visible_width(head);
    let pieces = break_text(body, cols.saturating_sub(col).max(16));
    let pad = " ".repeat(col);
    pieces
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{p}", if i == 0 { head } else { &pad }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where a line's text to wrap starts (a byte index): after the first gap of two spaces that
/// follows something (an option, a command, an example's command), else after the indent.
fn hang(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut spaces = 0;
    let mut seen = false;
    let mut escape = false;
    for (i, c) in line.char_indices().skip(indent) {
        match c {
            '\x1b' => escape = true,
            _ if escape => escape = !c.is_ascii_alphabetic(),
            ' ' => spaces += 1,
            _ if seen && spaces >= 2 => return i,
            _ => {
                seen = true;
                spaces = 0;
            }
        }
    }
    indent
}

/// Display columns, escape sequences taking none.
fn visible_width(s: &str) -> usize {
    let mut escape = false;
    s.chars()
        .map(|c| match c {
            '\x1b' => {
                escape = true;
                0
            }
            _ if escape => {
                escape = !c.is_ascii_alphabetic();
                0
            }
            _ => char_width(c),
        })
        .sum()
}

/// Chinese punctuation that does not begin a line.
fn closing(c: char) -> bool {
    "，。、；：？！）》」』”’〕】…,.;:)]>".contains(c)
}

/// Chinese punctuation that does not end a line.
fn opening(c: char) -> bool {
    "（《「『“‘〔【([<".contains(c)
}

/// `text` in lines of at most `cols` columns where it can be broken.
fn break_text(text: &str, cols: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for word in words(text) {
        let w = visible_width(&word);
        let line = lines.last_mut().expect("one line at least");
        if used + w > cols && !line.trim().is_empty() {
            let done = line.trim_end().to_string();
            *line = done;
            lines.push(String::new());
            used = 0;
        }
        let line = lines.last_mut().expect("one line at least");
        if line.is_empty() && word == " " {
            continue;
        }
        line.push_str(&word);
        used += w;
    }
    lines
}

/// The pieces a line may break between: a space, a wide character (with the closing
/// punctuation after it), a run of narrow characters; opening punctuation with what follows.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.chars() {
        let glue = match out.last() {
            None => false,
            Some(last) => {
                let end = last.chars().last().unwrap_or(' ');
                let wide_or_space = |ch: char| ch == ' ' || char_width(ch) > 1;
                c != ' '
                    && end != ' '
                    && (opening(end) || closing(c) || (!wide_or_space(c) && !wide_or_space(end)))
            }
        };
        match out.last_mut() {
            Some(last) if glue => last.push(c),
            _ => out.push(c.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{lay_out, visible_width};

    #[test]
    fn long_chinese_lines_wrap_under_their_column_and_ascii_words_stay_whole() {
        let line = "      --state <路径>  状态文件（环境变量 FGF_STATE；默认在 Linux 上为 ~/.local/share/fgf/<文件编号>.json，`fgf state path` 可查）";
        let out = lay_out(line, 60);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 1, "{out}");
        assert!(lines.iter().all(|l| visible_width(l) <= 60), "{out}");
        for l in &lines[1..] {
            assert!(
                l.starts_with(&" ".repeat(22)) && !l[22..].starts_with(' '),
                "{out}"
            );
            assert!(
                !l.trim_start().starts_with(['，', '。', '）', '；']),
                "{out}"
            );
        }
        assert!(out.contains("~/.local/share/fgf/<"), "{out}");
        assert!(out.contains("FGF_STATE"), "{out}");
    }

    #[test]
    fn short_lines_and_headings() {
        assert_eq!(
            lay_out("选项:\n  -h, --help  打印帮助", 80),
            "选项：\n  -h, --help  打印帮助"
        );
        let styled = "\x1b[1m命令:\x1b[0m";
        assert_eq!(lay_out(styled, 80), "\x1b[1m命令：\x1b[0m");
    }
}
