//! One module per subcommand; each calls the core and renders the result. No logic of their own.

mod align;
mod aspects;
mod changes;
mod check;
mod compare;
mod docs;
mod export;
mod frameworks;
mod gaps;
mod jurisdictions;
mod path;
mod schema;
mod search;
mod serve;
mod show;
mod stats;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Exit code for a failed check or a runtime failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code for bad input: unknown ids, malformed dates, too few frameworks.
pub const EXIT_USAGE: u8 = 2;

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::Serve(args) => serve::run(data, &args),
        Command::Check(args) => check::run(data, &args),
        Command::Compare(args) => compare::run(data, &args),
        Command::Frameworks(args) => frameworks::run(data, &args),
        Command::Jurisdictions(args) => jurisdictions::run(data, &args),
        Command::Align(args) => align::run(data, &args),
        Command::Gaps(args) => gaps::run(data, &args),
        Command::Path(args) => path::run(data, &args),
        Command::Changes(args) => changes::run(data, &args),
        Command::Search(args) => search::run(data, &args),
        Command::Aspects(args) => aspects::run(data, &args),
        Command::Show(args) => show::run(data, &args),
        Command::Export(args) => export::run(data, &args),
        Command::Stats(args) => stats::run(data, &args),
        Command::Docs(args) => docs::run(data, &args),
        Command::Schema(args) => schema::run(&args),
    }
}

/// Prints a one-line bad-input error, ending with where to find valid values, and returns the usage exit code.
pub fn usage_error(error: cryptoreg_core::query::QueryError) -> ExitCode {
    use cryptoreg_core::query::QueryError as E;
    let message = error.to_string();
    let tip = match error {
        E::UnknownFramework { .. } | E::TooFewColumns { .. } => {
            "`cryptoreg frameworks` lists the framework ids; `-j` takes jurisdiction codes such as EU, US, JP"
        }
        E::UnknownAspect { .. } | E::UnknownGroup { .. } => "`cryptoreg aspects` lists the aspect and group ids",
        E::UnknownSortKey { .. } | E::MalformedSortKey { .. } => {
            "sort by `chosen`, `name`, `aspect`, an aspect id, `<aspect>.<parameter>` (see `cryptoreg aspects`) or a framework id"
        }
        E::InvalidDate { .. } => "dates are written YYYY-MM-DD, e.g. 2024-06-30",
        E::UnknownJurisdiction { .. } => {
            "`cryptoreg jurisdictions` lists the codes (ISO 3166-1 alpha-2 such as GB, US-NY style, EU), names and synonyms"
        }
        E::InvalidChoice { .. } => "see `cryptoreg compare --help`",
        E::UnknownActivity { .. } => "`cryptoreg path` with no --activity lists the activities",
        E::NotAStandard { .. } => "`cryptoreg frameworks` lists the international standards under that kind",
    };
    eprintln!("error: {message} ({tip})");
    ExitCode::from(EXIT_USAGE)
}
