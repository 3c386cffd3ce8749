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
        // One reading a character that has one, and the index of that character.
        let (_, at) = pinyin::keys_with_map(text);
        let spelled = pinyin::spell(text);
        let syllables: Vec<_> = at
            .iter()
            .zip(spelled.split(' '))
            .map(|(i, s)| serde_json::json!([i, s]))
            .collect();
        println!(
            "{}",
            serde_json::json!({"where": place, "text": text, "syllables": syllables})
        );
    }
}
