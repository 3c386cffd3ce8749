//! Issue 11: the terminal around job control and signals, on the real binary in a pty. Ctrl-z and an
//! external SIGTSTP suspend as vim does (terminal restored, process stopped; on SIGCONT raw mode, the
//! alternate screen and a full frame again); a catchable signal that ends fgf restores the terminal.

use crate::support::pty::Pty;

const FIRST: &str = "（一）进一步放宽市场准入";

pub(crate) fn pid(p: &Pty) -> libc::pid_t {
    p.child.process_id().expect("the child's pid") as libc::pid_t
}

/// The process state letter from /proc (`T` when stopped).
fn stopped(pid: libc::pid_t) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // "PID (comm) S ...": the state follows the last ')'.
    stat.rsplit(')')
        .next()
        .is_some_and(|rest| rest.trim_start().starts_with(['T', 't']))
}

pub(crate) fn signal(pid: libc::pid_t, sig: libc::c_int) {
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0, "kill {sig}");
}

/// Stopped with the terminal restored, then continued: raw mode, alternate screen, full frame.
fn suspend_and_resume(p: &mut Pty, suspend: impl FnOnce(&mut Pty)) {
    suspend_and_resume_showing(p, FIRST, suspend);
}

/// As `suspend_and_resume`, on a screen that shows `shown` (before and after).
pub(crate) fn suspend_and_resume_showing(p: &mut Pty, shown: &str, suspend: impl FnOnce(&mut Pty)) {
    let pid = pid(p);
    p.wait_text(shown);
    suspend(p);
    p.wait_for("the stop", |_| stopped(pid));
    p.wait_for("the terminal restored", |p| {
        !p.alternate() && !p.cursor_hidden()
    });
    // The main screen shows no frame: clear what the vt parser has, to see the redraw come.
    signal(pid, libc::SIGCONT);
    p.wait_for("the alternate screen again", |p| {
        p.alternate() && p.screen().contains(shown)
    });
    assert!(p.cursor_hidden());
    // Raw mode again: one key, no Enter, quits.
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate() && !p.cursor_hidden());
}

#[test]
fn ctrl_z_suspends_and_sigcont_redraws_in_raw_mode() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    suspend_and_resume(&mut p, |p| p.send("\x1a"));
}

#[test]
fn an_external_sigtstp_suspends_likewise() {
    let mut p = Pty::spawn(120, 40, &[], &[]);
    suspend_and_resume(&mut p, |p| signal(pid(p), libc::SIGTSTP));
}

#[test]
fn sigusr1_ends_fgf_with_the_terminal_restored() {
    for sig in [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM] {
        let mut p = Pty::spawn(120, 40, &[], &[]);
        p.wait_text(FIRST);
        signal(pid(&p), sig);
        assert_ne!(p.wait_exit(), 0, "signal {sig}");
        assert!(!p.alternate(), "signal {sig}: alternate screen left on");
        assert!(!p.cursor_hidden(), "signal {sig}: cursor left hidden");
    }
}

#[test]
fn a_read_only_state_file_opens_the_view_read_only_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let doc = fgf::domain::seeds::embedded().doc.id;
    let text = format!(
        "{{\"version\": 1, \"document\": \"{doc}\", \"milestones\": {{\"1.1.1\": {{\"done\": true, \"at\": \"2026-01-01T00:00:00Z\"}}}}}}\n"
    );
    std::fs::write(&state, &text).unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o400)).unwrap();
    let mut p = Pty::spawn(160, 40, &[], &[("FGF_STATE", state.to_str().unwrap())]);
    p.wait_text("只读");
    assert!(p.screen().contains("0400"), "says why: {}", p.screen());
    assert!(
        p.screen().contains("1/6"),
        "the check-offs are shown: {}",
        p.screen()
    );
    p.send("\rj ");
    p.wait_for("the refusal", |p| p.screen().matches("只读").count() >= 2);
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&state).unwrap(), text);
}

/// With --mouse, capture is released while stopped (the shell gets its mouse back) and taken
/// again on SIGCONT.
#[test]
fn mouse_capture_is_released_while_stopped_and_taken_again_after() {
    let captured = |p: &Pty| {
        p.parser.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    };
    let mut p = Pty::spawn(120, 40, &["--mouse"], &[]);
    let pid = pid(&p);
    p.wait_text(FIRST);
    assert!(captured(&p));
    p.send("\x1a");
    p.wait_for("the stop", |_| stopped(pid));
    p.wait_for("the capture released", |p| !captured(p) && !p.alternate());
    signal(pid, libc::SIGCONT);
    p.wait_for("the capture again", |p| p.alternate() && captured(p));
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!captured(&p));
}
