//! The `cryptoreg` command: parses arguments and dispatches to one subcommand module each.

mod cli;
mod cmd;
mod data;
mod render;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: building an answer makes many small, short-lived allocations
/// (cell views, citations, rendered fragments), where glibc's malloc and free were 40% of a cache miss's CPU. Built
/// with `no_thp`: mimalloc does not ask for transparent huge pages, which kept megabytes resident for a few live
/// objects. Version 2 of mimalloc (the `v2` feature) returns freed pages to the system 10 ms after they are freed, where
/// version 3 waits a second: the same instructions per answer, 7 to 9 MB less resident after a busy minute. Its other
/// settings come from the environment (`MIMALLOC_*`; docs/DEPLOY.md, "Memory").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
