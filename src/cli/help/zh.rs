//! The Chinese help, part 1: fgf itself (its options are global: every command shows them) and the
//! commands that find and read. Each entry: the command's path after `fgf`, its about, and its
//! arguments by clap id. tests.rs checks that every command and visible argument has its text here
//! (or in zh_more.rs) and that no key is stale. Words as the messages use them (lang.rs, errors.rs,
//! the TUI): 牵头单位, 配合单位, 举措, 里程碑, 文号, 工作区, 状态文件, 勾选, 核实.

/// A command's Chinese texts.
pub(super) struct Entry {
    pub key: &'static str,
    pub about: &'static str,
    pub args: &'static [(&'static str, &'static str)],
}

/// The built-in help command, help flag and version flag.
pub(super) const HELP_ABOUT: &str = "打印本说明或指定命令的帮助";
pub(super) const HELP_FLAG: &str = "打印帮助";
pub(super) const VERSION_FLAG: &str = "打印版本";

/// The entry of a command, from either part of the table.
pub(super) fn find(key: &str) -> Option<&'static Entry> {
    entries().find(|e| e.key == key)
}

/// Every entry of the table.
pub(super) fn entries() -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().chain(super::zh_more::ENTRIES)
}

/// A value's placeholder (`<PATH>`) in Chinese.
pub(super) fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, zh)| *zh)
}

/// Placeholders: clap's (the field's name in capitals) and those args.rs names.
pub(super) const VALUE_NAMES: &[(&str, &str)] = &[
    ("PATH", "路径"),
    ("FROM..TO", "起..止"),
    ("PATHS", "文件"),
    ("DATE", "日期"),
    ("NAME", "名称"),
    ("MORE", "名称"),
    ("FILE", "文件"),
    ("DIR", "目录"),
    ("QUERY", "查询词"),
    ("LIMIT", "条数"),
    ("ID", "编号"),
    ("IDS", "编号"),
    ("NOTE", "备注"),
    ("TEXT", "内容"),
    ("STATUS", "状态"),
    ("FORMAT", "格式"),
    ("OUTPUT", "输出文件"),
    ("BASE", "共同版本"),
    ("OURS", "我方版本"),
    ("THEIRS", "对方版本"),
    ("LEAD", "牵头单位"),
    ("SUPPORT", "配合单位"),
    ("SOURCE", "来源"),
    ("BY", "核实人"),
    ("MEASURES", "举措数"),
    ("SEED", "种子"),
    ("SHELL", "shell"),
    ("LANG", "语言"),
    ("COMMAND", "命令"),
];

const JSON: (&str, &str) = ("json", "以 JSON 输出");
const LIMIT: (&str, &str) = ("limit", "最多显示多少条（0 为全部）");
const IDS: (&str, &str) = ("ids", "里程碑（9.2.1）、举措（9.2）或任务（9）的编号");
const CHANGED_JSON: (&str, &str) = ("json", "以 JSON 输出改动和改动后的进度");

