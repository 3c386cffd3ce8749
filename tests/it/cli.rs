//! The `fgf` binary as a user runs it: output, JSON shapes, exit codes.

use std::process::Output;

use crate::support::sealed::{self, Sandbox};

use serde_json::Value;

fn fgf(args: &[&str]) -> Output {
    sealed::run(args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn json(args: &[&str]) -> Value {
    let o = fgf(args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// Whether a JSON hit lists `unit` among its lead units.
fn leads(hit: &Value, unit: &str) -> bool {
    hit["lead"].as_array().unwrap().iter().any(|u| u == unit)
}

#[test]
fn who_names_the_lead_unit_of_business_start_up() {
    let o = fgf(&["who", "企业开办"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let first_block: String = out.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(first_block.contains("压减企业开办时间"), "{out}");
    assert!(first_block.contains("牵头 市市场监管局"), "{out}");
}

#[test]
fn who_json_lists_hits_best_first() {
    let v = json(&["who", "企业开办", "--json"]);
    let hits = v.as_array().expect("a list");
    assert!(!hits.is_empty());
    let first = &hits[0];
    for key in ["id", "task", "text", "lead", "support", "confidence"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["id"], "7");
    assert!(
        first["lead"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "市市场监管局")
    );
}

#[test]
fn who_with_a_short_form_finds_the_unit() {
    let v = json(&["who", "发改委", "--json", "--limit", "3"]);
    let hits = v.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for h in hits {
        assert!(leads(h, "市发展改革委"), "{h}");
    }
}

#[test]
fn who_without_hits_exits_1() {
    let o = fgf(&["who", "zzzzqqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有与 \"zzzzqqqq\" 相符的结果"));
    let o = fgf(&["who", "zzzzqqqq", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing matches"));
}

#[test]
fn show_prints_a_measure_in_full() {
    let o = fgf(&["show", "7.2"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("企业开办时间压缩至３个工作日以内"),
        "full text, full-width digit kept: {out}"
    );
    assert!(out.contains("牵头单位  市市场监管局"));
    assert!(out.contains("7.2.1  2019-12-31"));
}

#[test]
fn show_warns_about_an_uncertain_allocation() {
    let out = stdout(&fgf(&["show", "10.4"]));
    assert!(out.contains("分工读法不确定（low）"), "{out}");
    assert!(out.contains("另一读法"), "{out}");
    let high = stdout(&fgf(&["show", "1.3"]));
    assert!(!high.contains("不确定"), "{high}");
}

#[test]
fn show_json_is_the_object() {
    let v = json(&["show", "19.3", "--json"]);
    assert_eq!(v["id"], "19.3");
    assert_eq!(v["kind"], "measure");
    assert_eq!(v["task"], "19");
    assert_eq!(v["section"], "服");
    let ms = v["milestones"].as_array().unwrap();
    let deadlines: Vec<&str> = ms.iter().map(|m| m["deadline"].as_str().unwrap()).collect();
    assert_eq!(deadlines, ["2019-12-31", "2019-12-31", "2020-12-31"]);
    let task = json(&["show", "6", "--json"]);
    assert_eq!(task["kind"], "task");
    assert_eq!(task["measures"].as_array().unwrap().len(), 1);
    let k = json(&["show", "12.1.2", "--json"]);
    assert_eq!(k["kind"], "milestone");
    assert_eq!(k["deadline"], "2020-12-31");
}

#[test]
fn unknown_id_exits_2_with_nearest_ids() {
    let o = fgf(&["show", "9.9"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("9.9"), "{err}");
    assert!(
        err.contains("相近的编号：9.1") || err.contains("相近的编号：19.9"),
        "{err}"
    );
}

#[test]
fn list_json_has_the_documented_shape() {
    let v = json(&["list", "--json"]);
    assert_eq!(v["document"]["id"], "yufubanfa-2019-103");
    assert_eq!(v["document"]["number"], "渝府办发〔2019〕103号");
    assert_eq!(v["document"]["signed"], "2019-10-11");
    let sections = v["sections"].as_array().unwrap();
    let keys: Vec<&str> = sections
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["放", "管", "服"]);
    assert_eq!(sections[0]["numeral"], "一");
    let t = &sections[0]["tasks"][8];
    assert_eq!(t["id"], "9");
    assert_eq!(t["number"], 9);
    let m = &t["measures"][1];
    assert_eq!(m["id"], "9.2");
    for key in [
        "text",
        "lead",
        "support",
        "confidence",
        "alternative",
        "milestones",
    ] {
        assert!(m.get(key).is_some(), "missing {key}");
    }
    assert_eq!(m["milestones"][0]["id"], "9.2.1");
    assert!(m["milestones"][0]["deadline"].is_null());
}

#[test]
fn list_prints_the_tree() {
    let out = stdout(&fgf(&["list"]));
    assert!(out.starts_with("渝府办发〔2019〕103号"));
    for heading in [
        "一、深化简政放权",
        "二、加强公正监管",
        "三、优化政务服务",
        "（二十六）加强督查督办",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
    assert_eq!(
        out.lines().filter(|l| l.starts_with("    ")).count(),
        112,
        "one line a measure"
    );
}

#[test]
fn piped_output_has_no_colour_codes() {
    for args in [
        &["list"][..],
        &["who", "税务"],
        &["show", "10.4"],
        &["unit", "税务局"],
    ] {
        let o = fgf(args);
        assert!(
            !o.stdout.contains(&0x1b),
            "{args:?} wrote an escape sequence"
        );
    }
}

#[test]
fn unit_lists_what_a_unit_leads() {
    let out = stdout(&fgf(&["unit", "税务局"]));
    assert!(out.starts_with("重庆市税务局"), "{out}");
    assert!(out.contains("7.3"));
    let v = json(&["unit", "重庆市税务局", "--json"]);
    assert!(v["lead"].as_array().unwrap().iter().any(|id| id == "7.3"));
    let all = json(&["unit", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 48);
    let o = fgf(&["unit", "不存在的局"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn version_help_and_completions() {
    let v = stdout(&fgf(&["--version"]));
    assert!(v.contains("渝府办发〔2019〕103号"), "{v}");
    for (lang, examples) in [("en", "Examples"), ("zh", "示例")] {
        let help = stdout(&fgf(&["--help", "--lang", lang]));
        for cmd in ["who", "show", "list", "unit", "completions", examples] {
            assert!(help.contains(cmd), "--help --lang {lang} lacks {cmd}");
        }
        let who_help = stdout(&fgf(&["who", "--help", "--lang", lang]));
        assert!(who_help.contains("fgf who 企业开办"));
    }
    for shell in ["bash", "zsh", "fish"] {
        let o = fgf(&["completions", shell]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("who"), "{shell} completions");
    }
}

#[test]
fn without_a_terminal_the_tui_does_not_start() {
    let o = fgf(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("标准输出不是终端") && err.contains("fgf list"),
        "{err}"
    );
    assert!(o.stdout.is_empty(), "nothing drawn into a pipe");
}

#[test]
fn search_ranks_a_title_first_and_marks_nothing_when_piped() {
    let o = fgf(&["search", "企业开办"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("7 "), "{out}");
    assert!(out.lines().next().unwrap().contains("压减企业开办时间"));
    assert!(!o.stdout.contains(&0x1b), "no escape sequences when piped");
}

#[test]
fn search_json_has_the_documented_shape() {
    let v = json(&["search", "cq", "--json", "--limit", "3"]);
    let hits = v.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for h in hits {
        for key in [
            "kind",
            "id",
            "field",
            "text",
            "positions",
            "lead",
            "support",
        ] {
            assert!(h.get(key).is_some(), "missing {key} in {h}");
        }
    }
    let first = &hits[0];
    assert_eq!(first["kind"], "unit");
    assert_eq!(first["field"], "name");
    assert_eq!(first["id"], first["text"]);
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let marked: String = first["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text[p.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(
        marked, "重庆",
        "pinyin positions are char indices into text"
    );
}

#[test]
fn search_scopes_and_pinyin_from_the_command_line() {
    let v = json(&["search", "@fgw", "#1", "--json", "--limit", "0"]);
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        let id = h["id"].as_str().unwrap();
        assert!(id == "1" || id.starts_with("1."), "{id}");
        assert!(leads(h, "市发展改革委"), "{h}");
    }
    let v = json(&["search", "scjgj", "--json", "--limit", "1"]);
    assert_eq!(v[0]["id"], "市市场监管局");
    let v = json(&["search", "税务　｜　海关", "--json", "--limit", "0"]);
    assert!(v.as_array().unwrap().iter().any(|h| h["id"] == "重庆海关"));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == "重庆市税务局")
    );
}

#[test]
fn search_without_hits_exits_1_and_odd_input_never_panics() {
    let o = fgf(&["search", "zzzzqqqq", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing matches"));
    for q in ["!", "|", "^$", "\\", ">x", "#", "'", "＠", "!'"] {
        let o = fgf(&["search", q]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{q}: {o:?}");
    }
    let o = fgf(&["search", "!"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("已忽略"));
    let o = fgf(&["search", "!", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("ignored"));
}

#[test]
fn search_reads_another_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.json");
    let list = json(&["list", "--json"]);
    let mut doc = list["document"].clone();
    doc["format"] = 1.into();
    doc["units"] = list["units"].clone();
    doc["sections"] = list["sections"].clone();
    std::fs::write(&path, doc.to_string()).unwrap();
    let v = json(&[
        "search",
        "--doc",
        path.to_str().unwrap(),
        "企业开办",
        "--json",
    ]);
    assert_eq!(v[0]["id"], "7");
    let o = fgf(&["search", "--doc", "/nonexistent.json", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("读不了文档 /nonexistent.json：不存在"));
}

#[test]
fn search_marks_matches_when_colour_is_forced() {
    let sandbox = Sandbox::new();
    let o = sealed::output(
        sandbox
            .command()
            .args(["search", "cq", "--limit", "1"])
            .env("CLICOLOR_FORCE", "1"),
    );
    let out = stdout(&o);
    assert!(out.contains('\u{1b}'), "{out:?}");
    let first = out.find('\u{1b}').unwrap();
    assert!(out[first..].contains("重"), "the mark is on 重: {out:?}");
}

#[test]
fn every_command_explains_itself_with_an_example() {
    let commands = [
        "who",
        "search",
        "show",
        "list",
        "unit",
        "check",
        "uncheck",
        "progress",
        "deadlines",
        "state",
        "export",
        "doc",
        "completions",
    ];
    for (lang, example) in [("en", "Example"), ("zh", "示例")] {
        let top = stdout(&fgf(&["--help", "--lang", lang]));
        for c in commands {
            assert!(top.contains(&format!("  {c} ")), "fgf --help lists {c}");
            let help = stdout(&fgf(&[c, "--help", "--lang", lang]));
            assert!(
                help.contains(example),
                "fgf {c} --help has an example:\n{help}"
            );
        }
    }
}
