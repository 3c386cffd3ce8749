//! `--doc` / `FGF_DOC`, `fgf doc check|schema|generate`, and a document full of escape sequences.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::sealed::{self, Sandbox};

use crate::support::pty::Pty;
use serde_json::{Value, json};

fn example_text() -> String {
    let md = include_str!("../../docs/document-format.md");
    let start = md.find("```json\n").expect("an example") + 8;
    let end = start + md[start..].find("```").unwrap();
    md[start..end].to_string()
}

fn fgf(args: &[&str], env: &[(&str, &str)]) -> Output {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.command();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    sealed::output(&mut cmd)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn doc_check_accepts_the_format_docs_example_and_the_embedded_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "example.json", &example_text());
    let o = fgf(
        &["doc", "check", p.to_str().unwrap()],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains(
            "a valid fgf document: 2 sections, 2 tasks, 2 measures, 3 milestones, 4 units"
        ),
        "{}",
        out(&o)
    );
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yufubanfa-2019-103.json");
    assert_eq!(fgf(&["doc", "check", seed], &[]).status.code(), Some(0));
}

#[test]
fn doc_check_lists_every_problem_with_file_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = example_text()
        .replace("\"lead\": [\"区市场监管局\"]", "\"lead\": []")
        .replace("\"2020-12-31\"", "\"2020-12-32\"");
    let p = write(dir.path(), "bad.json", &text);
    let o = fgf(
        &["doc", "check", p.to_str().unwrap()],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(1));
    let file = p.display().to_string();
    assert_eq!(
        out(&o),
        format!(
            "{file}:35:15: sections[0].tasks[0].measures[0].lead: a measure needs at least one lead unit\n\
             {file}:71:34: sections[1].tasks[0].measures[0].milestones[0].deadline: \"2020-12-32\" is not a valid date (YYYY-MM-DD, a day that exists)\n"
        )
    );
    assert!(err(&o).contains("bad.json is not a valid fgf document: 2 problem(s)"));
    // A file that is not there, or not a document at all.
    let o = fgf(
        &["doc", "check", "/nonexistent/doc.json"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot read the document /nonexistent/doc.json"));
}

#[test]
fn an_invalid_document_fails_every_command_before_anything_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "bad.json",
        &example_text().replace("\"区政务服务办\" }", "\"\" }"),
    );
    for args in [
        // A note is untrusted too (it may come from a merged state file); check prints it.
        vec!["check", "1.1.1", "--note", "备注\u{1b}]0;x\u{7}\u{9b}2J"],
        vec!["list"],
        vec!["who", "一网通办"],
        vec!["export", "--format", "csv"],
        vec![],
    ] {
        let mut all = vec!["--doc", p.to_str().unwrap()];
        all.extend(args.iter());
        let o = fgf(&all, &[("LANG", "en_US.UTF-8")]);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: nothing shown");
        let e = err(&o);
        assert!(
            e.contains("bad.json is not a valid fgf document (4 problem(s)):"),
            "{e}"
        );
        assert!(
            e.contains("bad.json:17:7: units[2].name: must not be empty"),
            "{e}"
        );
        assert!(e.contains("bad.json:36:27: sections[0].tasks[0].measures[0].support[0]: unit \"区政务服务办\" is not in the unit list"), "{e}");
    }
}

#[test]
fn doc_and_fgf_doc_pick_the_document_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "example.json", &example_text());
    let path = p.to_str().unwrap();
    let id = |o: Output| -> Value {
        serde_json::from_slice::<Value>(&o.stdout).unwrap()["document"]["id"].clone()
    };
    assert_eq!(
        id(fgf(&["--doc", path, "list", "--json"], &[])),
        "example-2020-1"
    );
    assert_eq!(
        id(fgf(&["list", "--json", "--doc", path], &[])),
        "example-2020-1"
    );
    assert_eq!(
        id(fgf(&["list", "--json"], &[("FGF_DOC", path)])),
        "example-2020-1"
    );
    assert_eq!(
        id(fgf(&["list", "--json"], &[("FGF_DOC", "")])),
        "yufubanfa-2019-103"
    );
    // --doc wins over FGF_DOC.
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yufubanfa-2019-103.json");
    assert_eq!(
        id(fgf(
            &["--doc", seed, "list", "--json"],
            &[("FGF_DOC", path)]
        )),
        "yufubanfa-2019-103"
    );
    let o = fgf(&["who", "一网通办"], &[("FGF_DOC", path)]);
    assert!(out(&o).contains("区政务服务办"), "{}", out(&o));
    let o = fgf(&["search", "--doc", path, "qsjgj"], &[]);
    assert!(out(&o).contains("区市场监管局"), "{}", out(&o));
    // The state file is kept per document id.
    let data = dir.path().join("data");
    let o = fgf(
        &["--doc", path, "state", "path"],
        &[("XDG_DATA_HOME", data.to_str().unwrap())],
    );
    assert!(
        out(&o).trim_end().ends_with("fgf/example-2020-1.json"),
        "{}",
        out(&o)
    );
    let o = fgf(
        &["--doc", path, "check", "2.1.1"],
        &[("XDG_DATA_HOME", data.to_str().unwrap())],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(data.join("fgf/example-2020-1.json").exists());
}

