//! The `fgf` binary: parse arguments, pick the CLI or the TUI, map errors to exit codes.

use std::io::IsTerminal;
use std::process::ExitCode;

use fgf::cli::{self, Cli};
use fgf::tui::{self, app, i18n::Lang, theme::Theme};

/// mimalloc rather than the system allocator: loading a large document makes millions of small
/// strings, and with glibc's malloc the allocations, the page faults of fresh memory and the
/// frees took a third of `fgf --doc BIG search` (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages unless a large document is loaded (`cli::huge_pages`). Turned off
/// here, before `main` and so before the first allocation: mimalloc may back its very first memory
/// with a huge page, and a stall assembling one is what made the interactive view's first frame
/// take up to 45 ms now and then.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES_YET: extern "C" fn() = {
    extern "C" fn no_huge_pages() {
        cli::huge_pages(false);
    }
    no_huge_pages
};

fn main() -> ExitCode {
    let args = cli::parse();
    let lang = Lang::detect(args.lang.as_deref());
    cli::lang::set(lang);
    let result = match args.command {
        Some(_) if args.filter.is_set() => Err(anyhow::anyhow!(lang.pick(
            "--open --overdue --uncertain --unit --lead --coop --due 只用于交互界面（不带命令）",
            "--open --overdue --uncertain --unit --lead --coop --due apply to the interactive view only (no command)"
        ))),
        Some(command) => {
            restore_sigpipe();
            cli::run(command, &args.global)
        }
        None => run_interactive(&args, lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fgf: {}", cli::error_text(&e));
            ExitCode::FAILURE
        }
    }
}

