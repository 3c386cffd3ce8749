//! The workspace's cache (issue 13): answers with the cache are the answers without it
//! (`FGF_NO_CACHE=1`); a changed source, another fgf version or format, and every kind of broken
//! cache file (truncated, bit-flipped, empty, a directory, unreadable, two writers at once) give
//! the same answers as no cache, say nothing, and leave a good cache behind.

use std::path::PathBuf;
use std::process::Output;

use fgf::domain::cache::{self, Cache, Hash};
use fgf::domain::model::Document;
use rkyv::util::AlignedVec;

use crate::support::sealed::{Sandbox, output};

/// The commands whose answers are compared, each as JSON.
const ASKS: &[&[&str]] = &[
    &["who", "发改委", "--json", "--limit", "0"],
    &["search", "营商", "--json", "--limit", "0"],
    &["unit", "--json"],
    &["unit", "市发展改革委", "--json"],
    &["progress", "--json", "--as-of", "2020-07-01"],
    &["deadlines", "--json", "--as-of", "2020-07-01"],
    &["docs", "--json", "--as-of", "2020-07-01"],
    &["docs", "--as-of", "2019-12-01"],
    &["export", "--format", "json"],
    &["--doc", "gen-2", "who", "发改委", "--json"],
    // Text too, and queries of every kind (read in place from the cache when it is up to date).
    &["who", "发改委", "--limit", "0"],
    &["who", "in:gen-2", "1.1", "--limit", "0"],
    &["search", "营商", "--limit", "0"],
    &["search", "fgw", "--limit", "0"],
    &["search", "@scjgj 服务 !海关", "--json", "--limit", "0"],
    &["search", "in:gen-3 >2020", "--limit", "0"],
    &["--doc", "gen-2", "search", "营商 | fgw", "--limit", "0"],
];

pub(crate) fn ok(o: Output) -> Output {
    assert!(
        o.status.success(),
        "fgf failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// A workspace of the 103号 and three generated notices.
pub(crate) fn workspace() -> Sandbox {
    let sb = Sandbox::new();
    let mut paths = Vec::new();
    for i in 1..=3 {
        let id = format!("gen-{i}");
        let o = ok(sb.run(&[
            "doc",
            "generate",
            "--measures",
            "30",
            "--seed",
            &i.to_string(),
            "--id",
            &id,
        ]));
        let path = sb.path().join(format!("{id}.json"));
        std::fs::write(&path, &o.stdout).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["add"];
    args.extend(paths.iter().map(String::as_str));
    ok(sb.run(&args));
    // Check-offs in one notice's state file: its figures read in place count them (docs).
    ok(sb.run(&["--doc", "gen-2", "check", "1", "2.1"]));
    sb
}

pub(crate) fn cache_file(sb: &Sandbox) -> PathBuf {
    sb.path().join("xdg/cache/fgf").join(cache::FILE)
}

pub(crate) fn stored(sb: &Sandbox, id: &str) -> PathBuf {
    sb.data_dir().join(format!("workspace/notices/{id}.json"))
}

/// Every answer of `ASKS` (stdout and exit code), with or without the cache; stderr must be empty.
pub(crate) fn answers(sb: &Sandbox, with_cache: bool) -> Vec<(String, Option<i32>)> {
    ASKS.iter()
        .map(|args| {
            let mut cmd = sb.command();
            if !with_cache {
                cmd.env(cache::ENV_BYPASS, "1");
            }
            let o = output(cmd.args(*args));
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.is_empty(), "{args:?} said: {err}");
            (
                String::from_utf8_lossy(&o.stdout).into_owned(),
                o.status.code(),
            )
        })
        .collect()
}

/// The cache file as it stands, if it passes its checks for this fgf.
pub(crate) fn parsed(sb: &Sandbox) -> Option<Cache> {
    let bytes = std::fs::read(cache_file(sb)).ok()?;
    let mut v = AlignedVec::new();
    v.extend_from_slice(&bytes);
    Cache::parse(v, &cache::version()).ok()
}

/// The source hash the cache must hold for a stored notice.
fn source_hash(sb: &Sandbox, id: &str) -> Hash {
    cache::hash(&std::fs::read(stored(sb, id)).unwrap())
}

/// Asserts the cache holds every stored notice under its source's current hash.
fn assert_fresh(sb: &Sandbox) {
    let cache = parsed(sb).expect("a good cache was left behind");
    for id in ["gen-1", "gen-2", "gen-3"] {
        assert!(
            cache.notice(id, source_hash(sb, id)).is_some(),
            "{id} is not cached under its source's hash"
        );
    }
}

/// A cache file for `version` whose gen-2 says `title` (keyed by gen-2's real source hash).
fn poisoned(sb: &Sandbox, version: &str, title: &str) -> Vec<u8> {
    let bytes = std::fs::read(stored(sb, "gen-2")).unwrap();
    poisoned_as(sb, version, title, cache::hash(&bytes), None)
}

/// A cache file for `version` whose gen-2 says `title`, recorded under `source` and `stamp`.
fn poisoned_as(
    sb: &Sandbox,
    version: &str,
    title: &str,
    source: Hash,
    stamp: Option<cache::Stamp>,
) -> Vec<u8> {
    let bytes = std::fs::read(stored(sb, "gen-2")).unwrap();
    let mut doc: Document = serde_json::from_slice(&bytes).unwrap();
    doc.title = title.into();
    let arch = cache::archive(&cache::Notice::build(doc).unwrap().0);
    let record = cache::Record {
        id: "gen-2",
        source,
        stamp,
        archive: &arch,
    };
    cache::encode(version, &[record])
}

fn titles(sb: &Sandbox) -> String {
    String::from_utf8_lossy(&ok(sb.run(&["docs", "--json"])).stdout).into_owned()
}

#[test]
fn answers_with_the_cache_are_the_answers_without_it() {
    let sb = workspace();
    let without = answers(&sb, false);
    assert!(!cache_file(&sb).exists(), "FGF_NO_CACHE writes no cache");
    let building = answers(&sb, true);
    assert_fresh(&sb);
    // The sources' metadata is recorded once they are MARGIN old (the racily clean guard), and
    // the header is written again then: wait for that, by asking until it is so.
    let start = std::time::Instant::now();
    while !parsed(&sb).is_some_and(|c| c.notices().all(|(_, _, stamp)| stamp.is_some())) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "never settled"
        );
        ok(sb.run(&["docs"]));
    }
    let written = std::fs::metadata(cache_file(&sb)).unwrap();
    let built = answers(&sb, true);
    assert_eq!(building, without);
    assert_eq!(built, without);
    // A cache that holds every notice is read, not written again.
    use std::os::unix::fs::MetadataExt;
    let now = std::fs::metadata(cache_file(&sb)).unwrap();
    assert_eq!(
        (now.ino(), now.mtime_nsec()),
        (written.ino(), written.mtime_nsec())
    );
}

