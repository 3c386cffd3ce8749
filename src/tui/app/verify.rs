//! v: verify the selected measure's allocation against the official table, as `fgf verify`
//! does: units picked from the unit list (Space: lead, cooperating, none), then the source typed.

use jiff::Timestamp;

use super::{App, Mode};
use crate::domain::Item;
use crate::domain::progress::Verification;
use crate::tui::action::{Action, Effect};
use crate::tui::cursor::Cursor;
use crate::tui::input::LineInput;

/// The verification being made: the measure, each unit's part (by index into the document's
/// units: lead, cooperating or none), the cursor over `App::unit_order`, and, once the units are
/// picked, the source being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyForm {
    pub measure: String,
    pub parts: Vec<Option<bool>>,
    pub cursor: Cursor,
    pub source: Option<LineInput>,
}

impl App {
    /// v on a measure (or one of its milestones): starts from the reading shown.
    pub(super) fn begin_verify(&mut self) {
        if self.refuse_read_only() {
            return;
        }
        let m = match self.selected_loc().map(|l| self.cat.at(l)) {
            Some(Item::Measure(_, _, m) | Item::Milestone(_, _, m, _)) => m,
            _ => {
                self.say(
                    "请选择一项举措再核实分工".into(),
                    "select a measure to verify its allocation".into(),
                );
                return;
            }
        };
        let mut parts = vec![None; self.cat.doc.units.len()];
        for (list, lead) in [(&m.lead, true), (&m.support, false)] {
            for u in list.iter().filter_map(|n| self.cat.unit_exact(n)) {
                parts[u] = Some(lead);
            }
        }
        self.mode = Mode::Verify(Box::new(VerifyForm {
            measure: m.id.clone(),
            parts,
            cursor: Cursor::default(),
            source: None,
        }));
    }

    pub(super) fn verify_input(&mut self, action: Action) -> Effect {
        let units = self.units.order().len();
        let page = crate::tui::layout::inner_height(crate::tui::widgets::help::area(self.size));
        let Mode::Verify(form) = &mut self.mode else {
            return Effect::None;
        };
        match (&mut form.source, action) {
            (None, Action::Down) => form.cursor.move_by(1, units, page),
            (None, Action::Up) => form.cursor.move_by(-1, units, page),
            (None, Action::Toggle) => {
                let u = self.units.order()[form.cursor.sel];
                form.parts[u] = match form.parts[u] {
                    None => Some(true),
                    Some(true) => Some(false),
                    Some(false) => None,
                };
            }
            (None, Action::Submit) if !form.parts.contains(&Some(true)) => {
                self.say(
                    "至少选一个牵头单位（Space）".into(),
                    "pick at least one lead unit (Space)".into(),
                );
            }
            (None, Action::Submit) => form.source = Some(LineInput::default()),
            (None, Action::Back) => self.mode = Mode::Browse,
            (Some(input), Action::Edit(e)) => {
                input.apply(e);
            }
            (Some(_), Action::Back) => form.source = None,
            (Some(input), Action::Submit) if input.text().trim().is_empty() => {
                self.say(
                    "请写明核实所依据的来源".into(),
                    "name the source it was checked against".into(),
                );
            }
            (Some(input), Action::Submit) => {
                let names = |lead: bool| -> Vec<String> {
                    (form.parts.iter().enumerate())
                        .filter(|(_, p)| **p == Some(lead))
                        .map(|(u, _)| self.cat.doc.units[u].name.clone())
                        .collect()
                };
                let v = Verification {
                    lead: names(true),
                    support: names(false),
                    source: input.text().trim().to_string(),
                    at: Timestamp::now(),
                    by: std::env::var("USER").ok().filter(|u| !u.is_empty()),
                    cleared: false,
                };
                let id = form.measure.clone();
                self.mode = Mode::Browse;
                self.progress.verify(&id, v);
                self.apply_verified();
                self.refilter();
                self.rebuild_lists();
                self.say(format!("{id}：已核实"), format!("{id}: verified"));
                return Effect::Save;
            }
            _ => {}
        }
        Effect::None
    }

    /// The catalog shows the state's verified readings (after a verification or a merge).
    pub(super) fn apply_verified(&mut self) {
        self.cat.apply_verified(self.progress.state());
    }
}
