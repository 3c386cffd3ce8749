//! The text after a command's options, in Chinese: a list of examples gets a Chinese heading;
//! prose (fgf's own, `search`'s query language, `state merge-driver`) is written out here.

use crate::cli::args::EXAMPLES;
use crate::cli::output::aligned;
use crate::cli::search::QUERY_ROWS;

/// The Chinese after-help of the command at `key`, whose English is `en`; `None` when it is
/// prose this file does not know (tests.rs fails on that).
pub(super) fn zh(key: &str, en: &str) -> Option<String> {
    match key {
        "" => Some(root()),
        "search" => Some(search()),
        "state merge-driver" => Some(
            "由 `fgf state git-setup` 设置，它运行：\n  git config merge.fgf.driver 'fgf state merge-driver %O %A %B'"
                .to_string(),
        ),
        _ => examples(en),
    }
}

/// "Examples:" / "Example:" and lines of commands (each indented): the same under 示例.
pub(super) fn examples(en: &str) -> Option<String> {
    let (head, rest) = en.split_once('\n')?;
    let only_commands = rest.lines().all(|l| l.starts_with("  "));
    (matches!(head, "Examples:" | "Example:") && only_commands).then(|| format!("示例：\n{rest}"))
}

/// What `fgf --help`'s examples do, by the example's command (args.rs EXAMPLES).
pub(super) const EXAMPLES_ZH: &[(&str, &str)] = &[
    ("fgf who 企业开办", "企业开办由谁牵头，最相关的在前"),
    (
        "fgf search 'fgw 营商 >2019'",
        "fzf 语法、范围（@牵头 #编号 >日期）、拼音",
    ),
    (
        "fgf who 发改委 --json",
        "市发展改革委牵头或配合的事项，JSON 格式",
    ),
    ("fgf show 9.2", "完整显示一条举措及其里程碑的完成情况"),
    ("fgf list", "整棵任务树：编号、标题、牵头单位"),
    (
        "fgf unit 市场监管局",
        "一个单位牵头和配合的事项；也可用拼音",
    ),
    ("fgf check 9.2.1", "勾选 9.2.1（9.2：整条举措）"),
    (
        "fgf log 9.2.1 已起草",
        "在其进度日志中记一条（--status 受阻、--by）",
    ),
    ("fgf progress", "各部分和各任务的完成数 / 总数；逾期"),
    (
        "fgf report -o 报告.docx",
        "督查报告：各部分、各单位、逾期（md、docx）",
    ),
    ("fgf deadlines", "按时限列出里程碑，标出逾期的"),
    ("fgf state path", "勾选记录保存在哪里"),
    ("fgf export --format csv --bom", "分工表，供电子表格使用"),
    (
        "fgf --doc 国办发.json list",
        "改用另一份文件（或 FGF_DOC=国办发.json）",
    ),
    (
        "fgf add 国办发.json 通知.txt",
        "把通知保存在工作区（fgf docs 列出）",
    ),
    (
        "fgf who 发改委",
        "工作区有多份通知时：全部查找，逐条注明出处",
    ),
    (
        "fgf doc check 国办发.json",
        "列出文件的每个问题及其行号、列号",
    ),
];

/// The query language's meanings, by the syntax (search.rs QUERY_ROWS).
pub(super) const QUERY_ZH: &[(&str, &str)] = &[
    ("企业 开办", "两个词都要有，模糊匹配（按顺序），任何字段"),
    ("'exact ^prefix suffix$", "同 fzf；^整段$ 须与整个字段相同"),
    ("!word  !^prefix  !suffix$", "排除"),
    ("税务 | 海关", "二者之一"),
    ("@市场监管  lead:市场监管", "牵头单位"),
    ("+海关  with:海关", "配合单位"),
    ("#19  #9.2", "任务 19 及其举措；一条举措"),
    (">2019  <2020-06-30  >=2020", "里程碑的时限"),
    ("in:39号", "只查工作区中的这份通知（编号或文号）"),
    ("fgw  fagaiwei  cq", "小写英文字母按拼音匹配中文"),
];

/// English rows with their second column in Chinese (English where `zh` lacks one).
fn in_chinese(rows: &[(&'static str, &'static str)], zh: &[(&str, &'static str)]) -> String {
    let rows: Vec<(&str, &str)> = rows
        .iter()
        .map(|&(key, en)| {
            let text = zh.iter().find(|(k, _)| *k == key).map_or(en, |(_, t)| *t);
            (key, text)
        })
        .collect();
    aligned(&rows, "  ")
}

/// `fgf --help` after the options.
fn root() -> String {
    format!(
        "不带命令时，如标准输出是终端，fgf 打开交互界面。
提示和说明默认为中文；用 --lang en 或以 en 开头的区域设置（LC_ALL、LC_MESSAGES、LANG）改为英文。

示例：
{}",
        in_chinese(&EXAMPLES, EXAMPLES_ZH)
    )
}

/// `fgf search --help`: the query language.
fn search() -> String {
    format!(
        "查询语法：
{}
用中文输入法打出的全角形式同样有效：全角空格、！＇＾＄｜＃＠。
含大写字母的词区分大小写。没有匹配结果时退出状态为 1。

示例：
  fgf search 营商环境
  fgf search 'fgw !#1' --limit 5
  fgf search '@scjgj >2019' --json",
        in_chinese(&QUERY_ROWS, QUERY_ZH)
    )
}
