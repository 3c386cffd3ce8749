//! A cache file that someone else could have written (another owner, or writable by group or
//! others) has every archive checked byte by byte (bytecheck), as before: garbage under good
//! checksums gives the answers of no cache. (A file only its user can write is read in place
//! without that check: src/domain/cache/private.rs.)

use std::os::unix::fs::PermissionsExt;

use fgf::domain::cache::{self, Record};
use rkyv::util::AlignedVec;

use crate::cache::{answers, cache_file, ok, stored, workspace};

#[test]
fn a_shared_cache_file_with_garbage_under_good_checksums_answers_as_no_cache() {
    let sb = workspace();
    let without = answers(&sb, false);
    // Every notice recorded under its source's real hash and metadata, its archive garbage.
    let mut garbage = AlignedVec::<16>::new();
    garbage.extend_from_slice(&[0xA5; 4096]);
    let ids = ["gen-1", "gen-2", "gen-3"];
    let sources: Vec<_> = ids
        .iter()
        .map(|id| cache::hash(&std::fs::read(stored(&sb, id)).unwrap()))
        .collect();
    let records: Vec<Record> = ids
        .iter()
        .zip(&sources)
        .map(|(id, source)| Record {
            id,
            source: *source,
            stamp: cache::Stamp::at(&stored(&sb, id)),
            archive: &garbage,
        })
        .collect();
    let file = cache_file(&sb);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    for mode in [0o660, 0o606] {
        std::fs::write(&file, cache::encode(&cache::version(), &records)).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        assert_eq!(answers(&sb, true), without, "mode {mode:o}");
        // The garbage was refused and a good cache written in its place, the user's alone.
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(meta.permissions().mode() & 0o077, 0, "mode {mode:o}");
        ok(sb.run(&["docs"]));
    }
}
