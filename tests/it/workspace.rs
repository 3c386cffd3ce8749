//! Issue 13's workspace end to end on the built binary: `fgf add`, `docs`, `rm`, duplicates,
//! invalid files, cross-notice answers naming their notices, `--doc` limiting, the embedded
//! 103号 removed and brought back.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::support::sealed::Sandbox;

const EMBEDDED: &str = "yufubanfa-2019-103";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "fgf failed: {}", stderr(&o));
    o
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// A generated document of `measures` measures (id `generated-N`), written into the sandbox.
fn generated(sb: &Sandbox, measures: usize) -> PathBuf {
    let o = ok(sb.run(&[
        "doc",
        "generate",
        "--measures",
        &measures.to_string(),
        "--seed",
        "7",
    ]));
    let path = sb.path().join(format!("g{measures}.json"));
    std::fs::write(&path, &o.stdout).unwrap();
    path
}

fn ids(sb: &Sandbox) -> Vec<String> {
    let v = json(&ok(sb.run(&["docs", "--json"])));
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The notices a list of hits names.
fn documents(hits: &Value) -> Vec<String> {
    let list = hits.as_array().unwrap().iter();
    list.map(|h| h["document"].as_str().unwrap().to_string())
        .collect()
}

/// A sandbox whose workspace holds the 103号 and the city's notice (fixtures/import/city.txt,
/// imported by `fgf add`).
fn with_city() -> Sandbox {
    let sb = Sandbox::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt");
    ok(sb.run(&["add", arg(&src)]));
    sb
}

#[test]
fn add_lists_and_removes_a_notice() {
    let sb = Sandbox::new();
    assert_eq!(ids(&sb), [EMBEDDED], "the 103号 alone at first");
    let g = generated(&sb, 12);
    let o = ok(sb.run(&["add", arg(&g)]));
    assert!(stdout(&o).contains("已加入"), "{}", stdout(&o));
    assert_eq!(ids(&sb), [EMBEDDED, "generated-12"]);
    let stored = sb.data_dir().join("workspace/notices/generated-12.json");
    assert!(stored.is_file(), "the stored copy");
    // The stored copy is what fgf reads from then on.
    std::fs::remove_file(&g).unwrap();
    let list = json(&ok(sb.run(&["docs", "--json"])));
    let row = &list[1];
    assert_eq!(row["measures"], 12);
    assert!(row["number"].as_str().unwrap().contains("12"));
    assert_eq!(row["done"], 0);
    assert!(row["total"].as_u64().unwrap() >= 12);
    let text = stdout(&ok(sb.run(&["docs"])));
    assert!(
        text.contains("渝府办发〔2019〕103号") && text.contains("generated-12"),
        "{text}"
    );
    let o = ok(sb.run(&["rm", "generated-12"]));
    assert!(stdout(&o).contains("已从工作区移除"), "{}", stdout(&o));
    assert_eq!(ids(&sb), [EMBEDDED]);
    assert!(!stored.exists());
    let o = sb.run(&["rm", "generated-12"]);
    assert_eq!(o.status.code(), Some(2), "an unknown notice");
    assert!(stderr(&o).contains("工作区中没有"), "{}", stderr(&o));
}

#[test]
fn the_same_document_twice_is_a_message_not_a_duplicate() {
    let sb = Sandbox::new();
    let g = generated(&sb, 12);
    ok(sb.run(&["add", arg(&g)]));
    let o = ok(sb.run(&["add", arg(&g)]));
    assert!(stdout(&o).contains("已在工作区中"), "{}", stdout(&o));
    let o = ok(sb.run(&["--lang", "en", "add", arg(&g)]));
    assert!(stdout(&o).contains("not added twice"), "{}", stdout(&o));
    assert_eq!(ids(&sb), [EMBEDDED, "generated-12"]);
    // The embedded one as a file is the same document too.
    let seed = sb.path().join("103.json");
    std::fs::write(&seed, include_str!("../../seeds/yufubanfa-2019-103.json")).unwrap();
    let o = ok(sb.run(&["add", arg(&seed)]));
    assert!(stdout(&o).contains("已在工作区中"), "{}", stdout(&o));
    // Another document under an id already there is refused, naming the way out.
    let text = std::fs::read_to_string(&g)
        .unwrap()
        .replacen("深化", "深入", 1);
    let changed = sb.path().join("changed.json");
    std::fs::write(&changed, text).unwrap();
    let o = sb.run(&["add", arg(&changed)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("fgf rm generated-12"), "{}", stderr(&o));
    assert_eq!(ids(&sb), [EMBEDDED, "generated-12"]);
}

#[test]
fn an_invalid_file_adds_nothing_and_says_where() {
    let sb = Sandbox::new();
    let good = generated(&sb, 12);
    let text = std::fs::read_to_string(generated(&sb, 13)).unwrap();
    // Line 3 of the file: `"id": "generated-13",` -> a number where a string belongs.
    assert!(text.lines().nth(2).unwrap().contains("\"id\""));
    let bad = sb.path().join("bad.json");
    std::fs::write(&bad, text.replacen("\"generated-13\"", "13", 1)).unwrap();
    let o = sb.run(&["add", arg(&good), arg(&bad)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:3:", bad.display())),
        "file and line: {err}"
    );
    assert!(err.contains("id"), "the field: {err}");
    assert_eq!(ids(&sb), [EMBEDDED], "nothing added, not even the good one");
    // A file that is not there.
    let o = sb.run(&["add", "missing.json"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("missing.json"), "{}", stderr(&o));
    assert_eq!(ids(&sb), [EMBEDDED]);
}

#[test]
fn a_notice_s_text_is_imported_first() {
    let sb = Sandbox::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt");
    let o = ok(sb.run(&["add", arg(&src)]));
    assert!(stderr(&o).contains("导入"), "{}", stderr(&o));
    let list = json(&ok(sb.run(&["docs", "--json"])));
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["number"], "示府办发〔2099〕12号");
    assert_eq!(list[1]["issuer"], "示例市人民政府办公室");
    assert_eq!(list[1]["date"], "2099-02-20");
}

#[test]
fn commands_answer_across_notices_and_name_them() {
    let sb = with_city();
    let city = ids(&sb)[1].clone();
    // 市市场监管局 leads in both notices.
    let hits = json(&ok(sb.run(&[
        "who",
        "市场监管局",
        "--json",
        "--limit",
        "0",
    ])));
    let docs = documents(&hits);
    assert!(
        docs.contains(&EMBEDDED.to_string()) && docs.contains(&city),
        "{docs:?}"
    );
    let text = stdout(&ok(sb.run(&["who", "市场监管局", "--limit", "0"])));
    assert!(
        text.contains("〔渝府办发〔2019〕103号〕") && text.contains("〔示府办发〔2099〕12号〕"),
        "{text}"
    );
    let hits = json(&ok(sb.run(&["search", "开办", "--json", "--limit", "0"])));
    let docs = documents(&hits);
    assert!(
        docs.contains(&EMBEDDED.to_string()) && docs.contains(&city),
        "{docs:?}"
    );
    // A search scope: only the city's.
    let hits = json(&ok(sb.run(&[
        "search",
        "开办 in:12号",
        "--json",
        "--limit",
        "0",
    ])));
    assert!(!hits.as_array().unwrap().is_empty());
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["document"] == city.as_str()),
        "{hits}"
    );
    let o = sb.run(&["search", "开办 in:99号"]);
    assert!(
        !o.status.success() && stderr(&o).contains("in:99号"),
        "{}",
        stderr(&o)
    );
    // --doc limits to one, as today: no document named in the output.
    let hits = json(&ok(sb.run(&[
        "--doc",
        "12号",
        "who",
        "市场监管局",
        "--json",
    ])));
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h.get("document").is_none()),
        "{hits}"
    );
    let one = json(&ok(sb.run(&["--doc", EMBEDDED, "progress", "--json"])));
    assert_eq!(one["document"], EMBEDDED);
    // Progress and deadlines span both, each from its own state file.
    ok(sb.run(&["--doc", "103号", "check", "1.1.1"]));
    let p = json(&ok(sb.run(&[
        "progress",
        "--json",
        "--as-of",
        "2019-10-18",
    ])));
    let docs = p["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["document"], EMBEDDED);
    assert_eq!(docs[0]["done"], 1);
    assert_eq!(docs[1]["done"], 0);
    assert_eq!(p["done"], 1);
    let d = json(&ok(sb.run(&[
        "deadlines",
        "--json",
        "--as-of",
        "2019-10-18",
    ])));
    let all: Vec<&Value> = d["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["milestones"].as_array().unwrap())
        .collect();
    assert!(
        all.iter()
            .any(|m| m["document"] == EMBEDDED && m["id"] == "1.1.1" && m["done"] == true)
    );
    assert!(all.iter().any(|m| m["document"] == city.as_str()));
    let text = stdout(&ok(sb.run(&["deadlines", "--as-of", "2019-10-18"])));
    assert!(
        text.contains("2 份通知的时间节点") && text.contains("示府办发〔2099〕12号"),
        "{text}"
    );
    // A command on one notice asks which.
    let o = sb.run(&["list"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--doc"), "{}", stderr(&o));
}

#[test]
fn units_are_gathered_across_notices_with_user_aliases() {
    let sb = with_city();
    let v = json(&ok(sb.run(&["unit", "市市场监管局", "--json"])));
    assert_eq!(v["units"].as_array().unwrap().len(), 2, "{v}");
    let o = sb.run(&["unit", "工商局"]);
    assert_eq!(o.status.code(), Some(2));
    let o = ok(sb.run(&["unit", "alias", "工商局", "市市场监管局"]));
    assert!(stdout(&o).contains("同一单位"), "{}", stdout(&o));
    let v = json(&ok(sb.run(&["unit", "工商局", "--json"])));
    let docs: Vec<&str> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["document"].as_str().unwrap())
        .collect();
    assert_eq!(docs.len(), 2, "{v}");
    assert!(docs.contains(&EMBEDDED));
}

#[test]
fn the_embedded_notice_is_removed_and_brought_back_with_its_check_offs() {
    let sb = Sandbox::new();
    ok(sb.run(&["check", "1.1.1"]));
    let g = generated(&sb, 12);
    ok(sb.run(&["add", arg(&g)]));
    ok(sb.run(&["rm", "103号"]));
    assert_eq!(ids(&sb), ["generated-12"]);
    // The only notice now: commands work on it as on the 103号 before.
    let list = json(&ok(sb.run(&["list", "--json"])));
    assert_eq!(list["document"]["id"], "generated-12");
    ok(sb.run(&["rm", "generated-12"]));
    let o = sb.run(&["list"]);
    assert!(
        !o.status.success() && stderr(&o).contains("fgf add --embedded"),
        "{}",
        stderr(&o)
    );
    let o = ok(sb.run(&["add", "--embedded"]));
    assert!(stdout(&o).contains("已恢复"), "{}", stdout(&o));
    assert_eq!(ids(&sb), [EMBEDDED]);
    let p = json(&ok(sb.run(&["progress", "--json"])));
    assert_eq!(p["done"], 1, "the check-off stayed in its state file");
}

#[test]
fn export_spans_the_notices_and_names_them() {
    let sb = with_city();
    let csv = stdout(&ok(sb.run(&["export", "--format", "csv"])));
    let mut lines = csv.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with("文件,部分,") && head.contains("负责单位"),
        "{head}"
    );
    let width = head.split(',').count();
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().any(|l| l.starts_with("渝府办发〔2019〕103号,")));
    assert!(rows.iter().any(|l| l.starts_with("示府办发〔2099〕12号,")));
    // The 103号 (format 1) rows are padded to the format-2 columns.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(reader.records().all(|r| r.unwrap().len() == width));
    let v = json(&ok(sb.run(&[
        "export",
        "--format",
        "json",
        "--unit",
        "市市场监管局",
    ])));
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2, "{v}");
    assert!(
        docs.iter()
            .all(|d| !d["measures"].as_array().unwrap().is_empty())
    );
    let one = json(&ok(sb.run(&["--doc", "12号", "export", "--format", "json"])));
    assert_eq!(one["number"], "示府办发〔2099〕12号");
}

