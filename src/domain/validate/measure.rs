//! The checks of one measure: its id, text, units and milestones.

use crate::domain::model::{Measure, Task};

use super::{At, Checker, EMPTY, EMPTY_ZH, Units, blank, is_child};

pub(super) fn measure<'a>(
    m: &'a Measure,
    t: &Task,
    mp: At,
    n: usize,
    units: &Units<'_>,
    ck: &mut Checker<'a>,
) {
    let task = t.id.as_str();
    let At::Measure(si, ti, mi) = mp else {
        unreachable!("a measure's place")
    };
    ck.id(&m.id, mp);
    if !is_child(&m.id, task, n) {
        ck.say(
            mp.field("id"),
            format!(
                "measure id {:?} out of order: expected {:?}",
                m.id,
                format!("{task}.{n}")
            ),
            format!(
                "措施 id {:?} 顺序不对：这里应是 {:?}",
                m.id,
                format!("{task}.{n}")
            ),
        );
    }
    if blank(&m.text) {
        ck.say(mp.field("text"), EMPTY.into(), EMPTY_ZH.into());
    }
    if units.v1 && m.lead.is_empty() {
        ck.say(
            mp.field("lead"),
            "a measure needs at least one lead unit".into(),
            "每条措施至少要有一个牵头单位".into(),
        );
    } else if !units.v1 && !m.has_allocation() && !t.has_allocation() {
        // Format 2 never asks for a lead (a notice may name none), but for someone.
        ck.say(
            mp.field("lead"),
            "a measure needs at least one unit (lead, responsible or support), its own or its task's"
                .into(),
            "每条措施至少要有一个单位（牵头、负责或配合），自己的或所属任务的".into(),
        );
    }
    let alt = m.alternative.iter();
    let lists = [
        ("lead", &m.lead),
        ("responsible", &m.responsible),
        ("support", &m.support),
    ]
    .into_iter()
    .chain(alt.flat_map(|a| {
        [
            ("alternative.lead", &a.lead),
            ("alternative.support", &a.support),
        ]
    }));
    units.known(lists, mp, ck);
    if m.milestones.is_empty() {
        ck.say(
            mp.field("milestones"),
            "a measure needs at least one milestone".into(),
            "每条措施至少要有一个里程碑".into(),
        );
    }
    for (ki, k) in m.milestones.iter().enumerate() {
        let kp = At::Milestone(si, ti, mi, ki);
        ck.id(&k.id, kp);
        if !is_child(&k.id, &m.id, ki + 1) {
            ck.say(
                kp.field("id"),
                format!(
                    "milestone id {:?} out of order: expected {:?}",
                    k.id,
                    format!("{}.{}", m.id, ki + 1)
                ),
                format!(
                    "里程碑 id {:?} 顺序不对：这里应是 {:?}",
                    k.id,
                    format!("{}.{}", m.id, ki + 1)
                ),
            );
        }
    }
}
