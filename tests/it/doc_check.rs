//! The document checker: one test per class of problem, each asserting the message and where it is
//! (JSON path, line and column), and that every problem is reported in one run.

use fgf::domain::load::{self, Finding, LoadError, MAX_BYTES};
use serde_json::{Value, json};

/// The complete small example of docs/document-format.md.
fn example_text() -> String {
    let md = include_str!("../../docs/document-format.md");
    let start = md.find("```json\n").expect("an example") + 8;
    let end = start + md[start..].find("```").unwrap();
    md[start..end].to_string()
}

fn example() -> Value {
    serde_json::from_str(&example_text()).unwrap()
}

fn text_of(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// Every finding of a text that must not load.
fn findings(text: &str) -> Vec<Finding> {
    match load::from_bytes(text.as_bytes()) {
        Ok(_) => panic!("loaded an invalid document:\n{text}"),
        Err(f) => f,
    }
}

/// Line and column (characters, 1-based) of the first `needle` after `after` in `text`.
/// (The texts are serde_json's pretty print, which sorts keys.)
fn pos(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let from = text.find(after).expect("after");
    let at = from + text[from..].find(needle).expect("needle");
    line_col(text, at)
}

/// Line and column of the `{` that opens the object holding the first `needle` after `after`.
fn brace_before(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let from = text.find(after).expect("after");
    let at = from + text[from..].find(needle).expect("needle");
    line_col(text, text[..at].rfind('{').unwrap())
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count() + 1;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// The one finding at `path`.
fn at<'a>(fs: &'a [Finding], path: &str) -> &'a Finding {
    let hits: Vec<&Finding> = fs.iter().filter(|f| f.path == path).collect();
    assert_eq!(hits.len(), 1, "one finding at {path}: {fs:#?}");
    hits[0]
}

fn loc(f: &Finding) -> (usize, usize) {
    (f.line, f.column)
}

const M11: &str = "/sections/0/tasks/0/measures/0";
const M21: &str = "/sections/1/tasks/0/measures/0";

#[test]
fn the_example_and_the_embedded_document_are_valid() {
    let cat = load::from_bytes(example_text().as_bytes()).expect("the example is valid");
    assert_eq!(cat.doc.id, "example-2020-1");
    assert_eq!(cat.measures().count(), 2);
    load::from_bytes(fgf::domain::seeds::DOCUMENT_JSON.as_bytes()).expect("embedded");
}

#[test]
fn a_syntax_error_has_its_line_and_column() {
    let text = example_text().replace("\"示例区人民政府办公室\",", "\"示例区人民政府办公室\"");
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].path, "");
    assert!(
        fs[0].message.starts_with("not JSON: expected `,` or `}`"),
        "{fs:?}"
    );
    assert_eq!(loc(&fs[0]), pos(&text, "办公室\"\n", "\"signed\""));
}

#[test]
fn a_missing_field_is_placed_at_the_object_that_lacks_it() {
    let mut v = example();
    v.pointer_mut(M11)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove("text");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "sections[0].tasks[0].measures[0].text");
    assert_eq!(f.message, "missing field \"text\"");
    assert_eq!(
        loc(f),
        brace_before(&text, "\"measures\"", "\"id\": \"1.1\""),
        "the measure's opening brace"
    );
    assert_eq!(fs.len(), 1, "no knock-on problems: {fs:#?}");
}

#[test]
fn an_empty_field_is_reported() {
    let mut v = example();
    v["issuer"] = json!("  ");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "issuer");
    assert_eq!(f.message, "must not be empty");
    assert_eq!(loc(f), pos(&text, "", "\"issuer\""));
}

#[test]
fn a_wrong_type_names_what_was_expected_and_found() {
    let mut v = example();
    v["sections"][0]["tasks"][0]["number"] = json!("1");
    v["units"][0]["collective"] = json!("yes");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "sections[0].tasks[0].number");
    assert_eq!(
        f.message,
        "wrong type: expected integer, found the string \"1\""
    );
    assert_eq!(loc(f), pos(&text, "\"tasks\"", "\"number\""));
    let f = at(&fs, "units[0].collective");
    assert_eq!(
        f.message,
        "wrong type: expected boolean, found the string \"yes\""
    );
    assert_eq!(loc(f), pos(&text, "\"units\"", "\"collective\""));
}

