//! `cryptoreg export --format sqlite|csv|json <path>`.

use crate::cli::{ExportArgs, ExportFormat};
use crate::data;
use anyhow::Context as _;
use cryptoreg_store::{Format, export};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let format = match args.format {
        ExportFormat::Sqlite => Format::Sqlite,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    export(&dataset, format, &args.path)
        .with_context(|| format!("export to {} failed; nothing was written there", args.path.display()))?;
    eprintln!("wrote {} ({} frameworks)", args.path.display(), dataset.frameworks.len());
    Ok(ExitCode::SUCCESS)
}
