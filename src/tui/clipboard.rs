//! Copying to the system clipboard over OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`): the terminal
//! sets its clipboard, which works over SSH and inside tmux (with `set-clipboard on`). Nothing is
//! read back: the terminal may refuse the request without saying so.
//!
//! The text is the document's, so untrusted: every line is neutralised (`text::sanitize`: no
//! control character, no bidi override) before it is encoded, and it is bounded so that the
//! sequence stays within what terminals accept (xterm and tmux take about 100 000 bytes).

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::domain::text::sanitize;

/// The most text sent, in bytes: its base64 form is at most 99 992 bytes.
pub const MAX_TEXT: usize = 74_994;

/// What is copied: the neutralised text, and whether it was cut to [`MAX_TEXT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    pub text: String,
    pub truncated: bool,
}

/// `text` made safe to copy: each line neutralised (line breaks kept, `\r` and tabs become
/// spaces), then cut on a character boundary to [`MAX_TEXT`] bytes.
pub fn clip(text: &str) -> Clip {
    let mut out: String = text
        .split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let truncated = out.len() > MAX_TEXT;
    if truncated {
        let mut end = MAX_TEXT;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    Clip {
        text: out,
        truncated,
    }
}

/// The OSC 52 sequence that puts `text` (already clipped) on the clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut seq = b"\x1b]52;c;".to_vec();
    seq.extend_from_slice(STANDARD.encode(text.as_bytes()).as_bytes());
    seq.push(0x07);
    seq
}

/// Writes the sequence for `text` to the terminal and flushes it.
pub fn write(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(&osc52(&clip(text).text))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_base64_of_the_text_between_osc_52_and_bel() {
        let seq = osc52("9.2 牵头：市发展改革委");
        assert!(seq.starts_with(b"\x1b]52;c;"));
        assert_eq!(seq.last(), Some(&0x07));
        let body = &seq[7..seq.len() - 1];
        assert!(
            body.iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
        );
        let back = STANDARD.decode(body).unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "9.2 牵头：市发展改革委");
    }

    #[test]
    fn control_characters_never_reach_the_clipboard_but_line_breaks_do() {
        let c = clip("a\x1b]52;c;evil\x07b\r\nsecond\u{202E}line\tend");
        assert!(!c.text.chars().any(|ch| ch.is_control() && ch != '\n'));
        assert!(!c.text.contains('\u{202E}'));
        assert_eq!(c.text.lines().count(), 2);
        assert!(!c.truncated);
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let long = "改".repeat(MAX_TEXT); // 3 bytes a character
        let c = clip(&long);
        assert!(c.truncated);
        assert!(c.text.len() <= MAX_TEXT && c.text.len() > MAX_TEXT - 3);
        assert!(osc52(&c.text).len() <= 100_000);
        assert!(!clip(&"a".repeat(MAX_TEXT)).truncated);
    }
}
