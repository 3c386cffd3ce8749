//! `fgf report` (issue 16): the Markdown as golden files, the .docx read back (its XML), and the
//! .docx converted to PDF by LibreOffice where it is installed.

use std::io::Read;
use std::path::Path;

use crate::support::state_env::StateEnv;

/// A state with check-offs and log entries from December 2019 (noon UTC: the same day anywhere).
const STATE: &str = r#"{
  "version": 1,
  "document": "yufubanfa-2019-103",
  "milestones": {
    "9.2.1": { "done": true, "at": "2019-12-16T12:00:00Z", "note": "已报送" },
    "3.3.1": { "done": true, "at": "2019-12-18T12:00:00Z" },
    "7.2.1": { "done": false, "at": "2019-12-19T12:00:00Z" }
  },
  "log": {
    "1.1.1": [
      { "at": "2019-12-20T12:00:00Z", "by": "王五", "status": "blocked", "text": "缺少经费 | 待市财政局批复" }
    ],
    "2.4": [
      { "at": "2019-12-01T12:00:00Z", "by": "赵六", "status": "in-progress", "text": "平台联调中" }
    ],
    "3.3.1": [
      { "at": "2019-12-18T12:00:00Z", "by": "钱七", "status": "done", "text": "已取消授权" }
    ]
  }
}
"#;

/// A sandbox with the state above.
fn env() -> StateEnv {
    let env = StateEnv::new();
    std::fs::write(env.state(), STATE).unwrap();
    env
}

#[test]
fn the_markdown_report_in_chinese() {
    let md = env().ok(&["report", "--as-of", "2020-01-01", "--since", "2019-12-15"]);
    insta::assert_snapshot!(md);
}

#[test]
fn the_markdown_report_for_one_unit_in_english() {
    let md = env().ok(&[
        "--lang",
        "en",
        "report",
        "--as-of",
        "2020-01-01",
        "--since",
        "2019-12-15",
        "--unit",
        "市场监管局",
    ]);
    insta::assert_snapshot!(md);
}

#[test]
fn the_report_says_what_it_finds() {
    let md = env().ok(&["report", "--as-of", "2020-01-01", "--since", "2019-12-15"]);
    let line = |needle: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {needle} ")))
            .unwrap_or_else(|| panic!("no row {needle}:\n{md}"))
            .to_string()
    };
    assert!(
        line("1.1.1").contains("受阻"),
        "latest status of an overdue milestone"
    );
    assert!(line("2.4.1").contains("推进中"), "its measure's log counts");
    assert!(
        md.contains("缺少经费 \\| 待市财政局批复"),
        "a | in a cell is escaped"
    );
    assert!(md.contains("| 合计 | 2 | 130 | 1% |"), "{md}");
    let changes = md.split("以来的变化").nth(1).unwrap();
    assert_eq!(
        changes.matches("| 3.3.1 |").count(),
        1,
        "a logged done is one row"
    );
    assert!(!changes.contains("平台联调中"), "before --since");
    assert!(changes.contains("| 7.2.1 |"), "an uncheck is a change");
}

fn docx_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_docx_has_real_tables_with_the_reports_rows() {
    let env = env();
    let out = env.sandbox.path().join("报告.docx");
    let since = ["report", "--as-of", "2020-01-01", "--since", "2019-12-15"];
    let args = [&since[..], &["-o", out.to_str().unwrap()]].concat();
    assert!(env.ok(&args).is_empty(), "nothing on stdout with -o");
    let xml = docx_xml(&out);
    let md = env.ok(&since);
    let md_tables = md.matches("\n|---").count();
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        md_tables,
        "one Word table a Markdown table"
    );
    let md_rows = md.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(
        xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(),
        md_rows
    );
    for text in [
        "渝府办发〔2019〕103号落实情况督查报告",
        "市发展改革委",
        "受阻",
        "缺少经费 | 待市财政局批复",
    ] {
        assert!(xml.contains(text), "{text} in the docx");
    }
}

#[test]
fn the_docx_converts_to_pdf_with_libreoffice() {
    let env = env();
    let dir = env.sandbox.path();
    // LibreOffice sealed as fgf is: its profile, caches and config inside the sandbox, nothing
    // of the caller's environment but PATH.
    let sealed = |c: &str| {
        let mut cmd = std::process::Command::new(c);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(crate::support::sealed::sealed_env(dir));
        cmd
    };
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| {
        sealed(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let docx = dir.join("report.docx");
    env.ok(&[
        "report",
        "--as-of",
        "2020-01-01",
        "-o",
        docx.to_str().unwrap(),
    ]);
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let o = sealed(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(dir.join("report.pdf")).expect("LibreOffice wrote the PDF");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);
}

#[test]
fn bad_arguments_are_refused() {
    let env = env();
    let o = env.run(&["report", "--since", "last week"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--since"));
    let o = env.run(&["report", "--unit", "不存在的单位"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(env.state(), "{oops").unwrap();
    let o = env.run(&["report"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("state.json"));
}
