//! Every thing a key can ask for, named. Keys resolve to these through the keymap table.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// h / ←: collapse a task, or go from a measure to its task.
    Collapse,
    /// l / →: expand a task, or open a measure's detail.
    Expand,
    /// Enter: expand / collapse a task, open a measure, jump from the units view.
    Activate,
    NextPane,
    PrevPane,
    /// 1..9: a section pane by its position.
    Section(usize),
    /// U / the tab after the sections: the units view ("who leads what"), and back.
    Units,
    /// D: milestones grouped by deadline, and back.
    Deadlines,
    /// s: the units or deadlines view in its next order (units: lead, support, overdue, name;
    /// deadlines: date, unit).
    Sort,
    /// Space: check off the selected milestone / measure (a whole task asks first).
    Toggle,
    /// y / n at a prompt.
    Confirm(bool),
    Undo,
    Redo,
    /// a: a one-line note on the selected milestone.
    Note,
    /// L: an entry in the progress log of the selected milestone or measure.
    Log,
    /// Tab while typing a log entry: the next status.
    NextStatus,
    /// v: verify the selected measure's allocation (units picked, the source typed).
    Verify,
    /// O: the overview (sections, lead units, deadlines by month).
    Overview,
    /// y: the selection's id to the clipboard (OSC 52).
    Yank,
    /// Y: the selection's text with its lead and cooperating units to the clipboard.
    YankText,
    /// /: the search line.
    Search,
    /// n / N: the next / previous hit of the last search.
    NextHit,
    PrevHit,
    /// Up / Down in the search line: the previous / next query run before.
    HistoryPrev,
    HistoryNext,
    /// An edit of the input line.
    Edit(super::input::Edit),
    /// Enter in the input line.
    Submit,
    Help,
    /// Esc: out of the current mode or pane.
    Back,
    Quit,
    /// Ctrl-z: restore the terminal and stop, as a shell job; `fg` brings the view back.
    Suspend,
    /// A mouse click at (column, row) (only with `--mouse`): focus and select what is there.
    Click(u16, u16),
    /// The terminal was resized to (width, height).
    Resize(u16, u16),
    /// z, [, ], f: the first key of a two-key command; the next key completes it.
    Prefix(char),
    /// zR / zM: every section pane unfolded to its milestones (true) / folded to its tasks.
    FoldAll(bool),
    /// S-Tab in a section pane: org's global cycle (folded → tasks open → all open).
    CycleFold,
    /// ]o [o ]d [d: the next (`forward`) or previous open milestone, or overdue one (`overdue`).
    JumpTo {
        forward: bool,
        overdue: bool,
    },
    /// f then a key: set or unset one criterion of the filter (a unit and a range ask first).
    Filter(FilterKey),
    /// F: no filter.
    ClearFilter,
    /// A: the selected milestone's note, several lines, in $EDITOR.
    EditNote,
}

/// A criterion of the section panes' filter, as the filter menu (f) names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    Open,
    Overdue,
    Uncertain,
    /// A unit in a role: its name is typed.
    Unit(crate::domain::filter::UnitRole),
    /// A deadline range: typed as FROM..TO.
    Due,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The check-offs changed: save them (the loop merges with the file and reports back).
    Save,
    Quit,
    /// Stop the process as a shell job (the loop restores the terminal first).
    Suspend,
    /// Edit a milestone's note (its text now) in $EDITOR: the loop restores the terminal, runs
    /// the editor, takes the terminal back and hands the text to `App::note_edited`.
    Editor {
        milestone: String,
        text: String,
    },
    /// Put this text (neutralised and bounded by `tui::clipboard`) on the terminal's clipboard.
    Copy(String),
    /// Add this query to the search history file (`domain::history::remember`).
    Remember(String),
}
