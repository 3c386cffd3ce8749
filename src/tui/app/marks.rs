//! Check-offs from the keyboard: Space, the prompt before a whole task, undo / redo, notes.

use jiff::Timestamp;

use super::{App, Mode};
use crate::domain::text::sanitize;
use crate::domain::{Loc, State};
use crate::tui::action::{Action, Effect};
use crate::tui::i18n::Lang;
use crate::tui::input::LineInput;

/// A whole task waiting for y / n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub id: String,
    /// Checks the open milestones (true) or unchecks all (false).
    pub check: bool,
    pub count: usize,
}

impl App {
    /// The id under the cursor: a milestone, measure or task.
    pub fn selected_id(&self) -> Option<String> {
        self.selected_loc().map(|l| self.cat.at(l).id().to_string())
    }

    pub(super) fn say(&mut self, zh: String, en: String) {
        self.status = Some(match self.opts.lang {
            Lang::Zh => zh,
            Lang::En => en,
        });
    }

    /// A state file fgf must not write: say so instead of changing anything.
    pub(super) fn refuse_read_only(&mut self) -> bool {
        if let Some(why) = self.read_only.clone() {
            self.say(format!("只读：{why}"), format!("read-only: {why}"));
            return true;
        }
        false
    }

    /// Space: a milestone flips; a measure flips whole; a whole task asks first.
    pub(super) fn toggle(&mut self) -> Effect {
        if self.refuse_read_only() {
            return Effect::None;
        }
        let Some(id) = self.selected_id() else {
            return Effect::None;
        };
        if let Some(Loc::Task(..)) = self.selected_loc() {
            if let Some((check, count)) = self.progress.toggle_effect(&self.cat, &id) {
                self.mode = Mode::Confirm(Pending { id, check, count });
            }
            return Effect::None;
        }
        self.apply_toggle(&id)
    }

    fn apply_toggle(&mut self, id: &str) -> Effect {
        match self.progress.toggle(&self.cat, id, Timestamp::now()) {
            Some(change) if !change.is_empty() => {
                let (done, open) = (change.checked().count(), change.unchecked().count());
                self.refilter_ids(change.ids());
                self.say(
                    format!("{id}：勾选 {done} 项，取消 {open} 项（u 撤销）"),
                    format!("{id}: {done} checked, {open} unchecked (u to undo)"),
                );
                self.recount();
                Effect::Save
            }
            _ => Effect::None,
        }
    }

