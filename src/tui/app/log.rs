//! L: an entry in the progress log of the selected milestone or measure, typed in the input line as a
//! note is, with its status picked by Tab. A status of done checks the milestone(s) off too.

use jiff::Timestamp;

use super::{App, Mode};
use crate::domain::progress::log::{author, one_line};
use crate::domain::progress::{Entry, LogStatus, milestone_ids};
use crate::domain::{Item, Loc};
use crate::tui::action::{Action, Effect};
use crate::tui::input::LineInput;

impl App {
    /// L: the log entry's input line, for a milestone or a measure (a task is refused).
    pub(super) fn begin_log(&mut self) {
        if self.refuse_read_only() {
            return;
        }
        let id = match self.selected_loc() {
            Some(loc @ (Loc::Milestone(..) | Loc::Measure(..))) => {
                self.cat.at(loc).id().to_string()
            }
            _ => {
                self.say(
                    "请选择一项举措或里程碑再记进度日志（l 展开任务）".into(),
                    "select a measure or milestone to log progress (l opens a task)".into(),
                );
                return;
            }
        };
        self.mode = Mode::Log {
            id,
            status: LogStatus::InProgress,
            input: LineInput::with_text(""),
        };
    }

    pub(super) fn log_input(&mut self, action: Action) -> Effect {
        let Mode::Log { id, status, input } = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Edit(e) => {
                input.apply(e);
            }
            Action::NextStatus => *status = status.next(),
            Action::Submit => {
                let (id, status, text) = (id.clone(), *status, one_line(&input.text()));
                self.mode = Mode::Browse;
                return self.add_log(&id, status, text);
            }
            Action::Back => self.mode = Mode::Browse,
            _ => {}
        }
        Effect::None
    }

    fn add_log(&mut self, id: &str, status: LogStatus, text: String) -> Effect {
        let now = Timestamp::now();
        if status == LogStatus::Done
            && let Some(Item::Measure(..) | Item::Milestone(..)) = self.cat.get(id)
        {
            let ids = milestone_ids(&self.cat, id).unwrap_or_default();
            self.progress.check(&ids, None, now);
            self.recount();
        }
        let by = author().unwrap_or_else(|| "?".to_string());
        let entry = Entry {
            at: now,
            by,
            status: Some(status),
            text,
        };
        self.progress.add_entry(id, entry);
        let word = (status.zh(), status.en());
        self.say(
            format!("{id}：已记入进度日志（{}）", word.0),
            format!("{id}: logged ({})", word.1),
        );
        Effect::Save
    }
}