#[test]
fn doc_schema_prints_the_committed_schema() {
    let o = fgf(&["doc", "schema"], &[]);
    assert_eq!(o.status.code(), Some(0));
    let committed = include_str!("../../docs/document.schema.json");
    assert_eq!(
        out(&o),
        committed,
        "run `fgf doc schema > docs/document.schema.json`"
    );
    let v: Value = serde_json::from_str(committed).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["title"], "Document");
}

#[test]
fn doc_generate_prints_a_valid_document_of_that_size() {
    let dir = tempfile::tempdir().unwrap();
    let o = fgf(&["doc", "generate", "--measures", "25", "--seed", "3"], &[]);
    assert_eq!(o.status.code(), Some(0));
    let p = write(dir.path(), "gen.json", &out(&o));
    let o2 = fgf(
        &["doc", "check", p.to_str().unwrap()],
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(out(&o2).contains("3 tasks, 25 measures"), "{}", out(&o2));
    let again = fgf(&["doc", "generate", "--measures", "25", "--seed", "3"], &[]);
    assert_eq!(o.stdout, again.stdout, "the same seed, the same document");
}

/// The example with escape sequences in every kind of text: titles, measure texts, unit names.
fn evil_document() -> String {
    let evil = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{85}\u{202e}\u{7f}";
    let mut v: Value = serde_json::from_str(&example_text()).unwrap();
    v["title"] = json!(format!("标题{evil}"));
    v["units"][2]["name"] = json!(format!("区政务服务办{evil}"));
    for pointer in [
        "/sections/0/tasks/0/measures/0/support/0",
        "/sections/1/tasks/0/measures/0/lead/0",
        "/sections/1/tasks/0/measures/0/alternative/support/0",
    ] {
        *v.pointer_mut(pointer).unwrap() = v["units"][2]["name"].clone();
    }
    let t = &mut v["sections"][0]["tasks"][0];
    t["title"] = json!(format!("压减{evil}时间"));
    t["measures"][0]["text"] = json!(format!("举措{evil}正文"));
    t["measures"][0]["milestones"][0]["text"] = json!(format!("节点{evil}"));
    v["sections"][1]["title"] = json!(format!("服务{evil}"));
    serde_json::to_string_pretty(&v).unwrap()
}

fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

#[test]
fn no_raw_escape_from_a_document_reaches_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "evil.json", &evil_document());
    let path = p.to_str().unwrap();
    assert_eq!(fgf(&["doc", "check", path], &[]).status.code(), Some(0));
    let state = dir.path().join("state.json");
    for args in [
        // A note is untrusted too (it may come from a merged state file); check prints it.
        vec!["check", "1.1.1", "--note", "备注\u{1b}]0;x\u{7}\u{9b}2J"],
        vec!["list"],
        vec!["show", "1"],
        vec!["show", "2.1"],
        vec!["who", "压减"],
        vec!["search", "举措"],
        // Search neutralises what it prints rather than the whole document: a unit's name, the
        // units of a hit, a task's title.
        vec!["search", "区政务服务办"],
        vec!["search", "压减"],
        vec!["unit"],
        vec![
            "unit",
            "区政务服务办\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{85}\u{202e}\u{7f}",
        ],
        vec!["deadlines"],
        vec!["progress"],
        vec!["export", "--format", "md"],
        vec!["export", "--format", "csv"],
    ] {
        let mut all = vec!["--doc", path, "--state", state.to_str().unwrap()];
        all.extend(args.iter());
        // NO_COLOR: fgf's own styling sends no escape either, so any ESC would be the document's.
        let mut t = Pty::spawn(200, 60, &all, &[("NO_COLOR", "1")]);
        let code = t.wait_exit();
        let raw = t.raw.lock().unwrap().clone();
        let text = String::from_utf8_lossy(&raw);
        assert_eq!(code, 0, "{args:?}: {text}");
        assert_eq!(raw_controls(&raw), Vec::<String>::new(), "{args:?}: {text}");
        assert!(
            text.contains('␛'),
            "{args:?}: the escapes are shown, visibly: {text}"
        );
    }
}

#[test]
fn json_output_escapes_controls_c1_and_bidi_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "evil.json", &evil_document());
    let path = p.to_str().unwrap();
    for args in [
        vec!["list", "--json"],
        vec!["show", "1.1", "--json"],
        vec!["export", "--format", "json"],
        vec!["search", "举措", "--json"],
    ] {
        let mut all = vec!["--doc", path];
        all.extend(args.iter());
        let o = fgf(&all, &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(raw_controls(&o.stdout), Vec::<String>::new(), "{args:?}");
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            v.to_string().contains("\\u001b[2J"),
            "{args:?}: the data is kept"
        );
    }
    let v: Value =
        serde_json::from_slice(&fgf(&["--doc", path, "show", "1", "--json"], &[]).stdout).unwrap();
    assert_eq!(
        v["title"],
        "压减\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{85}\u{202e}\u{7f}时间"
    );
}

