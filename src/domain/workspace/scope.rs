//! The search scope `in:KEY` (also `in：KEY`, full-width): limits a query to the notices KEY names
//! (id, 文号 or its unique ending, as `--doc` takes). Several `in:` words mean any of them. The scope
//! is taken out of the query before the search engine sees it.

/// The query without its `in:` words, and the keys those words name.
pub fn split(query: &str) -> (String, Vec<String>) {
    let mut rest = Vec::new();
    let mut keys = Vec::new();
    for word in query.split([' ', '\u{3000}']).filter(|w| !w.is_empty()) {
        let key = word
            .strip_prefix("in:")
            .or_else(|| word.strip_prefix("in："))
            .or_else(|| word.strip_prefix("ｉｎ："));
        match key {
            Some(k) if !k.is_empty() => keys.push(k.to_string()),
            _ => rest.push(word),
        }
    }
    if keys.is_empty() {
        // Untouched: the engine's own spacing rules (an escaped space) stay as typed.
        return (query.to_string(), keys);
    }
    (rest.join(" "), keys)
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn in_words_are_taken_out() {
        assert_eq!(
            split("营商 in:39号 @发改委"),
            ("营商 @发改委".to_string(), vec!["39号".to_string()])
        );
        assert_eq!(
            split("in：103号\u{3000}企业"),
            ("企业".to_string(), vec!["103号".to_string()])
        );
        assert_eq!(split("in: x"), ("in: x".to_string(), vec![]));
    }
}
