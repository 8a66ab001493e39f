//! `cryptoreg jurisdictions`: one line per jurisdiction, with the frameworks that apply there.

use crate::cli::{Format, ListArgs};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::jurisdiction::{JurisdictionHeader, jurisdictions};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let list: Vec<JurisdictionHeader> = jurisdictions(&dataset);
    let ids = |v: &[cryptoreg_core::ids::FrameworkId]| v.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" ");
    let out = match args.format {
        Format::Json => render::json(&list)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["code", "name", "region", "member_of", "frameworks", "only_in_part"])?;
            for j in &list {
                w.write_record([
                    j.code.as_str(),
                    &j.name,
                    j.region.as_str(),
                    &j.member_of.join(" "),
                    &ids(&j.frameworks),
                    &ids(&j.only_in),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["code", "name", "region", "member of", "frameworks"]);
            for j in &list {
                t.add_row([
                    Cell::new(j.code.as_str()),
                    Cell::new(&j.name),
                    Cell::new(j.region.label()),
                    Cell::new(j.member_of.join(" ")),
                    Cell::new(ids(&j.frameworks)),
                ]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
