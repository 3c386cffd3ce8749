//! The help screen's second half: what the markers in the panes mean, and the query syntax of
//! `/` with examples (read from `domain/search/query.rs`; the examples are run by a test).

use ratatui::text::{Line, Span};

use super::theme;
use crate::domain::text::{fit, wrap};
use crate::tui::app::Options;

/// (marker as drawn in Chinese, in English, zh, en): as the panes draw them (`widgets/tree.rs`,
/// `deadlines.rs`, `units.rs`, `detail.rs`, `bars.rs`).
pub const MARKERS: &[(&str, &str, &str, &str)] = &[
    ("▸ ▾", "▸ ▾", "任务收起 / 展开", "task folded / open"),
    (
        "2/6",
        "2/6",
        "任务后：已完成 / 全部里程碑",
        "after a task: milestones done / all",
    ),
    ("[x] [ ]", "[x] [ ]", "已完成 / 未完成", "done / not done"),
    (
        "[1/3]",
        "[1/3]",
        "举措有多个里程碑：完成了几个",
        "a measure's milestones done",
    ),
    (
        "?",
        "?",
        "牵头/配合分工读法不确定（v 按正式文件核实）",
        "uncertain lead / cooperating reading (v: verify it)",
    ),
    (
        "逾期",
        "late",
        "过了期限仍未完成（红色；按今天或 --as-of）",
        "past its deadline, not done (red; today or --as-of)",
    ),
    ("未完", "open", "未完成，未到期限", "not done, not yet due"),
    ("完成", "done", "已勾选完成", "checked off"),
    (
        "⚠",
        "⚠",
        "标题栏：状态文件只读；详情：分工读法不确定",
        "header: state file read-only; detail: uncertain reading",
    ),
    (
        "另读牵头",
        "alt lead",
        "单位视图：仅在另一读法下牵头（另读配合：配合）",
        "units view: lead only under the other reading (alt coop: cooperating)",
    ),
    (
        "负责",
        "resp",
        "单位视图：通知未写牵头，由其负责",
        "units view: in charge where no lead is named",
    ),
    (
        "（年份推定）",
        "(year inferred)",
        "期限未写年份，按通知日期推定",
        "the deadline's year comes from the notice's date",
    ),
    (
        "↑ 3 行 ↓ 9 行",
        "↑ 3 more ↓ 9 more",
        "窗格上方 / 下方还有几行",
        "lines hidden above / below",
    ),
];

/// (syntax, zh, en): the query language of `/` (and `fgf search`).
pub const SYNTAX: &[(&str, &str, &str)] = &[
    (
        "企业开办",
        "模糊：字按顺序出现即可；拼音、首字母也行（qykb）",
        "fuzzy: characters in order; pinyin or initials too (qykb)",
    ),
    (
        "a b",
        "且：空格分隔（全角空格亦可）",
        "and: terms split by spaces",
    ),
    ("a | b", "或", "or"),
    (
        "!词",
        "排除含“词”的（精确；!'词 模糊）",
        "not: without it (exact; !'x fuzzy)",
    ),
    (
        "'词  '词'",
        "精确连续出现；词边界",
        "exact substring; at word boundaries",
    ),
    (
        "^词  词$",
        "开头是；结尾是（^词$ 完全相同）",
        "starts with; ends with (^x$ equal)",
    ),
    ("@单位 lead:单位", "牵头单位", "lead unit"),
    ("+单位 with:单位", "配合单位", "cooperating unit"),
    (
        "#9  #9.2",
        "任务 9 及其举措；举措 9.2",
        "task 9 and its measures; measure 9.2",
    ),
    (
        ">2019 <=2020-06",
        "里程碑期限：之后 / 截至（> >= < <=，年、月或日）",
        "milestone deadline: after / up to (year, month or day)",
    ),
    (
        "in:103号",
        "命令行 fgf search：只搜工作区中这份通知",
        "fgf search on the command line: only that notice",
    ),
    (
        "！＠＃ \\!",
        "全角符号同半角；\\ 使其后的符号按字面",
        "full-width forms work; \\ makes an operator literal",
    ),
];

/// Example queries shown under the syntax: each finds something in the 103号 (tests/it checks).
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "@发改委 <2020",
        "发改委牵头、2019 年内到期的",
        "led by 发改委, due by 2019",
    ),
    (
        "+商务委 !审批",
        "商务委配合、不含“审批”的",
        "商务委 cooperating, without 审批",
    ),
    ("#9 | #10", "任务 9 或 10", "task 9 or 10"),
    ("qykb", "拼音首字母：企业开办", "pinyin initials: 企业开办"),
];

/// (what in zh, in en, zh, en): the mouse, with `--mouse` (off by default: the terminal's own
/// selection works).
pub const MOUSE: &[(&str, &str, &str, &str)] = &[
    (
        "点击",
        "click",
        "点标签打开它；点窗格中的行选中它",
        "a tab opens it; a row in a pane selects it",
    ),
    (
        "滚轮",
        "wheel",
        "滚动指针下的窗格",
        "scrolls the pane under the pointer",
    ),
];

/// A titled block of (left, right) rows: the left column in the key style.
fn block<'a>(
    app: &impl AsRef<Options>,
    title: &str,
    rows: impl Iterator<Item = (&'a str, &'a str)>,
    width: usize,
) -> Vec<Line<'static>> {
    let t = theme(app);
    let mut out = vec![Line::styled(title.to_string(), t.bold())];
    let key = 19;
    for (left, right) in rows {
        let text = wrap(right, width.saturating_sub(key + 2).max(8));
        for (i, w) in text.into_iter().enumerate() {
            let head = if i == 0 {
                fit(left, key)
            } else {
                " ".repeat(key)
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {head}"), t.key()),
                Span::raw(w),
            ]));
        }
    }
    out.push(Line::default());
    out
}

/// The legend, the syntax, the examples and the mouse, for `width` columns.
pub fn lines(app: &impl AsRef<Options>, width: usize) -> Vec<Line<'static>> {
    let l = app.as_ref().lang;
    let both = |rows: &'static [(&'static str, &'static str, &'static str, &'static str)]| {
        rows.iter()
            .map(move |&(kz, ke, zh, en)| (l.pick(kz, ke), l.pick(zh, en)))
    };
    let said = |rows: &'static [(&str, &'static str, &'static str)]| {
        rows.iter().map(move |&(k, zh, en)| (k, l.pick(zh, en)))
    };
    let mut out = block(app, l.pick("标记", "Markers"), both(MARKERS), width);
    let syntax = l.pick("搜索语法（/）", "Search syntax (/)");
    out.extend(block(app, syntax, said(SYNTAX), width));
    out.extend(block(
        app,
        l.pick("示例", "Examples"),
        said(EXAMPLES),
        width,
    ));
    let mouse = l.pick("鼠标（启动时加 --mouse）", "Mouse (start with --mouse)");
    out.extend(block(app, mouse, both(MOUSE), width));
    out
}