#[test]
fn a_valid_cache_is_what_answers() {
    // The control for the tests below: a cache that passes its checks is read instead of the
    // JSON, so a poisoned one that passed would show.
    let sb = workspace();
    std::fs::create_dir_all(cache_file(&sb).parent().unwrap()).unwrap();
    std::fs::write(
        cache_file(&sb),
        poisoned(&sb, &cache::version(), "缓存里的标题"),
    )
    .unwrap();
    assert!(titles(&sb).contains("缓存里的标题"));
}

#[test]
fn a_source_whose_recorded_metadata_matches_is_not_read() {
    // The cache says gen-2's source hashes to something it does not: only a run that takes the
    // recorded hash on the file's metadata, without reading the file, answers from it.
    let sb = workspace();
    std::fs::create_dir_all(cache_file(&sb).parent().unwrap()).unwrap();
    let other = cache::hash(b"not gen-2's text");
    let stamp = cache::Stamp::at(&stored(&sb, "gen-2")).unwrap();
    let moved = cache::Stamp {
        ctime: stamp.ctime - 1,
        ..stamp
    };
    for (recorded, read) in [(Some(stamp), false), (Some(moved), true), (None, true)] {
        let v = cache::version();
        let bytes = poisoned_as(&sb, &v, "元数据未变的标题", other, recorded);
        std::fs::write(cache_file(&sb), bytes).unwrap();
        let by_id = ok(sb.run(&["--doc", "gen-2", "docs", "--json"])).stdout;
        for answer in [titles(&sb), String::from_utf8_lossy(&by_id).into_owned()] {
            assert_eq!(!answer.contains("元数据未变的标题"), read, "{recorded:?}");
        }
    }
}

#[test]
fn another_version_or_format_is_rebuilt_never_read() {
    let sb = workspace();
    let good = answers(&sb, false);
    let old = poisoned(&sb, "0.0.1 0000000000000000", "旧版本的标题");
    let mut format = poisoned(&sb, &cache::version(), "别的格式的标题");
    format[8..12].copy_from_slice(&(cache::FORMAT + 1).to_le_bytes());
    std::fs::create_dir_all(cache_file(&sb).parent().unwrap()).unwrap();
    for (what, bytes) in [("version", old), ("format", format)] {
        std::fs::write(cache_file(&sb), bytes).unwrap();
        let t = titles(&sb);
        assert!(
            !t.contains("的标题"),
            "a cache of another {what} was read: {t}"
        );
        assert_fresh(&sb);
        assert_eq!(answers(&sb, true), good, "another {what}");
    }
}

