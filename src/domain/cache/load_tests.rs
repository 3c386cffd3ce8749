//! The loader's use of the sources' stamps: recorded only once settled, the header rewritten
//! then, and an edit in place seen however little it changes.

use std::time::{Duration, SystemTime};

use super::*;
use crate::domain::cache::{MARGIN, archive};
use crate::domain::generate;

const V: &str = "1.2.3";

struct Setup {
    _dir: tempfile::TempDir,
    source: PathBuf,
    file: PathBuf,
    entries: Vec<Entry>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("n.json");
    let mut doc = generate::document(12, 3);
    doc.id = "n".into();
    doc.title = "标题甲".into();
    std::fs::write(&source, serde_json::to_vec(&doc).unwrap()).unwrap();
    let entries = vec![Entry {
        id: "n".into(),
        source: Source::File(source.clone()),
    }];
    let file = dir.path().join("cache").join(FILE);
    Setup {
        _dir: dir,
        source,
        file,
        entries,
    }
}

impl Setup {
    fn load(&self, since: SystemTime) -> Catalog {
        let mut got = catalogs_since(&self.entries, Some(&self.file), V, false, since);
        got.remove(0).expect("the notice loads")
    }

    /// What the cache file records for the notice: its hash and stamp.
    fn recorded(&self) -> (Hash, Option<Stamp>) {
        let cache = open(&self.file, V).expect("a cache was written");
        let (id, h, s) = cache.notices().next().unwrap();
        assert_eq!(id, "n");
        (h, s)
    }

    /// The cache file's identity: changes when it is written anew.
    fn written(&self) -> (u64, SystemTime) {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(&self.file).unwrap();
        (meta.ino(), meta.modified().unwrap())
    }

    fn age(&self, by: Duration) {
        let f = std::fs::File::options()
            .write(true)
            .open(&self.source)
            .unwrap();
        f.set_modified(SystemTime::now() - by).unwrap();
    }
}

#[test]
fn a_fresh_source_is_recorded_without_its_stamp_until_it_has_settled() {
    let s = setup();
    let now = SystemTime::now();
    s.load(now);
    let (h, stamp) = s.recorded();
    assert_eq!(h, hash(&std::fs::read(&s.source).unwrap()));
    assert_eq!(stamp, None, "written just now: racily clean");
    // Still too recent: nothing new to say, the cache is not written again.
    let before = s.written();
    s.load(now);
    assert_eq!(s.written(), before);
    assert_eq!(s.recorded().1, None);
    // Old enough now: the header is rewritten once, with the stamp.
    let later = now + MARGIN + Duration::from_secs(1);
    s.load(later);
    assert_eq!(s.recorded(), (h, Stamp::at(&s.source)));
    assert!(s.recorded().1.is_some());
    let after = s.written();
    assert_ne!(after, before);
    s.load(later);
    assert_eq!(s.written(), after, "recorded: not written again");
}

#[test]
fn a_source_touched_with_an_old_mtime_is_not_recorded_while_its_ctime_is_recent() {
    let s = setup();
    s.age(Duration::from_secs(3600));
    s.load(SystemTime::now());
    assert_eq!(s.recorded().1, None, "the ctime moved just now");
}

#[test]
fn an_edit_in_place_of_the_same_length_is_seen() {
    let s = setup();
    s.age(Duration::from_secs(3600));
    let later = SystemTime::now() + MARGIN + Duration::from_secs(1);
    assert_eq!(s.load(later).doc.title, "标题甲");
    let recorded = s.recorded().1.expect("settled: recorded");
    let text = std::fs::read_to_string(&s.source).unwrap();
    let edited = text.replace("标题甲", "标题乙");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&s.source, edited).unwrap();
    let now = Stamp::at(&s.source).unwrap();
    assert_eq!(
        (now.len, now.ino, now.dev),
        (recorded.len, recorded.ino, recorded.dev)
    );
    assert_eq!(s.load(later).doc.title, "标题乙");
    assert_eq!(
        s.recorded().0,
        hash(text.replace("标题甲", "标题乙").as_bytes())
    );
}

#[test]
fn a_recorded_stamp_that_matches_is_trusted_without_reading_the_source() {
    let s = setup();
    let later = SystemTime::now() + MARGIN + Duration::from_secs(1);
    s.load(later);
    let (h, stamp) = s.recorded();
    let stamp = stamp.expect("recorded");
    // The cache rewritten to say the source hashes to something else, with its real stamp and
    // another title: a loader that hashed the source would refuse this slot and read the JSON.
    let cache = open(&s.file, V).unwrap();
    let mut notice = cache.notice("n", h).unwrap();
    notice.doc.title = "缓存里的".into();
    let arch = archive(&notice);
    let other = hash(b"not the source");
    let record = |stamp| Record {
        id: "n",
        source: other,
        stamp,
        archive: &arch,
    };
    std::fs::write(&s.file, encode(V, &[record(Some(stamp))])).unwrap();
    assert_eq!(s.load(later).doc.title, "缓存里的", "taken on its stamp");
    // The control: without a stamp, or with another, the source is read and the slot refused.
    let moved = Stamp {
        mtime: stamp.mtime + 1,
        ..stamp
    };
    for stamp in [None, Some(moved)] {
        std::fs::write(&s.file, encode(V, &[record(stamp)])).unwrap();
        assert_eq!(s.load(later).doc.title, "标题甲", "{stamp:?}");
    }
}
