//! The one way the tests run the `fgf` binary (plain or in a pty): sealed from the caller's environment.
//!
//! The environment is cleared, then set: `PATH` (kept, for the tools fgf may call), and a temporary home
//! of the test's own (`HOME`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME`, `XDG_CACHE_HOME`, `XDG_STATE_HOME`,
//! `XDG_RUNTIME_DIR` inside it). Nothing the person running the tests has set (`FGF_DOC`, `FGF_STATE`,
//! `LANG`, `NO_COLOR`, `CLICOLOR_FORCE`, …) reaches fgf, and no test can touch a real state file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The variables a sealed run sets, besides `PATH`; `root` is the sandbox's directory.
pub fn sealed_env(root: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("HOME", root.join("home")),
        ("XDG_DATA_HOME", root.join("xdg/data")),
        ("XDG_CONFIG_HOME", root.join("xdg/config")),
        ("XDG_CACHE_HOME", root.join("xdg/cache")),
        ("XDG_STATE_HOME", root.join("xdg/state")),
        ("XDG_RUNTIME_DIR", root.join("xdg/runtime")),
    ]
}

/// A temporary home for one test: every `fgf` it runs sees only this.
pub struct Sandbox {
    dir: TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary directory");
        // The home exists (a pty child starts in it); the XDG directories are fgf's to create.
        std::fs::create_dir(dir.path().join("home")).expect("the sandbox's home");
        Sandbox { dir }
    }

    /// The sandbox's directory (files a test writes go here too).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where fgf keeps its data (state files) in this sandbox, on Linux.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("xdg/data/fgf")
    }

    /// `fgf` with a cleared environment and this sandbox's home.
    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_fgf"));
        c.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            c.env("PATH", path);
        }
        for (k, v) in sealed_env(self.path()) {
            c.env(k, v);
        }
        c
    }

    /// Runs `fgf ARGS` here and waits for it.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run fgf")
    }
}

/// `fgf` sealed in a sandbox of its own, for a test that needs no files of its own. The sandbox lives
/// as long as the command's run: use [`run`] unless the command needs more set-up.
pub fn run(args: &[&str]) -> Output {
    Sandbox::new().run(args)
}

/// Runs a prepared command (from [`Sandbox::command`]).
pub fn output(cmd: &mut Command) -> Output {
    cmd.output().expect("run fgf")
}
