//! The shape of a document, checked against its JSON Schema (generated from the model types by
//! schemars): every missing field, wrong type, unknown field, bad enum value or bad date in one
//! pass, where serde stops at the first.
//!
//! It reads the subset of JSON Schema that schemars writes for the model: `type`, `properties`,
//! `required`, `additionalProperties: false`, `items`, `$ref` into `$defs`, `anyOf`, `enum`,
//! `format: date` / `uint32`, `minimum`. While checking it repairs the value (a missing or wrong
//! value becomes the type's default, an unknown field is dropped), so that the consistency checks
//! can still run on the rest of the document.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use super::error::Problem;
use super::model::Document;

/// The JSON Schema of fgf's document format (what `fgf doc schema` prints).
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::to_value(schemars::schema_for!(Document)).expect("a schema"))
}

/// `schema()` as the committed file holds it: pretty, with a final newline.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(schema()).expect("a schema serializes");
    s.push('\n');
    s
}

/// Checks `value` against the document schema, repairing it; returns the problems in order.
pub fn check(value: &mut Value) -> Vec<Problem> {
    let root = schema();
    let mut out = Vec::new();
    let mut path = String::new();
    visit(root, root, value, &mut path, &mut out);
    out
}

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| root["$defs"].get(name))
            .unwrap_or(s),
        None => s,
    }
}

/// The types a schema allows, and whether it allows null.
fn types(root: &Value, s: &Value) -> Vec<String> {
    let s = resolve(root, s);
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        return any.iter().flat_map(|a| types(root, a)).collect();
    }
    match s.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(String::from))
            .collect(),
        _ if s.get("enum").is_some() => vec!["string".into()],
        _ => Vec::new(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The value a repair puts in place of a missing or wrong one.
fn default_for(root: &Value, s: &Value) -> Value {
    let s = resolve(root, s);
    let ts = types(root, s);
    if ts.iter().any(|t| t == "null") {
        return Value::Null;
    }
    if let Some(Value::Array(e)) = s.get("enum") {
        return e.first().cloned().unwrap_or(Value::Null);
    }
    match ts.first().map(String::as_str) {
        Some("string") if s.get("format").and_then(Value::as_str) == Some("date") => {
            json!("2000-01-01")
        }
        Some("string") => json!(""),
        Some("integer") => json!(0),
        Some("boolean") => json!(false),
        Some("array") => json!([]),
        Some("object") => {
            let mut m = Map::new();
            for r in s["required"].as_array().into_iter().flatten() {
                if let Some(k) = r.as_str() {
                    m.insert(k.into(), default_for(root, &s["properties"][k]));
                }
            }
            Value::Object(m)
        }
        _ => Value::Null,
    }
}

fn say(out: &mut Vec<Problem>, path: &str, message: String, zh: String) {
    out.push(Problem {
        path: path.to_string(),
        message,
        zh,
    });
}

fn visit(root: &Value, s: &Value, v: &mut Value, path: &mut String, out: &mut Vec<Problem>) {
    let s = resolve(root, s);
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        // schemars writes Option<T> as anyOf [T, null].
        if v.is_null() && any.iter().any(|a| a.get("type") == Some(&json!("null"))) {
            return;
        }
        if let Some(a) = any.iter().find(|a| a.get("type") != Some(&json!("null"))) {
            return visit(root, a, v, path, out);
        }
    }
    let ts = types(root, s);
    let k = kind(v);
    if !ts.is_empty()
        && !ts
            .iter()
            .any(|t| t == k || (t == "number" && k == "integer"))
    {
        say(
            out,
            path,
            format!(
                "wrong type: expected {}, found {}",
                ts.join(" or "),
                describe(v)
            ),
            format!(
                "类型不对：应是 {}，这里是 {}",
                ts.iter()
                    .map(|t| type_zh(t))
                    .collect::<Vec<_>>()
                    .join(" 或 "),
                describe_zh(v)
            ),
        );
        *v = default_for(root, s);
        return;
    }
    if let Some(Value::Array(allowed)) = s.get("enum")
        && !allowed.contains(v)
    {
        let names: Vec<String> = allowed.iter().map(Value::to_string).collect();
        say(
            out,
            path,
            format!("{} is not one of {}", v, names.join(", ")),
            format!("{} 不是 {} 之一", v, names.join("、")),
        );
        *v = default_for(root, s);
        return;
    }
    match v {
        Value::String(text)
            if s.get("format").and_then(Value::as_str) == Some("date")
                && text.parse::<jiff::civil::Date>().is_err() =>
        {
            say(
                out,
                path,
                format!("{text:?} is not a valid date (YYYY-MM-DD, a day that exists)"),
                format!("{text:?} 不是有效日期（YYYY-MM-DD，且须是存在的一天）"),
            );
            *v = default_for(root, s);
        }
        Value::Number(n) => {
            let fits = match s.get("format").and_then(Value::as_str) {
                Some("uint32") => n.as_u64().is_some_and(|x| x <= u64::from(u32::MAX)),
                _ => true,
            };
            if !fits {
                say(
                    out,
                    path,
                    format!("{n} is out of range (0 to {})", u32::MAX),
                    format!("{n} 超出范围（0 到 {}）", u32::MAX),
                );
                *v = json!(0);
            }
        }
        Value::Array(items) => {
            if let Some(item) = s.get("items") {
                let len = path.len();
                for (i, x) in items.iter_mut().enumerate() {
                    path.push_str(&format!("[{i}]"));
                    visit(root, item, x, path, out);
                    path.truncate(len);
                }
            }
        }
        Value::Object(map) => object(root, s, map, path, out),
        _ => {}
    }
}

