//! The deadlines view as an agenda: milestones grouped against today (or `--as-of`): past due
//! (the overdue among them), this week, this month, later, undated; within a group by date (each
//! date with how far it is: 还有 3 天 / 逾期 5 天) or by the unit in charge (`s`). Each milestone
//! with its state, lead units and text; across notices, its notice first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::units::Source;
use super::{disp, list_rows, pane, row};
use crate::domain::Item;
use crate::domain::progress::Status;
use crate::domain::progress::agenda::relative;
use crate::tui::app::{App, DeadlineOrder, DeadlineRow, Focus};
use crate::tui::i18n::Lang;
use crate::tui::layout::{inner_height, inner_width};

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    draw_in(f, &Source::of(app), area);
}

pub fn draw_in(f: &mut Frame, s: &Source, area: Rect) {
    let (t, l, o) = (s.theme(), s.opts.lang, s.opts);
    let today = o.today;
    let focused = s.focus == Focus::Deadlines;
    let cols = inner_width(area);
    let c = s.deadlines.cursor();
    let rows = s.deadlines.rows();
    let by = s.deadlines.sorted_by();
    let word = |n: usize| match (l, n) {
        (Lang::Zh, _) => "个里程碑",
        (Lang::En, 1) => "milestone",
        (Lang::En, _) => "milestones",
    };
    let status = |d: usize, loc| match s.cats[d].at(loc) {
        Item::Milestone(_, _, _, k) => s.progress.get(d).map(|p| p.status(k, today)),
        _ => None,
    };
    let lines: Vec<Line> = list_rows(
        o,
        rows.iter(),
        c,
        inner_height(area),
        Some(focused),
        |i, r| {
            match r {
                DeadlineRow::Band(b, n, late) => {
                    let mut text = format!("━ {} · {n} {}", b.label(l), word(*n));
                    if *late > 0 {
                        text.push_str(&match l {
                            Lang::Zh => format!(" · 逾期 {late}"),
                            Lang::En => format!(" · {late} overdue"),
                        });
                    }
                    row(o, vec![(text, t.key())], cols)
                }
                DeadlineRow::Header(d, n) => {
                    let when = crate::domain::present::group_deadline(*d, l);
                    let mut spans = vec![(format!("{when}  {n} {}", word(*n)), t.bold())];
                    if let Some(d) = d {
                        // Overdue when one of the date's milestones is still open.
                        let open = rows[i + 1..]
                            .iter()
                            .map_while(|r| match r {
                                DeadlineRow::Milestone(doc, loc) => Some((*doc, *loc)),
                                _ => None,
                            })
                            .any(|(doc, loc)| status(doc, loc) != Some(Status::Done));
                        let style = if open && *d < today {
                            t.overdue()
                        } else {
                            t.dim()
                        };
                        spans.push((format!("  {}", relative(*d, today, open, l)), style));
                    }
                    row(o, spans, cols)
                }
                DeadlineRow::Unit(name, n) => {
                    let name = if name.is_empty() {
                        l.pick("（未写明牵头单位）", "(no unit in charge named)")
                            .to_string()
                    } else {
                        disp(o, name)
                    };
                    row(
                        o,
                        vec![(format!("{name}  {n} {}", word(*n)), t.bold())],
                        cols,
                    )
                }
                DeadlineRow::Milestone(doc, loc) => {
                    let Item::Milestone(_, _, m, k) = s.cats[*doc].at(*loc) else {
                        return Line::default();
                    };
                    let st = status(*doc, *loc).unwrap_or(Status::Open);
                    let (mark, style) = match st {
                        Status::Done => (l.pick("[x] 完成 ", "[x] done "), t.done()),
                        Status::Overdue => (l.pick("[ ] 逾期 ", "[ ] late "), t.overdue()),
                        Status::Open => (l.pick("[ ] 未完 ", "[ ] open "), t.plain()),
                    };
                    let mut spans = vec![(format!("  {}", s.tag(*doc)), t.dim())];
                    spans.push((format!("{} ", disp(o, &k.id)), t.id()));
                    spans.push((mark.to_string(), style));
                    if by == DeadlineOrder::Unit {
                        // No date headings in this order: the date on the row.
                        let when = match k.deadline {
                            Some(d) => {
                                format!("{d} {} ", relative(d, today, st != Status::Done, l))
                            }
                            // The undated target's own words (持续推进), else 无明确时限.
                            None => {
                                format!(
                                    "{} ",
                                    disp(o, &crate::domain::present::deadline_text(k, l))
                                )
                            }
                        };
                        spans.push((when, t.dim()));
                    }
                    let in_charge = crate::domain::roles::join_units(m.in_charge(), false);
                    spans.push((format!("{} ", disp(o, &in_charge)), t.lead()));
                    if !m.is_certain() {
                        spans.push(("? ".into(), t.warn()));
                    }
                    spans.push((disp(o, m.text_of(k)), t.plain()));
                    row(o, spans, cols)
                }
            }
        },
    );
    let overdue: usize = rows
        .iter()
        .map(|r| match r {
            DeadlineRow::Band(_, _, late) => *late,
            _ => 0,
        })
        .sum();
    let order = by.label(l);
    let title = match l {
        Lang::Zh => format!("期限 · {order} · 截至 {today} 逾期 {overdue} 项"),
        Lang::En => format!("Deadlines · {order} · {overdue} overdue as of {today}"),
    };
    f.render_widget(
        Paragraph::new(lines).block(pane(o, title, focused, area.width)),
        area,
    );
}
