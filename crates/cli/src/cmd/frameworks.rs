//! `cryptoreg frameworks`: one line per framework.

use crate::cli::{Format, ListArgs};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::views::FrameworkHeader;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let headers: Vec<FrameworkHeader> = dataset.frameworks.values().map(|f| FrameworkHeader::build(f, None)).collect();
    let out = match args.format {
        Format::Json => render::json(&headers)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["id", "short", "name", "kind", "status", "jurisdictions", "established"])?;
            for h in &headers {
                w.write_record([
                    h.id.as_str(),
                    &h.short,
                    &h.name,
                    h.kind.as_str(),
                    h.status.as_str(),
                    &h.jurisdictions.join(" "),
                    &h.established.map(|d| d.to_string()).unwrap_or_default(),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["id", "short name", "kind", "status", "where"]);
            for h in &headers {
                t.add_row([
                    Cell::new(&h.id),
                    Cell::new(&h.short),
                    Cell::new(h.kind),
                    Cell::new(h.status),
                    Cell::new(h.jurisdictions.join(" ")),
                ]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
