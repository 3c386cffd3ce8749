//! Text helpers measured in terminal display width (CJK characters are two columns).

use unicode_width::UnicodeWidthChar;

/// Display width of a character, in terminal columns (0 for control characters): what
/// unicode-width says, with the two commonest cases here, ASCII and the CJK ideographs, answered
/// without its table (a search's printout measures millions of characters).
#[inline(always)]
pub fn char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{4E00}'..='\u{9FFF}' => 2,
        _ => c.width().unwrap_or(0),
    }
}

/// Display width of a string, in terminal columns.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` with full-width forms typed by a Chinese input method (U+FF01..U+FF5E: ９ ． Ａ, and the
/// ideographic space and full stop 。) as their ASCII forms: for ids and dates typed as `９．２`.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{3002}' => '.',
            c => c,
        })
        .collect()
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    // One pass: where `…` would go is known before the text is found too wide, and a long text
    // is not measured to its end (a deadline list truncates 75k of them).
    let (mut used, mut cut) = (0, None);
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if cut.is_none() && used + w + 1 > max {
            cut = Some(i);
        }
        used += w;
        if used > max {
            let mut out = String::with_capacity(i + '…'.len_utf8());
            out.push_str(&s[..cut.unwrap_or(i)]);
            out.push('…');
            return out;
        }
    }
    s.to_string()
}

/// The part of a one-line input that fits `cols` columns with the caret in view, as readline and
/// fzf scroll it: `before` and `after` are the text either side of the caret. Returns the text to
/// show (`…` where something is cut off at either end) and the caret's column in it. The caret
/// takes a column of its own at the end of the text.
pub fn caret_window(before: &str, after: &str, cols: usize) -> (String, usize) {
    let cols = cols.max(3);
    let (wb, wa) = (width(before), width(after));
    if wb + wa < cols {
        return (format!("{before}{after}"), wb);
    }
    // The text before the caret, from the caret back, leaving the caret a column and some of what
    // follows it (a third of the line at most) in view; `…` when cut.
    let budget = cols - 1 - wa.min(cols / 3);
    let mut out = String::new();
    let caret = if wb <= budget {
        out.push_str(before);
        wb
    } else {
        let mut tail = Vec::new();
        let mut used = 0;
        for c in before.chars().rev() {
            let w = char_width(c);
            if used + w > budget - 1 {
                break;
            }
            used += w;
            tail.push(c);
        }
        out.push('…');
        out.extend(tail.iter().rev());
        used + 1
    };
    // Then the text from the caret on, cut with `…` at the right edge.
    out.push_str(&truncate(after, cols - caret));
    (out, caret)
}

/// `s` cut to `cols` columns and padded with spaces to exactly `cols` (for aligned columns).
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Wraps text to lines of at most `cols` display columns, breaking between any two characters
/// (Chinese has no spaces to break at). Existing line breaks are kept. `cols` of 0 is taken as 1.
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = char_width(c);
            if used + w > cols && !line.is_empty() {
                // Line-start rule (禁则): closing punctuation does not begin a line; the
                // character before it moves down with it.
                let carried = match line.chars().last() {
                    Some(last) if no_line_start(c) && line.chars().count() > 1 => {
                        line.pop();
                        Some(last)
                    }
                    _ => None,
                };
                out.push(std::mem::take(&mut line));
                used = 0;
                if let Some(last) = carried {
                    line.push(last);
                    used = last.width().unwrap_or(0);
                }
            }
            line.push(c);
            used += w;
        }
        out.push(line);
    }
    out
}

/// Punctuation that Chinese typesetting keeps off the start of a line.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '〕'
            | '】'
            | '…'
            | '%'
            | ','
            | '.'
            | ')'
    )
}

/// Joins `items` with `sep` into lines of at most `cols` columns, breaking between items where
/// possible (a unit name is not split unless it alone is wider than a line).
pub fn wrap_items(items: &[&str], sep: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}{sep}")
        } else {
            item.to_string()
        };
        if !line.is_empty() && width(&line) + width(&piece) > cols {
            out.push(std::mem::take(&mut line));
        }
        if width(&piece) > cols {
            let mut parts = wrap(&piece, cols);
            line = parts.pop().unwrap_or_default();
            out.extend(parts);
        } else {
            line.push_str(&piece);
        }
    }
    out.push(line);
    out
}

