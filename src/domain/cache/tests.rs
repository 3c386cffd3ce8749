use super::*;
use crate::domain::generate;

const V: &str = "1.2.3";

fn file_of(docs: &[(&str, &Document)]) -> Vec<u8> {
    let archives: Vec<(String, Hash, AlignedVec<ALIGN>)> = docs
        .iter()
        .map(|(id, d)| (id.to_string(), hash(id.as_bytes()), archive(d)))
        .collect();
    let list: Vec<(&str, Hash, &[u8])> = archives
        .iter()
        .map(|(id, h, a)| (id.as_str(), *h, a.as_slice()))
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
    assert_eq!(cache.document("a", hash(b"a")), Some(a));
    assert_eq!(cache.document("b", hash(b"b")), Some(b));
    assert_eq!(cache.document("a", hash(b"a changed")), None, "stale");
    assert_eq!(cache.document("c", hash(b"c")), None, "absent");
    let ids: Vec<&str> = cache.notices().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn the_embedded_document_survives_the_archive_whole() {
    // Every field, format 2's and the dates included (the 103号 uses most of them).
    let doc = crate::domain::seeds::embedded().doc;
    assert_eq!(unarchive(&archive(&doc)), Some(doc));
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
                if let Some(got) = cache.document(id, hash(id.as_bytes())) {
                    assert_eq!(&got, doc, "flip at {at} bit {bit} changed {id}");
                }
            }
        }
    }
}

#[test]
fn garbage_with_good_checksums_is_refused_by_the_archive_check() {
    // A notice's bytes replaced by noise, its checksum made to fit: bytecheck refuses it.
    let noise: Vec<u8> = (0..600u32).map(|i| (i * 37 % 251) as u8).collect();
    let bytes = encode(V, &[("a", hash(b"a"), &noise)]);
    let cache = Cache::parse(aligned(&bytes), V).unwrap();
    assert!(cache.archive("a", hash(b"a")).is_some(), "checksum fits");
    assert_eq!(cache.document("a", hash(b"a")), None);
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
