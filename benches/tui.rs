//! TUI benchmark on a real pseudo-terminal (run: `cargo bench --bench tui`).
//!
//! 1. Time from process start to the first frame (the screen shows the first task).
//! 2. Bytes written to the terminal per j/k keystroke at 120x40 (one frame each, counted from
//!    the key to the end of the frame's synchronized-output block).

#[path = "../tests/it/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::pty::Pty;

const FIRST_TASK: &str = "（一）进一步放宽市场准入";

fn frames(raw: &[u8]) -> usize {
    raw.windows(8).filter(|w| *w == b"\x1b[?2026l").count()
}

fn wait(p: &Pty, pred: impl Fn(&Pty) -> bool) {
    let start = Instant::now();
    while !pred(p) {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::hint::spin_loop();
    }
}

fn stats(name: &str, unit: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    let pick = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    println!(
        "{name:<44} n={:<3} min {:>8.1} median {:>8.1} p90 {:>8.1} max {:>8.1} mean {:>8.1} {unit}",
        v.len(),
        pick(0.0),
        pick(0.5),
        pick(0.9),
        pick(1.0),
        mean
    );
}

fn first_frame(cols: u16, rows: u16) {
    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let mut p = Pty::spawn(cols, rows, &[], &[]);
        wait(&p, |p| p.screen().contains(FIRST_TASK));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        p.send("q");
        p.wait_exit();
    }
    stats(
        &format!("first frame {cols}x{rows} (spawn -> visible)"),
        "ms",
        times,
    );
}

fn bytes_per_key(cols: u16, rows: u16, setup: &str, keys: &str, label: &str) {
    let mut p = Pty::spawn(cols, rows, &[], &[]);
    wait(&p, |p| p.screen().contains(FIRST_TASK));
    // One key at a time, each after the previous frame: an Esc followed at once by a letter
    // would read as Alt-letter.
    for k in setup.chars() {
        let before = frames(&p.raw.lock().unwrap());
        p.send(&k.to_string());
        wait(&p, |p| frames(&p.raw.lock().unwrap()) > before);
    }
    let mut sizes = Vec::new();
    for k in keys.chars() {
        let (len, f) = {
            let raw = p.raw.lock().unwrap();
            (raw.len(), frames(&raw))
        };
        p.send(&k.to_string());
        wait(&p, |p| frames(&p.raw.lock().unwrap()) > f);
        let raw = p.raw.lock().unwrap();
        sizes.push((raw.len() - len) as f64);
        if let Ok(path) = std::env::var("FGF_BENCH_DUMP") {
            std::fs::write(format!("{path}-{cols}x{rows}-{}", sizes.len()), &raw[len..]).unwrap();
        }
    }
    stats(&format!("bytes per key {cols}x{rows} {label}"), "B", sizes);
    p.send("q");
    p.wait_exit();
}

fn main() {
    // `cargo bench` passes --bench; any other argument is a filter we do not need.
    println!("fgf TUI on a pty ({})", env!("CARGO_BIN_EXE_fgf"));
    first_frame(120, 40);
    first_frame(200, 50);
    let down_up = "jjjjjjjjjkkkkkkkkk";
    bytes_per_key(120, 40, "", down_up, "j/k over tasks");
    bytes_per_key(120, 40, "\rjj\r\x1b", down_up, "j/k over measures (9 rows)");
    bytes_per_key(200, 50, "", down_up, "j/k over tasks (wide)");
    bytes_per_key(80, 24, "", down_up, "j/k over tasks");
}
