//! `cryptoreg gaps`: each requirement a standard recommends, with the jurisdictions that leave it open.

use super::usage_error;
use crate::cli::{Format, GapsArgs};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::alignment::gaps;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &GapsArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let gaps = match gaps(&dataset, args.aspect.as_deref(), args.as_of.as_deref()) {
        Ok(g) => g,
        Err(e) => return Ok(usage_error(e)),
    };
    let codes = |v: &[cryptoreg_core::ids::Jurisdiction]| v.iter().map(|j| j.as_str()).collect::<Vec<_>>().join(" ");
    let ids = |v: &[cryptoreg_core::ids::FrameworkId]| v.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" ");
    let out = match args.format {
        Format::Json => render::json(&gaps)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["requirement", "aspect", "recommended_by", "absent", "unknown"])?;
            for g in &gaps.gaps {
                w.write_record([
                    g.requirement.as_str(),
                    g.aspect.as_str(),
                    &ids(&g.standards),
                    &codes(&g.absent),
                    &codes(&g.unknown),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["requirement", "aspect", "recommended by", "absent", "unknown"]);
            for g in &gaps.gaps {
                t.add_row([
                    Cell::new(&g.label),
                    Cell::new(&g.aspect),
                    Cell::new(ids(&g.standards)),
                    Cell::new(format!("{}: {}", g.absent.len(), codes(&g.absent))),
                    Cell::new(format!("{}: {}", g.unknown.len(), codes(&g.unknown))),
                ]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
