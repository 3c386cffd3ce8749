//! A sandbox whose fgf runs use a state file of its own (`FGF_STATE`), in the sandbox as the working
//! directory, with git's system config off (for what fgf asks git: the author of a log entry).

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use super::sealed::Sandbox;

pub struct StateEnv {
    pub sandbox: Sandbox,
}

impl StateEnv {
    pub fn new() -> StateEnv {
        StateEnv {
            sandbox: Sandbox::new(),
        }
    }

    /// `state.json` in the sandbox (absent until something is saved or a test writes it).
    pub fn state(&self) -> PathBuf {
        self.sandbox.path().join("state.json")
    }

    /// A sealed fgf without the state file set (a test sets what it wants).
    pub fn command(&self) -> std::process::Command {
        self.sandbox.command()
    }

    /// The state file as saved.
    pub fn file(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.state()).unwrap()).unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.sandbox
            .command()
            .env("FGF_STATE", self.state())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(self.sandbox.path())
            .args(args)
            .output()
            .unwrap()
    }

    /// stdout of a run that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }
}
