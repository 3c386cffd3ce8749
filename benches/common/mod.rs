//! What the benches share: timing a closure and printing a sample's spread.
#![allow(dead_code)]

use std::time::Instant;

/// Prints min, median, p90 and max of `v`.
pub fn stats(name: &str, unit: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    let pick = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<52} n={:<4} min {:>9.3} median {:>9.3} p90 {:>9.3} max {:>9.3} {unit}",
        v.len(),
        pick(0.0),
        pick(0.5),
        pick(0.9),
        pick(1.0),
    );
}

/// The time `f` takes, in milliseconds.
pub fn time_ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

/// Whether the command line asks for `part` (`cargo bench --bench NAME -- PART…`; none: every
/// part).
pub fn wanted() -> impl Fn(&str) -> bool {
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    move |part: &str| only.is_empty() || only.iter().any(|o| o == part)
}
