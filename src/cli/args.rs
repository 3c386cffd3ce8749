//! The command line as clap reads it: the top-level options, every command and its arguments,
//! and `--help`'s examples. Running them is `cli::run`'s.

use clap::{Parser, Subcommand};
use clap_complete::Shell;

use super::{Global, context, doc, export, log, output, report, search, state, verify};

/// `fgf --version` also names the embedded document.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (embedded document: 渝府办发〔2019〕103号)"
);

const ABOUT: &str = "放管服 task tree in the terminal: who leads what in 渝府办发〔2019〕103号.
重庆市深化“放管服”改革重点任务分工：谁牵头、谁配合、何时完成。";

/// `fgf --help`'s examples: (command, what it does), aligned by display width (CJK is two columns).
pub(super) const EXAMPLES: [(&str, &str); 17] = [
    ("fgf who 企业开办", "who leads 企业开办, best first"),
    (
        "fgf search 'fgw 营商 >2019'",
        "fzf syntax, scopes (@lead #id >date), pinyin",
    ),
    (
        "fgf who 发改委 --json",
        "what 市发展改革委 leads or supports, as JSON",
    ),
    (
        "fgf show 9.2",
        "one measure in full, milestones and their state",
    ),
    ("fgf list", "the whole tree: ids, titles, lead units"),
    (
        "fgf unit 市场监管局",
        "what one unit leads and supports; pinyin too",
    ),
    ("fgf check 9.2.1", "check off 9.2.1 (9.2: a whole measure)"),
    (
        "fgf log 9.2.1 已起草",
        "a dated entry in its log (--status 受阻, --by)",
    ),
    ("fgf progress", "done / total per section and task; overdue"),
    (
        "fgf report -o 报告.docx",
        "a report: sections, units, overdue (md, docx)",
    ),
    (
        "fgf deadlines",
        "milestones by deadline, overdue ones marked",
    ),
    ("fgf state path", "where the check-offs are kept"),
    (
        "fgf export --format csv --bom",
        "the allocation table for a spreadsheet",
    ),
    (
        "fgf --doc 国办发.json list",
        "another document (or FGF_DOC=国办发.json)",
    ),
    (
        "fgf add 国办发.json 通知.txt",
        "keep notices in the workspace (fgf docs)",
    ),
    (
        "fgf who 发改委",
        "with several notices: across all, each named",
    ),
    (
        "fgf doc check 国办发.json",
        "each problem of a file, with line and column",
    ),
];

/// `fgf --help` after the options.
fn after_help() -> String {
    let mut out = String::from(
        "Without a command, fgf opens the interactive view when stdout is a terminal.
Messages are in Chinese, or English with --lang en or a locale (LC_ALL, LC_MESSAGES, LANG)
starting with en.

Examples:
",
    );
    out.push_str(&output::aligned(&EXAMPLES, "  "));
    out
}

