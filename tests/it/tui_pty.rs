//! The real binary in a pseudo-terminal: first frame, keys, help, quitting, panics, signals, sizes.

use crate::support::pty::Pty;

#[test]
fn first_frame_shows_the_three_sections() {
    let mut p = Pty::spawn(200, 50, &[], &[]);
    p.wait_text("（一）进一步放宽市场准入");
    let s = p.screen();
    for title in [
        "放 一、深化简政放权",
        "管 二、加强公正监管",
        "服 三、优化政务服务",
    ] {
        assert!(s.contains(title), "{title} missing:\n{s}");
    }
    assert!(p.alternate(), "draws on the alternate screen");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn keys_move_and_open_and_q_restores_the_terminal() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）进一步放宽市场准入");
    p.send("jjjjjjjj\r");
    p.wait_text("9.6");
    p.send("j\r");
    p.wait_text("里程碑");
    assert!(p.screen().contains("牵头单位"));
    p.send("\x1b");
    p.send("3");
    p.wait_text("（十九）增强服务意识");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate(), "left the alternate screen");
    assert!(!p.cursor_hidden(), "cursor shown again");
}

#[test]
fn question_mark_shows_help() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("?");
    p.wait_text("关闭帮助");
    p.send("\x1b");
    p.wait_for("help closed", |p| !p.screen().contains("关闭帮助"));
    p.send("\x03"); // Ctrl-c
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_panic_still_restores_the_terminal() {
    let mut p = Pty::spawn(100, 30, &[], &[("FGF_TEST_PANIC", "1")]);
    let code = p.wait_exit();
    assert_ne!(code, 0);
    assert!(!p.alternate(), "left the alternate screen after a panic");
    assert!(!p.cursor_hidden());
    let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).to_string();
    assert!(
        raw.contains("deliberate panic"),
        "the panic message reaches the user"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for sig in ["TERM", "HUP"] {
        let mut p = Pty::spawn(100, 30, &[], &[]);
        p.wait_text("（一）");
        let pid = p.child.process_id().unwrap().to_string();
        let status = std::process::Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        let code = p.wait_exit();
        assert_ne!(code, 0, "SIG{sig}");
        assert!(!p.alternate(), "SIG{sig}: left the alternate screen");
        assert!(!p.cursor_hidden(), "SIG{sig}: cursor shown");
    }
}

#[test]
fn tiny_sizes_say_so_and_resizing_relays_out() {
    let mut p = Pty::spawn(30, 6, &[], &[]);
    p.wait_text("至少");
    p.resize(8, 2);
    p.resize(1, 1);
    p.resize(120, 40);
    p.wait_text("（一）进一步放宽市场准入");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn mouse_is_captured_only_with_the_flag() {
    let mut p = Pty::spawn(100, 30, &[], &[]);
    p.wait_text("（一）");
    p.send("q");
    p.wait_exit();
    let raw = p.raw.lock().unwrap().clone();
    assert!(
        !contains(&raw, b"\x1b[?1000h"),
        "no mouse capture by default"
    );
    let mut p = Pty::spawn(100, 30, &["--mouse"], &[]);
    p.wait_text("（一）");
    p.send("q");
    p.wait_exit();
    let raw = p.raw.lock().unwrap().clone();
    assert!(contains(&raw, b"\x1b[?1000h"), "--mouse captures");
    assert!(contains(&raw, b"\x1b[?1000l"), "and releases on exit");
}

#[test]
fn frames_use_synchronized_output() {
    let mut p = Pty::spawn(100, 30, &[], &[]);
    p.wait_text("（一）");
    p.send("jq");
    p.wait_exit();
    let raw = p.raw.lock().unwrap().clone();
    assert!(contains(&raw, b"\x1b[?2026h") && contains(&raw, b"\x1b[?2026l"));
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// What the terminal shows (per vt100) after a walk of keys is exactly what the app renders
/// for the same keys: text and reverse-video per row. This checks the byte-saving tricks of
/// the WideFix backend (fillers, blanks, skipped cursor moves) end to end.
#[test]
fn the_terminal_shows_exactly_the_rendered_frame_after_many_moves() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let keys = "jjjjjjjj\rjjj\rkk\x1bkkk3jjj\rjjj\x1b1Gkk\rjjjjjjjjjjjjjj";
    let (w, h) = (120u16, 40u16);
    let mut p = Pty::spawn(w, h, &[], &[]);
    p.wait_text("（一）");
    // One key a write; the app reads Esc-then-key as Esc then the key, as it does over a slow link,
    // and takes keys in order, so the help appearing means every key before it was handled.
    for k in keys.chars() {
        p.send(&k.to_string());
    }
    p.send("?");
    p.wait_text("关闭帮助");
    p.send("\x1b");
    p.wait_for("help closed", |p| !p.screen().contains("关闭帮助"));

    let mut app = fgf::tui::app::App::new(
        fgf::domain::seeds::embedded(),
        fgf::tui::app::Options {
            lang: fgf::tui::i18n::Lang::Zh,
            today: jiff::Zoned::now().date(),
            ambiwide: false,
            ascii: false,
            color: true,
        },
    );
    app.update(fgf::tui::action::Action::Resize(w, h));
    for k in keys.chars().chain("?\x1b".chars()) {
        let code = match k {
            '\r' => crossterm::event::KeyCode::Enter,
            '\x1b' => crossterm::event::KeyCode::Esc,
            c => crossterm::event::KeyCode::Char(c),
        };
        let ev = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
        if let Some(a) = fgf::tui::keymap::resolve(app.ctx(), ev) {
            app.update(a);
        }
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| fgf::tui::view::draw(f, &app)).unwrap();
    let buf = t.backend().buffer();
    let parser = p.parser.lock().unwrap();
    let screen = parser.screen();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let want = &buf[(x, y)];
            let got = screen.cell(y, x).unwrap();
            let sym = want.symbol().trim();
            assert_eq!(got.contents().trim(), sym, "({x},{y})");
            let reversed = want.modifier.contains(ratatui::style::Modifier::REVERSED);
            assert_eq!(got.inverse(), reversed, "({x},{y}) {sym} reverse video");
            x += unicode_width::UnicodeWidthStr::width(want.symbol()).max(1) as u16;
        }
    }
    drop(parser);
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn english_from_lang_or_the_flag() {
    let mut p = Pty::spawn(120, 40, &[], &[("LANG", "en_US.UTF-8")]);
    p.wait_text("Detail");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let mut p = Pty::spawn(120, 40, &["--lang", "zh"], &[("LANG", "en_US.UTF-8")]);
    p.wait_text("详情");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_check_off_in_the_tui_is_saved_to_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let env = [("FGF_STATE", state.to_str().unwrap())];
    let mut p = Pty::spawn(120, 40, &[], &env);
    p.wait_text("（一）");
    p.send("\rj ");
    p.wait_text("1/6");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(saved["milestones"]["1.1.1"]["done"], true, "{saved}");
    // A new session shows it.
    let mut p = Pty::spawn(120, 40, &[], &env);
    p.wait_text("1/6");
    p.send("q");
    p.wait_exit();
}

