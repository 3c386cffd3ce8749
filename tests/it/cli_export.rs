//! `fgf export`: golden files of the embedded document, a CSV round trip, --unit, --progress, --bom.

use std::process::Output;

use crate::support::sealed::{self, Sandbox};

fn fgf(args: &[&str], state: &std::path::Path) -> Output {
    let sandbox = Sandbox::new();
    sealed::output(sandbox.command().args(args).env("FGF_STATE", state))
}

fn out(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let o = fgf(args, &dir.path().join("state.json"));
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!("export.md", out(&["export", "--format", "md"]));
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!("export.csv", out(&["export", "--format", "csv"]));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!("export.json", out(&["export", "--format", "json"]));
}

#[test]
fn csv_round_trips_through_a_csv_parser() {
    let text = out(&["export", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head[2], "编号");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 112);
    let cat = fgf::domain::seeds::embedded();
    for (row, (_, _, m)) in rows.iter().zip(cat.measures()) {
        assert_eq!(&row[2], m.id);
        assert_eq!(&row[3], m.text, "texts with commas and quotes survive");
        assert_eq!(&row[4], m.lead.join("、"));
        assert_eq!(&row[7], m.confidence.as_str());
    }
}

#[test]
fn bom_for_excel() {
    let text = out(&["export", "--format", "csv", "--bom"]);
    assert!(text.starts_with('\u{feff}'));
    assert!(!out(&["export", "--format", "csv"]).starts_with('\u{feff}'));
}

#[test]
fn unit_keeps_what_it_leads_or_supports_with_the_role() {
    let text = out(&["export", "--format", "csv", "--unit", "税务局"]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let cat = fgf::domain::seeds::embedded();
    let u = "重庆市税务局";
    let want = cat
        .measures()
        .filter(|(_, _, m)| m.lead.iter().chain(&m.support).any(|x| x == u))
        .count();
    assert_eq!(rows.len(), want);
    for row in &rows {
        let role = &row[9];
        let lists = if role == "牵头" { &row[4] } else { &row[5] };
        assert!(lists.contains(u), "{row:?}");
    }
    let md = out(&["export", "--unit", "重庆市税务局"]);
    assert!(md.starts_with("# 渝府办发〔2019〕103号：重庆市税务局"));
}

#[test]
fn progress_adds_the_state_of_each_measure() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    assert!(fgf(&["check", "19.3.1"], &state).status.success());
    let o = fgf(
        &[
            "export",
            "--format",
            "csv",
            "--progress",
            "--as-of",
            "2020-01-01",
        ],
        &state,
    );
    let text = String::from_utf8(o.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().iter().next_back(), Some("进度"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[2] == "19.3").unwrap();
    assert_eq!(
        &row[9], "1/3 逾期 19.3.2",
        "19.3.3 is due end of 2020, not yet late on 2020-01-01"
    );
    let row = rows.iter().find(|r| &r[2] == "1.1").unwrap();
    assert_eq!(&row[9], "0/1 逾期 1.1.1");
}

#[test]
fn unknown_unit_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = fgf(
        &["export", "--unit", "不存在的局"],
        &dir.path().join("s.json"),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn markdown_cells_escape_pipes() {
    let md = out(&["export"]);
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 113, "header + 112 measures");
    for r in &rows {
        assert_eq!(r.matches(" | ").count(), 8, "nine cells: {r}");
    }
}
