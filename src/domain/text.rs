//! Text helpers measured in terminal display width (CJK characters are two columns).

use unicode_width::UnicodeWidthChar;

/// Display width of a string, in terminal columns.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` cut to `cols` columns and padded with spaces to exactly `cols` (for aligned columns).
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Removes every whitespace character (the PDF extraction put spaces and line breaks anywhere).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn fit_pads_to_exact_width() {
        assert_eq!(width(&fit("市发展", 10)), 10);
        assert_eq!(width(&fit("市发展改革委员会", 9)), 9);
    }

    #[test]
    fn squeeze_drops_all_whitespace() {
        assert_eq!(squeeze(" “互联网 +监管 ”\n\u{3000}x"), "“互联网+监管”x");
    }
}