#[test]
fn an_unknown_field_is_an_error_at_its_key() {
    let mut v = example();
    v.pointer_mut(M21).unwrap()["lead_units"] = json!(["区政务服务办"]);
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "sections[1].tasks[0].measures[0].lead_units");
    assert!(
        f.message
            .starts_with("unknown field \"lead_units\" (known: alternative, confidence"),
        "{f:?}"
    );
    assert_eq!(loc(f), pos(&text, "", "\"lead_units\""));
}

#[test]
fn a_bad_enum_value_is_reported() {
    let mut v = example();
    v.pointer_mut(M11).unwrap()["confidence"] = json!("sure");
    let text = text_of(&v);
    let f = at(
        &findings(&text),
        "sections[0].tasks[0].measures[0].confidence",
    )
    .clone();
    assert_eq!(
        f.message,
        "\"sure\" is not one of \"low\", \"medium\", \"high\""
    );
    assert_eq!(loc(&f), pos(&text, "", "\"confidence\""));
}

#[test]
fn a_duplicate_id_names_the_first() {
    let mut v = example();
    v.pointer_mut(M21).unwrap()["milestones"][1]["id"] = json!("2.1.1");
    let text = text_of(&v);
    let fs = findings(&text);
    let hits: Vec<&Finding> = fs
        .iter()
        .filter(|f| f.path == "sections[1].tasks[0].measures[0].milestones[1].id")
        .collect();
    assert!(
        hits.iter().any(|f| f.message
            == "duplicate id \"2.1.1\", first at sections[1].tasks[0].measures[0].milestones[0]"),
        "{fs:#?}"
    );
    let second = pos(&text, "\"2.1.1\"", "\"id\"");
    assert!(hits.iter().all(|f| loc(f) == second));
}

#[test]
fn a_duplicate_unit_name_or_alias_is_reported() {
    let mut v = example();
    v["units"][2]["aliases"] = json!(["发改委"]);
    let text = text_of(&v);
    let f = at(&findings(&text), "units[2].aliases[0]").clone();
    assert_eq!(
        f.message,
        "unit name or alias \"发改委\" already used at units[0].aliases[0]"
    );
    assert_eq!(
        loc(&f),
        pos(&text, "\"name\": \"区发展改革委\"", "\"发改委\"")
    );
}

#[test]
fn a_unit_not_in_the_unit_list_is_reported_where_it_is_named() {
    let mut v = example();
    v.pointer_mut(M21).unwrap()["support"][1] = json!("区财政局");
    v.pointer_mut(M11).unwrap()["lead"][0] = json!("市场监管局");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "sections[1].tasks[0].measures[0].support[1]");
    assert_eq!(f.message, "unit \"区财政局\" is not in the unit list");
    assert_eq!(loc(f), pos(&text, "", "\"区财政局\""));
    // An alias is not enough: a lead or support entry names the unit as printed.
    let f = at(&fs, "sections[0].tasks[0].measures[0].lead[0]");
    assert_eq!(f.message, "unit \"市场监管局\" is not in the unit list");
}

#[test]
fn an_invalid_deadline_date_is_reported() {
    let mut v = example();
    v.pointer_mut(M11).unwrap()["milestones"][0]["deadline"] = json!("2020-06-31");
    v["signed"] = json!("2020/03/02");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(
        &fs,
        "sections[0].tasks[0].measures[0].milestones[0].deadline",
    );
    assert_eq!(
        f.message,
        "\"2020-06-31\" is not a valid date (YYYY-MM-DD, a day that exists)"
    );
    assert_eq!(loc(f), pos(&text, "", "\"deadline\""));
    assert!(
        at(&fs, "signed")
            .message
            .contains("\"2020/03/02\" is not a valid date")
    );
}

