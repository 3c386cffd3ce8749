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

/// Why a query's `in:` words do not name its notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unscoped {
    /// No notice of the workspace is KEY.
    Unknown(String),
    /// KEY is the ending of several notices' 文号 (listed).
    Several(String, Vec<String>),
}

/// The notices (indices into `docs`, given as (id, 文号)) a query's `in:` words name, in the
/// workspace's order (all of them when it has none), and the query without those words.
pub fn pick(docs: &[(&str, &str)], query: &str) -> Result<(Vec<usize>, String), Unscoped> {
    let (rest, keys) = split(query);
    if keys.is_empty() {
        return Ok(((0..docs.len()).collect(), rest));
    }
    let mut picked = vec![false; docs.len()];
    for key in keys {
        match super::find_in(docs, &key) {
            Ok(Some(i)) => picked[i] = true,
            Ok(None) => return Err(Unscoped::Unknown(key)),
            Err(many) => {
                let many = many.into_iter().map(str::to_string).collect();
                return Err(Unscoped::Several(key, many));
            }
        }
    }
    Ok(((0..docs.len()).filter(|&i| picked[i]).collect(), rest))
}

#[cfg(test)]
mod tests {
    use super::{Unscoped, pick, split};

    #[test]
    fn in_words_pick_notices_in_the_workspace_order() {
        let docs = [
            ("a", "x〔2019〕103号"),
            ("b", "y〔2020〕39号"),
            ("c", "z〔2021〕39号"),
        ];
        assert_eq!(pick(&docs, "营商"), Ok((vec![0, 1, 2], "营商".to_string())));
        assert_eq!(
            pick(&docs, "in:c 营商 in:103号"),
            Ok((vec![0, 2], "营商".to_string()))
        );
        assert_eq!(
            pick(&docs, "in:9号 x"),
            Err(Unscoped::Several(
                "9号".to_string(),
                vec!["y〔2020〕39号".to_string(), "z〔2021〕39号".to_string()]
            ))
        );
        assert_eq!(
            pick(&docs, "in:nope"),
            Err(Unscoped::Unknown("nope".into()))
        );
    }

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
