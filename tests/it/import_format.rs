//! Format 2: the example of docs/document-format.md loads and every output carries its roles,
//! words, 等, officials, labels and deadlines as written; format 1 is untouched.

use crate::support::sealed::Sandbox;

/// The format-2 example of docs/document-format.md (the block after its heading).
pub fn example_v2() -> String {
    let md = include_str!("../../docs/document-format.md");
    let from = md.find("## Format 2").expect("a format-2 section");
    let start = from + md[from..].find("```json\n").expect("an example") + 8;
    let end = start + md[start..].find("```").unwrap();
    md[start..end].to_string()
}

fn run(args: &[&str]) -> (String, String, bool) {
    let sandbox = Sandbox::new();
    let doc = sandbox.path().join("v2.json");
    std::fs::write(&doc, example_v2()).unwrap();
    let mut full = vec!["--doc", doc.to_str().unwrap()];
    full.extend(args);
    let o = sandbox.run(&full);
    (
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
        o.status.success(),
    )
}

#[test]
fn the_format_2_example_passes_doc_check() {
    let sandbox = Sandbox::new();
    let doc = sandbox.path().join("v2.json");
    std::fs::write(&doc, example_v2()).unwrap();
    let o = sandbox.run(&["doc", "check", doc.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains("2 项任务、3 条举措"), "{out}");
}

#[test]
fn no_lead_is_invented_and_the_measure_inherits_its_task() {
    let (out, err, ok) = run(&["show", "1.1"]);
    assert!(ok, "{err}");
    assert!(
        !out.contains("牵头单位"),
        "a notice naming no lead has none:\n{out}"
    );
    assert!(out.contains("责任单位  县市场监管局"), "{out}");
    assert!(out.contains("牵头负责领导：张三"), "{out}");
    assert!(out.contains("分工同所属任务"), "{out}");
    assert!(out.contains("2021-06-30（年份推定）"), "{out}");
    assert!(out.contains("1. 6月底前"), "the label as printed:\n{out}");
}

#[test]
fn words_deng_and_names_with_a_dunhao_survive_every_output() {
    let (out, _, ok) = run(&["show", "1.2"]);
    assert!(ok);
    assert!(
        out.contains("按职责分工负责  县委宣传部（县新闻出版局、县电影局）；各乡镇人民政府等"),
        "{out}"
    );
    assert!(
        out.contains("持续推进"),
        "an undated phrase is kept:\n{out}"
    );
    let (csv, _, ok) = run(&["export", "--format", "csv"]);
    assert!(ok);
    assert!(
        csv.contains("县委宣传部（县新闻出版局、县电影局）；各乡镇人民政府等"),
        "{csv}"
    );
    assert!(
        csv.lines().next().unwrap().ends_with("负责单位,负责领导"),
        "{csv}"
    );
    assert!(csv.contains(",持续推进,"), "{csv}");
    let (md, _, ok) = run(&["export", "--format", "md"]);
    assert!(ok);
    assert!(md.contains("各乡镇人民政府等"), "{md}");
    let (json, _, ok) = run(&["export", "--format", "json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let m = &v["measures"][1];
    assert_eq!(m["support"][0], "县委宣传部（县新闻出版局、县电影局）");
    assert_eq!(m["roles"]["support"]["etc"], true);
    assert_eq!(v["measures"][0]["responsible"][0], "县市场监管局");
    assert_eq!(v["measures"][0]["lead"], serde_json::json!([]));
    let (list, _, ok) = run(&["list", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v["sections"][0]["label"], "一、");
    assert_eq!(v["sections"][0]["tasks"][0]["label"], "（一）");
}

#[test]
fn who_and_unit_count_task_level_allocations_and_find_officials() {
    let (out, _, ok) = run(&["who", "张三"]);
    assert!(ok, "an official is found");
    assert!(out.contains("[official]"), "{out}");
    let (out, _, ok) = run(&["unit", "市场监管局"]);
    assert!(ok);
    assert!(out.contains("负责 1 项"), "{out}");
    let (out, _, ok) = run(&["unit", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let u = v
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "县市场监管局")
        .unwrap();
    assert_eq!(u["responsible"], 1);
}

#[test]
fn format_1_output_has_no_format_2_fields() {
    let o = Sandbox::new().run(&["export", "--format", "json"]);
    let text = String::from_utf8(o.stdout).unwrap();
    for field in [
        "\"responsible\"",
        "\"roles\"",
        "\"officials\"",
        "\"inferred\"",
    ] {
        assert!(!text.contains(field), "{field} in format-1 output");
    }
    let o = Sandbox::new().run(&["list", "--json"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(!text.contains("\"label\""), "no label in format-1 output");
}

mod tui {
    use fgf::domain::Catalog;
    use fgf::tui::action::Action;
    use fgf::tui::app::App;
    use fgf::tui::i18n::Lang;
    use fgf::tui::view;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::support::{options, press};

    fn app() -> App {
        let cat = Catalog::from_json(&super::example_v2())
            .unwrap()
            .sanitized();
        let mut app = App::new(cat, options(Lang::Zh));
        app.update(Action::Resize(120, 40));
        app
    }

    /// The screen as text (wide glyphs' trailing cells are blank symbols, removed).
    fn screen(app: &App) -> String {
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        t.draw(|f| view::draw(f, app)).unwrap();
        let buf = t.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out.replace(' ', "")
    }

    #[test]
    fn tabs_digits_and_help_come_from_the_document() {
        let mut app = app();
        let s = screen(&app);
        assert!(s.contains("1营商2单位3期限"), "{s}");
        assert!(
            !s.contains("放"),
            "no 放管服 in a document without them:\n{s}"
        );
        press(&mut app, "?");
        let s = screen(&app);
        assert!(s.contains("标签：1营商2单位3期限"), "{s}");
        press(&mut app, "Esc");
        press(&mut app, "2");
        let s = screen(&app);
        assert!(s.contains("县市场监管局"), "the units view:\n{s}");
    }

    #[test]
    fn the_detail_shows_roles_words_and_officials() {
        let mut app = app();
        // The first task, then its first measure (which inherits the task's allocation).
        press(&mut app, "Enter");
        press(&mut app, "j");
        let s = screen(&app);
        assert!(s.contains("责任单位"), "{s}");
        assert!(s.contains("牵头负责领导：张三"), "{s}");
        assert!(s.contains("分工同所属任务"), "{s}");
        assert!(
            s.contains("2021-06-30（年份推定）"),
            "the deadline as written:\n{s}"
        );
        assert!(
            !s.contains("牵头单位"),
            "no lead is shown where none is named:\n{s}"
        );
    }
}

/// A format-2 measure that names no unit, in a task that names none either, is reported with
/// its file position and JSON path; a format-1 document still needs its 文号 and dates.
#[test]
fn doc_check_reports_format_2_problems_where_they_are() {
    use fgf::domain::load;
    let mut v: serde_json::Value = serde_json::from_str(&example_v2()).unwrap();
    let m = &mut v["sections"][0]["tasks"][1]["measures"][0];
    m["lead"] = serde_json::json!([]);
    m["support"] = serde_json::json!([]);
    m.as_object_mut().unwrap().remove("roles");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let findings = load::from_bytes(text.as_bytes()).unwrap_err();
    let said: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
    let f = findings
        .iter()
        .find(|f| f.path == "sections[0].tasks[1].measures[0].lead")
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(f.message.contains("at least one unit"), "{said:?}");
    assert!(f.line > 1 && f.column > 1, "{said:?}");
    v["format"] = serde_json::json!(1);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let said: Vec<String> = load::from_bytes(text.as_bytes())
        .unwrap_err()
        .iter()
        .map(|f| f.path.clone())
        .collect();
    for path in ["number", "signed"] {
        assert!(said.iter().any(|p| p == path), "{path}: {said:?}");
    }
}
