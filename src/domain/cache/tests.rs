use super::*;
use crate::domain::catalog::Catalog;
use crate::domain::generate;

const V: &str = "1.2.3";

fn notice(doc: &Document) -> Notice {
    Notice::build(doc.clone()).expect("a valid document").0
}

/// The document a cache gives back for `id`.
fn doc_of(cache: &Cache, id: &str) -> Option<Document> {
    cache.notice(id, hash(id.as_bytes())).map(|n| n.doc)
}

fn file_of(docs: &[(&str, &Document)]) -> Vec<u8> {
    let archives: Vec<(String, Hash, AlignedVec<ALIGN>)> = docs
        .iter()
        .map(|(id, d)| (id.to_string(), hash(id.as_bytes()), archive(&notice(d))))
        .collect();
    let list: Vec<Record> = archives
        .iter()
        .map(|(id, h, a)| Record {
            id,
            source: *h,
            stamp: None,
            archive: a,
        })
        .collect();
    encode(V, &list)
}

fn aligned(bytes: &[u8]) -> AlignedVec<ALIGN> {
    let mut v = AlignedVec::new();
    v.extend_from_slice(bytes);
    v
}

fn two() -> (Document, Document) {
    let mut a = generate::document(30, 1);
    a.id = "a".into();
    let mut b = generate::document(25, 2);
    b.id = "b".into();
    b.signed = Some(jiff::civil::date(2020, 2, 29));
    (a, b)
}

#[test]
fn documents_come_back_equal_under_their_id_and_source_hash_only() {
    let (a, b) = two();
    let cache = Cache::parse(aligned(&file_of(&[("a", &a), ("b", &b)])), V).unwrap();
    let back = cache.notice("a", hash(b"a")).unwrap();
    assert_eq!(back, notice(&a), "document, index and all");
    assert_eq!(doc_of(&cache, "b"), Some(b));
    assert!(cache.notice("a", hash(b"a changed")).is_none(), "stale");
    assert!(cache.notice("c", hash(b"c")).is_none(), "absent");
    let ids: Vec<&str> = cache.notices().map(|(id, ..)| id).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn the_embedded_document_survives_the_archive_whole() {
    // Every field, format 2's and the dates included (the 103号 uses most of them).
    let doc = crate::domain::seeds::embedded().doc;
    let kept = notice(&doc);
    assert!(kept.clean);
    assert_eq!(unarchive(&archive(&kept)), Some(kept));
}

#[test]
fn a_catalog_from_the_kept_document_is_the_catalog_from_the_source() {
    // The archive keeps the document as its catalog holds it (format 2's inherited allocations
    // filled in): making a catalog of it again must change nothing.
    for doc in crate::domain::generate::samples() {
        let from_source = Catalog::new(doc.clone()).unwrap();
        let kept = notice(&doc);
        let again = Catalog::new(kept.doc.clone()).unwrap();
        assert_eq!(again.doc, from_source.doc, "{}", doc.id);
        assert_eq!(kept.doc, from_source.doc, "{}", doc.id);
    }
}

#[test]
fn another_version_or_format_is_refused() {
    let (a, _) = two();
    let bytes = file_of(&[("a", &a)]);
    assert_eq!(
        Cache::parse(aligned(&bytes), "9.9.9").err(),
        Some(Invalid::Version(V.into()))
    );
    let mut other = bytes.clone();
    other[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
    assert_eq!(
        Cache::parse(aligned(&other), V).err(),
        Some(Invalid::Format(FORMAT + 1))
    );
}

#[test]
fn empty_truncated_and_foreign_files_are_refused() {
    let (a, b) = two();
    let bytes = file_of(&[("a", &a), ("b", &b)]);
    assert_eq!(Cache::parse(aligned(b""), V).err(), Some(Invalid::Magic));
    assert_eq!(
        Cache::parse(aligned(b"{\"format\": 1}"), V).err(),
        Some(Invalid::Magic)
    );
    // Cut anywhere in the header: refused; cut in the archives: the header's places do not fit.
    for cut in [9, 20, 40, 60, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Cache::parse(aligned(&bytes[..cut]), V).is_err(),
            "cut at {cut} passed"
        );
    }
}

#[test]
fn any_flipped_bit_is_caught_by_the_header_or_the_notice_checksum() {
    let (mut a, mut b) = (generate::document(3, 1), generate::document(2, 2));
    (a.id, b.id) = ("a".into(), "b".into());
    let bytes = file_of(&[("a", &a), ("b", &b)]);
    // About 400 bytes spread over the file, a different bit each: no flip may give a document
    // other than the one archived.
    let step = (bytes.len() / 400).max(1);
    for at in (0..bytes.len()).step_by(step) {
        for bit in [at % 8] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1 << bit;
            let Ok(cache) = Cache::parse(aligned(&flipped), V) else {
                continue;
            };
            for (id, doc) in [("a", &a), ("b", &b)] {
                if let Some(got) = cache.notice(id, hash(id.as_bytes())) {
                    assert_eq!(got, notice(doc), "flip at {at} bit {bit} changed {id}");
                }
            }
        }
    }
}

