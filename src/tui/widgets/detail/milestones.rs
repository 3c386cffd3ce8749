//! The detail pane's milestones: each with its deadline, state, note and progress log.

use ratatui::text::{Line, Span};

use crate::domain::present;
use crate::domain::progress::Status;
use crate::domain::text::wrap;
use crate::domain::{Loc, Measure, Milestone};
use crate::tui::theme::Theme;
use crate::tui::widgets::disp;

use super::DetailCtx;

pub(super) fn milestone(
    out: &mut Vec<Line<'static>>,
    app: &DetailCtx,
    t: &Theme,
    (m, k): (&Measure, &Milestone),
    selected: bool,
    cols: usize,
) {
    let l = app.opts.lang;
    let status = app.progress.status(k, app.opts.today);
    let style = match status {
        Status::Done => t.done(),
        Status::Overdue => t.overdue(),
        Status::Open => t.plain(),
    };
    let state = present::status_label(status, l);
    // As written: a year the notice left out is marked; an undated target keeps its phrase.
    let when = disp(app, &present::deadline_text(k, l));
    let mut head = Line::from(vec![
        Span::styled(format!("  {} ", k.id), t.id()),
        Span::styled(when, t.bold()),
        Span::raw(" "),
        Span::styled(state.to_string(), style),
    ]);
    if let Some(at) = app
        .progress
        .state()
        .mark(&k.id)
        .filter(|m| m.done)
        .map(|m| m.at)
    {
        let day = at.to_zoned(jiff::tz::TimeZone::UTC).date();
        head.spans.push(Span::styled(format!(" {day}"), t.dim()));
    }
    if selected {
        head = head.patch_style(t.selected(true));
    }
    out.push(head);
    // The clause the milestone tracks (none when it is the whole measure, shown above).
    if !m.is_whole(k) {
        for w in wrap(&disp(app, &k.text), cols.saturating_sub(4)) {
            out.push(Line::raw(format!("    {w}")));
        }
    }
    if let Some(note) = app.progress.note(&k.id) {
        // A note written in $EDITOR (A) keeps its lines.
        let label = l.pick("备注：", "note: ");
        for (i, line) in note.lines().enumerate() {
            let text = if i == 0 {
                format!("{label}{line}")
            } else {
                format!("  {line}")
            };
            for w in wrap(&disp(app, &text), cols.saturating_sub(4)) {
                out.push(Line::styled(format!("    {w}"), t.warn()));
            }
        }
    }
    log_lines(out, app, t, k, cols);
}

/// The milestone's progress log, newest first (only when someone wrote in it): `日期 谁 状态：内容`.
fn log_lines(out: &mut Vec<Line<'static>>, app: &DetailCtx, t: &Theme, k: &Milestone, cols: usize) {
    let measure = match app.cat.locate(&k.id) {
        Some(Loc::Milestone(s, ti, m, _)) => app.cat.at(Loc::Measure(s, ti, m)).id(),
        _ => "",
    };
    let history = app.progress.state().history(measure, &k.id);
    if !history.entries.iter().any(|e| !e.by.is_empty()) {
        return;
    }
    let l = app.opts.lang;
    for e in &history.entries {
        let day = e.at.to_zoned(jiff::tz::TimeZone::UTC).date();
        let by = if e.by.is_empty() {
            l.pick("勾选", "check-off")
        } else {
            &e.by
        };
        let status = e.status.map_or("", |s| l.pick(s.zh(), s.en()));
        let sep = if status.is_empty() || e.text.is_empty() {
            ""
        } else {
            l.pick("：", ": ")
        };
        let line = format!("{day} {by} {status}{sep}{}", e.text);
        for w in wrap(&disp(app, &line), cols.saturating_sub(6)) {
            out.push(Line::styled(format!("      {w}"), t.dim()));
        }
    }
}
