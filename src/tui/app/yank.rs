//! `y` / `Y`: the selection's id, or its text with its units, to the clipboard. The app names
//! what to copy and says so; the event loop writes it to the terminal (`Effect::Copy`, OSC 52).

use super::{App, Focus};
use crate::domain::search::Target;
use crate::domain::{Item, Loc, RoleRow};
use crate::tui::action::Effect;
use crate::tui::clipboard::{self, Clip};
use crate::tui::i18n::Lang;
use crate::tui::layout::View;

/// What the selection is, for copying: an item of the document or a unit.
enum Selected {
    Item(Loc),
    Unit(usize),
}

impl App {
    fn yank_target(&self) -> Option<Selected> {
        if let super::Mode::Search(_) = self.mode {
            return match self.search_hit()?.target {
                Target::Item(loc) => Some(Selected::Item(loc)),
                Target::Unit(u) => Some(Selected::Unit(u)),
            };
        }
        match (self.view, self.focus) {
            (View::Units, Focus::UnitList) => self.units.selected_unit().map(Selected::Unit),
            _ => self.selected_loc().map(Selected::Item),
        }
    }

    /// The text `y` (`full` false: the id) or `Y` (the text with lead and cooperating units)
    /// copies from the selection, before it is neutralised.
    pub fn yank_text(&self, full: bool) -> Option<String> {
        let lang = self.opts.lang;
        Some(match self.yank_target()? {
            Selected::Unit(u) => {
                let unit = &self.cat.doc.units[u];
                match (&unit.official, full) {
                    (Some(o), true) if o.name != unit.name => {
                        format!("{}（{}）", unit.name, o.name)
                    }
                    _ => unit.name.clone(),
                }
            }
            Selected::Item(loc) => {
                let item = self.cat.at(loc);
                if full {
                    item_text(item, lang)
                } else {
                    item.id().to_string()
                }
            }
        })
    }

    /// `y` / `Y`: copies, and says what in the status line.
    pub(super) fn yank(&mut self, full: bool) -> Effect {
        let Some(text) = self.yank_text(full) else {
            self.say(
                "没有可复制的选中项".into(),
                "nothing selected to copy".into(),
            );
            return Effect::None;
        };
        let Clip {
            text,
            truncated: cut,
        } = clipboard::clip(&text);
        let what = match self.yank_target() {
            Some(Selected::Item(loc)) => self.cat.at(loc).id().to_string(),
            _ => crate::domain::text::sanitize(&text)
                .chars()
                .take(20)
                .collect(),
        };
        let (zh, en) = match full {
            false => (what.to_string(), format!("copied {what}")),
            true => (
                format!("{what} 的内容和单位（{} 字）", text.chars().count()),
                format!(
                    "copied {what}'s text and units ({} characters)",
                    text.chars().count()
                ),
            ),
        };
        let (zh_cut, en_cut) = if cut {
            ("，过长已截断", ", cut: too long")
        } else {
            ("", "")
        };
        self.say(
            format!("已复制到剪贴板（OSC 52）：{zh}{zh_cut}"),
            format!("{en} to the clipboard (OSC 52{en_cut})"),
        );
        Effect::Copy(text)
    }
}

/// "9.2 text", then a line for each role: "牵头单位：A、B" (a milestone: its deadline, and its
/// measure's units).
fn item_text(item: Item<'_>, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (head, rows): (String, Vec<RoleRow<'_>>) = match item {
        Item::Task(_, t) => (format!("{} {}", t.id, t.heading()), t.role_rows()),
        Item::Measure(_, _, m) => {
            let text = if m.label.is_empty() {
                m.text.clone()
            } else {
                format!("{} {}", m.label, m.text)
            };
            (format!("{} {text}", m.id), m.role_rows())
        }
        Item::Milestone(_, _, m, k) => {
            let when = crate::domain::present::deadline_text(k, lang);
            let text = m.text_of(k);
            (format!("{} {text}（{when}）", k.id), m.role_rows())
        }
    };
    let mut out = head;
    for r in &rows {
        let colon = if zh { "：" } else { ": " };
        out.push('\n');
        out.push_str(r.label_in(zh));
        out.push_str(colon);
        out.push_str(&r.joined());
    }
    out
}