#[test]
fn garbage_with_good_checksums_is_refused_by_the_archive_check() {
    // A notice's bytes replaced by noise, its checksum made to fit: bytecheck refuses it.
    let noise: Vec<u8> = (0..600u32).map(|i| (i * 37 % 251) as u8).collect();
    let bytes = encode(
        V,
        &[Record {
            id: "a",
            source: hash(b"a"),
            stamp: None,
            archive: &noise,
        }],
    );
    let cache = Cache::parse(aligned(&bytes), V).unwrap();
    assert!(cache.bytes("a", hash(b"a")).is_some(), "checksum fits");
    assert!(cache.notice("a", hash(b"a")).is_none());
}

#[test]
fn archives_out_of_place_are_refused() {
    let (a, _) = two();
    let mut bytes = file_of(&[("a", &a)]);
    // The first slot's offset (after magic, format, version, count, id): made unaligned.
    let at = 8 + 4 + 4 + V.len() + 4 + 4 + 1 + 16;
    bytes[at] = bytes[at].wrapping_add(1);
    assert!(Cache::parse(aligned(&bytes), V).is_err());
}

/// `bytes` in a cache file of a temporary directory: (the directory, the file's path).
fn on_disk(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn open(path: &std::path::Path) -> Result<Cache, Invalid> {
    Cache::open(&std::fs::File::open(path).unwrap(), V)
}

#[test]
fn a_cache_read_from_its_file_reads_only_what_is_asked_and_checks_it_the_same() {
    let (a, b) = two();
    let bytes = file_of(&[("a", &a), ("b", &b)]);
    let (_dir, path) = on_disk(&bytes);
    let cache = open(&path).unwrap();
    assert_eq!(doc_of(&cache, "b"), Some(b));
    // (Unmapped before the file is cut in place below: fgf itself never does that.)
    drop(cache);
    // Truncated in the archives: the header's places no longer fit the file.
    std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
    assert_eq!(open(&path).err(), Some(Invalid::Layout));
    // A flipped byte in an archive: the header passes, that notice does not.
    let mut flipped = bytes.clone();
    let last = flipped.len() - 40;
    flipped[last] ^= 4;
    std::fs::write(&path, &flipped).unwrap();
    let cache = open(&path).unwrap();
    assert_eq!(doc_of(&cache, "a"), Some(a));
    assert!(doc_of(&cache, "b").is_none());
}

#[test]
fn a_notice_is_read_in_place_from_the_mapped_file() {
    let (a, b) = two();
    let (dir, path) = on_disk(&file_of(&[("a", &a), ("b", &b)]));
    let cache = open(&path).unwrap();
    let first = cache.bytes("b", hash(b"b")).unwrap();
    assert_eq!(first, archive(&notice(&b)).as_slice());
    assert!((first.as_ptr() as usize).is_multiple_of(ALIGN));
    let again = cache.bytes("b", hash(b"b")).unwrap();
    assert_eq!(first.as_ptr(), again.as_ptr(), "the same bytes: not copied");
    // Deserialised, its pages are given back to the page cache; read again, they are the same.
    assert!(first.len() > 3 * 4096, "whole pages to give back");
    assert!(cache.catalog("b", hash(b"b"), true).is_some());
    assert_eq!(again, archive(&notice(&b)).as_slice());
    // Replaced by a rename (as fgf writes it): the map still reads the file it opened.
    let next = dir.path().join("next");
    std::fs::write(&next, file_of(&[("a", &a)])).unwrap();
    std::fs::rename(&next, &path).unwrap();
    assert_eq!(doc_of(&cache, "b"), Some(b));
}

#[test]
fn a_catalog_comes_with_its_kept_index_only_when_asked() {
    let (a, b) = two();
    let cache = Cache::parse(aligned(&file_of(&[("a", &a), ("b", &b)])), V).unwrap();
    let bare = cache.catalog("a", hash(b"a"), false).unwrap();
    assert!(bare.prepared_index().is_none());
    assert_eq!(bare.doc, Catalog::new(a.clone()).unwrap().doc);
    let searching = cache.catalog("a", hash(b"a"), true).unwrap();
    let kept = searching.prepared_index().expect("the kept index");
    let fresh = crate::domain::search::Index::new(&searching);
    assert_eq!(kept.len(), fresh.len());
    let q = crate::domain::search::Options {
        limit: usize::MAX,
        units: true,
    };
    let hits = |i: &crate::domain::search::Index| {
        crate::domain::search::search(&searching, i, "发改委", &q).hits
    };
    assert_eq!(hits(kept), hits(&fresh));
    assert!(!hits(kept).is_empty());
    assert!(cache.catalog("a", hash(b"other"), true).is_none());
}

#[test]
fn a_cached_catalog_is_the_one_validation_gives_with_the_same_indexes() {
    let (mut a, b) = two();
    // A task's allocation, taken by a measure that names none (format 2's inheritance).
    a.format = 2;
    let task = &mut a.sections[0].tasks[0];
    task.lead = task.measures[0].lead.clone();
    let m = &mut task.measures[0];
    (m.lead, m.responsible, m.support) = Default::default();
    let cache = Cache::parse(aligned(&file_of(&[("a", &a), ("b", &b)])), V).unwrap();
    let first = cache.catalog("a", hash(b"a"), false).unwrap();
    assert!(first.doc.sections[0].tasks[0].measures[0].inherited);
    for (id, doc) in [("a", a), ("b", b)] {
        let cached = cache.catalog(id, hash(id.as_bytes()), false).unwrap();
        let checked = Catalog::new(doc).unwrap().known_clean(true);
        // Debug shows every index (tasks, unit names, leads, responsible, supports).
        assert_eq!(format!("{cached:?}"), format!("{checked:?}"), "{id}");
    }
}

#[test]
fn a_cached_notice_is_not_validated_again() {
    // An archive that validation would refuse (as no archive fgf writes is): taken as it is,
    // which shows the check is not run a second time on the cache's path.
    let (mut a, _) = two();
    a.title = String::new();
    assert!(Catalog::new(a.clone()).is_err());
    let (index, keys) = Stored::of(&Catalog::validated(a.clone()));
    let notice = Notice {
        index,
        keys,
        doc: a,
        clean: true,
    };
    let arch = archive(&notice);
    let record = Record {
        id: "a",
        source: hash(b"a"),
        stamp: None,
        archive: &arch,
    };
    let cache = Cache::parse(aligned(&encode(V, &[record])), V).unwrap();
    let cat = cache
        .catalog("a", hash(b"a"), true)
        .expect("taken unchecked");
    assert_eq!(cat.doc.title, "");
}

#[test]
fn a_large_archive_is_checked_block_by_block_and_any_changed_byte_is_caught() {
    let bytes: Vec<u8> = (0..3 * BLOCK + 1234)
        .map(|i| (i * 31 % 253) as u8)
        .collect();
    let whole = archive_sum(&bytes);
    assert_eq!(whole, archive_sum(&bytes.clone()));
    // A byte changed at a block's ends, inside one, in the last (short) block.
    for at in [0, BLOCK - 1, BLOCK, 2 * BLOCK + 77, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x10;
        assert_ne!(archive_sum(&changed), whole, "a byte changed at {at}");
    }
    // The blocks' order counts, and so does every byte's presence.
    let mut swapped = bytes[BLOCK..2 * BLOCK].to_vec();
    swapped.extend_from_slice(&bytes[..BLOCK]);
    swapped.extend_from_slice(&bytes[2 * BLOCK..]);
    assert_ne!(archive_sum(&swapped), whole);
    assert_ne!(archive_sum(&bytes[..bytes.len() - 1]), whole);
}

#[test]
fn a_notice_archived_over_several_blocks_reads_back_and_a_flip_in_any_is_caught() {
    let doc = generate::document(3000, 7);
    let bytes = file_of(&[("big", &doc)]);
    let cache = Cache::parse(aligned(&bytes), V).expect("valid");
    let range = cache.slots[0].range.clone();
    assert!(
        range.len() > 2 * BLOCK,
        "{} bytes: several blocks",
        range.len()
    );
    assert_eq!(doc_of(&cache, "big"), Some(notice(&doc).doc));
    for at in [range.start, range.start + BLOCK + 5, range.end - 1] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 4;
        let cache = Cache::parse(aligned(&flipped), V).expect("the header holds");
        assert_eq!(doc_of(&cache, "big"), None, "flip at {at}");
    }
}

#[test]
fn archiving_a_catalog_in_place_gives_the_archive_and_catalog_of_build() {
    // `Notice::archived` lends the catalog's document to the notice instead of copying it.
    for doc in generate::samples() {
        let (notice, cat) = Notice::build(doc.clone()).expect("valid");
        let (lent, bytes) = Notice::archived(Catalog::new(doc).unwrap());
        assert_eq!(bytes.as_slice(), archive(&notice).as_slice());
        assert_eq!(lent.doc, cat.doc);
        assert!(!lent.doc.sections.is_empty(), "the document came back");
        assert!(
            lent.prepared_index().is_some(),
            "with the index it was archived with"
        );
    }
}
