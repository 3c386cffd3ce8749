//! The Chinese help, part 2: the state file, export and report, verification, documents and the
//! workspace (see zh.rs).

use super::zh::Entry;

const JSON: (&str, &str) = ("json", "以 JSON 输出");

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "state",
        about: "状态文件：位置、检查、导出、导入，或合并他人的状态文件",
        args: &[],
    },
    Entry {
        key: "state path",
        about: "打印状态文件的位置（文件可能还不存在）",
        args: &[],
    },
    Entry {
        key: "state check",
        about: "检查状态文件（或指定文件）：指明错误及其位置，或说明文件内容",
        args: &[("file", "要检查的状态文件（默认：本文件的状态文件）")],
    },
    Entry {
        key: "state export",
        about: "把状态以 JSON（状态文件的格式）打印到标准输出，如带到另一台电脑",
        args: &[],
    },
    Entry {
        key: "state import",
        about: "用指定文件替换状态；会丢失该文件中没有的勾选记录时拒绝执行，除非加 --force",
        args: &[
            ("file", "要导入的状态文件"),
            ("force", "即使会丢失勾选记录或本地较新的改动，也照样替换"),
        ],
    },
    Entry {
        key: "state merge",
        about: "把另一个状态文件合并到本地：每个里程碑以较晚的改动为准（与同时保存时相同）",
        args: &[("file", "要合并的状态文件")],
    },
    Entry {
        key: "state merge-driver",
        about: "git 合并驱动（git 传入 %O %A %B）：像 merge 一样把对方版本静默合并进我方版本；遇到无法读取的文件则报错、不写入（git 随即报告冲突）",
        args: &[
            ("base", "共同祖先版本（%O）"),
            ("ours", "我方版本（%A），合并结果写回这里"),
            ("theirs", "对方版本（%B）"),
        ],
    },
    Entry {
        key: "state git-setup",
        about: "把一个 git 仓库设为团队的进度仓库：.gitattributes、.gitignore、git 配置中的合并驱动；打印应使用的 FGF_STATE 设置",
        args: &[("dir", "仓库中的目录（默认：当前目录）")],
    },
    Entry {
        key: "export",
        about: "把分工表导出为 Markdown、CSV 或 JSON，用于报告、电子表格或脚本",
        args: &[
            ("format", "导出格式"),
            (
                "progress",
                "加上每条举措的完成情况（完成数 / 总数、逾期里程碑），取自状态文件",
            ),
            (
                "unit",
                "只导出该单位牵头或配合的事项（名称或简称），并注明其角色",
            ),
            (
                "bom",
                "CSV：开头加 UTF-8 字节顺序标记（BOM），Excel 才能正确显示中文",
            ),
        ],
    },
    Entry {
        key: "report",
        about: "督查报告：按部分和牵头单位的完成情况，按单位列出逾期里程碑及其最新状态，某日以来的变化，分工待核的举措；Markdown 或 Word",
        args: &[
            (
                "format",
                "md 或 docx（默认：-o 指定 .docx 文件时为 docx，否则为 md）",
            ),
            ("output", "写入该文件，不输出到标准输出"),
            (
                "since",
                "另列出自该日（YYYY-MM-DD）起的变化（勾选、进度日志）",
            ),
            ("unit", "只含该单位牵头的事项（名称或简称）"),
        ],
    },
    Entry {
        key: "verify",
        about: "记录某条举措的分工已对照指定来源（如正式分工表）核实",
        args: &[
            ("id", "举措编号（10.4）"),
            ("lead", "来源所列的牵头单位（名称、简称或全称）"),
            ("support", "来源所列的配合单位"),
            ("source", "核实所依据的来源（文件、页码、文本）"),
            ("by", "核实人（默认：$USER）"),
            ("clear", "撤销对该举措的核实，恢复文件推断的分工"),
            ("list", "列出已核实的和仍属推断的分工"),
            ("json", "以 JSON 输出所记录的内容（或列表）"),
        ],
    },
    Entry {
        key: "doc",
        about: "其他文件：检查文件，打印文件格式的 JSON Schema，生成合成文件",
        args: &[],
    },
    Entry {
        key: "doc check",
        about: "检查文件：列出每个问题及其 JSON 路径、行号和列号。文件有效时退出状态为 0，无效时为 1",
        args: &[("path", "要检查的文件")],
    },
    Entry {
        key: "doc schema",
        about: "打印 fgf 文件格式的 JSON Schema（docs/document.schema.json）",
        args: &[],
    },
    Entry {
        key: "doc generate",
        about: "打印一份有效的合成文件：由内置文件的条文和单位重新组合而成",
        args: &[
            ("measures", "举措条数（每项任务 10 条）"),
            ("seed", "种子相同，生成的文件也相同"),
            (
                "id",
                "文件编号（文号以它结尾），使生成的文件可以同在一个工作区：`--id gen-7`",
            ),
        ],
    },
    Entry {
        key: "import",
        about: "导入通知（网页或 PDF 中的文字、.docx、.csv、.xlsx；`-` 为标准输入），转为格式 2 的文件：输出到标准输出，或用 -o 写入文件。读出了什么、哪些未能归入，写到标准错误",
        args: &[
            ("path", "通知所在的文件（`-` 为标准输入）"),
            ("output", "把文件写到这里（不加 --force 时不覆盖已有文件）"),
            ("force", "输出文件已存在时替换它"),
        ],
    },
    Entry {
        key: "add",
        about: "把通知加入工作区：JSON 文件先检查，其他格式先导入",
        args: &[
            (
                "paths",
                "要加入的文件（fgf 文件，或通知的文字、.docx、.csv、.xlsx）",
            ),
            (
                "embedded",
                "在 `fgf rm` 之后恢复内置的渝府办发〔2019〕103号",
            ),
        ],
    },
    Entry {
        key: "docs",
        about: "工作区中的通知：编号、文号、标题、发文机关、日期、举措数、完成数 / 总数、逾期",
        args: &[JSON],
    },
    Entry {
        key: "rm",
        about: "从工作区移除一份通知（其勾选记录仍保留在状态文件中）",
        args: &[(
            "id",
            "通知的编号、文号，或文号末尾能唯一确定的部分（如 39号）",
        )],
    },
    Entry {
        key: "completions",
        about: "打印 shell 的命令补全脚本",
        args: &[("shell", "shell 的种类")],
    },
];