#[test]
fn a_stored_notice_that_no_longer_reads_is_named_and_can_be_removed() {
    let sb = Sandbox::new();
    let g = generated(&sb, 12);
    ok(sb.run(&["add", arg(&g)]));
    let stored = sb.data_dir().join("workspace/notices/generated-12.json");
    let text = std::fs::read_to_string(&stored).unwrap();
    std::fs::write(&stored, text.replacen("\"generated-12\"", "12", 1)).unwrap();
    let o = sb.run(&["who", "发改委"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!("{}:3:", stored.display())),
        "{}",
        stderr(&o)
    );
    // Never written over by fgf: the edited file is as the person left it.
    assert!(
        std::fs::read_to_string(&stored)
            .unwrap()
            .contains("\"id\": 12")
    );
    ok(sb.run(&["rm", "generated-12"]));
    assert_eq!(ids(&sb), [EMBEDDED]);
}

#[test]
fn add_dash_reads_a_notice_from_standard_input() {
    use std::io::Write;
    let sb = Sandbox::new();
    let add_stdin = |bytes: &[u8]| {
        let mut child = sb
            .command()
            .args(["add", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        child.wait_with_output().unwrap()
    };
    // A JSON document.
    let g = generated(&sb, 12);
    let o = ok(add_stdin(&std::fs::read(&g).unwrap()));
    assert!(stdout(&o).contains("已加入"), "{}", stdout(&o));
    assert_eq!(ids(&sb).len(), 2);
    // A notice's text, imported.
    let city = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/import/city.txt");
    ok(add_stdin(&std::fs::read(city).unwrap()));
    assert_eq!(ids(&sb).len(), 3);
    // Nothing on standard input: refused, nothing added.
    let o = add_stdin(b"");
    assert!(!o.status.success());
    assert_eq!(ids(&sb).len(), 3);
}

#[test]
fn state_without_doc_across_several_notices_is_refused_and_with_doc_applies() {
    let sb = with_city();
    let state = sb.path().join("mine.json");
    let s = arg(&state);
    for args in [
        vec!["--state", s, "progress"],
        vec!["--state", s, "who", "发改委"],
        vec!["--state", s, "docs"],
        vec!["--state", s, "--lang", "en", "deadlines"],
    ] {
        let o = sb.run(&args);
        assert!(!o.status.success(), "{args:?} passed");
        let err = stderr(&o);
        assert!(
            err.contains("--state") && err.contains("--doc"),
            "{args:?}: {err}"
        );
    }
    // With --doc it names that notice's file.
    ok(sb.run(&["--state", s, "--doc", EMBEDDED, "check", "1.1.1"]));
    assert!(state.exists());
    // FGF_STATE, exported for one notice, does not stop a command across the workspace.
    let o = crate::support::sealed::output(
        sb.command()
            .env("FGF_STATE", &state)
            .args(["progress", "--json"]),
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_workspace_file_that_does_not_parse_says_where_once_in_the_runs_language() {
    let sb = Sandbox::new();
    let file = sb.data_dir().join("workspace/workspace.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let bad = "{\"embedded\": true, \"aliases\": [";
    std::fs::write(&file, bad).unwrap();
    let o = sb.run(&["docs"]);
    assert!(!o.status.success());
    let zh = stderr(&o);
    assert!(
        zh.contains("workspace.json:1:31：不是工作区文件：列表（[ ]）未结束"),
        "{zh}"
    );
    assert!(!zh.contains("at line") && !zh.contains("EOF"), "{zh}");
    let en = stderr(&sb.run(&["--lang", "en", "docs"]));
    assert!(
        en.contains("1:31: not a workspace file: EOF while parsing a list (left"),
        "{en}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        bad,
        "left as it is"
    );
}
