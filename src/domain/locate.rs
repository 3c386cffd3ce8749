//! Where a JSON path sits in the source text: line and column (1-based; the column counts
//! characters, as editors do), for the problems `fgf doc check` reports.
//!
//! Paths are written as the checker writes them: `sections[0].tasks[3].id`; the empty path is
//! the whole document. A path that does not exist (a missing field) is placed at its nearest
//! existing ancestor (the object that lacks the field).

use std::collections::HashMap;

/// A position in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Positions of `paths` in `text`, which must be well-formed JSON (it was parsed before).
/// Returns one position per path, in order.
pub fn locate(text: &str, paths: &[&str]) -> Vec<Pos> {
    let mut wanted: HashMap<String, Option<usize>> = HashMap::new();
    for p in paths {
        for a in ancestors(p) {
            wanted.insert(a.to_string(), None);
        }
    }
    let mut walker = Walker {
        bytes: text.as_bytes(),
        i: 0,
        wanted: &mut wanted,
    };
    let mut path = String::new();
    walker.value(&mut path, true);
    let lines = LineIndex::new(text);
    paths
        .iter()
        .map(|p| {
            let offset = ancestors(p)
                .find_map(|a| wanted.get(a).copied().flatten())
                .unwrap_or(0);
            lines.pos(text, offset)
        })
        .collect()
}

/// Line and column (in characters) of a byte offset.
pub fn pos_of_offset(text: &str, offset: usize) -> Pos {
    LineIndex::new(text).pos(text, offset)
}

/// `a.b[2].c`, `a.b[2]`, `a.b`, `a`, `` (the path itself first).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let p = next?;
        next = if p.is_empty() {
            None
        } else {
            Some(p.rfind(['.', '[']).map_or("", |i| &p[..i]))
        };
        Some(p)
    })
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Pos { line, column }
    }
}

/// A tolerant walk over well-formed JSON that records where each wanted path starts.
struct Walker<'a> {
    bytes: &'a [u8],
    i: usize,
    wanted: &'a mut HashMap<String, Option<usize>>,
}

impl Walker<'_> {
    fn ws(&mut self) {
        while self.i < self.bytes.len() && self.bytes[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    /// A value at `self.i`; `record`: note where it starts (members are placed at their key).
    fn value(&mut self, path: &mut String, record: bool) {
        self.ws();
        if record && let Some(slot) = self.wanted.get_mut(path.as_str()) {
            *slot = Some(self.i);
        }
        match self.bytes.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.bytes.get(self.i) {
                        Some(b'"') => {}
                        Some(b'}') | None => break,
                        _ => {
                            self.i += 1;
                            continue;
                        }
                    }
                    let key_at = self.i;
                    let key = self.string();
                    self.ws();
                    if self.bytes.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    // A member is placed at its key: `"id": 5` points at `"id"`.
                    if let Some(slot) = self.wanted.get_mut(path.as_str()) {
                        *slot = Some(key_at);
                    }
                    self.value(path, false);
                    path.truncate(len);
                    self.ws();
                    if self.bytes.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            Some(b'[') => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    if matches!(self.bytes.get(self.i), Some(b']') | None) {
                        break;
                    }
                    let len = path.len();
                    path.push_str(&format!("[{n}]"));
                    self.value(path, true);
                    path.truncate(len);
                    n += 1;
                    self.ws();
                    if self.bytes.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self.i < self.bytes.len()
                    && !matches!(self.bytes[self.i], b',' | b'}' | b']')
                    && !self.bytes[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
            }
            None => {}
        }
    }

    /// A string at `self.i` (on its quote), unescaped.
    fn string(&mut self) -> String {
        let start = self.i;
        self.i += 1;
        while self.i < self.bytes.len() {
            match self.bytes[self.i] {
                b'\\' => self.i += 2,
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        let raw = &self.bytes[start..self.i.min(self.bytes.len())];
        serde_json::from_slice(raw).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"x\",\n  \"sections\": [\n    {\"tasks\": [{\"id\": \"1\"}, {\"id\": \"2\", \"标题\": 3}]}\n  ]\n}";

    fn at(path: &str) -> (usize, usize) {
        let p = locate(TEXT, &[path])[0];
        (p.line, p.column)
    }

    #[test]
    fn finds_values_by_path() {
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("id"), (2, 3));
        assert_eq!(at("sections"), (3, 3));
        assert_eq!(at("sections[0]"), (4, 5));
        assert_eq!(at("sections[0].tasks"), (4, 6));
        assert_eq!(at("sections[0].tasks[0]"), (4, 16));
        assert_eq!(at("sections[0].tasks[0].id"), (4, 17));
        assert_eq!(at("sections[0].tasks[1]"), (4, 29));
        assert_eq!(at("sections[0].tasks[1].id"), (4, 30));
    }

    #[test]
    fn an_unknown_key_points_at_the_key_and_columns_count_characters() {
        assert_eq!(at("sections[0].tasks[1].标题"), (4, 41));
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_ancestor() {
        assert_eq!(at("sections[0].tasks[1].title"), (4, 29));
        assert_eq!(at("sections[7].tasks[1]"), (3, 3));
        assert_eq!(at("nothing"), (1, 1));
    }

    #[test]
    fn escaped_keys_and_strings_do_not_confuse_it() {
        let text = r#"{"a\"b": "x]}\"", "c": [1, {"d": null}]}"#;
        let p = locate(text, &["c[1].d", "a\"b"]);
        assert_eq!((p[0].line, p[0].column), (1, 29));
        assert_eq!((p[1].line, p[1].column), (1, 2));
    }

    #[test]
    fn offsets_become_lines_and_char_columns() {
        assert_eq!(pos_of_offset("ab\n市x", 7), Pos { line: 2, column: 3 });
        assert_eq!(pos_of_offset("", 5), Pos { line: 1, column: 1 });
    }
}
