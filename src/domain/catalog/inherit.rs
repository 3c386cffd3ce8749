//! Format 2: a task's own allocation, taken by its measures that name none.

use crate::domain::model::Document;

/// Format 2: a measure that names no unit takes its task's allocation (`Measure::inherited`).
pub(super) fn inherit(doc: &mut Document) {
    for t in doc.sections.iter_mut().flat_map(|s| s.tasks.iter_mut()) {
        if !t.has_allocation() {
            continue;
        }
        for m in t.measures.iter_mut().filter(|m| !m.has_allocation()) {
            m.lead = t.lead.clone();
            m.responsible = t.responsible.clone();
            m.support = t.support.clone();
            m.roles = t.roles.clone();
            if m.officials.is_empty() {
                m.officials = t.officials.clone();
            }
            m.inherited = true;
        }
    }
}
