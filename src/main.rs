//! The `fgf` binary: parse arguments, pick the CLI (or, later, the TUI), map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use fgf::cli::{self, Cli};
use fgf::domain::seeds;

fn main() -> ExitCode {
    let args = Cli::parse();
    let cat = seeds::embedded();
    let Some(command) = args.command else {
        eprintln!(
            "fgf: the interactive view is not built yet; try `fgf list`, `fgf who QUERY` or `fgf --help`"
        );
        return ExitCode::from(2);
    };
    match cli::run(&cat, command, &args.global) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fgf: {e:#}");
            ExitCode::FAILURE
        }
    }
}
