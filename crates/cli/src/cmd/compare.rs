//! `cryptoreg compare <ID>...`: the comparison table in the chosen format.

use super::usage_error;
use crate::cli::{CompareArgs, Format};
use crate::{data, render};
use cryptoreg_core::query::compare::{CompareRequest, compare};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let request = CompareRequest {
        frameworks: args.frameworks.clone(),
        aspects: args.aspects.clone(),
        groups: args.group.clone(),
        sort: args.sort.clone(),
        desc: args.desc,
        as_of: args.as_of.clone(),
    };
    let comparison = match compare(&dataset, &request) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(e)),
    };
    let out = match args.format {
        Format::Table | Format::Markdown => render::comparison_table(&comparison, args.format, args.transpose),
        Format::Csv => render::comparison_csv(&comparison, args.transpose)?,
        Format::Json => render::json(&comparison)?,
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
