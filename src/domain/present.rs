//! How a milestone's state and deadline are said to people: one rule for the commands and the
//! interactive view (each adds its own styling). Pure: words in, words out.

use jiff::civil::Date;

use super::Lang;
use super::model::Milestone;
use super::progress::Status;

/// `[x] 已完成`, `[ ] 逾期`, `[ ] 未完成` (`[x] done`, `[ ] overdue`, `[ ] open`).
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Done => lang.pick("[x] 已完成", "[x] done"),
        Status::Overdue => lang.pick("[ ] 逾期", "[ ] overdue"),
        Status::Open => lang.pick("[ ] 未完成", "[ ] open"),
    }
}

/// What stands for a milestone without a date: 无明确时限 (no deadline).
pub fn no_deadline(lang: Lang) -> &'static str {
    lang.pick("无明确时限", "no deadline")
}

/// A deadline group's heading: its date, or 无明确时限.
pub fn group_deadline(d: Option<Date>, lang: Lang) -> String {
    d.map_or_else(|| no_deadline(lang).to_string(), |d| d.to_string())
}

/// A milestone's deadline as the notice wrote it: the date (marked when its year was inferred
/// from the notice's date), else the undated target's own phrase (持续推进), else 无明确时限.
/// The phrase is untrusted document text: the caller neutralises it for display.
pub fn deadline_text(k: &Milestone, lang: Lang) -> String {
    match (k.deadline, k.phrase.as_deref()) {
        (Some(d), _) if k.inferred => {
            format!("{d}{}", lang.pick("（年份推定）", " (year inferred)"))
        }
        (Some(d), _) => d.to_string(),
        (None, Some(p)) if !p.trim().is_empty() => p.to_string(),
        (None, _) => no_deadline(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_is_said_as_written() {
        let cat = crate::domain::seeds::embedded();
        let Some(crate::domain::Item::Milestone(_, _, _, k)) = cat.get("1.1.1") else {
            panic!("1.1.1 is a milestone");
        };
        let mut k = k.clone();
        assert_eq!(deadline_text(&k, Lang::Zh), "2019-12-31");
        k.inferred = true;
        assert_eq!(deadline_text(&k, Lang::Zh), "2019-12-31（年份推定）");
        k.deadline = None;
        k.phrase = Some("持续推进".into());
        assert_eq!(deadline_text(&k, Lang::Zh), "持续推进");
        k.phrase = None;
        assert_eq!(deadline_text(&k, Lang::En), "no deadline");
        assert_eq!(group_deadline(None, Lang::Zh), "无明确时限");
        assert_eq!(status_label(Status::Overdue, Lang::Zh), "[ ] 逾期");
    }
}
