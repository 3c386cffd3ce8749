//! A team on git (issue 16): a bare remote and two clones, each with `fgf state git-setup`; check-offs
//! and log entries pushed, pulled and merged by fgf's merge driver. Git is sealed like fgf: its own
//! home, no global or system config, names given with -c.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::sealed::Sandbox;

const FILE: &str = "yufubanfa-2019-103.json";

struct Team {
    sandbox: Sandbox,
}

impl Team {
    fn new() -> Team {
        let team = Team {
            sandbox: Sandbox::new(),
        };
        team.git_ok(team.root(), &["init", "--bare", "remote.git"]);
        team
    }

    fn root(&self) -> &Path {
        self.sandbox.path()
    }

    fn clone_dir(&self, who: &str) -> PathBuf {
        self.root().join(who)
    }

    /// git, sealed: only PATH from outside; a home in the sandbox; no global or system config.
    fn git(&self, dir: &Path, who: &str, args: &[&str]) -> Output {
        let mut c = Command::new("git");
        c.env_clear();
        if let Some(p) = std::env::var_os("PATH") {
            c.env("PATH", p);
        }
        c.env("HOME", self.root().join("home"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(dir)
            .args(["-c", &format!("user.name={who}")])
            .args(["-c", &format!("user.email={who}@example.org")])
            .args(["-c", "init.defaultBranch=main", "-c", "pull.rebase=false"])
            .args(args);
        c.output().expect("git runs")
    }

    fn git_ok(&self, dir: &Path, args: &[&str]) -> String {
        let o = self.git(dir, "setup", args);
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    }

    /// fgf in a clone, its state file in the clone, git sealed for what fgf runs of it.
    fn fgf(&self, who: &str, args: &[&str]) -> Output {
        let dir = self.clone_dir(who);
        self.sandbox
            .command()
            .env("FGF_STATE", dir.join(FILE))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(&dir)
            .args(args)
            .output()
            .unwrap()
    }

    fn fgf_ok(&self, who: &str, args: &[&str]) -> String {
        let o = self.fgf(who, args);
        assert!(o.status.success(), "fgf {args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    }

    /// Clones the remote as `who` and sets it up.
    fn join(&self, who: &str) {
        self.git_ok(self.root(), &["clone", "remote.git", who]);
        let out = self.fgf_ok(who, &["state", "git-setup"]);
        let line = format!(
            "export FGF_STATE={}",
            self.clone_dir(who).join(FILE).display()
        );
        assert!(out.contains(&line), "{out}");
    }

    fn commit(&self, who: &str, message: &str) {
        let dir = self.clone_dir(who);
        self.git_ok(&dir, &["add", "-A"]);
        let o = self.git(&dir, who, &["commit", "-m", message]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }

    fn push(&self, who: &str) {
        self.git_ok(&self.clone_dir(who), &["push", "origin", "HEAD:main"]);
    }

    fn pull(&self, who: &str) -> Output {
        self.git(
            &self.clone_dir(who),
            who,
            &["pull", "--no-edit", "origin", "main"],
        )
    }

    fn file(&self, who: &str) -> String {
        std::fs::read_to_string(self.clone_dir(who).join(FILE)).unwrap()
    }

    fn show(&self, who: &str, id: &str) -> Value {
        serde_json::from_str(&self.fgf_ok(who, &["show", id, "--json"])).unwrap()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn two_clones_merge_check_offs_and_logs_without_conflicts_or_losses() {
    let team = Team::new();
    team.join("a");
    team.commit("a", "set up");
    team.push("a");
    team.join("b");
    let a = |args: &[&str]| team.fgf_ok("a", args);
    let b = |args: &[&str]| team.fgf_ok("b", args);
    a(&["check", "1.1.1"]);
    a(&[
        "log",
        "2.1.1",
        "甲：已起草",
        "--status",
        "in-progress",
        "--by",
        "甲",
    ]);
    a(&["check", "5.1.1", "--note", "甲早"]);
    b(&["check", "3.1.1"]);
    b(&[
        "log",
        "2.1.1",
        "乙：待会签",
        "--status",
        "blocked",
        "--by",
        "乙",
    ]);
    b(&["check", "5.1.1", "--note", "乙晚"]);
    b(&["check", "7.1.1", "--note", "乙早"]);
    a(&["check", "7.1.1", "--note", "甲晚"]);
    team.commit("a", "a's progress");
    team.push("a");
    team.commit("b", "b's progress");
    let o = team.pull("b");
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    team.push("b");
    let o = team.pull("a");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(team.file("a"), team.file("b"), "both clones agree");
    let merged = team.file("b");
    assert!(
        !merged.contains("<<<<<<<") && !merged.contains(">>>>>>>"),
        "{merged}"
    );
    for who in ["a", "b"] {
        for id in ["1.1.1", "3.1.1", "5.1.1", "7.1.1"] {
            assert_eq!(team.show(who, id)["done"], true, "{who} {id}");
        }
        assert_eq!(
            team.show(who, "5.1.1")["note"],
            "乙晚",
            "the later change wins"
        );
        assert_eq!(
            team.show(who, "7.1.1")["note"],
            "甲晚",
            "the later change wins"
        );
        let log = team.show(who, "2.1.1")["log"].clone();
        let by: Vec<&str> = log
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["by"].as_str().unwrap())
            .collect();
        assert_eq!(by, ["乙", "甲"], "both entries, newest first");
    }
    let o = team.fgf("a", &["state", "check"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn a_corrupt_incoming_file_is_a_conflict_and_ours_is_kept() {
    let team = Team::new();
    team.join("a");
    team.fgf_ok("a", &["check", "1.1.1"]);
    team.commit("a", "first");
    team.push("a");
    team.join("b");
    team.fgf_ok("b", &["check", "3.1.1"]);
    team.commit("b", "b's");
    std::fs::write(team.clone_dir("a").join(FILE), "{\"version\": 1, oops").unwrap();
    team.commit("a", "broken");
    team.push("a");
    let ours = team.file("b");
    let o = team.pull("b");
    assert!(!o.status.success(), "a conflict: {}", text(&o.stdout));
    assert!(text(&o.stdout).contains("CONFLICT"), "{}", text(&o.stdout));
    assert_eq!(team.file("b"), ours, "our file is kept as it was");
    let unmerged = team.git_ok(
        &team.clone_dir("b"),
        &["diff", "--name-only", "--diff-filter=U"],
    );
    assert_eq!(unmerged.trim(), FILE);
    let theirs = team.git_ok(&team.clone_dir("b"), &["show", &format!(":3:{FILE}")]);
    assert!(theirs.contains("oops"), "their side is kept too: {theirs}");
}

#[test]
fn the_merge_driver_is_silent_on_success_and_fails_on_an_unreadable_file() {
    let team = Team::new();
    let dir = team.root();
    let doc = |marks: &str| {
        format!(
            "{{\"version\": 1, \"document\": \"yufubanfa-2019-103\", \"milestones\": {{{marks}}}}}"
        )
    };
    let (base, ours, theirs) = (dir.join("o"), dir.join("a"), dir.join("b"));
    std::fs::write(&base, "").unwrap();
    std::fs::write(
        &ours,
        doc(r#""1.1.1": {"done": true, "at": "2020-01-01T00:00:00Z"}"#),
    )
    .unwrap();
    std::fs::write(&theirs, doc(r#""1.1.1": {"done": false, "at": "2020-01-02T00:00:00Z"}, "2.1.1": {"done": true, "at": "2020-01-01T00:00:00Z"}"#)).unwrap();
    let run = |t: &Path| {
        team.sandbox
            .command()
            .args(["state", "merge-driver"])
            .args([&base, &ours, t])
            .output()
            .unwrap()
    };
    let o = run(&theirs);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    let merged: Value = serde_json::from_str(&std::fs::read_to_string(&ours).unwrap()).unwrap();
    assert_eq!(
        merged["milestones"]["1.1.1"]["done"], false,
        "the later change"
    );
    assert_eq!(merged["milestones"]["2.1.1"]["done"], true);
    let before = std::fs::read_to_string(&ours).unwrap();
    std::fs::write(&theirs, "not json").unwrap();
    let o = run(&theirs);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("第 1 行"), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(&ours).unwrap(),
        before,
        "nothing written"
    );
}

#[test]
fn git_setup_is_idempotent_and_refuses_a_directory_outside_git() {
    let team = Team::new();
    team.join("a");
    team.fgf_ok("a", &["state", "git-setup"]);
    let dir = team.clone_dir("a");
    let attrs = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert_eq!(attrs, format!("/{FILE} merge=fgf\n"));
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert_eq!(ignore.lines().count(), 2, "{ignore}");
    let driver = team.git_ok(&dir, &["config", "merge.fgf.driver"]);
    assert!(
        driver.trim().ends_with("state merge-driver %O %A %B"),
        "{driver}"
    );
    let o = team.fgf("a", &["state", "git-setup", team.root().to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("git"), "{}", text(&o.stderr));
}