#[derive(Debug, Parser)]
#[command(name = "fgf", version = VERSION, about = ABOUT, after_help = after_help())]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub global: Global,
    /// Language of messages, labels and hints (zh or en; default from the locale, else zh).
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// Interactive view: capture the mouse (off by default so you can select and copy text).
    #[arg(long)]
    pub mouse: bool,
    /// Interactive view: the terminal draws “ ” — … two columns wide (East Asian ambiguous = wide).
    #[arg(long)]
    pub ambiwide: bool,
    #[command(flatten)]
    pub filter: super::filter::FilterArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Who leads it: find tasks and measures by text, title, id or unit, best first.
    #[command(
        after_help = "Examples:\n  fgf who 企业开办\n  fgf who 税务局 --limit 3\n  fgf who 9.2 --json"
    )]
    Who {
        /// Words of a title or measure, an id (9.2), or a unit name or short form (发改委).
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many hits (0: all).
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// A JSON list of hits, best first.
        #[arg(long)]
        json: bool,
    },
    /// Search tasks, measures and units like `fzf --filter`: fuzzy words, pinyin, scopes.
    #[command(after_help = search::help())]
    Search {
        /// Words (AND), fzf's 'exact ^prefix suffix$ !not a | b, scopes @lead +with #id >date <date.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many hits (0: all).
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// A JSON list of hits, best first: kind, id, field, text, positions, lead, support.
        #[arg(long)]
        json: bool,
    },
    /// Show one task (9), measure (9.2) or milestone (9.2.1) in full.
    #[command(after_help = "Examples:\n  fgf show 7\n  fgf show 7.2\n  fgf show 19.3.2 --json")]
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the tree: sections, tasks, measures with their lead units.
    #[command(after_help = "Examples:\n  fgf list\n  fgf list --json | jq '.sections[0].tasks[0]'")]
    List {
        /// The whole document as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What a unit leads and supports; without a name, every unit with its counts.
    #[command(
        after_help = "Examples:\n  fgf unit\n  fgf unit 市场监管局\n  fgf unit 重庆市税务局 --json"
    )]
    Unit {
        /// A unit name as printed (市市场监管局) or a short form (市场监管局); `alias NAME OTHER`
        /// records that two names are one body, across the workspace's notices.
        name: Option<String>,
        /// After `alias`: the two names.
        #[arg(hide = true)]
        more: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check off milestones: a milestone (9.2.1), a whole measure (9.2) or a whole task (9).
    #[command(
        after_help = "Examples:\n  fgf check 9.2.1\n  fgf check 7.2 19.3.1 --note 已报送市政府"
    )]
    Check {
        /// Milestone (9.2.1), measure (9.2) or task (9) ids.
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
        /// A one-line note kept with each milestone checked.
        #[arg(long)]
        note: Option<String>,
        /// What changed and the progress after, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Uncheck milestones again (the uncheck is recorded, so it wins over older check-offs in a merge).
    #[command(after_help = "Examples:\n  fgf uncheck 9.2.1\n  fgf uncheck 19")]
    Uncheck {
        /// Milestone (9.2.1), measure (9.2) or task (9) ids.
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
        /// What changed and the progress after, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a dated entry to a milestone's or measure's progress log (--status done checks it off too).
    #[command(
        after_help = "Examples:\n  fgf log 9.2.1 已起草方案 --status 推进中\n  fgf log 9.2 等待市财政局意见 --status blocked --by 张三\n  fgf log 9.2.1 已报送 --status done"
    )]
    Log {
        /// Milestone (9.2.1) or measure (9.2) id.
        id: String,
        /// What happened, one line.
        text: String,
        /// not-started, in-progress, done or blocked (未启动 / 推进中 / 已完成 / 受阻).
        #[arg(long, value_parser = log::parse_status)]
        status: Option<crate::domain::progress::LogStatus>,
        /// Who reports it [default: git's user.name, else the login name].
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Done / total overall, per section and per task; overdue milestones.
    #[command(
        after_help = "Examples:\n  fgf progress\n  fgf progress --as-of 2020-01-01\n  fgf progress --json | jq .overdue"
    )]
    Progress {
        #[arg(long)]
        json: bool,
    },
    /// Milestones grouped by deadline, with measure, lead units and state; overdue ones marked.
    #[command(after_help = "Examples:\n  fgf deadlines\n  fgf deadlines --as-of 2019-10-18 --json")]
    Deadlines {
        #[arg(long)]
        json: bool,
    },
    /// The state file: where it is, check it, export, import or merge another.
    #[command(
        subcommand,
        after_help = "Examples:\n  fgf state path\n  fgf state check\n  fgf state export > mine.json\n  fgf state merge colleague.json"
    )]
    State(state::StateCommand),
    /// The allocation table as Markdown, CSV or JSON, for a report, a spreadsheet or a script.
    #[command(
        after_help = "Examples:\n  fgf export --format md > 分工.md\n  fgf export --format csv --bom --progress > 进度.csv\n  fgf export --format md --unit 税务局"
    )]
    Export {
        #[arg(long, value_enum, default_value = "md")]
        format: export::Format,
        /// Add each measure's state (done / total, overdue milestones) from the state file.
        #[arg(long)]
        progress: bool,
        /// Only what this unit leads or supports (name or short form), with its role.
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// CSV: start with a UTF-8 byte order mark, so that Excel reads the Chinese right.
        #[arg(long)]
        bom: bool,
    },
    /// A 督查 report: completion by section and lead unit, overdue milestones by unit with their
    /// latest status, changes since a day, uncertain allocations; Markdown or Word.
    #[command(
        after_help = "Examples:\n  fgf report > 督查报告.md\n  fgf report -o 督查报告.docx --since 2026-11-01\n  fgf report --unit 发改委 --as-of 2020-01-01"
    )]
    Report {
        /// md or docx [default: docx when -o names a .docx file, else md].
        #[arg(long, value_enum)]
        format: Option<report::Format>,
        /// Write to FILE instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<std::path::PathBuf>,
        /// Also list what changed (check-offs, log entries) from DATE (YYYY-MM-DD) on.
        #[arg(long, value_name = "DATE", value_parser = context::since_date)]
        since: Option<jiff::civil::Date>,
        /// Only what this unit leads (name or short form).
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
    },
    /// Record that a measure's allocation was checked against a named source (the official table).
    #[command(
        after_help = "Examples:\n  fgf verify 10.4 --lead 口岸办 财政局 --support 海关 铁路办事处 各区县政府 --source '正式文本第6页'\n  fgf verify 10.4 --clear\n  fgf verify --list"
    )]
    Verify(verify::Args),
    /// Other documents: check one, print the format's JSON Schema, generate a synthetic one.
    #[command(
        subcommand,
        after_help = "Examples:\n  fgf doc check district.json\n  fgf doc schema > document.schema.json\n  fgf doc generate --measures 10000 --seed 1 > big.json\n  fgf --doc district.json list"
    )]
    Doc(doc::DocCommand),
    /// Import a notice (text from a web page or PDF, .docx, .csv, .xlsx; `-` for standard
    /// input) as a format-2 document: standard output, or OUT with -o. What was read and what
    /// could not be placed go to standard error.
    #[command(
        after_help = "Examples:\n  fgf import 通知.txt -o notice.json\n  fgf import 分工表.xlsx > notice.json\n  pbpaste | fgf import - > notice.json\n  fgf --doc notice.json"
    )]
    Import {
        path: std::path::PathBuf,
        /// Write the document here (never over an existing file without --force).
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Keep notices in the workspace: a JSON document is checked, anything else imported first.
    #[command(
        after_help = "Examples:\n  fgf add notice.json\n  fgf add 通知.txt 分工表.xlsx\n  pbpaste | fgf add -\n  fgf add --embedded"
    )]
    Add {
        /// Files to add (a document, or a notice's text, .docx, .csv, .xlsx); `-` reads one from
        /// standard input.
        #[arg(required_unless_present = "embedded")]
        paths: Vec<std::path::PathBuf>,
        /// Bring back the embedded 渝府办发〔2019〕103号 after `fgf rm`.
        #[arg(long)]
        embedded: bool,
    },
    /// The notices of the workspace: id, 文号, title, issuer, date, measures, done / total, overdue.
    #[command(after_help = "Examples:\n  fgf docs\n  fgf docs --json")]
    Docs {
        #[arg(long)]
        json: bool,
    },
    /// Remove a notice from the workspace (its check-offs stay in its state file).
    #[command(after_help = "Examples:\n  fgf rm 103号\n  fgf rm example-2020-1")]
    Rm {
        /// The notice's id, 文号, or the 文号's unique ending (39号).
        id: String,
    },
    /// Print shell completions.
    #[command(
        after_help = "Example:\n  fgf completions bash > ~/.local/share/bash-completion/completions/fgf"
    )]
    Completions { shell: Shell },
}
