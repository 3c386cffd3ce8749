//! The loader never panics: arbitrary bytes, arbitrary JSON, the example cut anywhere, and the
//! example with any value replaced or removed. A document that does not load always comes with at
//! least one finding, placed inside the text.

use fgf::domain::load::{self, Finding};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn example_text() -> String {
    let md = include_str!("../../docs/document-format.md");
    let start = md.find("```json\n").expect("an example") + 8;
    let end = start + md[start..].find("```").unwrap();
    md[start..end].to_string()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2020-02-30"),
            Just("2020-06-30"),
            Just("区市场监管局"),
            Just("1.1")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,8}", inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn check(bytes: &[u8]) {
    if let Err(findings) = load::from_bytes(bytes) {
        assert!(!findings.is_empty(), "a failure says why");
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        for Finding { line, column, .. } in &findings {
            assert!(*line >= 1 && *line <= lines && *column >= 1, "{findings:?}");
        }
    }
}

/// Every value's pointer in `v` (for picking one to change).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        check(serde_json::to_string(&v).unwrap().as_bytes());
        check(serde_json::to_string_pretty(&v).unwrap().as_bytes());
    }

    #[test]
    fn the_example_cut_anywhere_never_panics(cut in 0usize..4000) {
        let text = example_text();
        check(&text.as_bytes()[..cut.min(text.len())]);
    }

    #[test]
    fn the_example_with_a_value_replaced_or_removed_never_panics(
        pick in any::<prop::sample::Index>(),
        replacement in json_value(),
        remove in any::<bool>(),
    ) {
        let mut v: Value = serde_json::from_str(&example_text()).unwrap();
        let mut all = Vec::new();
        pointers(&v, String::new(), &mut all);
        let target = pick.get(&all).clone();
        let (parent, key) = target.rsplit_once('/').unwrap_or(("", ""));
        match (remove, v.pointer_mut(parent)) {
            (true, Some(Value::Object(m))) => { m.remove(key); }
            (true, Some(Value::Array(a))) => { let i: usize = key.parse().unwrap_or(0); if i < a.len() { a.remove(i); } }
            _ => if let Some(slot) = v.pointer_mut(&target) { *slot = replacement; },
        }
        check(serde_json::to_string_pretty(&v).unwrap().as_bytes());
    }
}