const ENTRIES: &[Entry] = &[
    Entry {
        key: "",
        about: "在终端查阅“放管服”改革任务分工：渝府办发〔2019〕103号各项任务由谁牵头、谁配合、何时完成。",
        args: &[
            (
                "doc",
                "改用这份文件（fgf 的 JSON 格式，见 `fgf doc schema`），不用内置的渝府办发〔2019〕103号（环境变量 FGF_DOC）",
            ),
            (
                "state",
                "状态文件（环境变量 FGF_STATE；默认在 Linux 上为 ~/.local/share/fgf/<文件编号>.json，`fgf state path` 可查）",
            ),
            (
                "as_of",
                "以该日期（YYYY-MM-DD）为当日判断逾期，如 2019-10-18 可查看当时的情况",
            ),
            (
                "lang",
                "提示、标签和说明所用的语言（zh 或 en；默认按区域设置，否则为中文）",
            ),
            (
                "mouse",
                "交互界面：捕获鼠标（默认不捕获，便于选中和复制文字）",
            ),
            (
                "ambiwide",
                "交互界面：终端把 “ ” — … 显示为两列宽（东亚宽度不明的字符按宽字符计）",
            ),
            ("open", "交互界面：只看未勾选完成的里程碑"),
            ("overdue", "交互界面：只看逾期的里程碑（未完成且已过期限）"),
            ("uncertain", "交互界面：只看分工待核实的举措"),
            (
                "unit",
                "交互界面：只看某单位牵头或配合的举措（名称、简称或拼音）",
            ),
            ("lead", "交互界面：只看某单位牵头的举措"),
            ("coop", "交互界面：只看某单位配合的举措"),
            (
                "due",
                "交互界面：只看期限在 起..止 之间的里程碑（日或月；两端均可省略，如 ..2020-06）",
            ),
        ],
    },
    Entry {
        key: "who",
        about: "谁牵头：按文字、标题、编号或单位查找任务和举措，最相关的在前",
        args: &[
            (
                "query",
                "标题或举措中的词语、编号（9.2），或单位名称、简称（发改委）",
            ),
            LIMIT,
            ("json", "以 JSON 列出结果，最相关的在前"),
        ],
    },
    Entry {
        key: "search",
        about: "像 `fzf --filter` 一样搜索任务、举措和单位：模糊匹配、拼音、按范围筛选",
        args: &[
            (
                "query",
                "词语（须同时满足）；fzf 的 'exact ^前缀 后缀$ !排除 a | b，范围 @牵头 +配合 #编号 >日期 <日期",
            ),
            LIMIT,
            (
                "json",
                "以 JSON 列出结果，最相关的在前：类别、编号、字段、文字、位置、牵头、配合",
            ),
        ],
    },
    Entry {
        key: "show",
        about: "完整显示一项任务（9）、举措（9.2）或里程碑（9.2.1）",
        args: &[("id", "任务、举措或里程碑的编号（9、9.2、9.2.1）"), JSON],
    },
    Entry {
        key: "list",
        about: "打印任务树：各部分、任务、举措及其牵头单位",
        args: &[("json", "以 JSON 输出整份文件")],
    },
    Entry {
        key: "unit",
        about: "一个单位牵头和配合的事项；不给名称时列出全部单位及其项数",
        args: &[
            (
                "name",
                "单位名称，按原文（市市场监管局）或简称（市场监管局）；`alias 名称 另一名称` 把两个名称记为同一单位（适用于工作区的全部通知）",
            ),
            ("more", "alias 之后：两个名称"),
            JSON,
        ],
    },
    Entry {
        key: "check",
        about: "勾选里程碑：一个里程碑（9.2.1）、整条举措（9.2）或整项任务（9）",
        args: &[IDS, ("note", "给勾选的每个里程碑附一行备注"), CHANGED_JSON],
    },
    Entry {
        key: "uncheck",
        about: "取消勾选里程碑（取消也有记录，合并时优先于更早的勾选）",
        args: &[IDS, CHANGED_JSON],
    },
    Entry {
        key: "log",
        about: "在里程碑或举措的进度日志中记一条带日期的记录（--status done 同时勾选）",
        args: &[
            ("id", "里程碑（9.2.1）或举措（9.2）的编号"),
            ("text", "进展情况（一行）"),
            (
                "status",
                "未启动、推进中、已完成或受阻（not-started / in-progress / done / blocked）",
            ),
            ("by", "报告人（默认：git 的 user.name，否则为登录名）"),
        ],
    },
    Entry {
        key: "progress",
        about: "总体、各部分和各任务的完成数 / 总数；逾期里程碑",
        args: &[JSON],
    },
    Entry {
        key: "deadlines",
        about: "按时限分组列出里程碑，附举措、牵头单位和完成情况；标出逾期的",
        args: &[JSON],
    },
];