#[test]
fn a_measure_without_a_lead_unit_is_reported() {
    let mut v = example();
    v.pointer_mut(M11).unwrap()["lead"] = json!([]);
    let text = text_of(&v);
    let f = at(&findings(&text), "sections[0].tasks[0].measures[0].lead").clone();
    assert_eq!(f.message, "a measure needs at least one lead unit");
    assert_eq!(loc(&f), pos(&text, "\"1.1\"", "\"lead\""));
}

#[test]
fn tasks_out_of_order_are_reported() {
    let mut v = example();
    v["sections"][1]["tasks"][0]["number"] = json!(3);
    v["sections"][1]["tasks"][0]["id"] = json!("3");
    let text = text_of(&v);
    let fs = findings(&text);
    let f = at(&fs, "sections[1].tasks[0].number");
    assert_eq!(f.message, "task 3 out of order: expected 2");
    assert_eq!(loc(f), pos(&text, "\"id\": \"3\"", "\"number\""));
    // Its measure ids follow their task: 2.1 under task 3 is out of order too.
    let f = at(&fs, "sections[1].tasks[0].measures[0].id");
    assert_eq!(
        f.message,
        "measure id \"2.1\" out of order: expected \"3.1\""
    );
}

#[test]
fn sections_out_of_order_are_reported() {
    let mut v = example();
    v["sections"][1]["numeral"] = json!("三");
    let text = text_of(&v);
    let f = at(&findings(&text), "sections[1].numeral").clone();
    assert_eq!(f.message, "section \"三\" out of order: expected \"二\"");
    assert_eq!(loc(&f), pos(&text, "\"key\": \"服\"", "\"numeral\""));
}

#[test]
fn an_unsafe_document_id_is_refused() {
    let mut v = example();
    v["id"] = json!("../../.bashrc");
    let text = text_of(&v);
    let f = at(&findings(&text), "id").clone();
    assert!(f.message.contains("it names the state file"), "{f:?}");
    assert_eq!(loc(&f), pos(&text, "", "\"id\""));
}

#[test]
fn every_problem_is_reported_in_one_run_in_file_order() {
    let mut v = example();
    v["title"] = json!("");
    v["units"][1]["name"] = json!(5);
    v.pointer_mut(M11).unwrap()["milestones"][0]["deadline"] = json!("2020-13-01");
    v.pointer_mut(M21).unwrap()["lead"] = json!(["区税务局"]);
    v["sections"][1]["numeral"] = json!("四");
    let text = text_of(&v);
    let fs = findings(&text);
    let paths: Vec<&str> = fs.iter().map(|f| f.path.as_str()).collect();
    // serde_json's pretty print sorts keys: sections come before title and units in the file.
    assert_eq!(
        paths,
        [
            // units[1].name had the wrong type, so the unit list lacks 区市场监管局 and 1.1's
            // lead is unknown too: a consequence, reported as such.
            "sections[0].tasks[0].measures[0].lead[0]",
            "sections[0].tasks[0].measures[0].milestones[0].deadline",
            "sections[1].numeral",
            "sections[1].tasks[0].measures[0].lead[0]",
            "title",
            "units[1].name",
        ],
        "{fs:#?}"
    );
    assert!(
        fs.windows(2)
            .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column))
    );
    assert_eq!(
        loc(at(&fs, "title")),
        pos(&text, "\"table_title\"", "\"title\"")
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_with_its_place() {
    let text = format!("{{\"units\": {}{}}}", "[".repeat(40), "]".repeat(40));
    let fs = findings(&text);
    assert_eq!(fs.len(), 1);
    assert_eq!(
        fs[0].message,
        "nested deeper than 32 levels (a document needs 9); refused"
    );
    // `{"units": ` is 10 characters; the object is level 1, so the 32nd `[` is level 33.
    assert_eq!(loc(&fs[0]), (1, 10 + 32));
    // serde_json's own limit (128) is never reached: no stack overflow on a deep one either.
    let deep = "[".repeat(1_000_000);
    assert_eq!(findings(&deep).len(), 1);
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_place() {
    let mut bytes = example_text().into_bytes();
    bytes.splice(2..2, [0xff, 0xfe]);
    let fs = load::from_bytes(&bytes).unwrap_err();
    assert_eq!(fs[0].message, "not UTF-8 text");
    assert_eq!(loc(&fs[0]), (2, 1));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // A sparse file: its size is over the limit, but nothing is written or read.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_BYTES + 1)
        .unwrap();
    let err = load::from_path(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { size, .. } if size == MAX_BYTES + 1));
    let msg = err.to_string();
    assert!(msg.contains("huge.json"), "{msg}");
    assert!(msg.contains("over fgf's limit of 256 MiB"), "{msg}");
}

#[test]
fn an_invalid_file_names_itself_and_lists_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let mut v = example();
    v.pointer_mut(M11).unwrap()["lead"] = json!([]);
    std::fs::write(&path, text_of(&v)).unwrap();
    let msg = load::from_path(&path).unwrap_err().to_string();
    assert!(
        msg.contains("bad.json is not a valid fgf document (1 problem(s)):"),
        "{msg}"
    );
    let (line, column) = pos(&text_of(&v), "\"id\": \"1.1\"", "\"lead\"");
    let want = format!(
        "bad.json:{line}:{column}: sections[0].tasks[0].measures[0].lead: a measure needs at least one lead unit"
    );
    assert!(msg.contains(&want), "{msg}\nwants {want}");
}