/// Like other command-line tools, a command whose reader goes away (`fgf list | head`) ends
/// quietly, killed by SIGPIPE, instead of failing on a broken pipe. (Rust ignores SIGPIPE.)
fn restore_sigpipe() {
    // SAFETY: setting a signal's disposition to its default, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The interactive view: on the workspace's list of notices when it holds more than one (and no
/// `--doc` names one), else on the one notice exactly as before.
fn run_interactive(args: &Cli, lang: Lang) -> anyhow::Result<ExitCode> {
    // Freed memory back to the system at once (the list drops 50k measures' catalogs).
    tui::on_trim(|| {
        // SAFETY: mi_collect has no preconditions; it only frees memory no longer in use.
        unsafe { libmimalloc_sys::mi_collect(true) }
    });
    if args.global.doc_path().is_none() {
        // More than one notice: the list's first screen is drawn from the notices it shows, and
        // the others are loaded right after it, before any key is read.
        if let Some((count, first)) = cli::first_notices(tui::workspace::rows_on_screen())? {
            return run_workspace(first, count, args, lang);
        }
        let mut cats = cli::notices()?;
        if cats.len() > 1 {
            let count = cats.len();
            return run_workspace(cats, count, args, lang);
        }
        if let Some(cat) = cats.pop() {
            return run_tui(cat, args, lang, false, None);
        }
    }
    args.global
        .catalog()
        .and_then(|cat| run_tui(cat, args, lang, false, None))
}

/// The list of notices; Enter opens one, and quitting it comes back to the list. `U` / `D` there
/// open the units and deadlines views across every notice, whose Enter opens a notice at a row.
/// `cats`: the first of the workspace's `count` notices (all of them, or those of the first
/// screen: then the others are loaded once it is drawn).
fn run_workspace(
    cats: Vec<fgf::domain::Catalog>,
    count: usize,
    args: &Cli,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    if let Some(code) = no_terminal(lang) {
        return Ok(code);
    }
    let opts = tui_options(args, lang);
    let theme = Theme::new(opts.color);
    // The user's unit aliases join names across notices; without a readable manifest, none.
    let aliases = fgf::domain::workspace::Workspace::locate()
        .map(|w| w.aliases().to_vec())
        .unwrap_or_default();
    let mut rest = cats.len() < count;
    let notices = tui::workspace::across::Notices {
        cats,
        heads: Vec::new(),
        shelf: None,
        progress: Vec::new(),
        aliases,
        opts,
        as_of: args.global.as_of.is_some(),
    };
    let mut list = tui::workspace::List::new(Vec::new(), lang, theme).with_notices(notices);
    // The rest: every notice read in place from the cache when it holds them all as they are
    // now (the catalogs loaded only when a view needs them), else every notice loaded.
    let mut load_rest = |list: &mut tui::workspace::List| -> anyhow::Result<()> {
        if let Some(n) = list.notices_mut() {
            match cli::shelf(&args.global)? {
                Some((shelf, heads)) => {
                    n.cats = Vec::new();
                    n.heads = heads;
                    n.shelf = Some(std::rc::Rc::new(shelf));
                }
                None => n.cats = cli::notices()?,
            }
        }
        fill(list, 0);
        Ok(())
    };
    let mut refill = true;
    loop {
        // Progress read again each time: the notice just closed may have changed it.
        if refill {
            fill(&mut list, if rest { count } else { 0 });
        }
        refill = true;
        let then: Option<tui::workspace::Then> = match std::mem::take(&mut rest) {
            true => Some(&mut load_rest),
            false => None,
        };
        let (i, at) = match tui::workspace::pick(&mut list, args.mouse, then)? {
            tui::workspace::Picked::Open(i) => (i, None),
            tui::workspace::Picked::OpenAt(i, loc) => (i, Some(loc)),
            tui::workspace::Picked::Save(i) => {
                save_one(&mut list, args, i);
                refill = false;
                continue;
            }
            tui::workspace::Picked::Load => {
                // From the shelf, so that the views show the notices the list shows; read
                // from the workspace only if an archive there does not read (its checks held).
                if let Some(n) = list.notices_mut()
                    && !n.load_from_shelf()
                {
                    n.cats = cli::notices()?;
                    if n.cats.len() != n.heads.len() {
                        // The workspace changed meanwhile: its notices as they are now.
                        n.heads = Vec::new();
                        n.shelf = None;
                    }
                }
                fill(&mut list, 0);
                list.loaded();
                refill = false;
                continue;
            }
            _ => return Ok(ExitCode::SUCCESS),
        };
        if let Some(cat) = list.notice(i) {
            run_tui(cat, args, lang, true, at)?;
        }
    }
}

/// Saves notice `i`'s check-offs (Space in a cross-notice view) to its own state file, merged
/// with what others wrote, and tells the list; its row counted again.
fn save_one(list: &mut tui::workspace::List, args: &Cli, i: usize) {
    let Some(n) = list.notices_mut() else {
        return;
    };
    let (cat, p) = (&n.cats[i], &n.progress[i]);
    let store = cli::store_of(&args.global, cat, true);
    let result = store
        .as_ref()
        .map_err(|e| e.to_string())
        .and_then(|s| s.save(p.state()).map_err(|e| e.to_string()))
        .map(|saved| saved.state)
        .map_err(|why| {
            let on_disk = store.as_ref().ok().and_then(|s| s.load().ok());
            (why, on_disk)
        });
    list.saved(i, result);
    let row = list
        .notices_mut()
        .map(|n| row_of(&n.cats[i], &n.progress[i], n.opts.today));
    if let (Some(row), Some(r)) = (row, list.rows.get_mut(i)) {
        *r = row;
    }
}

/// The list's rows from its notices and their check-offs, read again; rows not loaded yet (up to
/// `count`) are blank, and off the first screen. Notices read in place from the cache (no
/// catalog loaded) are counted from their archives.
fn fill(list: &mut tui::workspace::List, count: usize) {
    let Some(n) = list.notices_mut() else {
        return;
    };
    let ids: Vec<String> = (0..n.len())
        .filter_map(|i| n.doc(i).map(|d| d.id.clone()))
        .collect();
    n.progress = ids
        .iter()
        .map(|id| {
            let state = cli::store_of_id(id).and_then(|s| Ok(s.load()?));
            fgf::domain::Progress::new(state.unwrap_or_else(|_| fgf::domain::State::new(id)))
        })
        .collect();
    // Verified readings (`fgf verify`) in place of the inferred, as in the notice itself.
    for (cat, p) in n.cats.iter_mut().zip(&n.progress) {
        if !p.state().verified.is_empty() {
            cat.apply_verified(p.state());
        }
    }
    let today = n.opts.today;
    let mut rows: Vec<tui::workspace::Row> = match (&n.shelf, n.loaded()) {
        (Some(shelf), false) => {
            shelf.each(|i, held| shelf_row(held, &n.heads[i], &n.progress[i], today))
        }
        _ => n
            .cats
            .iter()
            .zip(&n.progress)
            .map(|(cat, p)| row_of(cat, p, today))
            .collect(),
    };
    rows.resize(count.max(rows.len()), tui::workspace::Row::default());
    list.rows = rows;
    list.refresh();
}

/// A notice's row from the shelf: counted in its archive (the embedded notice, loaded, as
/// `row_of`).
fn shelf_row(
    held: &fgf::domain::cache::Held,
    head: &fgf::domain::Document,
    p: &fgf::domain::Progress,
    today: jiff::civil::Date,
) -> tui::workspace::Row {
    use fgf::domain::cache::{Held, figures};
    let f = match held {
        Held::Loaded(cat) => return row_of(cat, p, today),
        Held::Archive { kept, .. } => figures(kept.doc(), p, today),
    };
    // (No figures: a deadline in the archive that is no date, which its checks rule out.)
    let f = f.unwrap_or(fgf::domain::cache::Figures {
        measures: 0,
        tally: Default::default(),
        overdue: 0,
    });
    tui::workspace::Row {
        label: fgf::domain::workspace::label_of(head).to_string(),
        title: head.title.clone(),
        done: f.tally.done,
        total: f.tally.total,
        overdue: f.overdue,
    }
}

/// A notice's row in the list: its label, title and progress on `today`.
fn row_of(
    cat: &fgf::domain::Catalog,
    p: &fgf::domain::Progress,
    today: jiff::civil::Date,
) -> tui::workspace::Row {
    let tally = p.overall(cat);
    tui::workspace::Row {
        label: fgf::domain::workspace::label(cat).to_string(),
        title: cat.doc.title.clone(),
        done: tally.done,
        total: tally.total,
        overdue: p.overdue(cat, today).len(),
    }
}

/// Why the interactive view cannot start here (stdout not a terminal, TERM=dumb), said on stderr.
fn no_terminal(lang: Lang) -> Option<ExitCode> {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "fgf: {}",
            lang.pick(
                "标准输出不是终端，交互界面不启动。\n  脚本和管道请用命令：fgf list、fgf who 查询词、fgf show 编号（见 fgf --help）。",
                "stdout is not a terminal, so the interactive view does not start.\n  For scripts and pipes use the commands: fgf list, fgf who QUERY, fgf show ID (see fgf --help)."
            )
        );
        return Some(ExitCode::from(2));
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        eprintln!(
            "fgf: {}",
            lang.pick(
                "终端类型为 dumb（TERM=dumb），无法显示全屏界面。请用命令：fgf list、fgf who 关键词、fgf show 编号（见 fgf --help）。",
                "this terminal is TERM=dumb: the full-screen view cannot run. Use the commands: fgf list, fgf who QUERY, fgf show ID (see fgf --help)."
            )
        );
        return Some(ExitCode::from(2));
    }
    None
}

