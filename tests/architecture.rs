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
