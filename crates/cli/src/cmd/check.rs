//! `cryptoreg check [DIR]`: every diagnostic of every file; exit 1 if any error.

use crate::cli::CheckArgs;
use crate::data;
use cryptoreg_core::Severity;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(global_data: Option<&Path>, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    if args.rules {
        for rule in cryptoreg_core::lint::RULES {
            let severity = if rule.severity == Severity::Error { "error" } else { "warning" };
            println!("{:<26} {severity:<8} {}", rule.name, rule.description);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let dir: Option<PathBuf> = args
        .dir
        .clone()
        .or_else(|| global_data.map(Path::to_path_buf))
        .or_else(|| Path::new("data/aspects.toml").exists().then(|| PathBuf::from("data")));
    let loaded = data::load_loaded(dir.as_deref())?;
    let shown: Vec<_> = loaded.diagnostics.iter().filter(|d| !args.quiet || d.severity == Severity::Error).collect();
    let (errors, warnings) = data::counts(&loaded);
    if args.json {
        println!("{}", crate::render::json(&shown)?.trim_end());
    } else {
        for d in &shown {
            println!("{d}");
        }
        let place = dir.as_ref().map_or_else(|| "the built-in dataset".to_owned(), |d| d.display().to_string());
        let frameworks = loaded.dataset.frameworks.len();
        eprintln!("checked {place}: {frameworks} frameworks, {errors} error(s), {warnings} warning(s)");
    }
    Ok(if errors > 0 { ExitCode::from(super::EXIT_FAILURE) } else { ExitCode::SUCCESS })
}
