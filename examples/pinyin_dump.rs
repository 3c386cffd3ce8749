//! Prints fgf's pinyin reading of every text of the embedded document, one JSON line a text:
//! `{"where", "text", "syllables": [[char index, syllable], …]}` (for checking heteronyms against
//! another reading, e.g. tools/check_pinyin.py).
use fgf::domain::search::pinyin;
use fgf::domain::seeds;

fn main() {
    let cat = seeds::embedded();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for u in &cat.doc.units {
        texts.push((format!("unit {}", u.name), &u.name));
    }
    for (s, t) in cat.tasks() {
        texts.push((format!("section {}", s.key), &s.title));
        texts.push((format!("task {}", t.id), &t.title));
        for m in &t.measures {
            texts.push((format!("measure {}", m.id), &m.text));
        }
    }
    for (place, text) in texts {
        let (keys, map) = pinyin::keys_with_map(text);
        let mut syllables = Vec::new();
        let spelled = keys.spelled.as_bytes();
        let mut start = 0;
        for i in 1..=spelled.len() {
            if i == spelled.len() || pinyin::is_start(spelled[i]) {
                let s = keys.spelled[start..i].to_ascii_lowercase();
                syllables.push(serde_json::json!([map[syllables.len()], s]));
                start = i;
            }
        }
        println!(
            "{}",
            serde_json::json!({"where": place, "text": text, "syllables": syllables})
        );
    }
}