/// The interactive view's options from the command line and the environment.
fn tui_options(args: &Cli, lang: Lang) -> app::Options {
    app::Options {
        lang,
        today: args.global.today(),
        ambiwide: args.ambiwide,
        color: Theme::color_from_env(),
        ascii: tui::i18n::non_utf8_locale().is_some(),
    }
}

/// One notice in the interactive view; `at`: shown at that task, measure or milestone.
fn run_tui(
    cat: fgf::domain::Catalog,
    args: &Cli,
    lang: Lang,
    many: bool,
    at: Option<fgf::domain::Loc>,
) -> anyhow::Result<ExitCode> {
    // The command line's filter, read (and refused, naming the flag) before anything starts.
    let (filter, filter_note) = args.filter.filter(&cat)?;
    if let Some(code) = no_terminal(lang) {
        return Ok(code);
    }
    let locale = tui::i18n::non_utf8_locale();
    let opts = tui_options(args, lang);
    // The check-offs: a state file fgf cannot read opens read-only, with the reason on screen,
    // and is never written.
    let loaded =
        cli::store_of(&args.global, &cat, many).and_then(|store| Ok((store.load()?, store)));
    let (app, store) = match loaded {
        // A read-only file (chmod 0400) is shown and never replaced. Verified readings
        // (`fgf verify`) are shown in place of the inferred ones.
        Ok((state, store)) => {
            let (cat, _) = cat.with_verified(&state);
            match store.read_only() {
                None => (
                    app::App::new(cat, opts).with_progress(state, None),
                    Some(store),
                ),
                Some(why) => (
                    app::App::new(cat, opts)
                        .with_progress(state, Some(cli::error_text(&anyhow::Error::from(why)))),
                    None,
                ),
            }
        }
        Err(e) => (
            // In the run's language, like every message.
            app::App::new(cat, opts).with_progress_error(cli::error_text(&e)),
            None,
        ),
    };
    let mut app = app.with_as_of(args.global.as_of.is_some());
    if !filter.is_empty() {
        app.set_filter(filter);
    }
    if let Some(note) = filter_note {
        app.set_status(fgf::domain::text::sanitize(&note).into_owned());
    }
    if let Some(loc) = at {
        app.jump_to(loc);
    }
    if let Some(locale) = locale {
        let locale = fgf::domain::text::sanitize(&locale).into_owned();
        app.set_status(match lang {
            Lang::Zh => format!(
                "区域设置 {locale} 不是 UTF-8：边框和标记改用 ASCII；中文可能显示不全（可设 LANG=C.UTF-8）"
            ),
            Lang::En => format!(
                "locale {locale} is not UTF-8: boxes and markers in ASCII; Chinese may not show (try LANG=C.UTF-8)"
            ),
        });
    }
    tui::run(app, args.mouse, store)?;
    Ok(ExitCode::SUCCESS)
}
