//! The 16 ANSI colours in their own codes. crossterm writes every named colour in the 256-colour
//! form (`ESC[38;5;6m` for cyan), which some terminals and multiplexers over SSH map through their
//! own 256-colour palette, or not at all. This writer sits between the backend and the terminal and
//! rewrites each such parameter of an SGR sequence to the 16-colour code the palette promises
//! (`ESC[36m`); everything else passes through as it is.

use std::io::{self, Write};

/// Longest escape sequence held back while it is being completed; longer ones pass unchanged.
const MAX_PENDING: usize = 64;

pub struct Ansi16<W: Write> {
    inner: W,
    /// An escape sequence begun in one write and not yet complete.
    pending: Vec<u8>,
}

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W) -> Ansi16<W> {
        Ansi16 {
            inner,
            pending: Vec::new(),
        }
    }

    /// Ends the pending sequence: rewritten if it is an SGR, else passed on.
    fn finish(&mut self) -> io::Result<()> {
        let seq = std::mem::take(&mut self.pending);
        match rewrite_sgr(&seq) {
            Some(new) => self.inner.write_all(&new),
            None => self.inner.write_all(&seq),
        }
    }
}

/// `ESC [ params m` with any `38;5;N` / `48;5;N` (N < 16) turned into the 16-colour code.
fn rewrite_sgr(seq: &[u8]) -> Option<Vec<u8>> {
    let body = seq.strip_prefix(b"\x1b[")?.strip_suffix(b"m")?;
    let text = std::str::from_utf8(body).ok()?;
    let params: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(params.len());
    let mut changed = false;
    let mut i = 0;
    while i < params.len() {
        let colour = params.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (params[i], params.get(i + 1), colour) {
            ("38" | "48", Some(&"5"), Some(n)) if n < 16 => {
                let base = match (params[i], n < 8) {
                    ("38", true) => 30,
                    ("38", false) => 90 - 8,
                    (_, true) => 40,
                    (_, false) => 100 - 8,
                };
                out.push((base + n as u16).to_string());
                changed = true;
                i += 3;
            }
            (p, ..) => {
                out.push(p.to_string());
                i += 1;
            }
        }
    }
    changed.then(|| format!("\x1b[{}m", out.join(";")).into_bytes())
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if !self.pending.is_empty() {
                self.pending.push(b);
                let n = self.pending.len();
                let done = match n {
                    2 => b != b'[',
                    _ => (0x40..=0x7e).contains(&b),
                };
                if done || n >= MAX_PENDING {
                    self.finish()?;
                }
                start = i + 1;
            } else if b == 0x1b {
                self.inner.write_all(&buf[start..i])?;
                self.pending.push(b);
                start = i + 1;
            }
        }
        if self.pending.is_empty() {
            self.inner.write_all(&buf[start..])?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let seq = std::mem::take(&mut self.pending);
            self.inner.write_all(&seq)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> Vec<u8> {
        let mut w = Ansi16::new(Vec::new());
        for p in parts {
            w.write_all(p).unwrap();
        }
        w.flush().unwrap();
        w.inner
    }

    #[test]
    fn named_colours_use_their_16_colour_codes() {
        assert_eq!(through(&[b"\x1b[38;5;6mx"]), b"\x1b[36mx");
        assert_eq!(through(&[b"\x1b[38;5;8m"]), b"\x1b[90m");
        assert_eq!(through(&[b"\x1b[48;5;1m"]), b"\x1b[41m");
        assert_eq!(through(&[b"\x1b[48;5;15m"]), b"\x1b[107m");
        assert_eq!(through(&[b"\x1b[1;38;5;2;48;5;0m"]), b"\x1b[1;32;40m");
    }

    #[test]
    fn other_sequences_and_text_pass_unchanged_even_split_across_writes() {
        assert_eq!(through(&[b"\x1b[38;5;200m"]), b"\x1b[38;5;200m");
        assert_eq!(
            through(&[b"\x1b[2;5H", "中文".as_bytes()]),
            "\x1b[2;5H中文".as_bytes()
        );
        assert_eq!(through(&[b"a\x1b[38", b";5;", b"3", b"mb"]), b"a\x1b[33mb");
        assert_eq!(through(&[b"\x1b", b"7"]), b"\x1b7");
        assert_eq!(through(&[b"\x1b[?2026h"]), b"\x1b[?2026h");
        assert_eq!(through(&[b"\x1b[38;5"]), b"\x1b[38;5", "flushed as it is");
    }
}
