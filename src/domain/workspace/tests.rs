use super::*;
use crate::domain::generate;

fn doc(id: &str, number: &str) -> (Catalog, Vec<u8>) {
    let mut d = generate::document(3, 1);
    d.id = id.to_string();
    d.number = number.to_string();
    let json = serde_json::to_vec_pretty(&d).unwrap();
    (Catalog::new(d).unwrap(), json)
}

#[test]
fn add_list_remove_and_the_embedded_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(tmp.path().join("ws")).unwrap();
    assert_eq!(ws.entries().unwrap().len(), 1, "the 103号 alone");
    let (cat, json) = doc("a-1", "甲〔2020〕1号");
    assert_eq!(ws.add(&cat, &json).unwrap(), Added::New("a-1".into()));
    assert_eq!(ws.add(&cat, &json).unwrap(), Added::Already("a-1".into()));
    let (other, json2) = doc("a-1", "甲〔2020〕2号");
    let mut other = other;
    other.doc.title.push('x');
    assert!(matches!(
        ws.add(&other, &json2),
        Err(WorkspaceError::SameId { .. })
    ));
    let (same_number, json3) = doc("b-1", "甲〔2020〕1号");
    let mut same_number = same_number;
    same_number.doc.title.push('y');
    assert!(matches!(
        ws.add(&same_number, &json3),
        Err(WorkspaceError::SameNumber { .. })
    ));
    let ids: Vec<String> = ws.entries().unwrap().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, [seeds::EMBEDDED_ID, "a-1"]);
    assert!(ws.remove(seeds::EMBEDDED_ID).unwrap());
    assert!(!ws.remove(seeds::EMBEDDED_ID).unwrap());
    assert_eq!(ws.entries().unwrap().len(), 1);
    assert!(ws.add_embedded().unwrap());
    assert!(ws.remove("a-1").unwrap());
    let ids: Vec<String> = ws.entries().unwrap().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, [seeds::EMBEDDED_ID]);
}

#[cfg(unix)]
#[test]
fn the_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(tmp.path().join("ws")).unwrap();
    let (cat, json) = doc("a-1", "甲〔2020〕9号");
    ws.add(&cat, &json).unwrap();
    let mode = std::fs::metadata(ws.dir()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn a_notice_is_found_by_id_number_or_its_ending() {
    let cats = vec![
        seeds::embedded(),
        doc("a-1", "甲〔2020〕39号").0,
        doc("b-2", "乙〔2020〕39号").0,
    ];
    assert_eq!(find(&cats, "103号"), Ok(Some(0)));
    assert_eq!(find(&cats, "a-1"), Ok(Some(1)));
    assert_eq!(find(&cats, "乙〔2020〕39号"), Ok(Some(2)));
    assert!(find(&cats, "39号").is_err(), "two fit");
    assert_eq!(find(&cats, "40号"), Ok(None));
}

#[test]
fn identities_join_official_names_and_user_aliases() {
    let cat = seeds::embedded();
    let fgw = cat.unit_index("市发展改革委").unwrap();
    let official = cat.doc.units[fgw].official.as_ref().unwrap().name.clone();
    let table = units::Identities::new(std::slice::from_ref(&cat), &[]);
    assert_eq!(table.body(&official), table.body("市发展改革委"));
    assert_eq!(
        table.gather(std::slice::from_ref(&cat), &official),
        [(0, fgw)]
    );
    assert!(table.body("发改局").is_none());
    let aliases = [["发改局".to_string(), "市发展改革委".to_string()]];
    let table = units::Identities::new(std::slice::from_ref(&cat), &aliases);
    assert_eq!(
        table.gather(std::slice::from_ref(&cat), "发改局"),
        [(0, fgw)]
    );
}

#[test]
fn a_refused_document_in_a_batch_adds_none_of_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(tmp.path().join("ws")).unwrap();
    let (a, ja) = doc("a-1", "甲〔2020〕1号");
    let (b, jb) = doc("b-1", "甲〔2020〕1号");
    let mut b = b;
    b.doc.title.push('z');
    let batch: [(&Catalog, &[u8]); 2] = [(&a, &ja), (&b, &jb)];
    assert!(matches!(
        ws.add_all(&batch),
        Err(WorkspaceError::SameNumber { .. })
    ));
    assert_eq!(ws.entries().unwrap().len(), 1, "nothing written");
    let batch: [(&Catalog, &[u8]); 2] = [(&a, &ja), (&a, &ja)];
    assert_eq!(
        ws.add_all(&batch).unwrap(),
        [Added::New("a-1".into()), Added::Already("a-1".into())]
    );
}

#[test]
fn a_stored_copy_under_the_embedded_id_stands_for_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(tmp.path().join("ws")).unwrap();
    assert!(ws.remove(seeds::EMBEDDED_ID).unwrap());
    let mut cat = seeds::embedded();
    cat.doc.title.push_str("（修订）");
    let json = serde_json::to_vec(&cat.doc).unwrap();
    assert_eq!(
        ws.add(&cat, &json).unwrap(),
        Added::New(seeds::EMBEDDED_ID.into())
    );
    assert!(!ws.add_embedded().unwrap(), "the stored copy is it");
    let entries = ws.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(matches!(entries[0].source, Source::File(_)));
    assert!(ws.remove(seeds::EMBEDDED_ID).unwrap());
    assert!(ws.entries().unwrap().is_empty());
    assert!(ws.add_embedded().unwrap());
    assert_eq!(ws.entries().unwrap()[0].source, Source::Embedded);
}
