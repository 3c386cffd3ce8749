//! Issue 11: what an attack on the state file and the documents found, each kept as a regression test
//! on the built binary (the terminal ones are in tui_signals.rs).

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::sealed::Sandbox;

/// A sandbox with the state file at `state.json` in it.
struct Env {
    sandbox: Sandbox,
}

impl Env {
    fn new() -> Env {
        Env {
            sandbox: Sandbox::new(),
        }
    }

    fn state(&self) -> PathBuf {
        self.sandbox.path().join("state.json")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.sandbox.path().join(name)
    }

    /// fgf in English: these tests read its messages (the Chinese ones are checked elsewhere).
    fn english(&self) -> Command {
        let mut c = self.sandbox.command();
        c.env("LANG", "en_US.UTF-8");
        c
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = self.english();
        c.env("FGF_STATE", self.state()).args(args);
        c
    }

    /// `fgf ARGS` without a state file of the test's, bounded.
    fn plain(&self, args: &[&str]) -> Output {
        let mut c = self.english();
        c.args(args);
        bounded(c)
    }

    /// `fgf ARGS` on the state file, bounded: a run that blocks is killed and the test fails.
    fn run(&self, args: &[&str]) -> Output {
        bounded(self.command(args))
    }
}

/// Runs `cmd` and waits (polling, at most 20 s: a guard against hanging, not a speed check).
fn bounded(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fgf");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            let out = child.wait_with_output().unwrap();
            panic!(
                "fgf blocked (killed after 20 s); stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A state file of the embedded document with these milestones (`"ID": {mark}` pairs as JSON text).
fn state_text(pairs: &[(&str, &str)]) -> String {
    let doc = fgf::domain::seeds::embedded().doc.id;
    let body: Vec<String> = pairs
        .iter()
        .map(|(id, mark)| format!("    {}: {mark}", serde_json::to_string(id).unwrap()))
        .collect();
    format!(
        "{{\n  \"version\": 1,\n  \"document\": \"{doc}\",\n  \"milestones\": {{\n{}\n  }}\n}}\n",
        body.join(",\n")
    )
}

/// No character a terminal may obey: C0 (but line breaks), DEL, C1, bidi controls.
fn assert_inert(what: &str, text: &str) {
    let bad = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    };
    if let Some(c) = text.chars().find(|&c| bad(c)) {
        panic!("{what} printed U+{:04X} raw:\n{text:?}", c as u32);
    }
}

#[test]
fn a_duplicate_milestone_key_is_an_error_with_its_line_and_the_file_is_left_untouched() {
    let e = Env::new();
    let text = state_text(&[
        (
            "1.1.1",
            r#"{"done": true, "at": "2026-06-01T00:00:00Z", "note": "newer"}"#,
        ),
        ("1.1.1", r#"{"done": false, "at": "2020-01-01T00:00:00Z"}"#),
    ]);
    fs::write(e.state(), &text).unwrap();
    let o = e.run(&["state", "check"]);
    assert!(!o.status.success(), "called valid: {}", out(&o));
    let msg = err(&o);
    assert!(msg.contains("duplicate"), "{msg}");
    assert!(
        msg.contains("line 6, column"),
        "names the second key's line: {msg}"
    );
    let o = e.run(&["check", "2.1.1"]);
    assert!(!o.status.success());
    assert_eq!(
        fs::read_to_string(e.state()).unwrap(),
        text,
        "file untouched"
    );
}

#[test]
fn a_far_future_mark_is_refused_and_the_file_kept() {
    let e = Env::new();
    let text = state_text(&[(
        "1.1.1",
        r#"{"done": true, "at": "9999-12-30T22:00:00.999999999Z"}"#,
    )]);
    fs::write(e.state(), &text).unwrap();
    let o = e.run(&["uncheck", "1.1.1"]);
    assert!(!o.status.success(), "acknowledged: {}", out(&o));
    assert!(err(&o).contains("ahead of"), "{}", err(&o));
    assert!(err(&o).contains("line 6"), "{}", err(&o));
    assert_eq!(fs::read_to_string(e.state()).unwrap(), text);
}

#[test]
fn merging_a_colleagues_far_future_mark_is_refused() {
    let e = Env::new();
    assert!(e.run(&["check", "2.1.1"]).status.success());
    let ours = fs::read_to_string(e.state()).unwrap();
    let theirs = e.file("colleague.json");
    let text = state_text(&[("1.1.1", r#"{"done": true, "at": "2999-01-01T00:00:00Z"}"#)]);
    fs::write(&theirs, text).unwrap();
    let o = e.run(&["state", "merge", theirs.to_str().unwrap()]);
    assert!(!o.status.success(), "merged: {}", out(&o));
    assert!(err(&o).contains("ahead of"), "{}", err(&o));
    assert_eq!(fs::read_to_string(e.state()).unwrap(), ours);
}

#[test]
fn a_mark_hours_ahead_is_taken_and_an_uncheck_after_it_is_written() {
    let e = Env::new();
    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(3);
    let text = state_text(&[("1.1.1", &format!(r#"{{"done": true, "at": "{soon}"}}"#))]);
    fs::write(e.state(), text).unwrap();
    let o = e.run(&["uncheck", "1.1.1"]);
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(e.state()).unwrap()).unwrap();
    assert_eq!(
        v["milestones"]["1.1.1"]["done"], false,
        "the uncheck is on disk"
    );
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A refusal that names why.
fn not_regular(o: &Output, args: &[&str]) {
    assert!(!o.status.success(), "{args:?}");
    assert!(
        err(o).contains("not a regular file"),
        "{args:?}: {}",
        err(o)
    );
}

#[test]
fn a_fifo_as_state_file_or_document_is_refused_without_blocking() {
    let e = Env::new();
    mkfifo(&e.state());
    for args in [&["progress"][..], &["check", "1.1.1"], &["state", "check"]] {
        not_regular(&e.run(args), args);
    }
    let fifo = e.file("doc.json");
    mkfifo(&fifo);
    let doc = fifo.to_str().unwrap();
    for args in [&["--doc", doc, "list"][..], &["doc", "check", doc]] {
        not_regular(&e.plain(args), args);
    }
}

#[test]
fn a_device_or_an_oversized_state_file_is_refused_before_it_is_read() {
    let e = Env::new();
    let o = bounded({
        let mut c = e.english();
        c.env("FGF_STATE", "/dev/zero").arg("progress");
        c
    });
    assert!(!o.status.success());
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));
    // Sparse: 64 MiB and one byte take no disk.
    fs::File::create(e.state())
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    let o = e.run(&["progress"]);
    assert!(!o.status.success());
    assert!(err(&o).contains("limit"), "{}", err(&o));
}

const EVIL: [&str; 4] = [
    "9.9.9\u{1b}]52;c;SGVsbG8=\u{7}",
    "9.9.8\u{1b}]0;title\u{1b}\\",
    "9.9.7\u{9b}2J",
    "9.9.6\u{202e}evil",
];

fn evil_state() -> String {
    let mark = r#"{"done": true, "at": "2026-01-01T00:00:00Z", "note": "a\u001b[31mred\u009b"}"#;
    let pairs: Vec<(&str, &str)> = EVIL.iter().map(|id| (*id, mark)).collect();
    state_text(&pairs)
}

#[test]
fn ids_from_a_state_file_reach_no_pipe_raw() {
    let e = Env::new();
    fs::write(e.state(), evil_state()).unwrap();
    for args in [&["progress"][..], &["state", "check"]] {
        let o = e.run(args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        assert!(out(&o).contains("9.9.9"), "the ids are listed: {}", out(&o));
        assert_inert(&format!("{args:?}"), &out(&o));
        assert_inert(&format!("{args:?} stderr"), &err(&o));
    }
}

#[test]
fn merge_refuses_unknown_ids_and_prints_them_neutralised() {
    let e = Env::new();
    assert!(e.run(&["check", "2.1.1"]).status.success());
    let theirs = e.file("colleague.json");
    let mut text = evil_state();
    text = text.replacen(
        "\"milestones\": {\n",
        "\"milestones\": {\n    \"1.1.1\": {\"done\": true, \"at\": \"2026-01-01T00:00:00Z\"},\n",
        1,
    );
    fs::write(&theirs, text).unwrap();
    let o = e.run(&["state", "merge", theirs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    assert_inert("merge", &out(&o));
    assert_inert("merge stderr", &err(&o));
    assert!(
        format!("{}{}", out(&o), err(&o)).contains("9.9.9"),
        "the refused ids are named"
    );
    let ours = fs::read_to_string(e.state()).unwrap();
    assert!(
        ours.contains("\"1.1.1\""),
        "the known id is taken in: {ours}"
    );
    assert!(!ours.contains("9.9."), "unknown ids are not kept: {ours}");
}

#[test]
fn doc_check_in_a_pipe_prints_no_raw_escape_from_keys_or_enum_values() {
    let e = Env::new();
    let o = e.plain(&["doc", "generate", "--measures", "1"]);
    let text = out(&o)
        .replacen(
            "\"format\": 1,",
            "\"format\": 1, \"\\u001b]0;pwn\\u0007\": 1,",
            1,
        )
        .replacen(
            "\"confidence\": \"",
            "\"confidence\": \"\\u009b2J\\u202e",
            1,
        );
    let path = e.file("evil.json");
    fs::write(&path, text).unwrap();
    let o = e.plain(&["doc", "check", path.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(out(&o).contains("confidence"), "{}", out(&o));
    assert_inert("doc check", &out(&o));
    assert_inert("doc check stderr", &err(&o));
}

#[test]
fn a_duplicate_key_in_a_document_is_reported_with_its_line_and_column() {
    let e = Env::new();
    let o = e.plain(&["doc", "generate", "--measures", "1"]);
    let text = out(&o).replacen("\"format\": 1,", "\"format\": 1,\n  \"format\": 1,", 1);
    let path = e.file("dup.json");
    fs::write(&path, text).unwrap();
    let o = e.plain(&["doc", "check", path.to_str().unwrap()]);
    assert!(!o.status.success());
    let report = out(&o);
    assert!(report.contains(":3:"), "line 3 named: {report}");
    assert!(report.contains("duplicate"), "{report}");
    assert!(!err(&o).contains("0 problem(s)"), "{}", err(&o));
}

#[test]
fn a_read_only_state_file_is_not_replaced() {
    let e = Env::new();
    assert!(e.run(&["check", "2.1.1"]).status.success());
    let before = fs::read_to_string(e.state()).unwrap();
    fs::set_permissions(e.state(), fs::Permissions::from_mode(0o400)).unwrap();
    let o = e.run(&["check", "1.1.1"]);
    assert!(!o.status.success(), "{}", out(&o));
    assert!(err(&o).contains("read-only"), "{}", err(&o));
    assert_eq!(fs::read_to_string(e.state()).unwrap(), before);
    let o = e.run(&["progress"]);
    assert!(o.status.success(), "reading it is fine: {}", err(&o));
}

#[test]
fn a_save_as_root_keeps_the_files_owner() {
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: fgf cannot be asked to keep another user's ownership here; skipped");
        return;
    }
    let e = Env::new();
    assert!(e.run(&["check", "2.1.1"]).status.success());
    std::os::unix::fs::chown(e.state(), Some(65534), Some(65534)).unwrap();
    assert!(e.run(&["check", "1.1.1"]).status.success());
    let m = fs::metadata(e.state()).unwrap();
    assert_eq!((m.uid(), m.gid()), (65534, 65534), "owner and group kept");
    assert!(fs::read_to_string(e.state()).unwrap().contains("\"1.1.1\""));
}

#[test]
fn the_data_directory_is_private_whatever_the_umask() {
    use std::os::unix::process::CommandExt;
    let e = Env::new();
    let mut c = e.english();
    c.arg("check").arg("1.1.1");
    // SAFETY: umask is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::umask(0);
            Ok(())
        });
    }
    let o = bounded(c);
    assert!(o.status.success(), "{}", err(&o));
    let mode = fs::metadata(e.sandbox.data_dir()).unwrap().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
}

#[test]
fn a_symlink_planted_at_the_lock_path_is_not_followed() {
    let e = Env::new();
    let victim = e.file("victim");
    std::os::unix::fs::symlink(&victim, e.file("state.json.lock")).unwrap();
    let o = e.run(&["check", "1.1.1"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(!victim.exists(), "the symlink was followed");
}

#[test]
fn deleting_the_lock_file_while_writers_run_loses_no_check_off() {
    let e = std::sync::Arc::new(Env::new());
    assert!(e.run(&["check", "2.1.1"]).status.success());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let deleter = {
        let (e, stop) = (e.clone(), stop.clone());
        std::thread::spawn(move || {
            let lock = e.file("state.json.lock");
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = fs::remove_file(&lock);
                std::thread::yield_now();
            }
        })
    };
    // Four writers, each checking off its own milestones one process at a time.
    let cat = fgf::domain::seeds::embedded();
    let all: Vec<String> = cat
        .measures()
        .flat_map(|(_, _, m)| m.milestones.iter().map(|k| k.id.clone()))
        .filter(|id| id != "2.1.1")
        .take(24)
        .collect();
    let ids: Vec<Vec<String>> = all.chunks(6).map(<[String]>::to_vec).collect();
    let writers: Vec<_> = ids
        .iter()
        .cloned()
        .map(|mine| {
            let e = e.clone();
            std::thread::spawn(move || {
                for id in mine {
                    let o = e.run(&["check", &id]);
                    assert!(o.status.success(), "{id}: {}", err(&o));
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    deleter.join().unwrap();
    // Every check-off was acknowledged (exit 0) and is on disk.
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(e.state()).unwrap()).unwrap();
    for id in &all {
        assert_eq!(v["milestones"][id]["done"], true, "{id} lost");
    }
}

#[test]
fn ids_from_a_state_file_reach_no_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    fs::write(&state, evil_state()).unwrap();
    for args in [&["progress"][..], &["state", "check"]] {
        let mut p = crate::support::pty::Pty::spawn(
            200,
            50,
            args,
            &[("FGF_STATE", state.to_str().unwrap())],
        );
        assert_eq!(p.wait_exit(), 0, "{args:?}: {}", p.screen());
        assert!(p.screen().contains("9.9.9"), "{args:?}: {}", p.screen());
        let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).into_owned();
        // Colours (CSI … m) are fine on a terminal; an OSC (title, clipboard), a C1 CSI or a bidi
        // override is not.
        for bad in ["\u{1b}]", "\u{9b}", "\u{202e}", "\u{7}"] {
            assert!(!raw.contains(bad), "{args:?} wrote {bad:?} raw: {raw:?}");
        }
    }
}

/// The refusals speak the run's language: Chinese by default.
#[test]
fn refusals_are_in_chinese_by_default() {
    let e = Env::new();
    let o = bounded({
        let mut c = e.sandbox.command();
        c.env("FGF_STATE", "/dev/zero").arg("progress");
        c
    });
    assert!(!o.status.success());
    assert!(
        err(&o).contains("不是普通文件（是字符设备）"),
        "{}",
        err(&o)
    );
    let dir = e.sandbox.path().join("a-dir");
    fs::create_dir(&dir).unwrap();
    let o = bounded({
        let mut c = e.sandbox.command();
        c.args(["--doc", dir.to_str().unwrap(), "list"]);
        c
    });
    assert!(err(&o).contains("不是普通文件（是目录）"), "{}", err(&o));
}
