//! The `cryptoreg` command: parses arguments and dispatches to one subcommand module each.

mod cli;
mod cmd;
mod data;
mod render;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(cmd::EXIT_FAILURE)
        }
    }
}
