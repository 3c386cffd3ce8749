//! Runs `fgf` in a pseudo-terminal and reads its screen through a VT parser (vt100).

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::sealed::{Sandbox, sealed_env};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    /// The temporary home fgf runs in (sealed: see `sealed.rs`).
    pub sandbox: Sandbox,
    reader: Option<std::thread::JoinHandle<()>>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
}

impl Pty {
    pub fn spawn(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Pty {
        Pty::spawn_in(Sandbox::new(), cols, rows, args, env)
    }

    /// As `spawn`, in a sandbox the test prepared (a workspace of notices, say).
    pub fn spawn_in(
        sandbox: Sandbox,
        cols: u16,
        rows: u16,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_fgf"));
        cmd.args(args);
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        for (k, v) in sealed_env(sandbox.path()) {
            cmd.env(k, v);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn fgf");
        drop(pair.slave);
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("a non-zero size");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            sandbox,
            reader: Some(reader),
            parser,
            raw,
            child,
            master: pair.master,
            writer,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn alternate(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Waits (up to 10 s, a deadline against hanging, not a speed check) until `pred` holds.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&Pty) -> bool) {
        let start = Instant::now();
        while !pred(self) {
            if start.elapsed() > Duration::from_secs(10) {
                let raw = self.raw.lock().unwrap().clone();
                let tail =
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(600)..]).into_owned();
                panic!(
                    "timed out waiting for {what}; screen:\n{}\nlast bytes: {tail:?}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |p| p.screen().contains(text));
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the pty and the parser together: the reader thread waits on the parser's lock meanwhile,
    /// so nothing drawn for the new size is ever parsed at the old one.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut parser = self.parser.lock().unwrap();
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("a non-zero size");
        parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Waits (polling) until the reader thread has read everything the ended process wrote: it stops
    /// at end of file, once no process holds the pty's other side.
    fn drain(&mut self, start: Instant) {
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) {
            if start.elapsed() > Duration::from_secs(10) {
                panic!("the pty was not closed; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        if let Some(r) = self.reader.take() {
            r.join().expect("the reader thread");
        }
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain(start);
                return status.exit_code();
            }
            if start.elapsed() > Duration::from_secs(10) {
                self.child.kill().ok();
                let raw = self.raw.lock().unwrap().clone();
                let tail =
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]).into_owned();
                panic!(
                    "fgf did not exit; screen:\n{}\nlast bytes: {tail:?}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
