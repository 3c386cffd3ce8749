//! Every `--json` output's shape, one snapshot each (issue 10 §5): the structs that make them are
//! typed (src/cli/shapes/), and a change to a field shows here. The runs are sealed and fixed:
//! the embedded 103号, a state file written by the test, `--as-of`, times and paths redacted.

use serde_json::Value;

use crate::support::state_env::StateEnv;

const AS_OF: &str = "2020-06-30";

/// A state file with fixed times: a check-off with a note, an uncheck, a log entry.
const STATE: &str = r#"{
  "version": 1,
  "document": "yufubanfa-2019-103",
  "milestones": {
    "1.1.1": {"done": true, "at": "2020-01-05T08:00:00Z", "note": "已印发"},
    "2.1.1": {"done": false, "at": "2020-02-01T08:00:00Z"},
    "9.2.1": {"done": true, "at": "2020-03-01T08:00:00Z"}
  },
  "log": {
    "1.2": [{"at": "2020-04-01T08:00:00Z", "by": "张三", "status": "blocked", "text": "等待上级文件"}]
  }
}"#;

fn env() -> StateEnv {
    let env = StateEnv::new();
    std::fs::write(env.state(), STATE).unwrap();
    env
}

/// Times a run makes (`at` of a new check-off) and the sandbox's paths, replaced by placeholders.
fn redact(v: &mut Value, sandbox: &str) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                match x {
                    // The state file's fixed times are from 2020; any other is the run's own.
                    Value::String(s) if k == "at" && !s.starts_with("2020-") => *s = "[now]".into(),
                    _ => redact(x, sandbox),
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(|x| redact(x, sandbox)),
        Value::String(s) if s.contains(sandbox) => *s = s.replace(sandbox, "[sandbox]"),
        _ => {}
    }
}

fn shape(env: &StateEnv, args: &[&str]) -> String {
    let mut full = vec!["--as-of", AS_OF];
    full.extend_from_slice(args);
    let mut v = env.json(&full);
    redact(&mut v, env.sandbox.path().to_str().unwrap());
    serde_json::to_string_pretty(&v).unwrap()
}

macro_rules! snap {
    ($name:ident, $args:expr) => {
        #[test]
        fn $name() {
            let env = env();
            insta::assert_snapshot!(shape(&env, &$args));
        }
    };
}

snap!(who, ["who", "发改委", "--limit", "3", "--json"]);
snap!(search, ["search", "营商", "--limit", "3", "--json"]);
snap!(show_task, ["show", "1", "--json"]);
snap!(show_measure, ["show", "1.2", "--json"]);
snap!(show_milestone, ["show", "1.1.1", "--json"]);
snap!(unit_one, ["unit", "市发展改革委", "--json"]);
snap!(unit_all, ["unit", "--json"]);
snap!(docs, ["docs", "--json"]);
snap!(progress, ["progress", "--json"]);
snap!(deadlines, ["deadlines", "--json"]);
snap!(check, ["check", "3.1.1", "--note", "已完成", "--json"]);
snap!(uncheck, ["uncheck", "1.1.1", "--json"]);
snap!(verify_list, ["verify", "--list", "--json"]);
snap!(
    verify_record,
    [
        "verify",
        "1.1",
        "--lead",
        "市发展改革委",
        "--source",
        "原件第3页",
        "--by",
        "李四",
        "--json"
    ]
);
snap!(state_export, ["state", "export"]);

/// `fgf list --json` is large: its head and one task stand for it.
#[test]
fn list() {
    let env = env();
    let v = env.json(&["--as-of", AS_OF, "list", "--json"]);
    let head = serde_json::json!({
        "keys": v.as_object().unwrap().keys().collect::<Vec<_>>(),
        "document": v["document"],
        "first_task": v["sections"][0]["tasks"][0],
        "units": v["units"].as_array().unwrap().len(),
    });
    insta::assert_snapshot!(serde_json::to_string_pretty(&head).unwrap());
}

/// A generated notice of `measures` measures (id `gen-SEED`) added to the sandbox's workspace.
fn add_generated(sb: &crate::support::sealed::Sandbox, measures: &str, seed: &str) {
    let id = format!("gen-{seed}");
    let o = sb.run(&[
        "doc",
        "generate",
        "--measures",
        measures,
        "--seed",
        seed,
        "--id",
        &id,
    ]);
    assert!(o.status.success());
    let path = sb.path().join(format!("{id}.json"));
    std::fs::write(&path, &o.stdout).unwrap();
    let o = sb.run(&["add", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The answers across a workspace of two notices: each hit names its notice.
#[test]
fn across_the_workspace() {
    let env = env();
    let sb = &env.sandbox;
    add_generated(sb, "6", "3");
    let mut out = String::new();
    for args in [
        &["who", "发改委", "--limit", "4", "--json"][..],
        &["search", "营商", "--limit", "4", "--json"],
        &["unit", "市发展改革委", "--json"],
        &["progress", "--json"],
        &["deadlines", "--json"],
        &["docs", "--json"],
    ] {
        let mut full = vec!["--as-of", AS_OF];
        full.extend_from_slice(args);
        let o = sb.run(&full);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
        redact(&mut v, sb.path().to_str().unwrap());
        let text = serde_json::to_string_pretty(&v).unwrap();
        // Long lists cut to their first lines: the shape is what is checked.
        let cut: Vec<&str> = text.lines().take(60).collect();
        out += &format!("$ fgf {}\n{}\n\n", args.join(" "), cut.join("\n"));
    }
    insta::assert_snapshot!(out);
}

snap!(
    export_unit_progress,
    [
        "export",
        "--format",
        "json",
        "--unit",
        "市发展改革委",
        "--progress"
    ]
);

/// `fgf export --format json` across a workspace of two notices (a format-2 generated one).
#[test]
fn export_across_the_workspace() {
    let env = env();
    let sb = &env.sandbox;
    add_generated(sb, "4", "5");
    let o = sb.run(&["--as-of", AS_OF, "export", "--format", "json", "--progress"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
    redact(&mut v, sb.path().to_str().unwrap());
    // The generated notice whole, the 103号's first two rows.
    let docs = v["documents"].as_array_mut().unwrap();
    for d in docs.iter_mut() {
        d["measures"].as_array_mut().unwrap().truncate(2);
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap());
}
