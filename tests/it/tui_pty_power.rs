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
    p.wait_text("已复制到剪贴板（OSC 52）：1.1");
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

#[test]
fn search_history_is_kept_between_runs_in_the_data_dir() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("/企业开办\r");
    p.send("/#9.2\r");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let sandbox = p.sandbox;
    let file = sandbox.data_dir().join("search-history.json");
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the history file")).unwrap();
    assert_eq!(kept["queries"], serde_json::json!(["企业开办", "#9.2"]));
    // The next run offers them: ↑ brings back the newest, ↑ again the one before.
    let mut p = Pty::spawn_in(sandbox, 120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("/");
    p.wait_text("搜索结果");
    p.send("\x1b[A");
    p.wait_text("/#9.2");
    p.send("\x1b[A");
    p.wait_text("/企业开办");
    p.send("\x1b");
    // `/` Enter: the last query again, and it stays the newest.
    p.send("/\r");
    p.wait_text("9.2");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let again = std::fs::read_to_string(p.sandbox.data_dir().join("search-history.json")).unwrap();
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(again["queries"], serde_json::json!(["企业开办", "#9.2"]));
}

#[test]
fn a_corrupt_history_file_is_named_and_left_untouched() {
    let sandbox = crate::support::sealed::Sandbox::new();
    let dir = sandbox.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let bad = "{\"version\": 1, \"queries\": [\"企业开办\",\n  oops";
    std::fs::write(dir.join("search-history.json"), bad).unwrap();
    let mut p = Pty::spawn_in(sandbox, 120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("/");
    // The message wraps in the results pane: read it without the wrapping.
    let flat = |p: &Pty| p.screen().replace(['│', '\n', ' '], "");
    p.wait_for("the history's problem", |p| {
        flat(p).contains("（未读取，也不会覆盖）")
    });
    assert!(
        flat(&p).contains("search-history.json第2行第3列：这里应是一个值"),
        "{}",
        p.screen()
    );
    p.send("税\r");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let after = std::fs::read_to_string(p.sandbox.data_dir().join("search-history.json")).unwrap();
    assert_eq!(after, bad);
}

fn captured(p: &Pty) -> bool {
    p.parser.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
}

/// With --mouse: capture on while fgf runs, a click on a tab (an SGR mouse report) opens it,
/// and capture is off again however fgf ends: q, a panic, SIGTERM.
#[test]
fn mouse_capture_is_on_with_the_flag_and_off_on_every_exit() {
    let mut p = Pty::spawn(120, 40, &["--mouse"], &[]);
    p.wait_text("（一）");
    assert!(captured(&p), "--mouse captures");
    // Column 8 of row 2 (1-based, as the terminal reports): the tab " 2 管 ".
    p.send("\x1b[<0;9;2M\x1b[<0;9;2m");
    p.wait_text("（十一）");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!captured(&p), "released after q");

    let mut p = Pty::spawn(120, 40, &["--mouse"], &[("FGF_TEST_PANIC", "1")]);
    assert_ne!(p.wait_exit(), 0);
    assert!(!captured(&p), "released after a panic");

    let mut p = Pty::spawn(120, 40, &["--mouse"], &[]);
    p.wait_text("（一）");
    assert!(captured(&p));
    let pid = p.child.process_id().expect("the child's pid") as libc::pid_t;
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_ne!(p.wait_exit(), 0);
    assert!(!captured(&p), "released after SIGTERM");

    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    assert!(!captured(&p), "never without the flag");
    p.send("q");
    p.wait_exit();
}