#[test]
fn an_unreadable_state_file_opens_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    std::fs::write(&state, "{\"version\": 1, \"milestones\": [oops").unwrap();
    let before = std::fs::read(&state).unwrap();
    let mut p = Pty::spawn(160, 40, &[], &[("FGF_STATE", state.to_str().unwrap())]);
    p.wait_text("只读");
    assert!(
        p.screen().contains("第 1 行"),
        "says where, in Chinese: {}",
        p.screen()
    );
    p.send("\rj ");
    p.wait_for("the refusal", |p| p.screen().matches("只读").count() >= 2);
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&state).unwrap(),
        before,
        "byte for byte unchanged"
    );
}

#[test]
fn search_typed_in_chinese_jumps_to_the_hit() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("/企业开办");
    p.wait_text("搜索结果");
    p.wait_text("压减企业开办时间");
    p.send("\r");
    p.wait_for("back in the tree", |p| !p.screen().contains("搜索结果"));
    assert!(
        p.screen().contains("▾ （七）压减企业开办时间")
            || p.screen().contains("（七）压减企业开办时间")
    );
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn esc_and_a_key_in_one_read_are_both_taken() {
    // Over a slow SSH link "Esc /" can arrive in one read, which reads as Alt-/.
    let mut p = Pty::spawn(120, 40, &[], &[]);
    p.wait_text("（一）");
    p.send("?");
    p.wait_text("关闭帮助");
    p.send("\x1b/");
    p.wait_text("搜索结果");
    // Esc closed the help, then / opened the search (the frame may still be arriving).
    p.wait_for("the help gone", |p| !p.screen().contains("关闭帮助"));
    p.send("\x1bq");
    assert_eq!(p.wait_exit(), 0);
}

/// The 16 colours go out in their own codes (ESC[36m), never the 256-colour form (ESC[38;5;6m).
#[test]
fn colours_are_sent_as_the_16_ansi_codes() {
    let mut p = Pty::spawn(120, 30, &[], &[]);
    p.wait_text("（一）");
    p.send("jj/企业");
    p.wait_text("搜索结果");
    p.send("\x1bq");
    p.wait_exit();
    let raw = p.raw.lock().unwrap().clone();
    assert!(
        !contains(&raw, b"38;5;") && !contains(&raw, b"48;5;"),
        "no 256-colour codes"
    );
    assert!(
        contains(&raw, b"36m") || contains(&raw, b"36;"),
        "cyan as 36"
    );
}

#[test]
fn term_dumb_is_refused_with_a_clear_message() {
    let mut p = Pty::spawn(100, 30, &[], &[("TERM", "dumb")]);
    assert_eq!(p.wait_exit(), 2);
    let raw = p.raw.lock().unwrap().clone();
    assert!(!contains(&raw, b"\x1b[?1049h"), "no full-screen view");
    assert!(p.screen().contains("TERM=dumb"), "{}", p.screen());
}

#[test]
fn a_locale_that_is_not_utf8_warns_and_draws_ascii_boxes() {
    let mut p = Pty::spawn(100, 30, &[], &[("LANG", "C")]);
    p.wait_text("不是 UTF-8");
    let s = p.screen();
    assert!(
        !s.contains('┌') && !s.contains('│') && !s.contains('▸'),
        "{s}"
    );
    assert!(s.contains("+-") && s.contains('|'), "{s}");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

/// A check-off made by another process shows in an open view without a key pressed.
#[test]
fn a_check_off_from_another_process_appears_in_an_open_view() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("shared-state.json");
    let state = state.to_str().unwrap().to_string();
    let mut p = Pty::spawn(120, 30, &[], &[("FGF_STATE", &state)]);
    p.wait_text("进度 0/130");
    let o = p
        .sandbox
        .command()
        .env("FGF_STATE", &state)
        .args(["check", "1.1.1"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    p.wait_text("进度 1/130");
    p.wait_text("已合并其他会话的 1 项更改");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
