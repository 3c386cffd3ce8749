//! Crash safety and concurrency of the state file, with real processes.
//!
//! The test binary re-runs itself as the child (`child_process` below, which does nothing unless
//! `FGF_TEST_ROLE` is set): a writer that saves in a loop until it is killed, or a toggler that flips its
//! own milestones and saves after each flip.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;
use std::{env, fs, thread};

use fgf::domain::progress::{Mark, Progress, State, milestone_ids};
use fgf::domain::{Store, seeds};
use jiff::Timestamp;

const DOC: &str = "yufubanfa-2019-103";
const ROLE: &str = "FGF_TEST_ROLE";
const PATH: &str = "FGF_TEST_STATE";
const IDS: &str = "FGF_TEST_IDS";
const ROUNDS: &str = "FGF_TEST_ROUNDS";

/// Runs as a child only; in a normal test run it returns at once.
#[test]
fn child_process() {
    let Ok(role) = env::var(ROLE) else { return };
    let store = Store::new(env::var(PATH).unwrap(), DOC);
    match role.as_str() {
        "writer" => writer(&store),
        "toggler" => toggler(&store),
        other => panic!("unknown role {other}"),
    }
}

/// What the writer prints once it is about to save in a loop.
const READY: &str = "writer ready";

fn spawn(role: &str, path: &Path, extra: &[(&str, String)]) -> Child {
    let mut cmd = Command::new(env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "store_processes::child_process",
        "--test-threads=1",
        "--nocapture",
    ])
    .env(ROLE, role)
    .env(PATH, path)
    .stdout(Stdio::piped());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.spawn().expect("spawn the child")
}

// ---- crash safety ----------------------------------------------------------------------------------

/// The milestones the writer rewrites at every step.
fn writer_ids() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let cat = seeds::embedded();
        milestone_ids(&cat, "19")
            .unwrap()
            .into_iter()
            .chain(milestone_ids(&cat, "9").unwrap())
            .map(String::from)
            .collect()
    })
}

/// The state after the writer's step `k`: every id has a mark stamped `k`, the first `k % n` done, notes
/// of varying length (so file sizes differ and a torn file could not pass for a whole one), the step in
/// the first id's note.
fn written(k: u64) -> State {
    let ids = writer_ids();
    let n = ids.len() as u64;
    let at = Timestamp::from_second(1_700_000_000 + k as i64).unwrap();
    let marks = ids
        .iter()
        .enumerate()
        .map(|(j, id)| {
            let note = if j == 0 {
                Some(format!("step {k}"))
            } else {
                Some("进度".repeat(((k + j as u64) % 5) as usize)).filter(|s| !s.is_empty())
            };
            let done = (j as u64) < k % n;
            (id.clone(), Mark { done, at, note })
        })
        .collect::<BTreeMap<_, _>>();
    State {
        document: DOC.to_string(),
        marks,
        log: Default::default(),
        verified: Default::default(),
    }
}

fn step_of(state: &State) -> u64 {
    let note = state.note(&writer_ids()[0]).expect("the step note");
    note.strip_prefix("step ").unwrap().parse().unwrap()
}

/// Saves step after step until killed.
fn writer(store: &Store) {
    let mut k = step_of(&store.load().unwrap());
    println!("{READY}");
    std::io::stdout().flush().unwrap();
    // Killed long before this; the bound only keeps a stray writer from running forever.
    for _ in 0..20_000 {
        k += 1;
        let saved = store.save(&written(k)).unwrap();
        assert_eq!(saved.state, written(k));
    }
}

/// Kills the child if the test fails before it does (a writer would otherwise run on).
struct KillOnDrop(Child);
impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A small xorshift, so the test needs no random crate.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_writer_killed_at_any_instant_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let store = Store::new(&path, DOC);
    store.save(&written(0)).unwrap();
    let seed = Timestamp::now().as_nanosecond() as u64 | 1;
    let mut rng = Rng(seed);
    let mut last = 0;
    let mut advanced = 0;
    const KILLS: usize = 300;
    for round in 0..KILLS {
        let mut child = KillOnDrop(spawn("writer", &path, &[]));
        // Wait until it saves in a loop, then kill it at a random instant of that loop.
        let out = BufReader::new(child.0.stdout.take().unwrap());
        let ready = out.lines().map_while(Result::ok).any(|l| l.contains(READY));
        assert!(ready, "round {round}: the writer never got ready");
        thread::sleep(Duration::from_micros(rng.below(4_000)));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        let state = store
            .load()
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): torn file: {e}"));
        let k = step_of(&state);
        assert_eq!(state, written(k), "round {round}: a whole step's state");
        assert!(
            k >= last,
            "round {round}: went back from step {last} to {k}"
        );
        advanced += usize::from(k > last);
        last = k;
    }
    eprintln!("{KILLS} kills: the file moved on in {advanced} rounds, to step {last}");
    assert!(
        advanced > 0,
        "no writer ever finished a save in {KILLS} rounds: the test tested nothing"
    );
    // Temp files of killed writers are swept by the next save.
    store.save(&written(last)).unwrap();
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp.")),
        "left over: {names:?}"
    );
}

// ---- concurrency -----------------------------------------------------------------------------------

/// Toggles its own milestones round-robin, saving (and absorbing what the other did) after each toggle.
fn toggler(store: &Store) {
    let cat = seeds::embedded();
    let ids: Vec<String> = env::var(IDS)
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    let rounds: usize = env::var(ROUNDS).unwrap().parse().unwrap();
    let mut p = Progress::new(store.load().unwrap());
    for i in 0..rounds {
        let id = &ids[i % ids.len()];
        let want = !p.is_done(id);
        p.toggle(&cat, id, Timestamp::now()).unwrap();
        let saved = store.save(p.state()).unwrap();
        assert_eq!(saved.state.is_done(id), want, "own change {i} on {id} kept");
        p.absorb(saved.state);
    }
}

fn section_ids(key: &str) -> Vec<String> {
    let cat = seeds::embedded();
    cat.tasks()
        .filter(|(s, _)| s.key == key)
        .flat_map(|(_, t)| milestone_ids(&cat, &t.id).unwrap())
        .take(20)
        .map(String::from)
        .collect()
}

#[test]
fn two_processes_toggling_different_milestones_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("state.json");
    const ROUNDS_EACH: usize = 300;
    let sets = [section_ids("放"), section_ids("服")];
    let children: Vec<Child> = sets
        .iter()
        .map(|ids| {
            spawn(
                "toggler",
                &path,
                &[(IDS, ids.join(",")), (ROUNDS, ROUNDS_EACH.to_string())],
            )
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a toggler failed");
    }
    let state = Store::new(&path, DOC).load().unwrap();
    for ids in &sets {
        for (j, id) in ids.iter().enumerate() {
            let flips = (0..ROUNDS_EACH).filter(|i| i % ids.len() == j).count();
            assert_eq!(
                state.is_done(id),
                flips % 2 == 1,
                "{id} after {flips} toggles"
            );
            assert!(state.mark(id).is_some(), "{id} recorded");
        }
    }
    assert_eq!(state.marks.len(), 40);
}