#[test]
fn text_output_is_neutralised_in_a_pipe_too_but_an_export_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "evil.json", &evil_document());
    let path = p.to_str().unwrap();
    // Text for people, into a pipe or with colour forced for a terminal (`| less -R`): neutralised,
    // visibly, the same as on a terminal.
    for env in [vec![], vec![("CLICOLOR_FORCE", "1")]] {
        let o = fgf(&["--doc", path, "show", "1"], &env);
        let text = out(&o);
        assert!(
            text.contains("压减␛[2J␛]0;pwned␇?31m???时间"),
            "{env:?}: {text}"
        );
        assert!(
            !text.contains("\u{1b}[2J") && !text.contains("\u{1b}]"),
            "{env:?}"
        );
        assert!(!text.contains('\u{7}') && !text.contains('\u{9b}') && !text.contains('\u{202e}'));
    }
    // An export into a file is the document's data, as is.
    let o = fgf(&["--doc", path, "export", "--format", "csv"], &[]);
    assert!(
        out(&o).contains("压减\u{1b}[2J\u{1b}]0;pwned\u{7}"),
        "{}",
        out(&o)
    );
}

#[test]
fn the_interactive_view_opens_the_document_from_doc() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "example.json", &example_text());
    let state = dir.path().join("state.json");
    let args = [
        "--doc",
        p.to_str().unwrap(),
        "--state",
        state.to_str().unwrap(),
    ];
    let mut t = Pty::spawn(120, 40, &args, &[]);
    t.wait_text("压减企业开办时间");
    assert!(
        !t.screen().contains("进一步放宽市场准入"),
        "not the embedded document"
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// A milestone that is the whole measure may leave out its text (here a dated one): people and
/// JSON readers see the measure's text; the document keeps it out. An undated milestone beside
/// dated ones (the example's 2.1.2) tracks the rest of the measure, with its own text.
#[test]
fn a_milestone_without_text_reads_as_its_measure() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: Value = serde_json::from_str(&example_text()).unwrap();
    let k = &mut v["sections"][0]["tasks"][0]["measures"][0]["milestones"][0];
    k.as_object_mut().unwrap().remove("text");
    let p = write(dir.path(), "whole.json", &v.to_string());
    let path = p.to_str().unwrap();
    let state = dir.path().join("state.json");
    let run = |args: &[&str]| {
        let mut all = vec!["--doc", path, "--state", state.to_str().unwrap()];
        all.extend(args);
        let o = fgf(&all, &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
        out(&o)
    };
    let measure_1 = "2020年6月底前将企业开办时间压减至3个工作日以内。";
    let rest_2 = "推动政务服务事项全程网上办理";
    // Text for people: the dated one says it is the whole measure.
    let shown = run(&["show", "1.1", "--as-of", "2020-01-01"]);
    assert!(
        shown.contains("1.1.1  2020-06-30  [ ] 未完成  （整项举措）"),
        "{shown}"
    );
    // JSON for programs: the text resolved.
    let one: Value = serde_json::from_str(&run(&["show", "1.1.1", "--json"])).unwrap();
    assert_eq!(one["text"], measure_1);
    let two: Value = serde_json::from_str(&run(&["show", "2.1.2", "--json"])).unwrap();
    assert_eq!(two["text"], rest_2);
    let shown = run(&["show", "2.1"]);
    assert!(
        shown.contains(&format!("2.1.2  无明确时限  [ ] 未完成  {rest_2}")),
        "{shown}"
    );
    let due: Value = serde_json::from_str(&run(&["deadlines", "--json"])).unwrap();
    let texts: Vec<&str> = due["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["milestones"].as_array().unwrap())
        .filter(|k| k["id"] == "1.1.1")
        .map(|k| k["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, [measure_1], "{due}");
    let rows: Value = serde_json::from_str(&run(&["export", "--format", "json"])).unwrap();
    assert!(
        rows.to_string()
            .contains(&format!("\"text\":\"{measure_1}\"")),
        "{rows}"
    );
    let listed = run(&["deadlines"]);
    assert!(
        listed.contains("1.1.1   逾期    区市场监管局            2020年6月底前将企业开办"),
        "{listed}"
    );
    // The document as fgf writes it leaves the text out, as the file did.
    let doc: Value = serde_json::from_str(&run(&["list", "--json"])).unwrap();
    let kept = &doc["sections"][0]["tasks"][0]["measures"][0]["milestones"][0];
    assert_eq!(kept["id"], "1.1.1");
    assert!(kept.get("text").is_none(), "{kept}");
    assert_eq!(
        doc["sections"][1]["tasks"][0]["measures"][0]["milestones"][0]["text"],
        "2020年底前实现“一网通办”"
    );
}