#[test]
fn the_committed_schema_is_what_the_code_generates_and_both_documents_fit_it() {
    use fgf::domain::shape;
    assert_eq!(
        shape::schema_text(),
        include_str!("../../docs/document.schema.json"),
        "run `fgf doc schema > docs/document.schema.json`"
    );
    // fgf's schema checker (the subset of JSON Schema that schemars writes) on both documents.
    for text in [
        fgf::domain::seeds::DOCUMENT_JSON.to_string(),
        example_text(),
    ] {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(shape::check(&mut v), []);
    }
    // … and it is not vacuous.
    let mut v = example();
    v["units"][0]["name"] = json!(1);
    assert_eq!(shape::check(&mut v).len(), 1);
}

/// `fgf doc check` speaks the run's language: fgf's own words in Chinese by default, English with
/// `--lang en`; the JSON parser's own words stay as they are (after a Chinese prefix).
#[test]
fn doc_check_reports_in_the_runs_language() {
    use crate::support::sealed::Sandbox;
    let sb = Sandbox::new();
    let mut v = example();
    v["sections"][0]["tasks"][0]["measures"][0]["lead"] = json!(["没有这个单位"]);
    v["sections"][0]["tasks"][0]["title"] = json!("");
    v["sections"][0]["tasks"][0]["number"] = json!("一");
    let bad = sb.path().join("bad.json");
    std::fs::write(&bad, text_of(&v)).unwrap();
    let broken = sb.path().join("broken.json");
    std::fs::write(&broken, "{\"id\": 1").unwrap();
    let out = |args: &[&str]| {
        let o = sb.run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        String::from_utf8(o.stdout).unwrap()
    };
    let bad = bad.to_str().unwrap();
    let zh = out(&["doc", "check", bad]);
    for want in [
        "单位 \"没有这个单位\" 不在单位表中",
        "不能为空",
        "类型不对：应是 整数，这里是 字符串 \"一\"",
    ] {
        assert!(zh.contains(want), "{want}\n{zh}");
    }
    assert!(!zh.contains("must not be empty"), "{zh}");
    let en = out(&["--lang", "en", "doc", "check", bad]);
    for want in [
        "unit \"没有这个单位\" is not in the unit list",
        "must not be empty",
        "wrong type: expected integer",
    ] {
        assert!(en.contains(want), "{want}\n{en}");
    }
    assert!(!en.contains("不能为空"), "{en}");
    // serde_json's words for a file that does not parse are said in the run's language too.
    let zh = out(&["doc", "check", broken.to_str().unwrap()]);
    assert!(zh.contains("（整个文档）: 不是 JSON："), "{zh}");
    assert!(
        zh.contains("未结束，文件就完了") && !zh.contains("EOF"),
        "{zh}"
    );
    let en = out(&["--lang", "en", "doc", "check", broken.to_str().unwrap()]);
    assert!(en.contains("not JSON: EOF while parsing"), "{en}");
}
