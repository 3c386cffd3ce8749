//! What the workspace's cache keeps besides the document: its search index (pinyin keys built)
//! and whether its text needs neutralising at all. Both describe the document as loaded: a
//! change to it (verified readings, neutralising) drops them.

use std::sync::Arc;

use super::Catalog;
use crate::domain::model::Document;
use crate::domain::search::Index;
use crate::domain::untrusted::sanitize_document;

impl Catalog {
    /// The catalog with the search index the cache kept for this very document, and whether
    /// `sanitized` would change nothing in it (see `needs_no_sanitizing`).
    pub fn with_prepared(mut self, index: Index, clean: bool) -> Catalog {
        self.prepared = Some(Arc::new(index));
        self.clean = clean;
        self
    }

    /// The catalog, known (by the cache) to need no neutralising when `clean`.
    pub fn known_clean(mut self, clean: bool) -> Catalog {
        self.clean = clean;
        self
    }

    /// The search index of this document, when the cache had it.
    pub fn prepared_index(&self) -> Option<&Index> {
        self.prepared.as_deref()
    }

    /// The search index: the cache's, else built now.
    pub fn search_index(&self) -> SearchIndex<'_> {
        match self.prepared_index() {
            Some(index) => SearchIndex::Kept(index),
            None => SearchIndex::Built(Box::new(Index::new(self))),
        }
    }

    pub(super) fn drop_prepared(&mut self) {
        self.prepared = None;
        self.clean = false;
    }
}

/// A catalog's search index, kept by the cache or built for this use.
pub enum SearchIndex<'a> {
    Kept(&'a Index),
    Built(Box<Index>),
}

impl std::ops::Deref for SearchIndex<'_> {
    type Target = Index;

    fn deref(&self) -> &Index {
        match self {
            SearchIndex::Kept(index) => index,
            SearchIndex::Built(index) => index,
        }
    }
}

/// Whether neutralising the text of `doc` for a terminal changes nothing (no control character,
/// escape sequence or bidi control anywhere): then the catalog shown is the catalog loaded.
pub fn needs_no_sanitizing(doc: &Document) -> bool {
    let mut copy = doc.clone();
    sanitize_document(&mut copy);
    copy == *doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seeds;

    #[test]
    fn a_change_to_the_document_drops_what_was_prepared() {
        let cat = seeds::embedded();
        let clean = needs_no_sanitizing(&cat.doc);
        assert!(clean, "the 103号 has no control characters");
        let index = Index::new(&cat);
        let cat = cat.with_prepared(index, clean);
        assert!(cat.prepared_index().is_some());
        let cat = cat.sanitized();
        assert!(cat.prepared_index().is_some(), "clean: nothing changed");
        let mut cat = cat;
        cat.apply_verified(&crate::domain::State::new("x"));
        assert!(cat.prepared_index().is_none());
        let mut doc = seeds::embedded().doc;
        doc.title.push('\u{1b}');
        assert!(!needs_no_sanitizing(&doc));
        let dirty = Catalog::new(doc).unwrap();
        let index = Index::new(&dirty);
        let shown = dirty.with_prepared(index, false).sanitized();
        assert!(shown.prepared_index().is_none());
        assert!(!shown.doc.title.contains('\u{1b}'));
    }
}