fn object(
    root: &Value,
    s: &Value,
    map: &mut Map<String, Value>,
    path: &mut String,
    out: &mut Vec<Problem>,
) {
    let props = s.get("properties").and_then(Value::as_object);
    let len = path.len();
    let join = |path: &mut String, k: &str| {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(k);
    };
    if s.get("additionalProperties") == Some(&Value::Bool(false)) {
        let unknown: Vec<String> = map
            .keys()
            .filter(|k| !props.is_some_and(|p| p.contains_key(*k)))
            .cloned()
            .collect();
        for k in unknown {
            join(path, &k);
            let known: Vec<&str> = props
                .into_iter()
                .flat_map(|p| p.keys())
                .map(String::as_str)
                .collect();
            say(
                out,
                path,
                format!("unknown field {k:?} (known: {})", known.join(", ")),
                format!("不认识的字段 {k:?}（可用：{}）", known.join("、")),
            );
            path.truncate(len);
            map.remove(&k);
        }
    }
    let Some(props) = props else { return };
    let required: Vec<&str> = s["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (k, ps) in props {
        join(path, k);
        match map.get_mut(k) {
            Some(x) => visit(root, ps, x, path, out),
            None if required.contains(&k.as_str()) => {
                say(
                    out,
                    path,
                    format!("missing field {k:?}"),
                    format!("缺少字段 {k:?}"),
                );
                map.insert(k.clone(), default_for(root, ps));
            }
            None => {}
        }
        path.truncate(len);
    }
}

/// `a string "x"`, `the number 3`, `null` …, short.
/// A JSON Schema type's name in Chinese.
fn type_zh(t: &str) -> &str {
    match t {
        "string" => "字符串",
        "integer" => "整数",
        "number" => "数字",
        "boolean" => "布尔值",
        "array" => "数组",
        "object" => "对象",
        "null" => "null",
        other => other,
    }
}

fn describe_zh(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("布尔值 {b}"),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(20).collect();
            let more = if s.chars().count() > 20 { "…" } else { "" };
            format!("字符串 {short:?}{more}")
        }
        Value::Array(a) => format!("{} 项的数组", a.len()),
        Value::Object(_) => "对象".into(),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(20).collect();
            let more = if s.chars().count() > 20 { "…" } else { "" };
            format!("the string {short:?}{more}")
        }
        Value::Array(a) => format!("an array of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seeds;

    #[test]
    fn the_embedded_document_has_the_shape() {
        let mut v: Value = serde_json::from_str(seeds::DOCUMENT_JSON).unwrap();
        let before = v.clone();
        assert_eq!(check(&mut v), []);
        assert_eq!(v, before, "a valid document is not changed");
    }

    #[test]
    fn repairs_make_a_value_the_model_reads() {
        let mut v = json!({"format": "1", "sections": [{"tasks": [{"measures": [{"milestones": [{"deadline": "2019-02-30"}], "confidence": "sure"}]}]}], "extra": 1});
        let problems = check(&mut v);
        assert!(problems.len() > 10, "{problems:?}");
        serde_json::from_value::<Document>(v).expect("repaired");
    }
}
