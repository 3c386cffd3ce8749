//! Space in a cross-notice view: a measure or milestone of one notice checked off (or back) in
//! that notice's own check-offs, as Space does in the notice itself. The list changes its
//! `Progress`; the shell saves that notice's state file (`Picked::Save`) and tells it how that
//! went (`List::saved`).

use jiff::Timestamp;

use super::{List, Picked};
use crate::domain::text::sanitize;
use crate::domain::{Loc, Progress, State};
use crate::tui::i18n::Lang;

impl List {
    /// Space on notice `d`'s `loc`: toggled, and `Picked::Save(d)` for the shell to save it; a
    /// whole task is left to the notice itself (which asks first).
    pub(super) fn toggle(&mut self, d: usize, loc: Loc) -> Picked {
        let lang = self.lang;
        let Some(n) = self.notices.as_mut() else {
            return Picked::Stay;
        };
        let Some(cat) = n.cats.get(d) else {
            return Picked::Stay;
        };
        let label = sanitize(crate::domain::workspace::label(cat)).into_owned();
        if let Loc::Task(..) = loc {
            let said = lang.pick(
                "整项任务请在通知里勾选（Enter 打开，会先确认）",
                "a whole task is checked off in its notice (Enter opens it; it asks first)",
            );
            self.say(said.to_string());
            return Picked::Stay;
        }
        let id = cat.at(loc).id().to_string();
        let before = n.progress[d].state().clone();
        let change = n.progress[d].toggle(cat, &id, Timestamp::now());
        let Some(change) = change.filter(|c| !c.is_empty()) else {
            return Picked::Stay;
        };
        let (done, open) = (change.checked().count(), change.unchecked().count());
        let id = sanitize(&id).into_owned();
        let said = match lang {
            Lang::Zh => format!("〔{label}〕{id}：勾选 {done} 项，取消 {open} 项"),
            Lang::En => format!("〔{label}〕{id}: {done} checked, {open} unchecked"),
        };
        // Redrawn once saved (`saved`): a view over every notice takes a while to build.
        self.pending = Some((said, before));
        Picked::Save(d)
    }

    /// How saving notice `d`'s check-offs went: its state as saved (merged with what others
    /// wrote), or why not, with the state its file holds (so that nothing shows as saved that is
    /// not).
    pub fn saved(&mut self, d: usize, result: Result<State, (String, Option<State>)>) {
        let lang = self.lang;
        let Some((done, before)) = self.pending.take() else {
            return;
        };
        let Some(n) = self.notices.as_mut() else {
            return;
        };
        let said = match result {
            Ok(state) => {
                n.progress[d] = Progress::new(state);
                lang.pick("，已保存", ", saved").to_string()
            }
            Err((why, on_disk)) => {
                // What the file holds, else what was shown before the key: never a check-off
                // that is not saved.
                n.progress[d] = Progress::new(on_disk.unwrap_or(before));
                let why = sanitize(&why).into_owned();
                match lang {
                    Lang::Zh => format!("，没有保存：{why}"),
                    Lang::En => format!(", not saved: {why}"),
                }
            }
        };
        self.refresh();
        self.say(format!("{done}{said}"));
    }

    /// Says `text` in the cross-notice view's footer.
    fn say(&mut self, text: String) {
        if let Some(a) = self.across.as_mut() {
            a.say(text);
        }
    }
}
