//! Tables (.csv, .xlsx, a .docx's tables) -> items, by their header row: 序号, 重点任务 / 工作任务,
//! 具体措施, 牵头单位, 责任单位, 配合单位, 完成时限 / 时间节点, 责任领导 …. A task cell left
//! empty below a filled one (a merged cell) is the same task.

use super::alloc::{Alloc, split_names};
use super::build::Node;
use super::fold::Folded;
use super::text::{Style, numbering};
use crate::domain::model::{Official, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// 序号: the item's label.
    Number,
    Section,
    Task,
    Measure,
    Unit(Role),
    Deadline,
    Official,
}

fn column(header: &str) -> Option<Col> {
    let h: String = Folded::new(header)
        .fold
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    let any = |ws: &[&str]| ws.iter().any(|w| h.contains(w));
    if h.is_empty() || h.chars().count() > 12 {
        None
    } else if h == "序号" || h == "编号" {
        Some(Col::Number)
    } else if any(&["领导", "责任人"]) {
        Some(Col::Official)
    } else if any(&["牵头"]) {
        Some(Col::Unit(Role::Lead))
    } else if any(&["配合", "协同", "协办", "参与"]) {
        Some(Col::Unit(Role::Support))
    } else if any(&[
        "责任单位",
        "责任部门",
        "主责",
        "承办",
        "实施单位",
        "落实单位",
    ]) {
        Some(Col::Unit(Role::Responsible))
    } else if any(&["时限", "时间", "节点", "期限"]) {
        Some(Col::Deadline)
    } else if any(&[
        "措施",
        "工作内容",
        "任务内容",
        "具体任务",
        "举措",
        "具体内容",
        "目标",
    ]) {
        Some(Col::Measure)
    } else if any(&["任务", "事项"]) {
        Some(Col::Task)
    } else if any(&["类别", "领域", "板块", "分类"]) {
        Some(Col::Section)
    } else {
        None
    }
}

/// The header row: the first of the first rows that names at least two known columns, one of
/// them units.
fn header(rows: &[(usize, Vec<String>)]) -> Option<(usize, Vec<Option<Col>>)> {
    rows.iter()
        .take(20)
        .enumerate()
        .find_map(|(i, (_, cells))| {
            let cols: Vec<Option<Col>> = cells.iter().map(|c| column(c)).collect();
            let known = cols.iter().flatten().count();
            let units = cols.iter().flatten().any(|c| matches!(c, Col::Unit(_)));
            let text = cols
                .iter()
                .flatten()
                .any(|c| matches!(c, Col::Task | Col::Measure));
            (known >= 2 && units && text).then_some((i, cols))
        })
}

/// Label and text of a cell that may start with its numbering.
fn labelled(cell: &str) -> (String, String) {
    let f = Folded::new(cell.trim());
    match numbering(&f.fold) {
        Some((_, n)) => (f.text(0, n), f.text(n, f.len()).trim().to_string()),
        None => (String::new(), cell.trim().to_string()),
    }
}

/// The items of a table, or `None` when it has no header naming units and tasks.
pub fn nodes(rows: &[(usize, Vec<String>)]) -> Option<Vec<Node>> {
    let (at, cols) = header(rows)?;
    let words: Vec<String> = rows[at].1.iter().map(|c| c.trim().to_string()).collect();
    let has = |want: Col| cols.contains(&Some(want));
    let (has_task, has_measure) = (has(Col::Task), has(Col::Measure));
    let mut sections: Vec<Node> = Vec::new();
    let mut tasks: Vec<Node> = Vec::new();
    let mut last_task = String::new();
    let close_tasks = |sections: &mut Vec<Node>, tasks: &mut Vec<Node>| {
        if let Some(s) = sections.last_mut() {
            s.children.append(tasks);
        }
    };
    for (no, cells) in &rows[at + 1..] {
        let get = |want: Col| -> Option<(usize, &str)> {
            cols.iter()
                .position(|c| *c == Some(want))
                .and_then(|i| cells.get(i).map(|s| (i, s.trim())))
                .filter(|(_, s)| !s.is_empty())
        };
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if filled.is_empty() {
            continue;
        }
        // A section row: one cell, numbered 一、 (or under a 类别 column).
        let first = Folded::new(filled[0]);
        let is_section = filled.len() == 1
            && matches!(numbering(&first.fold), Some((Style::Cn, _)))
            || get(Col::Section).is_some_and(|(_, s)| sections.last().is_none_or(|l| l.text != s));
        if is_section {
            close_tasks(&mut sections, &mut tasks);
            let text = get(Col::Section).map_or(filled[0], |(_, s)| s);
            let (label, text) = labelled(text);
            sections.push(Node {
                label,
                text,
                line: *no,
                ..Node::default()
            });
            if filled.len() == 1 {
                continue;
            }
        }
        let mut alloc = Alloc::default();
        for (i, c) in cols.iter().enumerate() {
            let (Some(col), Some(cell)) = (c, cells.get(i)) else {
                continue;
            };
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let mut part = Alloc::default();
            match col {
                Col::Unit(role) => {
                    let (names, etc) = split_names(cell);
                    part = super::alloc::with(*role, &words[i], names, etc);
                }
                Col::Official => {
                    for name in split_names(cell).0 {
                        part.officials.push(Official {
                            name,
                            role: words[i].clone(),
                        });
                    }
                }
                Col::Deadline => part.deadlines.push(cell.to_string()),
                _ => continue,
            }
            alloc.merge(part);
        }
        let number = get(Col::Number).map(|(_, s)| s.to_string());
        let task_cell = get(Col::Task).map(|(_, s)| s.to_string());
        let measure_cell = get(Col::Measure).map(|(_, s)| s.to_string());
        if let Some(t) = &task_cell
            && *t != last_task
        {
            last_task = t.clone();
            let (label, text) = labelled(t);
            // A table without a measure column numbers its tasks in 序号.
            let label = match (&number, has_measure) {
                (Some(n), false) if label.is_empty() => n.clone(),
                _ => label,
            };
            tasks.push(Node {
                label,
                text,
                line: *no,
                ..Node::default()
            });
        }
        let deadlines = std::mem::take(&mut alloc.deadlines);
        let leaf = measure_cell.map(|m| {
            let (label, text) = labelled(&m);
            Node {
                label,
                text,
                alloc: alloc.clone(),
                deadlines: deadlines.clone(),
                line: *no,
                ..Node::default()
            }
        });
        match (leaf, tasks.last_mut()) {
            // Under the current task, or (no task column) a task of its own.
            (Some(m), Some(task)) if has_task => task.children.push(m),
            (Some(m), _) => tasks.push(m),
            (None, Some(task)) => {
                task.alloc.merge(alloc);
                task.deadlines.extend(deadlines);
            }
            (None, None) => {}
        }
    }
    if sections.is_empty() {
        return Some(tasks);
    }
    close_tasks(&mut sections, &mut tasks);
    Some(sections)
}
