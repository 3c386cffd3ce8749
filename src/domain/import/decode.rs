//! Bytes -> text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (which many
//! government files use); line breaks of every kind; nothing a terminal would act on.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// The text of `bytes` and the encoding it was read as.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (UTF_16LE.decode(bytes).0.into_owned(), "UTF-16LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (UTF_16BE.decode(bytes).0.into_owned(), "UTF-16BE");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (GB18030.decode(bytes).0.into_owned(), "GB18030"),
    }
}

/// Whether a character must not reach the output: C0 controls but the line break, DEL, C1,
/// bidi controls and other invisible format characters.
pub fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFD}')
}

/// The text's lines, numbered from 1, each without unsafe characters (a tab is a space).
pub fn lines(text: &str) -> Vec<(usize, String)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, clean(l)))
        .collect()
}

/// A cell or a line without unsafe characters: a tab or line break becomes a space.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if unsafe_char(c) => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_and_utf16_are_read() {
        let (gb, _, _) = GB18030.encode("牵头单位：市发展改革委");
        assert_eq!(
            decode(&gb),
            ("牵头单位：市发展改革委".to_string(), "GB18030")
        );
        let mut u16 = vec![0xFF, 0xFE];
        for c in "一、放".encode_utf16() {
            u16.extend(c.to_le_bytes());
        }
        assert_eq!(decode(&u16).0, "一、放");
        assert_eq!(
            lines("a\u{1b}[31m\r\nb\u{202e}\tc"),
            [(1, "a[31m".to_string()), (2, "b c".to_string())]
        );
    }
}