/// Makes untrusted text safe to put on a terminal: C0 and C1 control characters (ESC, BEL,
/// CSI …), DEL and bidirectional overrides / isolates cannot reach the terminal raw. C0 controls
/// become their visible Control Pictures (ESC -> ␛), a line break becomes a space, and C1,
/// DEL and bidi controls become `?`. Text without them is returned as is.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_unsafe(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            c if bad(c) => '?',
            c => c,
        })
        .collect()
}

/// A character `sanitize` replaces.
fn bad(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `s` holds a character that `bad` names, read from its UTF-8 bytes: each such
/// character is a byte below 0x20, 0x7F, or a sequence led by 0xC2, 0xD8 or 0xE2. Blocks of 16
/// bytes with none of those are passed over in one branch-free test that the compiler vectorises,
/// so a 100k-measure document's text is checked in milliseconds rather than decoded character
/// by character.
fn has_unsafe(s: &str) -> bool {
    let b = s.as_bytes();
    let suspect = |x: u8| x < 0x20 || x == 0x7F || x == 0xC2 || x == 0xD8 || x == 0xE2;
    let at = |p: usize| b.get(p).copied().unwrap_or(0);
    for (n, block) in b.chunks(16).enumerate() {
        if !block.iter().fold(false, |any, &x| any | suspect(x)) {
            continue;
        }
        for (j, &x) in block.iter().enumerate() {
            let p = n * 16 + j;
            let unsafe_here = match x {
                0x00..=0x1F | 0x7F => true,
                0xC2 => (0x80..=0x9F).contains(&at(p + 1)),
                0xD8 => at(p + 1) == 0x9C,
                0xE2 => match at(p + 1) {
                    0x80 => matches!(at(p + 2), 0x8E | 0x8F | 0xAA..=0xAE),
                    0x81 => (0xA6..=0xA9).contains(&at(p + 2)),
                    _ => false,
                },
                _ => false,
            };
            if unsafe_here {
                return true;
            }
        }
    }
    false
}

/// Removes every whitespace character (the PDF extraction put spaces and line breaks anywhere).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_caret_window_keeps_the_caret_in_view() {
        use super::{caret_window, width};
        assert_eq!(caret_window("ab", "cd", 10), ("abcd".to_string(), 2));
        // Typing at the end of a long line: the start scrolls off behind a `…`.
        let (s, c) = caret_window("营商环境优化提升行动", "", 10);
        assert_eq!((s.as_str(), c), ("…提升行动", 9));
        assert!(width(&s) < 10);
        // The caret in the middle: both ends cut, the caret stays inside.
        let (s, c) = caret_window("一二三四五六", "七八九十", 8);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(c < 8 && width(&s) <= 8, "{s} {c}");
        assert!(
            s[..].contains("六七"),
            "the characters either side of the caret: {s}"
        );
        // At the start of a long line: nothing before, the end cut.
        let (s, c) = caret_window("", "abcdefghijkl", 6);
        assert_eq!((s.as_str(), c), ("abcde…", 0));
    }

    use super::*;

    #[test]
    fn half_width_reads_full_width_ids_and_dates() {
        assert_eq!(half_width("９．２。１"), "9.2.1");
        assert_eq!(half_width("\u{3000}２０１９－１０－１８"), " 2019-10-18");
        assert_eq!(half_width("市场监管局 9.2"), "市场监管局 9.2");
    }

    proptest::proptest! {
        /// The byte-level test agrees with the character-level definition, for any text.
        #[test]
        fn unsafe_bytes_agree_with_unsafe_characters(s in "(\\PC|\\pC|[\u{80}-\u{9f}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{61c}“”…、\u{2000}-\u{20ff}\u{600}-\u{6ff}]){0,40}") {
            proptest::prop_assert_eq!(has_unsafe(&s), s.chars().any(bad), "{:?}", s);
        }
    }

    #[test]
    fn char_width_is_unicode_width() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(char_width(c), c.width().unwrap_or(0), "{c:?}");
        }
    }

    #[test]
    fn every_unsafe_character_is_found_anywhere_in_a_block() {
        let all = (0..=0x10FFFFu32).filter_map(char::from_u32);
        for c in all.filter(|&c| bad(c) || ('\u{80}'..='\u{3000}').contains(&c)) {
            for pad in [0, 13, 14, 15, 16, 31] {
                let s = format!("{}{c}放", "a".repeat(pad));
                assert_eq!(has_unsafe(&s), bad(c), "{c:?} after {pad} bytes");
            }
        }
    }

    #[test]
    fn width_counts_cjk_as_two() {
        assert_eq!(width("市发展改革委"), 12);
        assert_eq!(width("ab"), 2);
        assert_eq!(width("（九）"), 6);
    }

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("市发展改革委", 12), "市发展改革委");
        let cut = truncate("市发展改革委", 7);
        assert_eq!(cut, "市发展…");
        assert!(width(&cut) <= 7);
        assert_eq!(truncate("abcdef", 4), "abc…");
    }

    proptest::proptest! {
        /// The one-pass `truncate` cuts where measuring the whole text first and then cutting
        /// did (its earlier form, kept here): wide, narrow and zero-width characters mixed.
        #[test]
        fn truncate_cuts_as_measuring_first_did(s in "[a市（…\u{301}\u{200b}]{0,12}", max in 0usize..14) {
            let earlier = if width(&s) <= max {
                s.clone()
            } else {
                let mut out = String::new();
                let mut used = 0;
                for c in s.chars() {
                    let w = char_width(c);
                    if used + w + 1 > max {
                        break;
                    }
                    used += w;
                    out.push(c);
                }
                out.push('…');
                out
            };
            proptest::prop_assert_eq!(truncate(&s, max), earlier);
        }
    }

    #[test]
    fn fit_pads_to_exact_width() {
        assert_eq!(width(&fit("市发展", 10)), 10);
        assert_eq!(width(&fit("市发展改革委员会", 9)), 9);
    }

    #[test]
    fn wrap_breaks_chinese_by_width() {
        let lines = wrap("全面实施市场准入负面清单制度", 10);
        assert_eq!(lines, ["全面实施市", "场准入负面", "清单制度"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
        // An odd width never splits a wide character.
        let odd = wrap("一二三", 3);
        assert_eq!(odd, ["一", "二", "三"]);
        assert_eq!(wrap("ab\ncd", 10), ["ab", "cd"]);
        // 禁则: a comma never starts a line; the character before it comes along.
        assert_eq!(wrap("一二三四，五六", 8), ["一二三", "四，五六"]);
        assert_eq!(
            wrap("一，", 2),
            ["一", "，"],
            "a line of one character keeps it"
        );
        assert_eq!(wrap("", 4), [""]);
    }

    #[test]
    fn wrap_items_keeps_names_whole() {
        let lines = wrap_items(
            &["市发展改革委", "市商务委", "市公共资源交易监管局"],
            "、",
            24,
        );
        assert_eq!(lines, ["市发展改革委、市商务委、", "市公共资源交易监管局"]);
        let narrow = wrap_items(&["市公共资源交易监管局"], "、", 8);
        assert!(narrow.iter().all(|l| width(l) <= 8));
        assert_eq!(narrow.concat(), "市公共资源交易监管局");
    }

    #[test]
    fn sanitize_neutralises_escapes_and_bidi() {
        let evil = "a\u{1b}[31mred\u{7}\u{9b}2J\u{202e}x\u{1b}]0;title\u{7}";
        let safe = sanitize(evil);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
        assert_eq!(safe, "a␛[31mred␇?2J?x␛]0;title␇");
        assert!(matches!(
            sanitize("市发展改革委“互联网+”"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(sanitize("a\nb"), "a b");
    }

    #[test]
    fn squeeze_drops_all_whitespace() {
        assert_eq!(squeeze(" “互联网 +监管 ”\n\u{3000}x"), "“互联网+监管”x");
    }
}
