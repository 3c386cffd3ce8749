//! A document's text made safe for a terminal: every string through `text::sanitize`.

use super::model::{Document, Official, Roles};
use super::text::sanitize;

fn clean(s: &mut String) {
    if let std::borrow::Cow::Owned(safe) = sanitize(s) {
        *s = safe;
    }
}

fn clean_all(list: &mut [String]) {
    list.iter_mut().for_each(clean);
}

fn roles(roles: &mut Roles, officials: &mut [Official]) {
    for w in [&mut roles.lead, &mut roles.responsible, &mut roles.support]
        .into_iter()
        .flatten()
    {
        clean(&mut w.word);
    }
    for o in officials {
        clean(&mut o.name);
        clean(&mut o.role);
    }
}

/// Replaces control characters, escape sequences and bidi controls in every text of `doc`.
/// `sanitize` maps one character to one, so character positions (search marks) still hold.
pub fn sanitize_document(doc: &mut Document) {
    for s in [
        &mut doc.id,
        &mut doc.number,
        &mut doc.title,
        &mut doc.issuer,
        &mut doc.addressees,
        &mut doc.table_title,
        &mut doc.reading,
    ] {
        clean(s);
    }
    for r in &mut doc.requirements {
        for s in [&mut r.numeral, &mut r.title, &mut r.text] {
            clean(s);
        }
    }
    for u in &mut doc.units {
        clean(&mut u.name);
        clean_all(&mut u.aliases);
        if let Some(o) = &mut u.official {
            clean(&mut o.name);
            clean(&mut o.source);
        }
    }
    for sec in &mut doc.sections {
        for s in [
            &mut sec.key,
            &mut sec.label,
            &mut sec.numeral,
            &mut sec.title,
        ] {
            clean(s);
        }
        for t in &mut sec.tasks {
            for s in [&mut t.id, &mut t.numeral, &mut t.label, &mut t.title] {
                clean(s);
            }
            clean_all(&mut t.lead);
            clean_all(&mut t.responsible);
            clean_all(&mut t.support);
            roles(&mut t.roles, &mut t.officials);
            for m in &mut t.measures {
                for s in [&mut m.id, &mut m.label, &mut m.text, &mut m.reading] {
                    clean(s);
                }
                clean_all(&mut m.lead);
                clean_all(&mut m.responsible);
                clean_all(&mut m.support);
                roles(&mut m.roles, &mut m.officials);
                if let Some(a) = &mut m.alternative {
                    clean_all(&mut a.lead);
                    clean_all(&mut a.support);
                }
                // From a state file: as untrusted as the document.
                if let Some(v) = &mut m.verified {
                    clean(&mut v.source);
                    if let Some(by) = &mut v.by {
                        clean(by);
                    }
                    for list in [&mut v.lead, &mut v.support] {
                        clean_all(list);
                    }
                    for list in [&mut v.inferred.lead, &mut v.inferred.support] {
                        clean_all(list);
                    }
                }
                for k in &mut m.milestones {
                    clean(&mut k.id);
                    clean(&mut k.text);
                    if let Some(p) = &mut k.phrase {
                        clean(p);
                    }
                }
            }
        }
    }
}
