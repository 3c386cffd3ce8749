//! The importer on untrusted input: any bytes, as any kind of file, never panic or hang; what it
//! makes always passes the document checks and carries no character a terminal would act on.

use fgf::domain::import::{Kind, import};
use fgf::domain::validate;
use proptest::prelude::*;

/// Pieces of notices, and the characters that break naive readers.
const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "(2)",
    "1.",
    "12．",
    "①",
    "\n",
    "（",
    "）",
    "〔",
    "〕",
    "【",
    "：",
    ":",
    "；",
    "，",
    "、",
    "。",
    "牵头",
    "牽頭",
    "配合",
    "负责",
    "按职责分工负责",
    "责任单位：",
    "牵头单位：",
    "配合单位：",
    "牵头负责领导：",
    "等",
    "及",
    "市发展改革委",
    "发改委",
    "区财政局",
    "各区县",
    "2099年",
    "6月底前",
    "年底前",
    "12月31日",
    "持续推进",
    "每季度末",
    "\u{1b}[31m",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{202e}",
    "\r",
    "\t",
    " ",
    "😀",
    "关于",
    "通知",
    "〔2099〕3号",
];

fn notice_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

/// No raw control, C1, DEL or bidi character in any string of the document.
fn assert_clean(json: &serde_json::Value) {
    match json {
        serde_json::Value::String(s) => {
            let bad = |c: char| {
                c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
            };
            assert!(!s.chars().any(bad), "{s:?}");
        }
        serde_json::Value::Array(a) => a.iter().for_each(assert_clean),
        serde_json::Value::Object(o) => o.values().for_each(assert_clean),
        _ => {}
    }
}

fn check(bytes: &[u8], kind: Kind) {
    if let Ok((doc, report)) = import(bytes, kind) {
        let problems = validate::check(&doc);
        assert!(problems.is_empty(), "{problems:?}");
        assert_clean(&serde_json::to_value(&doc).unwrap());
        assert!(report.measures > 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_any_kind(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for kind in [Kind::Text, Kind::Csv, Kind::Docx, Kind::Xlsx] {
            check(&bytes, kind);
        }
    }

    #[test]
    fn notice_like_text(text in notice_like()) {
        check(text.as_bytes(), Kind::Text);
        let csv = text.replace('、', ",");
        check(format!("序号,重点任务,具体措施,牵头单位,配合单位,完成时限\n{csv}").as_bytes(), Kind::Csv);
    }
}

/// Inputs whose naive reading is quadratic stay fast: brackets that never close, one long line,
/// thousands of 及 in a unit list.
#[test]
fn pathological_inputs_finish() {
    let inputs = [
        "（".repeat(200_000),
        format!("1.{}", "（甲局牵头".repeat(50_000)),
        format!("1.推进（{}局牵头）", "甲及".repeat(100_000)),
        "一、\n".repeat(50_000) + "（责任单位：市财政局）\n",
        format!(
            "序号,重点任务,牵头单位\n1,任务,{}\n",
            "甲局及".repeat(100_000)
        ),
    ];
    // A quadratic reading would not finish in the test's lifetime (10^10 steps and more).
    for text in &inputs {
        let kind = if text.starts_with("序号") {
            Kind::Csv
        } else {
            Kind::Text
        };
        check(text.as_bytes(), kind);
    }
}
