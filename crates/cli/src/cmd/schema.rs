//! `cryptoreg schema`: writes (or, with `--check`, verifies) the JSON Schemas of the data files.

use crate::cli::SchemaArgs;
use anyhow::Context as _;
use std::process::ExitCode;

pub fn run(args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let mut stale = Vec::new();
    for (name, text) in cryptoreg_core::schema::data_schemas() {
        let path = args.out.join(name);
        if args.check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path.display().to_string());
            }
        } else {
            std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
            std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: stale schema(s): {}; run `cryptoreg schema`", stale.join(", "));
        Ok(ExitCode::from(super::EXIT_FAILURE))
    }
}