#[test]
fn a_changed_source_is_read_again() {
    let sb = workspace();
    answers(&sb, true);
    let path = stored(&sb, "gen-2");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    doc["title"] = "改过的标题".into();
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    assert!(titles(&sb).contains("改过的标题"));
    assert_fresh(&sb);
    assert_eq!(answers(&sb, true), answers(&sb, false));
}

/// A way to break the cache file at a path.
type Break<'a> = Box<dyn Fn(&PathBuf) + 'a>;

#[test]
fn a_broken_cache_gives_the_answers_of_none_and_is_rebuilt() {
    let sb = workspace();
    let good = answers(&sb, false);
    answers(&sb, true);
    let whole = std::fs::read(cache_file(&sb)).unwrap();
    let mid = whole.len() / 2;
    let mut flipped = whole.clone();
    flipped[mid] ^= 0x10;
    let mut head_flipped = whole.clone();
    head_flipped[20] ^= 0x01;
    let breaks: Vec<(&str, Break)> = vec![
        (
            "truncated",
            Box::new(|p| std::fs::write(p, &whole[..mid]).unwrap()),
        ),
        (
            "bit-flipped",
            Box::new(|p| std::fs::write(p, &flipped).unwrap()),
        ),
        (
            "header flipped",
            Box::new(|p| std::fs::write(p, &head_flipped).unwrap()),
        ),
        ("empty", Box::new(|p| std::fs::write(p, b"").unwrap())),
        (
            "garbage",
            Box::new(|p| std::fs::write(p, b"{\"not\": \"a cache\"}").unwrap()),
        ),
        (
            "a directory",
            Box::new(|p| {
                std::fs::remove_file(p).unwrap();
                std::fs::create_dir_all(p.join("inside")).unwrap();
            }),
        ),
        (
            "unreadable",
            Box::new(|p| {
                use std::os::unix::fs::PermissionsExt;
                std::fs::write(p, &flipped).unwrap();
                std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).unwrap();
            }),
        ),
    ];
    for (what, break_it) in breaks {
        let path = cache_file(&sb);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        } else {
            let _ = std::fs::remove_file(&path);
        }
        std::fs::write(&path, &whole).unwrap();
        break_it(&path);
        assert_eq!(answers(&sb, true), good, "{what}");
        assert!(path.is_file(), "{what}: no cache file after");
        assert_fresh(&sb);
    }
}

#[test]
fn two_processes_building_at_once_both_answer_and_leave_a_good_cache() {
    let sb = workspace();
    let good = answers(&sb, false);
    for _ in 0..3 {
        let _ = std::fs::remove_file(cache_file(&sb));
        let spawn = || {
            sb.command()
                .args(ASKS[0])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let o = child.wait_with_output().unwrap();
            assert_eq!(String::from_utf8_lossy(&o.stdout), good[0].0);
        }
        assert_fresh(&sb);
    }
}

#[test]
fn a_verified_reading_and_a_notice_that_needs_neutralising_answer_as_without_the_cache() {
    let sb = workspace();
    ok(sb.run(&[
        "--doc",
        "gen-2",
        "verify",
        "1.1",
        "--lead",
        "市发展改革委",
        "--support",
        "市司法局",
        "--source",
        "p6",
    ]));
    let path = stored(&sb, "gen-3");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let text = &mut doc["sections"][0]["tasks"][0]["measures"][0]["text"];
    *text = format!("\u{1b}[31m红色\u{7}{}", text.as_str().unwrap()).into();
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    answers(&sb, true);
    assert_fresh(&sb);
    let with = answers(&sb, true);
    assert_eq!(with, answers(&sb, false));
    let verified = ok(sb.run(&["who", "in:gen-2", "1.1"]));
    let verified = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.contains("✔"), "{verified}");
    assert!(
        verified.contains("牵头 市发展改革委  配合 市司法局"),
        "{verified}"
    );
    // Across the workspace, and in one notice by id (`--doc ID search`: what the cache says of
    // the notice's text decides whether it is printed as archived).
    for args in [
        &["who", "红色"][..],
        &["search", "红色"],
        &["--doc", "gen-3", "search", "红色"],
        &["--doc", "gen-3", "search", "红色", "--limit", "0"],
    ] {
        let out = ok(sb.run(args)).stdout;
        let out = String::from_utf8_lossy(&out);
        assert!(out.contains("红色"), "{args:?}: {out}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
    }
}
