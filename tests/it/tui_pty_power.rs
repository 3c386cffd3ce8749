//! Issue 17 on a real terminal: the OSC 52 bytes a yank writes, search history kept between runs,
//! mouse capture with --mouse.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::support::pty::Pty;

/// Every OSC 52 payload in the terminal's output, decoded.
fn osc52_payloads(raw: &[u8]) -> Vec<String> {
    let start = b"\x1b]52;c;";
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.windows(start.len()).position(|w| w == start) {
        let body = &rest[i + start.len()..];
        let end = body
            .iter()
            .position(|&b| b == 0x07)
            .expect("the sequence ends in BEL");
        let text = STANDARD.decode(&body[..end]).expect("base64");
        out.push(String::from_utf8(text).expect("UTF-8"));
        rest = &body[end..];
    }
    out
}

fn raw(p: &Pty) -> Vec<u8> {
    p.raw.lock().unwrap().clone()
}

#[test]
fn y_and_big_y_write_osc_52_to_the_terminal() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("\rjy");
    p.wait_text("已复制 1.1");
    p.send("Y");
    p.wait_text("内容和单位");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let copies = osc52_payloads(&raw(&p));
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert_eq!(copies[0], "1.1");
    assert!(
        copies[1].starts_with("1.1 全面实施市场准入负面清单制度")
            && copies[1].contains("\n牵头单位：市发展改革委、市商务委"),
        "{:?}",
        copies[1]
    );
}