    pub(super) fn confirm(&mut self, action: Action) -> Effect {
        let Mode::Confirm(p) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Effect::None;
        };
        match action {
            Action::Confirm(true) => self.apply_toggle(&p.id),
            Action::Confirm(false) | Action::Back => {
                self.say("已取消".into(), "cancelled".into());
                Effect::None
            }
            _ => {
                self.mode = Mode::Confirm(p);
                Effect::None
            }
        }
    }

    pub(super) fn undo(&mut self) -> Effect {
        if self.refuse_read_only() {
            return Effect::None;
        }
        match self.progress.undo(Timestamp::now()) {
            Some(c) => {
                let n = c.ids().count();
                self.recount();
                self.refilter_ids(c.ids());
                self.say(
                    format!("已撤销 {n} 项（Ctrl-r 重做）"),
                    format!("undid {n} (Ctrl-r to redo)"),
                );
                Effect::Save
            }
            None => {
                self.say("没有可撤销的操作".into(), "nothing to undo".into());
                Effect::None
            }
        }
    }

    pub(super) fn redo(&mut self) -> Effect {
        if self.refuse_read_only() {
            return Effect::None;
        }
        match self.progress.redo(Timestamp::now()) {
            Some(c) => {
                let n = c.ids().count();
                self.recount();
                self.refilter_ids(c.ids());
                self.say(format!("已重做 {n} 项"), format!("redid {n}"));
                Effect::Save
            }
            None => {
                self.say("没有可重做的操作".into(), "nothing to redo".into());
                Effect::None
            }
        }
    }

    /// a: a note on the selected milestone (a measure with one milestone counts as it).
    pub(super) fn begin_note(&mut self) {
        if self.refuse_read_only() {
            return;
        }
        let Some(milestone) = self.note_target() else {
            return;
        };
        let input = LineInput::with_text(self.progress.note(&milestone).unwrap_or(""));
        self.mode = Mode::Note { milestone, input };
    }

    /// The milestone a note goes on, or `None` after saying to pick one.
    fn note_target(&mut self) -> Option<String> {
        let m = self.selected_milestone();
        if m.is_none() {
            self.say(
                "请选择一个里程碑再添加备注（l 展开举措）".into(),
                "select a milestone to annotate (l opens a measure)".into(),
            );
        }
        m
    }

    /// A: the note of the selected milestone in $EDITOR, several lines (the event loop runs it).
    pub(super) fn begin_edit_note(&mut self) -> Effect {
        if self.refuse_read_only() {
            return Effect::None;
        }
        let Some(milestone) = self.note_target() else {
            return Effect::None;
        };
        let text = self.progress.note(&milestone).unwrap_or("").to_string();
        Effect::Editor { milestone, text }
    }

    /// The editor is done: `Ok(text)` as it left the file, or `Err(why)` when it failed (the note
    /// is then left as it was). The text is untrusted: each line is neutralised (then blanks
    /// folded and blank lines at the ends dropped, as every note); an empty note removes it.
    pub fn note_edited(&mut self, milestone: &str, result: Result<String, String>) -> Effect {
        let text = match result {
            Ok(text) => text,
            Err(why) => {
                self.say(
                    format!("编辑器未成功，备注未改：{why}"),
                    format!("the editor failed; note unchanged: {why}"),
                );
                return Effect::None;
            }
        };
        let lines: Vec<String> = text.lines().map(|l| sanitize(l).into_owned()).collect();
        let text = lines.join("\n");
        let note = Some(text.as_str()).filter(|t| !t.trim().is_empty());
        if self
            .progress
            .set_note(milestone, note, Timestamp::now())
            .is_empty()
        {
            self.say("备注未改".into(), "note unchanged".into());
            return Effect::None;
        }
        self.recount();
        self.say(
            format!("{milestone}：备注已保存"),
            format!("{milestone}: note saved"),
        );
        Effect::Save
    }

    pub(super) fn note_input(&mut self, action: Action) -> Effect {
        let Mode::Note { milestone, input } = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Edit(e) => {
                input.apply(e);
                Effect::None
            }
            Action::Submit => {
                let (id, text): (String, String) = (milestone.clone(), input.text());
                self.mode = Mode::Browse;
                let note = Some(text.as_str()).filter(|t| !t.trim().is_empty());
                let change = self.progress.set_note(&id, note, Timestamp::now());
                if change.is_empty() {
                    return Effect::None;
                }
                self.say(format!("{id}：备注已保存"), format!("{id}: note saved"));
                Effect::Save
            }
            Action::Back => {
                self.mode = Mode::Browse;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// After a save: the merged state from disk becomes ours; say if another session changed it.
    pub fn saved(&mut self, merged: State) {
        let verified = self.progress.state().verified.clone();
        let behind = self.progress.absorb(merged);
        if !self.progress.state().verified.is_empty() {
            self.apply_verified();
        }
        self.recount();
        // What another session changed narrows again under a filter (all of it when a
        // verification changed which allocations are uncertain).
        if self.progress.state().verified != verified {
            self.refilter();
        } else {
            self.refilter_ids(behind.iter().map(String::as_str));
        }
        if !behind.is_empty() {
            self.status = Some(match self.opts.lang {
                Lang::Zh => format!("已合并其他会话的 {} 项更改", behind.len()),
                Lang::En => format!("merged {} change(s) made in another session", behind.len()),
            });
        }
    }

    /// A save failed: the check-offs stay in memory and are saved with the next change.
    pub fn save_failed(&mut self, why: String) {
        self.status = Some(match self.opts.lang {
            Lang::Zh => format!("保存失败（更改仍在内存中）：{why}"),
            Lang::En => format!("not saved (kept in memory): {why}"),
        });
    }
}
