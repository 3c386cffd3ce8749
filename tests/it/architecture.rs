//! The dependency rule: the core knows nothing of terminals or printing.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn domain_does_not_touch_the_terminal() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(files.len() >= 5, "found the domain sources");
    for f in files {
        let src = fs::read_to_string(&f).unwrap();
        for banned in [
            "ratatui",
            "crossterm",
            "println!",
            "eprintln!",
            "anstream",
            "crate::cli",
            "crate::tui",
        ] {
            assert!(!src.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

/// Every test that runs the binary goes through the sealed harness (tests/it/support/sealed.rs):
/// no other file names the binary or builds a command of its own.
#[test]
fn tests_run_fgf_only_through_the_sealed_harness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() >= 10, "found the test sources");
    let sealed = ["sealed.rs", "pty.rs"];
    for f in files {
        if sealed.iter().any(|s| f.ends_with(format!("support/{s}"))) {
            continue;
        }
        let src = fs::read_to_string(&f).unwrap();
        for banned in [
            concat!("CARGO_BIN_", "EXE_fgf"),
            concat!("CommandBuilder", "::new"),
            concat!("set_", "var("),
            concat!("remove_", "var("),
        ] {
            assert!(!src.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

/// A sealed run sees none of the caller's variables: its state file is inside its own sandbox,
/// whatever FGF_STATE, HOME or XDG_DATA_HOME the person running the tests has set.
#[test]
fn a_sealed_run_keeps_its_state_inside_its_sandbox() {
    use crate::support::sealed::Sandbox;
    let sandbox = Sandbox::new();
    let o = sandbox.run(&["state", "path"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = String::from_utf8(o.stdout).unwrap();
    let path = Path::new(path.trim());
    assert!(
        path.starts_with(sandbox.path()),
        "{} is outside {}",
        path.display(),
        sandbox.path().display()
    );
}

/// Dead code rustc cannot see (the library's items are `pub` for the tests and the binary): a
/// function of `src/` that nothing names, outside its own definition, in `src/`, `tests/` or
/// `benches/`, fails here with its name. (By name, so a name shared with a used function hides
/// it; what this finds is certainly dead.)
#[test]
fn every_function_of_the_library_is_used_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    let texts: Vec<(std::path::PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    // Every whole-word occurrence of each identifier, counted once over all files.
    let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, t) in &texts {
        for w in t.split(|c: char| !word(c)).filter(|w| !w.is_empty()) {
            *uses.entry(w).or_default() += 1;
        }
    }
    let mut dead = Vec::new();
    for (p, t) in texts
        .iter()
        .filter(|(p, _)| p.starts_with(root.join("src")))
    {
        for line in t.lines() {
            let l = line.trim_start();
            let Some(rest) = ["pub fn ", "pub(crate) fn ", "pub(super) fn "]
                .iter()
                .find_map(|k| l.strip_prefix(k))
            else {
                continue;
            };
            let name: String = rest.chars().take_while(|&c| word(c)).collect();
            // The definition itself is one occurrence.
            if uses.get(name.as_str()).copied().unwrap_or(0) <= 1 {
                dead.push(format!(
                    "{} ({})",
                    name,
                    p.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(dead.is_empty(), "used nowhere: {dead:?}");
}
